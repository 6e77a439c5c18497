import Foundation
import Testing

@testable import AttuneCore

/// Test fixtures: scenario files under `Fixtures/` and small scenarios built from text.
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  /// Loads a fixture that must load without errors.
  static func scenario(_ name: String = "tiny-rupture.json") throws -> Scenario {
    let result = ScenarioLoader().load(try bytes(name), file: name)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    return try #require(result.scenario)
  }

  /// Loads scenario text, returning the diagnostics.
  static func diagnostics(_ text: String) -> [Diagnostic] {
    ScenarioLoader().load(Array(text.utf8), file: "test.json").diagnostics
  }
}
