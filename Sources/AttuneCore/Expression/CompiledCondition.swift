/// A condition compiled for fast, repeated evaluation over plain arrays, as the exhaustive
/// analyser needs: no dictionary look-ups, no allocation, no recursion.
///
/// Compilation turns the expression into a branching program: a list of numeric tests, each
/// comparing two operands (a constant, an alliance dimension, a variable slot or a visit slot)
/// and naming the test to go to next when it holds and when it does not, or the final answer.
/// `and`, `or` and `not` become jumps, so evaluation is a short loop that runs only the tests
/// the answer depends on, exactly as `and` and `or` short-circuit in
/// ``Expression/evaluate(in:)``. The results always agree with `evaluate(in:)` for an
/// environment holding the same values.
///
/// The state is given as:
/// - `alliance`: `(bond, task, goal)`, the order of ``AllianceDimension/allCases``;
/// - `variables`: one `Double` per variable, at the index given by `variableIndices` when
///   compiling; a boolean variable holds 1 for true and 0 for false;
/// - `visits`: one count per turn or option, at the index given by `visitIndices`.
///
/// Names missing from the index maps read as 0 (false). The arrays must have at least
/// ``variableSlotCount`` and ``visitSlotCount`` elements.
public struct CompiledCondition: Hashable, Sendable {
  /// Where a test reads a number.
  enum Operand: Hashable, Sendable {
    case constant(Double)
    case bond
    case task
    case goal
    case variable(Int)
    case visits(Int)
  }

  /// One step: compare two operands, then go on to `ifTrue` or `ifFalse`.
  struct Test: Hashable, Sendable {
    var lhs: Operand
    var op: ComparisonOperator
    var rhs: Operand
    /// The next test's index, or ``CompiledCondition/holds`` or ``CompiledCondition/fails``.
    var ifTrue: Int32
    var ifFalse: Int32
  }

  /// The target meaning "the condition holds".
  static let holds: Int32 = -1
  /// The target meaning "the condition does not hold".
  static let fails: Int32 = -2

  private(set) var tests: [Test]
  private let entry: Int32
  /// One more than the largest variable index the condition reads (0 if it reads none).
  public let variableSlotCount: Int
  /// One more than the largest visit index the condition reads (0 if it reads none).
  public let visitSlotCount: Int

  /// Compiles an expression (assumed checked) against index maps of the variables and the
  /// visit targets. Indices must not be negative.
  public init(
    _ expression: Expression, variableIndices: [String: Int], visitIndices: [String: Int]
  ) {
    var compiler = ConditionCompiler(variableIndices: variableIndices, visitIndices: visitIndices)
    entry = compiler.condition(expression, ifTrue: Self.holds, ifFalse: Self.fails)
    tests = compiler.tests
    variableSlotCount = compiler.variableSlotCount
    visitSlotCount = compiler.visitSlotCount
  }

  /// The number of tests in the program; at most one per comparison or name in the condition,
  /// except that a comparison between two true/false values may repeat the smaller side.
  public var testCount: Int { tests.count }

  /// The result if it does not depend on the state (as for `true`, or `1 < 2`), else `nil`.
  public var constantValue: Bool? {
    switch entry {
    case Self.holds: true
    case Self.fails: false
    default: nil
    }
  }

  /// Whether the condition holds for a state given as buffers.
  public func evaluate(
    alliance: (Double, Double, Double), variables: UnsafeBufferPointer<Double>,
    visits: UnsafeBufferPointer<Int>
  ) -> Bool {
    precondition(
      variables.count >= variableSlotCount && visits.count >= visitSlotCount,
      "the state has fewer variables or visit counts than the condition reads")
    var target = entry
    tests.withUnsafeBufferPointer { tests in
      while target >= 0 {
        let test = tests[Int(target)]
        let lhs = Self.read(test.lhs, alliance, variables, visits)
        let rhs = Self.read(test.rhs, alliance, variables, visits)
        target = test.op.compare(lhs, rhs) ? test.ifTrue : test.ifFalse
      }
    }
    return target == Self.holds
  }

  /// Whether the condition holds for a state given as arrays.
  public func evaluate(alliance: (Double, Double, Double), variables: [Double], visits: [Int])
    -> Bool
  {
    variables.withUnsafeBufferPointer { variables in
      visits.withUnsafeBufferPointer { visits in
        evaluate(alliance: alliance, variables: variables, visits: visits)
      }
    }
  }

  @inline(__always)
  private static func read(
    _ operand: Operand, _ alliance: (Double, Double, Double),
    _ variables: UnsafeBufferPointer<Double>, _ visits: UnsafeBufferPointer<Int>
  ) -> Double {
    switch operand {
    case .constant(let value): value
    case .bond: alliance.0
    case .task: alliance.1
    case .goal: alliance.2
    case .variable(let index): variables[index]
    case .visits(let index): Double(visits[index])
    }
  }
}

/// Builds the tests of a ``CompiledCondition``, from the last to the first, so that every
/// jump target exists before the test that names it.
private struct ConditionCompiler {
  let variableIndices: [String: Int]
  let visitIndices: [String: Int]
  var tests: [CompiledCondition.Test] = []
  var variableSlotCount = 0
  var visitSlotCount = 0

  init(variableIndices: [String: Int], visitIndices: [String: Int]) {
    self.variableIndices = variableIndices
    self.visitIndices = visitIndices
  }

  /// Compiles `expression` as a condition; returns the target to start at.
  mutating func condition(_ expression: Expression, ifTrue: Int32, ifFalse: Int32) -> Int32 {
    if ifTrue == ifFalse { return ifTrue }
    switch expression {
    case .boolean(let value, _):
      return value ? ifTrue : ifFalse
    case .number, .alliance, .variable, .visits:
      return test(operand(expression)!, .notEqual, .constant(0), ifTrue, ifFalse)
    case .not(let operand, _):
      return condition(operand, ifTrue: ifFalse, ifFalse: ifTrue)
    case .and(let lhs, let rhs, _):
      let right = condition(rhs, ifTrue: ifTrue, ifFalse: ifFalse)
      return condition(lhs, ifTrue: right, ifFalse: ifFalse)
    case .or(let lhs, let rhs, _):
      let right = condition(rhs, ifTrue: ifTrue, ifFalse: ifFalse)
      return condition(lhs, ifTrue: ifTrue, ifFalse: right)
    case .comparison(let lhs, let op, let rhs, _):
      return comparison(lhs, op, rhs, ifTrue: ifTrue, ifFalse: ifFalse)
    }
  }

  /// Compiles a comparison. Leaves are read as numbers; a side that is itself a condition is
  /// compiled as jumps to the comparisons of 1 and 0 with the other side.
  mutating func comparison(
    _ lhs: Expression, _ op: ComparisonOperator, _ rhs: Expression, ifTrue: Int32,
    ifFalse: Int32
  ) -> Int32 {
    switch (operand(lhs), operand(rhs)) {
    case (let left?, let right?):
      return test(left, op, right, ifTrue, ifFalse)
    case (nil, let right?):
      let one = test(.constant(1), op, right, ifTrue, ifFalse)
      let zero = test(.constant(0), op, right, ifTrue, ifFalse)
      return condition(lhs, ifTrue: one, ifFalse: zero)
    case (let left?, nil):
      let one = test(left, op, .constant(1), ifTrue, ifFalse)
      let zero = test(left, op, .constant(0), ifTrue, ifFalse)
      return condition(rhs, ifTrue: one, ifFalse: zero)
    case (nil, nil):
      // Both sides are conditions: branch on the larger and compile the smaller once for each
      // of its values, so that the program grows at most polynomially with nesting.
      let leftIsLarger = lhs.nodeCount >= rhs.nodeCount
      let (large, small) = leftIsLarger ? (lhs, rhs) : (rhs, lhs)
      func outcome(_ largeValue: Double, _ smallValue: Double) -> Bool {
        leftIsLarger ? op.compare(largeValue, smallValue) : op.compare(smallValue, largeValue)
      }
      var targets: [Int32] = []
      for largeValue in [1.0, 0.0] {
        let whenSmallTrue = outcome(largeValue, 1) ? ifTrue : ifFalse
        let whenSmallFalse = outcome(largeValue, 0) ? ifTrue : ifFalse
        targets.append(condition(small, ifTrue: whenSmallTrue, ifFalse: whenSmallFalse))
      }
      return condition(large, ifTrue: targets[0], ifFalse: targets[1])
    }
  }

  /// The operand a leaf reads, or `nil` if the expression is a condition with operators.
  mutating func operand(_ expression: Expression) -> CompiledCondition.Operand? {
    switch expression {
    case .number(let value, _): return .constant(value)
    case .boolean(let value, _): return .constant(value ? 1 : 0)
    case .alliance(.bond, _): return .bond
    case .alliance(.task, _): return .task
    case .alliance(.goal, _): return .goal
    case .variable(let name, _):
      guard let index = variableIndices[name] else { return .constant(0) }
      precondition(index >= 0, "variable indices must not be negative")
      variableSlotCount = max(variableSlotCount, index + 1)
      return .variable(index)
    case .visits(let id, _, _):
      guard let index = visitIndices[id] else { return .constant(0) }
      precondition(index >= 0, "visit indices must not be negative")
      visitSlotCount = max(visitSlotCount, index + 1)
      return .visits(index)
    case .not, .comparison, .and, .or: return nil
    }
  }

  /// Appends one test, or folds it away when its outcome is known.
  mutating func test(
    _ lhs: CompiledCondition.Operand, _ op: ComparisonOperator,
    _ rhs: CompiledCondition.Operand, _ ifTrue: Int32, _ ifFalse: Int32
  ) -> Int32 {
    if ifTrue == ifFalse { return ifTrue }
    if case .constant(let left) = lhs, case .constant(let right) = rhs {
      return op.compare(left, right) ? ifTrue : ifFalse
    }
    tests.append(
      CompiledCondition.Test(lhs: lhs, op: op, rhs: rhs, ifTrue: ifTrue, ifFalse: ifFalse))
    return Int32(tests.count - 1)
  }
}

extension Expression {
  /// The number of nodes.
  var nodeCount: Int {
    switch self {
    case .number, .boolean, .alliance, .variable, .visits: 1
    case .not(let operand, _): operand.nodeCount + 1
    case .comparison(let lhs, _, let rhs, _), .and(let lhs, let rhs, _), .or(let lhs, let rhs, _):
      lhs.nodeCount + rhs.nodeCount + 1
    }
  }
}
