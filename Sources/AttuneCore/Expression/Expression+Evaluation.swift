/// What a condition reads when it is evaluated: the variables, the alliance and the visit
/// counts of a session.
public protocol ExpressionEnvironment {
  /// The value of a numeric variable; for a boolean variable 1 if it is true and 0 if it is
  /// false (so that `flag == other` compares correctly when neither side's type is known);
  /// 0 for a name the scenario does not declare.
  func number(ofVariable name: String) -> Double
  /// The value of a boolean variable; `false` for a name the scenario does not declare.
  /// By default, whether ``number(ofVariable:)`` is not 0.
  func bool(ofVariable name: String) -> Bool
  /// A dimension of the alliance, from 0 to 100.
  func alliance(_ dimension: AllianceDimension) -> Double
  /// How many times the turn with this id has been shown or the option with this id chosen;
  /// 0 for an id the scenario does not have.
  func visits(_ id: String) -> Int
}

extension ExpressionEnvironment {
  /// Whether ``number(ofVariable:)`` is not 0.
  public func bool(ofVariable name: String) -> Bool { number(ofVariable: name) != 0 }
}

extension Expression {
  /// Whether the condition holds in an environment.
  ///
  /// The expression is assumed to be checked (``ExpressionScope/check(_:)``); an unchecked one
  /// still gives a result and never traps: names the environment does not know read as 0 or
  /// false, a number used as a condition holds when it is not 0, and a true/false value used
  /// as a number is 1 or 0. A comparison reads both sides as numbers, booleans as 1 or 0, so
  /// that `==` and `!=` also compare booleans. `and` and `or` evaluate their right side only
  /// when needed. Evaluation allocates nothing.
  public func evaluate(in environment: some ExpressionEnvironment) -> Bool {
    truth(in: environment)
  }

  /// The expression as a condition.
  func truth<Environment: ExpressionEnvironment>(in environment: Environment) -> Bool {
    switch self {
    case .boolean(let value, _): value
    case .variable(let name, _): environment.bool(ofVariable: name)
    case .not(let operand, _): !operand.truth(in: environment)
    case .and(let lhs, let rhs, _): lhs.truth(in: environment) && rhs.truth(in: environment)
    case .or(let lhs, let rhs, _): lhs.truth(in: environment) || rhs.truth(in: environment)
    case .comparison(let lhs, let op, let rhs, _):
      op.compare(lhs.value(in: environment), rhs.value(in: environment))
    case .number, .alliance, .visits: value(in: environment) != 0
    }
  }

  /// The expression as a number, true and false as 1 and 0.
  func value<Environment: ExpressionEnvironment>(in environment: Environment) -> Double {
    switch self {
    case .number(let value, _): value
    case .alliance(let dimension, _): environment.alliance(dimension)
    case .variable(let name, _): environment.number(ofVariable: name)
    case .visits(let id, _, _): Double(environment.visits(id))
    case .boolean, .not, .and, .or, .comparison: truth(in: environment) ? 1 : 0
    }
  }
}
