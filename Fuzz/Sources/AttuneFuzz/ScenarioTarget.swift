import AttuneCore

/// Fuzzes the scenario loader: any bytes must give diagnostics, never a trap, and a scenario
/// exactly when no diagnostic is an error.
enum ScenarioTarget {
  static func run(_ bytes: [UInt8]) {
    let result = ScenarioLoader().load(bytes, file: "fuzz.json")
    precondition(
      (result.scenario == nil) == result.diagnostics.containsErrors,
      "a scenario must be returned exactly when there is no error")
    for diagnostic in result.diagnostics {
      precondition(diagnostic.location.line >= 1, "lines are 1-based: \(diagnostic)")
    }
  }
}
