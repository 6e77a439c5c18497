import AttuneCore

/// A session state for conditions to read, usable both by `Expression.evaluate(in:)` and, as
/// arrays, by `CompiledCondition`.
struct FixedEnvironment: ExpressionEnvironment, Sendable {
  var alliance: [AllianceDimension: Double]
  var variables: [String: Double]
  var visits: [String: Int]

  func number(ofVariable name: String) -> Double { variables[name] ?? 0 }
  func alliance(_ dimension: AllianceDimension) -> Double { alliance[dimension] ?? 0 }
  func visits(_ id: String) -> Int { visits[id] ?? 0 }

  /// Compiles the expression against this state's names and evaluates it.
  func evaluateCompiled(_ expression: Expression) -> Bool {
    let variableNames = variables.keys.sorted()
    let visitIDs = visits.keys.sorted()
    let condition = CompiledCondition(
      expression,
      variableIndices: Dictionary(
        uniqueKeysWithValues: variableNames.enumerated().map { ($1, $0) }),
      visitIndices: Dictionary(uniqueKeysWithValues: visitIDs.enumerated().map { ($1, $0) }))
    return condition.evaluate(
      alliance: (alliance(.bond), alliance(.task), alliance(.goal)),
      variables: variableNames.map { variables[$0]! }, visits: visitIDs.map { visits[$0]! })
  }
}
