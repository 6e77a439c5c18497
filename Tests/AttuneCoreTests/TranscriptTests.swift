import Foundation
import Testing

@testable import AttuneCore

/// Transcripts: writing as the session goes, reading back, torn lines, and replay.
@Suite struct TranscriptTests {
  static let header = TranscriptHeader(
    scenario: ScenarioReference(id: "tiny-rupture", version: "1.0.0", sha256: ""),
    trainee: "t1", mode: .practice, seed: 7, startedAt: "2026-11-24T10:00:00Z")

  /// Plays `options` with a recorder attached, as a front end does.
  static func record(
    _ options: [String], undoAfter: Int? = nil, seed: UInt64 = 7
  ) throws -> (bytes: [UInt8], session: Session, scenarioBytes: [UInt8]) {
    let scenarioBytes = try Fixtures.bytes("tiny-rupture.json")
    let scenario = try Fixtures.scenario()
    var header = Self.header
    header.seed = seed
    header.scenario.sha256 = ScenarioFingerprint.sha256(of: scenarioBytes)
    let sink = MemoryTranscriptSink()
    var recorder = try TranscriptRecorder(header: header, sink: sink)
    var session = Session(scenario: scenario, seed: seed)
    for (index, option) in options.enumerated() {
      try recorder.recordTurn(of: session)
      let number = session.steps.count + 1
      let step = try session.choose(option)
      try recorder.recordChoice(
        step, number: number, latencyMilliseconds: 1200 + index,
        reflection: index == 0 ? "I'd ask what happened" : nil)
      if index == undoAfter {
        guard let undone = session.undo() else { throw CancellationError() }
        try recorder.recordUndo(undone)
        try recorder.recordTurn(of: session)
        let again = try session.choose(option)
        try recorder.recordChoice(again, number: number, latencyMilliseconds: 10, reflection: nil)
      }
    }
    try recorder.record { .note(NoteWritten(seq: $0, turn: nil, text: "a <script>note</script>")) }
    if session.isOver { try recorder.recordEnd(of: session) }
    return (sink.bytes, session, scenarioBytes)
  }

  static func lines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  static func bytes(_ lines: [String]) -> [UInt8] {
    Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  @Test func everyLineIsOneJSONObjectAndTheHeaderComesFirst() throws {
    let (bytes, _, _) = try Self.record(["open-explore", "explore-own", "restored-plan"])
    let lines = Self.lines(bytes)
    #expect(lines.count == 1 + 3 * 2 + 1 + 1)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["event"] != nil)
    }
    #expect(lines[0].contains("\"event\":\"header\""))
    #expect(lines[0].contains("\"scoringModel\":\"attune-repair/3\""))
    #expect(lines.last!.contains("\"event\":\"end\""))
  }

  @Test func roundTrip() throws {
    let (bytes, session, _) = try Self.record(["open-explore", "explore-own", "restored-plan"])
    let transcript = Transcript(bytes: bytes)
    #expect(transcript.problems.isEmpty)
    #expect(transcript.tornLine == nil)
    #expect(
      transcript.header
        == {
          var header = Self.header
          header.scenario.sha256 = transcript.header!.scenario.sha256
          return header
        }())
    #expect(transcript.isComplete)
    #expect(transcript.end?.score == session.score)
    #expect(transcript.events.map(\.event.sequence) == Array(1...8))
    guard case .choice(let first) = transcript.events[1].event else {
      Issue.record("expected a choice")
      return
    }
    #expect(first.reflection == "I'd ask what happened")
    #expect(first.latencyMs == 1200)
    #expect(first.alliance == Alliance(bond: 55, task: 52, goal: 50))
  }

  @Test func aTornLastLineIsNotedAndLeftOut() throws {
    let (bytes, _, _) = try Self.record(["open-explore", "explore-own"])
    let cut = Array(bytes.dropLast(9))
    let transcript = Transcript(bytes: cut)
    #expect(transcript.tornLine == Self.lines(bytes).count)
    #expect(transcript.problems.isEmpty)
    #expect(!transcript.isComplete)
    // A complete line whose newline is missing is torn too.
    let noNewline = Transcript(bytes: Array(bytes.dropLast()))
    #expect(noNewline.tornLine == Self.lines(bytes).count)
  }

  @Test func everyPrefixOfATranscriptReadsBackAsAnIncompleteSession() throws {
    let (bytes, _, _) = try Self.record(["open-explore", "explore-own", "restored-plan"])
    for length in stride(from: 1, to: bytes.count, by: 7) {
      let transcript = Transcript(bytes: Array(bytes.prefix(length)))
      #expect(transcript.problems.isEmpty, "prefix \(length)")
      #expect(!transcript.isComplete || length >= bytes.count - 1)
    }
  }

  @Test func replayReproducesEveryNumber() throws {
    let (bytes, session, scenarioBytes) = try Self.record(
      ["open-info", "cold-validate"], undoAfter: 1)
    let verification = TranscriptVerification(
      transcript: Transcript(bytes: bytes), scenario: try Fixtures.scenario(),
      scenarioBytes: scenarioBytes)
    #expect(verification.findings.isEmpty, "\(verification.findings)")
    #expect(verification.isVerified)
    #expect(verification.session?.steps == session.steps)
    #expect(verification.session?.score == session.score)
  }

  @Test func aTranscriptOfAnotherScoringModelIsNotCheckedAgainstThisOne() throws {
    let (bytes, _, scenarioBytes) = try Self.record([
      "open-explore", "explore-own", "restored-plan",
    ])
    var lines = Self.lines(bytes)
    lines[0] = lines[0].replacingOccurrences(
      of: "\"scoringModel\":\"\(ScoringModel.version)\"",
      with: "\"scoringModel\":\"attune-repair/0\"")
    let verification = TranscriptVerification(
      transcript: Transcript(bytes: Self.bytes(lines)), scenario: try Fixtures.scenario(),
      scenarioBytes: scenarioBytes)
    #expect(!verification.isVerified)
    #expect(verification.findings.first?.code == .engineChanged)
    #expect(verification.findings.first?.line == 1)
    #expect(verification.findings.first?.message.contains("attune-repair/0") == true)
  }

  @Test func anEditedScoreDetailIsNamedAsSuch() throws {
    let (bytes, _, scenarioBytes) = try Self.record([
      "open-explore", "explore-own", "restored-plan",
    ])
    var lines = Self.lines(bytes)
    let end = try #require(lines.lastIndex { $0.contains("\"event\":\"end\"") })
    let edited = lines[end].replacingOccurrences(of: "\"trough\":", with: "\"trough\":1")
    #expect(edited != lines[end])
    lines[end] = edited
    let verification = TranscriptVerification(
      transcript: Transcript(bytes: Self.bytes(lines)), scenario: try Fixtures.scenario(),
      scenarioBytes: scenarioBytes)
    #expect(verification.findings.first?.line == end + 1)
    #expect(verification.findings.first?.message.contains("details") == true)
  }

  @Test func tamperingIsCaughtAtItsLine() throws {
    let (bytes, _, scenarioBytes) = try Self.record([
      "open-explore", "explore-own", "restored-plan",
    ])
    let scenario = try Fixtures.scenario()
    let lines = Self.lines(bytes)
    func verify(_ lines: [String]) -> TranscriptVerification {
      TranscriptVerification(
        transcript: Transcript(bytes: Self.bytes(lines)), scenario: scenario,
        scenarioBytes: scenarioBytes)
    }
    // An edited choice.
    var edited = lines
    edited[4] = edited[4].replacingOccurrences(
      of: "\"option\":\"explore-own\"", with: "\"option\":\"explore-ask\"")
    #expect(verify(edited).findings.first?.line == 5)
    // An edited alliance.
    var score = lines
    score[2] = score[2].replacingOccurrences(of: "\"bond\":55", with: "\"bond\":65")
    #expect(verify(score).findings.first?.line == 3)
    // An edited headline.
    var headline = lines
    headline[headline.count - 1] = headline.last!.replacingOccurrences(
      of: "\"headline\":90", with: "\"headline\":99")
    #expect(verify(headline).findings.first?.line == lines.count)
    // A dropped event.
    var dropped = lines
    dropped.remove(at: 3)
    #expect(verify(dropped).findings.first?.line == 4)
    // A duplicated event.
    var duplicated = lines
    duplicated.insert(lines[2], at: 3)
    #expect(verify(duplicated).findings.first?.line == 4)
    // A changed scenario.
    let changed = TranscriptVerification(
      transcript: Transcript(bytes: bytes), scenario: scenario,
      scenarioBytes: scenarioBytes + [0x20])
    #expect(!changed.scenarioUnchanged)
    #expect(changed.findings.first?.code == .scenarioChanged)
  }

  @Test func theDisplayedOrderIsRecordedAndAReorderedOneIsCaught() throws {
    let (bytes, session, scenarioBytes) = try Self.record(["open-explore"])
    let lines = Self.lines(bytes)
    // The first turn's options, as the seeded shuffle displayed them.
    var fresh = Session(scenario: session.scenario, seed: 7)
    guard case .turn(let shown) = fresh.presentation else { return }
    let displayed = shown.availableOptions.map(\.id)
    #expect(displayed != ["open-explore", "open-reflect", "open-defend", "open-info"])
    let offered = "\"offered\":[" + displayed.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    #expect(lines[1].contains(offered))
    // The same options in another order do not verify.
    let reordered =
      "\"offered\":[" + displayed.reversed().map { "\"\($0)\"" }.joined(separator: ",") + "]"
    var edited = lines
    edited[1] = edited[1].replacingOccurrences(of: offered, with: reordered)
    let verification = TranscriptVerification(
      transcript: Transcript(bytes: Self.bytes(edited)), scenario: session.scenario,
      scenarioBytes: scenarioBytes)
    #expect(verification.findings.first?.line == 2)
    #expect(verification.findings.first?.message.contains("options offered differ") == true)
    try fresh.choose("open-explore")
  }

  @Test func aTranscriptOfAnotherScenarioIsRefused() throws {
    var (bytes, _, scenarioBytes) = try Self.record(["open-explore"])
    bytes = Array(
      String(decoding: bytes, as: UTF8.self).replacingOccurrences(
        of: "\"id\":\"tiny-rupture\"", with: "\"id\":\"other\""
      ).utf8)
    let verification = TranscriptVerification(
      transcript: Transcript(bytes: bytes), scenario: try Fixtures.scenario(),
      scenarioBytes: scenarioBytes)
    #expect(verification.findings.first?.message.contains("\"other\"") == true)
  }

  @Test func unreadableLinesAreProblems() {
    let transcript = Transcript(bytes: Array("not json\n{\"event\":\"nope\",\"seq\":1}\n".utf8))
    #expect(transcript.header == nil)
    #expect(transcript.problems.map(\.line) == [1, 2])
    #expect(Transcript(bytes: []).problems.first?.code == .transcriptEmpty)
  }

  @Test func fingerprintIsSHA256() {
    #expect(
      ScenarioFingerprint.sha256(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
