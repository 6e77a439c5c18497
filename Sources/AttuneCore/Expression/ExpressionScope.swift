/// The type of a value in a condition.
public enum ExpressionType: Hashable, Sendable, CustomStringConvertible {
  /// A number: `bond`, `task`, `goal`, `visits(ID)`, number literals, numeric variables.
  case number
  /// True or false: `true`, `false`, boolean variables, comparisons and their combinations.
  case boolean

  public var description: String {
    switch self {
    case .number: "number"
    case .boolean: "boolean"
    }
  }

  /// The type as messages name it: "a number" or "a true/false value".
  var phrase: String {
    switch self {
    case .number: "a number"
    case .boolean: "a true/false value"
    }
  }
}

/// The names a scenario declares, against which its conditions are checked.
public struct ExpressionScope: Sendable {
  /// The declared variables and their types.
  public var variables: [String: ExpressionType]
  /// The ids that `visits(ID)` may count: those of turns and options.
  public var visitTargets: Set<String>

  /// Creates a scope from the scenario's variables and the ids of its turns and options.
  public init(variables: [String: ExpressionType], visitTargets: Set<String>) {
    self.variables = variables
    self.visitTargets = visitTargets
  }

  /// Checks a parsed condition: every name must be `bond`, `task`, `goal` or a declared
  /// variable, every `visits(ID)` must name a turn or option, numbers and true/false values
  /// must not be mixed, and the whole condition must be true or false.
  ///
  /// Returns the problems in reading order, empty if there are none. An operand with a problem
  /// does not cause further problems in the operators around it.
  public func check(_ expression: Expression) -> [ExpressionProblem] {
    var problems: [ExpressionProblem] = []
    if infer(expression, &problems) == .number {
      problems.append(
        ExpressionProblem(
          .expressionType,
          "the condition is a number, not true or false; compare it with a value, as in"
            + " '\(Self.exampleComparison(expression))'",
          at: expression.range))
    }
    return problems.enumerated()
      .sorted {
        ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
      }
      .map(\.element)
  }

  /// The type of an expression, or `nil` if it has a problem already reported.
  public func type(of expression: Expression) -> ExpressionType? {
    var problems: [ExpressionProblem] = []
    return infer(expression, &problems)
  }

  private func infer(_ expression: Expression, _ problems: inout [ExpressionProblem])
    -> ExpressionType?
  {
    switch expression {
    case .number, .alliance: return .number
    case .boolean: return .boolean
    case .variable(let name, let range):
      if let type = variables[name] { return type }
      problems.append(unknownVariable(name, at: range))
      return nil
    case .visits(let id, _, let idRange):
      if !visitTargets.contains(id) {
        problems.append(
          ExpressionProblem(
            .unknownVisitTarget,
            "no turn or option has the id \(ExpressionProblem.quote(id)), so its visits cannot be"
              + " counted; write the id of a turn or option of this scenario",
            at: idRange, suggestion: NameSuggestion.closest(to: id, among: visitTargets)))
      }
      return .number
    case .not(let operand, _):
      switch infer(operand, &problems) {
      case .boolean: return .boolean
      case .number:
        problems.append(
          ExpressionProblem(
            .expressionType,
            "'not' needs a true/false value, but \(Self.quote(operand)) is a number; to negate"
              + " a comparison put it in parentheses, as in"
              + " 'not (\(Self.exampleComparison(operand)))'",
            at: operand.range))
        return nil
      case nil: return nil
      }
    case .comparison(let lhs, let op, let rhs, let range):
      let left: ExpressionType?
      if case .not(let operand, let notRange) = lhs, notRange.lowerBound == range.lowerBound {
        let operandType = infer(operand, &problems)
        if operandType == .number {
          // `not bond >= 50` reads as `(not bond) >= 50`: say so once, not twice.
          _ = infer(rhs, &problems)
          problems.append(
            ExpressionProblem(
              .expressionType,
              "'not' applies before the comparison, so this reads as '(not \(operand))"
                + " \(op.rawValue) \(rhs)' and 'not' gets a number; write"
                + " 'not (\(operand) \(op.rawValue) \(rhs))'",
              at: notRange.lowerBound..<range.upperBound))
          return .boolean
        }
        left = operandType
      } else {
        left = infer(lhs, &problems)
      }
      let right = infer(rhs, &problems)
      if let left, let right, let problem = Self.checkComparison(lhs, left, op, rhs, right, range) {
        problems.append(problem)
      }
      return .boolean
    case .and(let lhs, let rhs, _), .or(let lhs, let rhs, _):
      let word = if case .and = expression { "and" } else { "or" }
      for operand in [lhs, rhs] {
        guard infer(operand, &problems) == .number else { continue }
        problems.append(
          ExpressionProblem(
            .expressionType,
            "'\(word)' joins two conditions, but \(Self.quote(operand)) is a number, not true or"
              + " false; compare it with a value, as in '\(Self.exampleComparison(operand))'",
            at: operand.range))
      }
      return .boolean
    }
  }

  private static func checkComparison(
    _ lhs: Expression, _ left: ExpressionType, _ op: ComparisonOperator, _ rhs: Expression,
    _ right: ExpressionType, _ range: Range<Int>
  ) -> ExpressionProblem? {
    let symbol = "'\(op.rawValue)'"
    if op.isOrdering {
      switch (left, right) {
      case (.number, .number): return nil
      case (.boolean, .boolean):
        return ExpressionProblem(
          .expressionType,
          "\(symbol) compares numbers, but both sides are true/false values: the left side"
            + " \(quote(lhs)) and the right side \(quote(rhs)); to compare true/false values use"
            + " '==' or '!='",
          at: range)
      case (.boolean, .number), (.number, .boolean):
        let (flag, number, flagSide, numberSide) =
          left == .boolean ? (lhs, rhs, "left", "right") : (rhs, lhs, "right", "left")
        return ExpressionProblem(
          .expressionType,
          "\(symbol) compares numbers, but its \(flagSide) side \(quote(flag)) is a true/false"
            + " value (its \(numberSide) side \(quote(number)) is a number); test a true/false"
            + " value on its own, as in '\(flag)' or 'not \(flag)'",
          at: flag.range)
      }
    }
    guard left != right else { return nil }
    return ExpressionProblem(
      .expressionType,
      "\(symbol) compares two numbers or two true/false values, but its left side \(quote(lhs))"
        + " is \(left.phrase) and its right side \(quote(rhs)) is \(right.phrase)",
      at: range)
  }

  private func unknownVariable(_ name: String, at range: Range<Int>) -> ExpressionProblem {
    let candidates = Array(variables.keys) + AllianceDimension.allCases.map(\.rawValue)
    var suggestion = NameSuggestion.closest(to: name, among: candidates)
    let lower = name.lowercased()
    if suggestion == nil, lower != name, ExpressionLexer.keywords.contains(lower) {
      suggestion = lower
    }
    let message =
      if visitTargets.contains(name) {
        "'\(name)' is the id of a turn or option, not a variable; to test whether it was visited"
          + " write 'visits(\(name)) > 0'"
      } else if lower != name, ExpressionLexer.keywords.contains(lower) {
        "'\(name)' is not a name; the words of conditions are written in lower case: '\(lower)'"
      } else {
        "'\(name)' is not a declared variable, nor bond, task or goal; declare it under"
          + " \"variables\" or correct the spelling"
      }
    return ExpressionProblem(.unknownVariable, message, at: range, suggestion: suggestion)
  }

  /// An expression in a message, quoted and shortened.
  private static func quote(_ expression: Expression) -> String {
    ExpressionProblem.quote(expression.description)
  }

  /// A comparison that turns a number into a condition, for messages.
  private static func exampleComparison(_ expression: Expression) -> String {
    var text = expression.description
    if expression.height > 1 || text.unicodeScalars.count > 30 { text = "x" }
    if case .alliance = expression { return "\(text) >= 50" }
    return "\(text) > 0"
  }
}
