import Foundation
import Testing

@testable import AttuneCore

/// The scenarios shipped in `Scenarios/`: each loads without errors or warnings, and seeded
/// random play through it always reaches an ending and replays exactly from its transcript.
@Suite struct BundledScenarioTests {
  static let folder = Fixtures.packageRoot.appendingPathComponent("Scenarios")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted()
  }

  @Test func thereAreBundledScenarios() {
    #expect(!Self.files.isEmpty)
  }

  @Test(arguments: files)
  func loadsCleanly(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    let result = ScenarioLoader().load(bytes, file: name)
    #expect(
      result.diagnostics.isEmpty,
      "\(result.diagnostics.map { "\($0.line):\($0.column) \($0.message)" })")
    let scenario = try #require(result.scenario)
    #expect(name == scenario.id + ".json", "the file is named after the scenario's id")
    #expect(scenario.endings.count >= 3)
    #expect(!scenario.metadata.references.isEmpty)
  }

  @Test(arguments: files)
  func randomPlayReachesAnEndingAndReplays(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    let scenario = try #require(ScenarioLoader().load(bytes, file: name).scenario)
    for seed in UInt64(0)..<25 {
      var chooser = SeededRandom(seed: seed &+ 1000)
      var session = Session(scenario: scenario, seed: seed)
      let sink = MemoryTranscriptSink()
      var recorder = try TranscriptRecorder(
        header: TranscriptHeader(
          scenario: ScenarioReference(
            id: scenario.id, version: scenario.version,
            sha256: ScenarioFingerprint.sha256(of: bytes)),
          trainee: "t", mode: .practice, seed: seed, startedAt: "2026-11-24T00:00:00Z"),
        sink: sink)
      var steps = 0
      while case .turn(let shown) = session.presentation, steps < 500 {
        try recorder.recordTurn(of: session)
        let available = shown.availableOptions
        try #require(!available.isEmpty, "turn \(shown.turn.id) offers nothing (seed \(seed))")
        let option = available[chooser.roll(below: available.count)]
        let step = try session.choose(option.id)
        try recorder.recordChoice(
          step, number: shown.number, latencyMilliseconds: 0, reflection: nil)
        steps += 1
      }
      #expect(session.isOver, "no ending after \(steps) responses (seed \(seed))")
      try recorder.recordEnd(of: session)
      let verification = TranscriptVerification(
        transcript: Transcript(bytes: sink.bytes), scenario: scenario, scenarioBytes: bytes)
      #expect(verification.isVerified, "\(verification.findings)")
    }
  }
}
