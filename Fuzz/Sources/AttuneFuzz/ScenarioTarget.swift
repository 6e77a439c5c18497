import AttuneCore

/// Fuzzes the scenario loader: any bytes must give diagnostics, never a trap, and a scenario
/// exactly when no diagnostic is an error. A scenario that loads is then played and scored.
enum ScenarioTarget {
  static func run(_ bytes: [UInt8]) {
    let result = ScenarioLoader().load(bytes, file: "fuzz.json")
    precondition(
      (result.scenario == nil) == result.diagnostics.containsErrors,
      "a scenario must be returned exactly when there is no error")
    for diagnostic in result.diagnostics {
      precondition(diagnostic.location.line >= 1, "lines are 1-based: \(diagnostic)")
    }
    if let scenario = result.scenario { play(scenario, choosingBy: bytes) }
  }

  /// Plays a session, choosing among the available options by the input's bytes, for at most
  /// 500 choices, then scores it. An option shown as available must be accepted.
  static func play(_ scenario: Scenario, choosingBy bytes: [UInt8]) {
    var session = Session(scenario: scenario, seed: UInt64(bytes.count))
    for choice in 0..<500 {
      guard case .turn(let shown) = session.presentation, !shown.availableOptions.isEmpty
      else { break }
      let options = shown.availableOptions
      let option = options[Int(bytes[choice % bytes.count]) % options.count].option
      do {
        try session.choose(option.id)
      } catch {
        preconditionFailure("the available option \(option.id) was refused: \(error)")
      }
    }
    _ = session.score
  }
}
