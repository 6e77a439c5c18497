/// Everything that changes during a session, as one value, so that undo is a copy.
public struct SessionState: Hashable, Sendable {
  /// Where the session is: at a client turn, or at an ending.
  public var position: Position
  /// The alliance now.
  public var alliance: Alliance
  /// The variables' values, in the order the scenario declares them.
  public var variables: [VariableValue]
  /// How often each turn has been shown, by the turn's index.
  public var turnVisits: [Int]
  /// How often each option has been chosen, by the id of the option.
  public var optionVisits: [String: Int]
  /// The random source, advanced by each random draw.
  public var random: SeededRandom
  /// How many responses the trainee has given.
  public var responses: Int

  /// Where a session stands.
  public enum Position: Hashable, Sendable {
    /// At the client turn with this index in the scenario.
    case turn(Int)
    /// At the ending with this index in the scenario.
    case ending(Int)
  }
}

/// Reads a session state as the condition language sees it.
struct StateEnvironment: ExpressionEnvironment {
  let scenario: Scenario
  let state: SessionState

  func number(ofVariable name: String) -> Double {
    scenario.variableIndex(of: name).map { state.variables[$0].numericValue } ?? 0
  }

  func bool(ofVariable name: String) -> Bool { number(ofVariable: name) != 0 }

  func alliance(_ dimension: AllianceDimension) -> Double { Double(state.alliance[dimension]) }

  func visits(_ id: String) -> Int {
    if let index = scenario.turnIndex(of: id) { return state.turnVisits[index] }
    return state.optionVisits[id] ?? 0
  }
}
