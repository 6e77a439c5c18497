import AttuneCore
import Foundation

/// Fuzzes the transcript reader and the replay that verifies a transcript against its scenario:
/// any bytes must be read into events and problems, and replayed, without a trap.
enum TranscriptTarget {
  /// The scenario of the golden transcripts, `Tests/AttuneCoreTests/Fixtures/tiny-rupture.json`.
  static let scenarioBytes: [UInt8] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appendingPathComponent("Tests/AttuneCoreTests/Fixtures/tiny-rupture.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
      fatalError("cannot read \(file.path)")
    }
    return Array(data)
  }()

  static let scenario: Scenario = {
    guard let scenario = ScenarioLoader().load(scenarioBytes).scenario else {
      fatalError("tiny-rupture.json does not load")
    }
    return scenario
  }()

  static func run(_ bytes: [UInt8]) {
    let transcript = Transcript(bytes: bytes)
    let verification = TranscriptVerification(
      transcript: transcript, scenario: scenario, scenarioBytes: scenarioBytes)
    precondition(
      transcript.problems.isEmpty || !verification.isVerified,
      "a transcript with problems must not verify")
  }
}
