import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// Sessions of the `tiny-rupture` fixture scenario played in memory, their transcripts, and
/// reports on them.
enum GradingFixtures {
  /// The fixture scenario, shared with the core tests.
  static let scenarioFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(
      "AttuneCoreTests/Fixtures/tiny-rupture.json")

  /// The scenario file's bytes.
  static func scenarioBytes() throws -> [UInt8] {
    Array(try Data(contentsOf: scenarioFile))
  }

  /// The scenario, which must load without errors.
  static func scenario() throws -> Scenario {
    let result = ScenarioLoader().load(try scenarioBytes(), file: "tiny-rupture.json")
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    return try #require(result.scenario)
  }

  /// The scenario with its bytes, as the grader finds it.
  static func source() throws -> ScenarioSource {
    ScenarioSource(scenario: try scenario(), bytes: try scenarioBytes())
  }

  /// Something the trainee does.
  enum Action {
    /// Answers the turn on screen with an option, after `latency` milliseconds.
    case choose(String, latency: Int)
    /// Takes the last answer back.
    case undo
    /// Writes a note.
    case note(String)
    /// Asks for a hint.
    case hint(String)
    /// Says which marker the turn on screen shows (nil: none).
    case guess(RuptureType?, MarkerSubtype?)
    /// Stops before an ending.
    case quit(String)
  }

  /// A session played with a recorder attached, as the front end does it.
  struct Played {
    /// The transcript's bytes.
    var bytes: [UInt8]
    /// The engine's session at the end.
    var session: Session
    /// The scenario's bytes.
    var scenarioBytes: [UInt8]

    /// The transcript's lines, without their newlines.
    var lines: [String] { GradingFixtures.lines(bytes) }

    /// The report on the transcript, with the scenario at hand.
    func report(file: String = "t1.jsonl") throws -> SessionReport {
      SessionReport(
        file: file, transcript: Transcript(bytes: bytes), scenario: try GradingFixtures.source())
    }
  }

  /// The usual start time of a session.
  static let startedAt = "2026-11-24T10:00:00Z"

  /// Plays `actions` in the fixture scenario and records the transcript; the session's end is
  /// recorded when it reaches an ending.
  static func play(
    _ actions: [Action], trainee: String = "t1", mode: SessionMode = .practice, seed: UInt64 = 7,
    startedAt: String = startedAt, identifyMarkers: Bool = false
  ) throws -> Played {
    let scenarioBytes = try scenarioBytes()
    let scenario = try scenario()
    let header = TranscriptHeader(
      scenario: ScenarioReference(
        id: scenario.id, version: scenario.version,
        sha256: ScenarioFingerprint.sha256(of: scenarioBytes)),
      trainee: trainee, mode: mode, seed: seed, startedAt: startedAt,
      features: SessionFeatures(identifyMarkers: identifyMarkers))
    let sink = MemoryTranscriptSink()
    var recorder = try TranscriptRecorder(header: header, sink: sink)
    var session = Session(scenario: scenario, seed: seed)
    var turnPending = true
    func showTurn() throws {
      guard turnPending, !session.isOver else { return }
      try recorder.recordTurn(of: session)
      turnPending = false
    }
    for action in actions {
      switch action {
      case .choose(let option, let latency):
        try showTurn()
        guard case .turn(let shown) = session.presentation else {
          throw FixtureError.sessionOver
        }
        let step = try session.choose(option)
        try recorder.recordChoice(
          step, number: shown.number, latencyMilliseconds: latency, reflection: nil)
        turnPending = true
      case .undo:
        guard let step = session.undo() else { throw FixtureError.nothingToUndo }
        try recorder.recordUndo(step)
        turnPending = true
      case .note(let text):
        try showTurn()
        try recorder.recordNote(text, turn: session.currentTurn?.id)
      case .hint(let text):
        try showTurn()
        let turn = try #require(session.currentTurn)
        try recorder.recordHint(text, turn: turn.id)
      case .guess(let type, let subtype):
        try showTurn()
        let turn = try #require(session.currentTurn)
        try recorder.recordMarkerGuess(on: turn, type: type, subtype: subtype)
        session.identify(NoticingAnswer(type: type))
      case .quit(let reason):
        try showTurn()
        try recorder.recordQuit(reason: reason)
      }
    }
    if session.isOver { try recorder.recordEnd(of: session) }
    return Played(bytes: sink.bytes, session: session, scenarioBytes: scenarioBytes)
  }

  enum FixtureError: Error {
    case sessionOver
    case nothingToUndo
  }

  /// The repaired path: open-explore, explore-own (variant wording), restored-plan; headline 90.
  static func repaired(
    trainee: String = "t1", startedAt: String = startedAt,
    latencies: [Int] = [1_500, 2_500, 3_000],
    mode: SessionMode = .practice
  ) throws -> Played {
    try play(
      [
        .choose("open-explore", latency: latencies[0]),
        .choose("explore-own", latency: latencies[1]),
        .choose("restored-plan", latency: latencies[2]),
      ], trainee: trainee, mode: mode, startedAt: startedAt)
  }

  /// The dropout path: open-defend, then the fallback cold-silence.
  static func dropout(
    trainee: String = "t1", startedAt: String = startedAt, mode: SessionMode = .practice
  ) throws -> Played {
    try play(
      [.choose("open-defend", latency: 4_000), .choose("cold-silence", latency: 6_000)],
      trainee: trainee, mode: mode, startedAt: startedAt)
  }

  /// A session stopped on the second turn.
  static func quit(trainee: String = "t1", startedAt: String = startedAt) throws -> Played {
    try play(
      [.choose("open-explore", latency: 2_000), .quit("quit")], trainee: trainee,
      startedAt: startedAt)
  }

  /// A transcript's lines, without their newlines.
  static func lines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Lines joined into a transcript, each with its newline.
  static func bytes(_ lines: [String]) -> [UInt8] {
    Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  /// The report on a transcript made of `lines`, with the scenario at hand.
  static func report(_ lines: [String], file: String = "t1.jsonl") throws -> SessionReport {
    SessionReport(file: file, transcript: Transcript(bytes: bytes(lines)), scenario: try source())
  }

  /// A grading log read from entries, each on its line.
  static func log(_ events: [GradingEvent]) -> GradingLog {
    GradingLog(bytes: Array(events.map { $0.line() + "\n" }.joined().utf8))
  }

  /// A rating at a fixed time.
  static func rating(_ grader: String, episode: Int, _ value: Int, comment: String? = nil)
    -> GradingEvent
  {
    .rating(
      GraderRating(
        grader: grader, episode: episode, rating: value, comment: comment,
        at: "2026-11-25T09:00:00Z"))
  }
}
