import ArgumentParser
import AttuneCore
import Foundation

/// `attune list`: the bundled scenarios.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the bundled scenarios.")

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() throws {
    try Output.run {
      let library = ScenarioLibrary.locate()
      let scenarios = library.bundledScenarios().sorted {
        ($0.scenario.metadata.difficulty, $0.scenario.id)
          < ($1.scenario.metadata.difficulty, $1.scenario.id)
      }
      guard !scenarios.isEmpty else {
        throw CommandFailure(
          "no bundled scenarios found; set ATTUNE_SCENARIOS to the Scenarios folder")
      }
      let entries = scenarios.map(ScenarioSummary.init)
      switch format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        Output.out(SafeJSON.text(try encoder.encode(entries)))
      case .text:
        let style = Style.forOutput(STDOUT_FILENO)
        for entry in entries {
          Output.out(
            "\(style.bold(entry.id))  \(TerminalText.sanitized(entry.title, keepNewlines: false))")
          Output.out(
            "    \(entry.difficulty) · client \(entry.attachment), \(entry.reactance) reactance · "
              + entry.ruptures.joined(separator: ", "))
        }
      }
    }
  }
}

/// What `attune list` says about a scenario.
struct ScenarioSummary: Encodable {
  var id: String
  var title: String
  var version: String
  var difficulty: String
  var client: String
  var attachment: String
  var reactance: String
  var ruptureTypes: [String]
  var markerSubtypes: [String]
  var ruptures: [String]
  /// Where the scenario was read from: a file, or `bundled:NAME` for the copy in the binary.
  var path: String
  /// The SHA-256 of its bytes, as transcripts record it.
  var sha256: String

  init(_ loaded: LoadedScenario) {
    let scenario = loaded.scenario
    path = loaded.path
    sha256 = loaded.sha256
    id = scenario.id
    title = scenario.title
    version = scenario.version
    difficulty = scenario.metadata.difficulty.rawValue
    client = scenario.client.name
    attachment = scenario.client.attachment.category.rawValue
    reactance = scenario.client.reactance.rawValue
    let markers = scenario.turns.compactMap(\.marker)
    ruptureTypes = RuptureType.allCases.filter { type in markers.contains { $0.type == type } }
      .map(\.rawValue)
    markerSubtypes = MarkerSubtype.allCases.filter { subtype in
      markers.contains { $0.subtype == subtype }
    }.map(\.rawValue)
    ruptures = markerSubtypes
  }
}
