import AttuneCore
import Foundation
import LineEditor

/// The menu of bundled scenarios shown by `attune play` with no argument.
struct ScenarioMenu {
  let library: ScenarioLibrary
  let screen: Screen

  /// Shows the menu and reads a choice; nil when the trainee leaves.
  func choose(with reader: LineReader) throws -> LoadedScenario? {
    let scenarios = library.bundledScenarios().sorted {
      ($0.scenario.metadata.difficulty, $0.scenario.id)
        < ($1.scenario.metadata.difficulty, $1.scenario.id)
    }
    guard !scenarios.isEmpty else {
      throw CommandFailure(
        "no bundled scenarios found; set ATTUNE_SCENARIOS to the Scenarios folder, or give a"
          + " scenario file: attune play PATH")
    }
    screen.print(screen.style.bold("Attune: choose a client to meet"))
    for (index, loaded) in scenarios.enumerated() {
      let scenario = loaded.scenario
      screen.print(
        "  \(screen.style.bold(String(index + 1))). \(screen.clean(scenario.title))"
          + screen.style.dim(
            "  (\(scenario.metadata.difficulty.rawValue), \(screen.clean(scenario.client.name)))"))
    }
    while true {
      switch reader.readLine(prompt: "scenario [1-\(scenarios.count)] › ") {
      case .endOfInput:
        screen.print("")
        return nil
      case .interrupted:
        continue
      case .line(let text):
        let answer = text.trimmingCharacters(in: .whitespaces)
        if answer == ":quit" || answer == "q" { return nil }
        if let number = Int(answer), (1...scenarios.count).contains(number) {
          return scenarios[number - 1]
        }
        if let match = scenarios.first(where: { $0.scenario.id == answer }) { return match }
        screen.print("Type a number from 1 to \(scenarios.count), or :quit.")
      }
    }
  }
}
