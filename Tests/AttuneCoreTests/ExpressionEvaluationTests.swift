import Testing

@testable import AttuneCore

@Suite struct ExpressionEvaluationTests: ExpressionTestCase {
  static let environment = ExpressionTableEnvironment(
    bond: 55, task: 40, goal: 70,
    variables: ["apologised": 1, "pushed": 0, "trust": 3, "count": 2.5],
    visits: ["opening-silence": 2, "ask-more": 0])

  @Test(arguments: [
    ("bond >= 50 and not apologised", false),
    ("bond >= 50 and not pushed", true),
    ("bond > 55", false),
    ("bond >= 55", true),
    ("bond == 55 and task != 55 and goal < 70.5", true),
    ("bond <= 54.9", false),
    ("visits(opening-silence) > 1 or trust < 2", true),
    ("visits(opening-silence) == 2", true),
    ("visits(\"opening-silence\") >= 3", false),
    ("visits(ask-more) == 0", true),
    ("(task < 40 || goal < 40) && !pushed", false),
    ("(task <= 40 || goal < 40) && !pushed", true),
    ("apologised", true),
    ("pushed", false),
    ("not pushed", true),
    ("!!apologised", true),
    ("true", true),
    ("false", false),
    ("apologised == true", true),
    ("pushed == apologised", false),
    ("pushed != apologised", true),
    ("(bond > 50) == apologised", true),
    ("(bond > 60) != (task > 60)", false),
    ("count > 2 and count < 3", true),
    ("trust >= -1", true),
    ("-1 < -0.5", true),
    ("bond > 60 or task > 30 and goal > 60", true),
    ("(bond > 60 or task > 30) and goal > 80", false),
    ("bond > 60 or task > 50 or goal == 70", true),
    ("not (bond > 60) and not (goal < 10)", true),
  ])
  func handWorkedCases(text: String, expected: Bool) throws {
    let expression = try parsed(text)
    #expect(expression.evaluate(in: Self.environment) == expected, "\(text)")
    #expect(compiled(expression).evaluate(Self.environment) == expected, "compiled: \(text)")
  }

  @Test func unknownNamesReadAsZeroOrFalse() throws {
    let environment = Self.environment
    #expect(try parsed("ghost").evaluate(in: environment) == false)
    #expect(try parsed("ghost == 0").evaluate(in: environment))
    #expect(try parsed("visits(nowhere) == 0").evaluate(in: environment))
    #expect(try parsed("not ghost").evaluate(in: environment))
  }

  @Test func uncheckedExpressionsStillEvaluate() throws {
    let environment = Self.environment
    #expect(try parsed("bond and task").evaluate(in: environment), "numbers other than 0 hold")
    #expect(try parsed("not 0").evaluate(in: environment))
    #expect(try parsed("apologised < 3").evaluate(in: environment), "true reads as 1")
    #expect(try parsed("not bond >= 0").evaluate(in: environment), "(not bond) is 0")
    #expect(try parsed("not bond >= 1").evaluate(in: environment) == false)
  }

  @Test func andAndOrShortCircuit() throws {
    let counter = ExpressionCountingEnvironment()
    #expect(try parsed("false and visits(a) > 0").evaluate(in: counter) == false)
    #expect(try parsed("true or visits(a) > 0").evaluate(in: counter))
    #expect(counter.visitReads == 0)
    #expect(try parsed("true and visits(a) == 0").evaluate(in: counter))
    #expect(counter.visitReads == 1)
  }

  @Test func variablesAreReadAsBooleansInConditionsAndAsNumbersInComparisons() throws {
    // `number(ofVariable:)` and `bool(ofVariable:)` disagree here on purpose, to show which is
    // used where.
    struct Split: ExpressionEnvironment {
      func number(ofVariable name: String) -> Double { 7 }
      func bool(ofVariable name: String) -> Bool { false }
      func alliance(_ dimension: AllianceDimension) -> Double { 0 }
      func visits(_ id: String) -> Int { 0 }
    }
    #expect(try parsed("flag").evaluate(in: Split()) == false)
    #expect(try parsed("flag == 7").evaluate(in: Split()))
    #expect(try parsed("not flag").evaluate(in: Split()))
  }

  @Test func theCompiledFormAgreesWithEvaluateOnRandomExpressions() {
    var random = ExpressionTestRandom(seed: 0x5EED_2024)
    var generator = ExpressionGenerator()
    var checked = 0
    var held = 0
    for round in 0..<2_000 {
      let expression =
        round.isMultiple(of: 4)
        ? generator.anyExpression(depth: 5, using: &random)
        : generator.condition(depth: 5, using: &random)
      let program = compiled(expression)
      for _ in 0..<25 {
        let environment = ExpressionTableEnvironment.random(using: &random)
        let expected = expression.evaluate(in: environment)
        let actual = program.evaluate(environment)
        if actual != expected {
          Issue.record("\(expression): evaluate \(expected), compiled \(actual) in \(environment)")
          return
        }
        checked += 1
        held += expected ? 1 : 0
      }
    }
    #expect(checked == 50_000)
    #expect(held > 5_000 && held < 45_000, "the generator gives both outcomes often: \(held)")
  }

  @Test func theCompiledFormReadsTheGivenSlots() throws {
    let expression = try parsed("flag and visits(b) >= 2 and x < goal")
    let program = CompiledCondition(
      expression, variableIndices: ["x": 0, "flag": 3], visitIndices: ["a": 0, "b": 1])
    #expect(program.variableSlotCount == 4)
    #expect(program.visitSlotCount == 2)
    #expect(program.testCount == 3)
    #expect(program.constantValue == nil)
    #expect(program.evaluate(alliance: (0, 0, 50), variables: [10, 0, 0, 1], visits: [0, 2]))
    #expect(!program.evaluate(alliance: (0, 0, 50), variables: [10, 0, 0, 0], visits: [0, 2]))
    #expect(!program.evaluate(alliance: (0, 0, 50), variables: [10, 0, 0, 1], visits: [9, 1]))
    #expect(!program.evaluate(alliance: (0, 0, 10), variables: [10, 0, 0, 1], visits: [0, 2]))
    let buffers = [10.0, 0, 0, 1].withUnsafeBufferPointer { variables in
      [0, 2].withUnsafeBufferPointer { visits in
        program.evaluate(alliance: (0, 0, 50), variables: variables, visits: visits)
      }
    }
    #expect(buffers)
  }

  @Test func constantConditionsCompileToNoTests() throws {
    for (text, value) in [("true", true), ("1 < 2", true), ("not true or false", false)] {
      let program = compiled(try parsed(text))
      #expect(program.constantValue == value, "\(text)")
      #expect(program.testCount == 0)
      #expect(program.evaluate(alliance: (0, 0, 0), variables: [], visits: []) == value)
    }
    let unknown = CompiledCondition(
      try parsed("ghost or visits(nowhere) > 0"), variableIndices: [:], visitIndices: [:])
    #expect(unknown.constantValue == false, "names missing from the maps read as 0")
  }

  @Test func nestedBooleanEqualitiesStaySmall() throws {
    // a == (b == (c == ...)) would double in size with each level if both sides were copied.
    var text = "x0"
    for index in 1..<30 { text = "x\(index) == (\(text))" }
    let expression = try parsed(text)
    let indices = Dictionary(uniqueKeysWithValues: (0..<30).map { ("x\($0)", $0) })
    let program = CompiledCondition(expression, variableIndices: indices, visitIndices: [:])
    #expect(program.testCount < 100)
    var values = [Double](repeating: 1, count: 30)
    #expect(program.evaluate(alliance: (0, 0, 0), variables: values, visits: []))
    values[7] = 0
    #expect(!program.evaluate(alliance: (0, 0, 0), variables: values, visits: []))
    values[8] = 0
    #expect(program.evaluate(alliance: (0, 0, 0), variables: values, visits: []))
  }

  @Test func referencedNames() throws {
    let expression = try parsed(
      "visits(a) > 1 and (flag or visits(\"b c\") == 0) and not other and bond > task")
    #expect(expression.referencedVariables == ["flag", "other"])
    #expect(expression.referencedVisitTargets == ["a", "b c"])
    #expect(expression.referencedAllianceDimensions == [.bond, .task])
  }
}

// MARK: - Helpers shared by the expression tests

/// Helpers shared by the expression test suites.
protocol ExpressionTestCase {}

extension ExpressionTestCase {
  /// Parses a condition, failing the test with the problem if it does not parse.
  func parsed(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> Expression
  {
    switch ExpressionParser.parse(text) {
    case .success(let expression): return expression
    case .failure(let problem):
      Issue.record(
        "\(text.debugDescription) does not parse: \(problem)", sourceLocation: sourceLocation)
      throw problem
    }
  }

  /// The syntax error of a condition that should not parse.
  func syntaxProblem(_ text: String, limits: ExpressionLimits = .default) -> ExpressionProblem? {
    if case .failure(let problem) = ExpressionParser.parse(text, limits: limits) { return problem }
    return nil
  }

  /// Compiles against the slots of ``ExpressionTableEnvironment``.
  func compiled(_ expression: Expression) -> CompiledCondition {
    CompiledCondition(
      expression, variableIndices: ExpressionTableEnvironment.variableSlots,
      visitIndices: ExpressionTableEnvironment.visitSlots)
  }
}

/// An environment of plain tables; booleans are stored as 1 and 0.
struct ExpressionTableEnvironment: ExpressionEnvironment, CustomStringConvertible {
  /// The variables the random generator uses, then those of the hand-written tests.
  static let variableNames = [
    "n1", "n2", "n3", "b1", "b2", "b3", "apologised", "pushed", "trust", "count", "flag", "x",
    "other",
  ]
  static let visitNames = ["v1", "v2", "opening-silence", "ask-more", "a", "b"]
  static let variableSlots = Dictionary(
    uniqueKeysWithValues: variableNames.enumerated().map { ($1, $0) })
  static let visitSlots = Dictionary(uniqueKeysWithValues: visitNames.enumerated().map { ($1, $0) })

  var allianceValues: (Double, Double, Double)
  var variables: [String: Double]
  var visits: [String: Int]

  init(
    bond: Double, task: Double, goal: Double, variables: [String: Double], visits: [String: Int]
  ) {
    allianceValues = (bond, task, goal)
    self.variables = variables
    self.visits = visits
  }

  static func random(using random: inout ExpressionTestRandom) -> ExpressionTableEnvironment {
    let alliance: [Double] = [0, 40, 50, 55, 60, 100]
    let numbers: [Double] = [-1, 0, 1, 2, 2.5, 50]
    var variables: [String: Double] = [:]
    for name in ["n1", "n2", "n3"] { variables[name] = numbers.randomElement(using: &random)! }
    for name in ["b1", "b2", "b3"] { variables[name] = Bool.random(using: &random) ? 1 : 0 }
    return ExpressionTableEnvironment(
      bond: alliance.randomElement(using: &random)!, task: alliance.randomElement(using: &random)!,
      goal: alliance.randomElement(using: &random)!, variables: variables,
      visits: [
        "v1": Int.random(in: 0...3, using: &random), "v2": Int.random(in: 0...3, using: &random),
      ])
  }

  func number(ofVariable name: String) -> Double { variables[name] ?? 0 }

  func alliance(_ dimension: AllianceDimension) -> Double {
    switch dimension {
    case .bond: allianceValues.0
    case .task: allianceValues.1
    case .goal: allianceValues.2
    }
  }

  func visits(_ id: String) -> Int { visits[id] ?? 0 }

  var description: String {
    "alliance \(allianceValues), variables \(variables.sorted { $0.key < $1.key }), visits"
      + " \(visits.sorted { $0.key < $1.key })"
  }
}

extension CompiledCondition {
  /// Evaluates over the slots of an ``ExpressionTableEnvironment``.
  func evaluate(_ environment: ExpressionTableEnvironment) -> Bool {
    evaluate(
      alliance: environment.allianceValues,
      variables: ExpressionTableEnvironment.variableNames.map { environment.variables[$0] ?? 0 },
      visits: ExpressionTableEnvironment.visitNames.map { environment.visits[$0] ?? 0 })
  }
}

/// Counts how often visits are read, to observe short-circuiting.
final class ExpressionCountingEnvironment: ExpressionEnvironment {
  var visitReads = 0
  func number(ofVariable name: String) -> Double { 0 }
  func alliance(_ dimension: AllianceDimension) -> Double { 0 }
  func visits(_ id: String) -> Int {
    visitReads += 1
    return 0
  }
}

/// A small, fast, deterministic random number generator (SplitMix64).
struct ExpressionTestRandom: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates random expressions over the names of ``ExpressionTableEnvironment`` (and unknown
/// names), without source ranges.
struct ExpressionGenerator {
  private let none = 0..<0
  private let numbers: [Double] = [-1, 0, 1, 2, 2.5, 50, 55, 100]

  /// A well-typed condition.
  mutating func condition(depth: Int, using random: inout ExpressionTestRandom) -> Expression {
    let choice =
      depth == 0 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<8, using: &random)
    switch choice {
    case 0: return .variable(["b1", "b2", "b3", "ghost"].randomElement(using: &random)!, at: none)
    case 1:
      return Bool.random(using: &random)
        ? .boolean(Bool.random(using: &random), at: none)
        : .variable("b1", at: none)
    case 2:
      return .comparison(
        number(using: &random), ComparisonOperator.allCases.randomElement(using: &random)!,
        number(using: &random), at: none)
    case 3: return .not(condition(depth: depth - 1, using: &random), at: none)
    case 4, 5:
      return .and(
        condition(depth: depth - 1, using: &random), condition(depth: depth - 1, using: &random),
        at: none)
    case 6:
      return .or(
        condition(depth: depth - 1, using: &random), condition(depth: depth - 1, using: &random),
        at: none)
    default:
      return .comparison(
        condition(depth: depth - 1, using: &random),
        [ComparisonOperator.equal, .notEqual].randomElement(using: &random)!,
        condition(depth: depth - 1, using: &random), at: none)
    }
  }

  /// A numeric leaf.
  func number(using random: inout ExpressionTestRandom) -> Expression {
    switch Int.random(in: 0..<4, using: &random) {
    case 0: .number(numbers.randomElement(using: &random)!, at: none)
    case 1: .alliance(AllianceDimension.allCases.randomElement(using: &random)!, at: none)
    case 2: .variable(["n1", "n2", "n3"].randomElement(using: &random)!, at: none)
    default: .visits(["v1", "v2", "nowhere"].randomElement(using: &random)!, at: none, idAt: none)
    }
  }

  /// Any expression, types mixed at random, as an unchecked expression may be.
  mutating func anyExpression(depth: Int, using random: inout ExpressionTestRandom) -> Expression {
    let choice =
      depth == 0 ? Int.random(in: 0..<2, using: &random) : Int.random(in: 0..<6, using: &random)
    switch choice {
    case 0: return number(using: &random)
    case 1: return condition(depth: 0, using: &random)
    case 2: return .not(anyExpression(depth: depth - 1, using: &random), at: none)
    case 3:
      return .and(
        anyExpression(depth: depth - 1, using: &random),
        anyExpression(depth: depth - 1, using: &random),
        at: none)
    case 4:
      return .or(
        anyExpression(depth: depth - 1, using: &random),
        anyExpression(depth: depth - 1, using: &random),
        at: none)
    default:
      return .comparison(
        anyExpression(depth: depth - 1, using: &random),
        ComparisonOperator.allCases.randomElement(using: &random)!,
        anyExpression(depth: depth - 1, using: &random), at: none)
    }
  }
}
