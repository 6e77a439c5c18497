import AttuneCore

/// Fuzzes conditions: parsing any text must give an expression or a problem located inside the
/// text; an expression's description must parse back to the same description; a checked
/// expression must evaluate to the same answer directly and compiled.
enum ExpressionTarget {
  /// The names the fuzzed conditions are checked against.
  static let scope = ExpressionScope(
    variables: [
      "pushed": .boolean, "apologised": .boolean, "attempts": .number, "score": .number,
    ],
    visitTargets: ["opening", "validate", "wrap-up", "turn 2"])

  /// One state of a session to evaluate conditions in.
  static let environment = FixedEnvironment(
    alliance: [.bond: 40, .task: 55.5, .goal: 50],
    variables: ["pushed": 1, "apologised": 0, "attempts": 2, "score": -1.5],
    visits: ["opening": 1, "validate": 0, "wrap-up": 3, "turn 2": 2])

  static func run(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let length = text.unicodeScalars.count
    let expression: Expression
    switch ExpressionParser.parse(text) {
    case .failure(let problem):
      requireInside(problem, length)
      return
    case .success(let parsed): expression = parsed
    }
    let canonical = expression.description
    let unlimited = ExpressionLimits(maximumLength: .max, maximumDepth: .max)
    switch ExpressionParser.parse(canonical, limits: unlimited) {
    case .failure(let problem):
      preconditionFailure("the description '\(canonical)' does not parse: \(problem)")
    case .success(let reparsed):
      precondition(
        reparsed.description == canonical,
        "the description '\(canonical)' parses back as '\(reparsed.description)'")
    }
    let problems = scope.check(expression)
    for problem in problems { requireInside(problem, length) }
    guard problems.isEmpty else { return }
    let direct = expression.evaluate(in: environment)
    let compiled = environment.evaluateCompiled(expression)
    precondition(direct == compiled, "'\(text)' is \(direct) evaluated but \(compiled) compiled")
  }

  /// Traps unless the problem's range lies within a text of `length` Unicode scalars.
  static func requireInside(_ problem: ExpressionProblem, _ length: Int) {
    precondition(
      problem.range.lowerBound >= 0 && problem.range.upperBound <= length,
      "the problem \(problem) is outside the text of \(length) scalars")
  }
}
