/// A parsed condition of a scenario, such as `bond >= 50 and not apologised`.
///
/// Conditions are parsed once by ``ExpressionParser/parse(_:limits:)``, checked against the
/// scenario's names by ``ExpressionScope/check(_:)``, then evaluated many times with
/// ``evaluate(in:)`` or, faster, as a ``CompiledCondition``.
///
/// Every node carries `at:`, the range of its text in the condition, in Unicode scalars from
/// the start of the condition (see ``range``). The range of a node covers the parentheses
/// around its operands but not those around itself: in `(a and b) or c` the `or` spans the
/// whole text and the `and` spans `a and b`. Because the ranges are part of the value, two
/// expressions written with different spacing are not `==`; compare their ``description``s to
/// compare meanings.
public indirect enum Expression: Hashable, Sendable {
  /// A number literal such as `3`, `2.5` or `-1`.
  case number(Double, at: Range<Int>)
  /// `true` or `false`.
  case boolean(Bool, at: Range<Int>)
  /// `bond`, `task` or `goal`: a dimension of the alliance, from 0 to 100.
  case alliance(AllianceDimension, at: Range<Int>)
  /// A scenario variable, a number or a boolean according to its declaration.
  case variable(String, at: Range<Int>)
  /// `visits(ID)`: how many times the turn with that id has been shown or the option with that
  /// id chosen. `at` spans the whole call, `idAt` just the id (inside any quotes).
  case visits(String, at: Range<Int>, idAt: Range<Int>)
  /// `not x` or `!x`.
  case not(Expression, at: Range<Int>)
  /// A comparison such as `bond >= 50` or `pushed == false`.
  case comparison(Expression, ComparisonOperator, Expression, at: Range<Int>)
  /// `x and y` or `x && y`.
  case and(Expression, Expression, at: Range<Int>)
  /// `x or y` or `x || y`.
  case or(Expression, Expression, at: Range<Int>)
}

/// A comparison operator of the condition language.
public enum ComparisonOperator: String, CaseIterable, Hashable, Sendable {
  /// `<`
  case less = "<"
  /// `<=`
  case lessOrEqual = "<="
  /// `>`
  case greater = ">"
  /// `>=`
  case greaterOrEqual = ">="
  /// `==`, for numbers and booleans.
  case equal = "=="
  /// `!=`, for numbers and booleans.
  case notEqual = "!="

  /// Whether the operator orders numbers (`<`, `<=`, `>`, `>=`) rather than testing equality.
  public var isOrdering: Bool { self != .equal && self != .notEqual }

  /// Applies the operator to two numbers.
  @inline(__always)
  public func compare(_ lhs: Double, _ rhs: Double) -> Bool {
    switch self {
    case .less: lhs < rhs
    case .lessOrEqual: lhs <= rhs
    case .greater: lhs > rhs
    case .greaterOrEqual: lhs >= rhs
    case .equal: lhs == rhs
    case .notEqual: lhs != rhs
    }
  }
}

extension Expression {
  /// The node's text in the condition, in Unicode scalars from the start of the condition.
  public var range: Range<Int> {
    switch self {
    case .number(_, let range), .boolean(_, let range), .alliance(_, let range),
      .variable(_, let range), .visits(_, let range, _), .not(_, let range),
      .comparison(_, _, _, let range), .and(_, _, let range), .or(_, _, let range):
      range
    }
  }

  /// The names of the scenario variables the condition reads (not `bond`, `task` or `goal`).
  public var referencedVariables: Set<String> {
    var names: Set<String> = []
    forEachLeaf { if case .variable(let name, _) = $0 { names.insert(name) } }
    return names
  }

  /// The ids whose visits the condition counts.
  public var referencedVisitTargets: Set<String> {
    var ids: Set<String> = []
    forEachLeaf { if case .visits(let id, _, _) = $0 { ids.insert(id) } }
    return ids
  }

  /// The alliance dimensions the condition reads.
  public var referencedAllianceDimensions: Set<AllianceDimension> {
    var dimensions: Set<AllianceDimension> = []
    forEachLeaf { if case .alliance(let dimension, _) = $0 { dimensions.insert(dimension) } }
    return dimensions
  }

  /// Calls `body` with every leaf (literal, name or `visits`) from left to right.
  func forEachLeaf(_ body: (Expression) -> Void) {
    switch self {
    case .number, .boolean, .alliance, .variable, .visits: body(self)
    case .not(let operand, _): operand.forEachLeaf(body)
    case .comparison(let lhs, _, let rhs, _), .and(let lhs, let rhs, _), .or(let lhs, let rhs, _):
      lhs.forEachLeaf(body)
      rhs.forEachLeaf(body)
    }
  }

  /// The largest number of nodes from the root to a leaf, counting both.
  public var height: Int {
    switch self {
    case .number, .boolean, .alliance, .variable, .visits: 1
    case .not(let operand, _): operand.height + 1
    case .comparison(let lhs, _, let rhs, _), .and(let lhs, let rhs, _), .or(let lhs, let rhs, _):
      max(lhs.height, rhs.height) + 1
    }
  }
}
