import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// Reports on transcripts: what a played session verifies to, and how every kind of tampering
/// is caught at its line and earns no score.
@Suite struct SessionReportTests {
  @Test func aPlayedSessionVerifiesWithTheEnginesScore() throws {
    let played = try GradingFixtures.repaired()
    let report = try played.report()
    #expect(report.verification == .verified)
    #expect(report.findings.isEmpty, "\(report.findings)")
    #expect(report.isComplete)
    #expect(report.tornLine == nil)
    #expect(report.file == "t1.jsonl")
    #expect(report.trainee == "t1")
    #expect(report.scenarioTitle == "A tiny rupture (test fixture)")
    #expect(report.score == played.session.score)
    #expect(report.score?.headline == 90)
    #expect(report.claimedHeadline == 90)
    #expect(report.answeringMilliseconds == 1_500 + 2_500 + 3_000)
    #expect(report.choices == 3)
    #expect(report.undos == 0)
    #expect(report.markerIdentification == nil)
    let resolved = try #require(report.rupturesResolved)
    #expect(resolved.total == played.session.score.episodes.count)
    #expect(resolved.resolved == played.session.score.rupturesResolved)
  }

  @Test func theDurationRunsFromTheStartToTheRecordedEnd() throws {
    var lines = try GradingFixtures.repaired().lines
    let end = try #require(lines.lastIndex { $0.contains("\"event\":\"end\"") })
    #expect(try GradingFixtures.report(lines).durationMilliseconds == nil, "no end time recorded")
    lines[end] = "{\"at\":\"2026-11-24T10:12:30Z\"," + lines[end].dropFirst()
    let report = try GradingFixtures.report(lines)
    #expect(report.verification == .verified, "the end time is not part of what is replayed")
    #expect(report.endedAt == "2026-11-24T10:12:30Z")
    #expect(report.durationMilliseconds == 750_000)
    let row = GradeSheet.row(report, log: GradingLog())
    let column = try #require(GradeSheet.columns.firstIndex(of: "duration_seconds"))
    #expect(row[column] == .number("750.0"))
    let statements = XAPIExport(base: "https://x.example", passMark: 50).statements(for: report)
    let completed = try #require(statements.first { $0.verb == .completed })
    #expect(completed.result?.duration == "PT12M30S")
    #expect(completed.timestamp == "2026-11-24T10:12:30Z")
    // An end before the start is not a duration.
    lines[end] = lines[end].replacingOccurrences(
      of: "2026-11-24T10:12:30Z", with: "2026-11-24T09:00:00Z")
    #expect(try GradingFixtures.report(lines).durationMilliseconds == nil)
  }

  @Test func undoneChoicesCountInTheAnsweringTime() throws {
    let played = try GradingFixtures.play([
      .choose("open-defend", latency: 700),
      .undo,
      .choose("open-explore", latency: 1_100),
      .choose("explore-own", latency: 900),
      .choose("restored-plan", latency: 300),
    ])
    let report = try played.report()
    #expect(report.verification == .verified, "\(report.findings)")
    #expect(report.answeringMilliseconds == 700 + 1_100 + 900 + 300)
    #expect(report.choices == 4)
    #expect(report.undos == 1)
    #expect(report.score == played.session.score)
  }

  @Test func negativeLatenciesCountAsZero() throws {
    let played = try GradingFixtures.repaired(latencies: [-50, 400, 600])
    #expect(try played.report().answeringMilliseconds == 1_000)
  }

  @Test func markerGuessesAreCounted() throws {
    let played = try GradingFixtures.play(
      [
        // Turn "open" shows confrontation / complaint-about-activities: type and subtype right.
        .guess(.confrontation, .complaintAboutActivities),
        .choose("open-defend", latency: 1_000),
        // Turn "cold" shows withdrawal / minimal-response: type right, subtype wrong.
        .guess(.withdrawal, .denial),
        .choose("cold-silence", latency: 1_000),
      ], identifyMarkers: true)
    let report = try played.report()
    #expect(report.verification == .verified, "\(report.findings)")
    let marker = try #require(report.markerIdentification)
    #expect(marker.guesses == 2)
    #expect(marker.typesCorrect == 2)
    #expect(marker.subtypesAsked == 2)
    #expect(marker.subtypesCorrect == 1)
    #expect(marker.typeAccuracy == 1)

    let wrong = try GradingFixtures.play(
      [.guess(nil, nil), .choose("open-explore", latency: 1_000), .guess(nil, nil)],
      identifyMarkers: true)
    // The first turn shows a marker (wrong), the second none (right), with no subtype to find.
    let counted = try #require(try wrong.report().markerIdentification)
    #expect(counted.guesses == 2)
    #expect(counted.typesCorrect == 1)
    #expect(counted.subtypesAsked == 1)
    #expect(counted.subtypesCorrect == 0)
    #expect(counted.typeAccuracy == 0.5)
  }

  // MARK: Tampering

  /// The lines of the repaired session: 1 header, 2 turn, 3 choice, 4 turn, 5 choice, 6 turn,
  /// 7 choice, 8 end.
  static func repairedLines() throws -> [String] {
    let lines = try GradingFixtures.repaired().lines
    #expect(lines.count == 8)
    return lines
  }

  /// Checks that `report` was refused at `line` and earned no score.
  static func expectFailed(
    _ report: SessionReport, atLine line: Int, code: DiagnosticCode = .transcriptMismatch,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(report.verification == .failed, sourceLocation: sourceLocation)
    #expect(!report.verification.isVerified, sourceLocation: sourceLocation)
    #expect(report.score == nil, sourceLocation: sourceLocation)
    #expect(report.rupturesResolved == nil, sourceLocation: sourceLocation)
    #expect(
      report.findings.first?.line == line, "\(report.findings)", sourceLocation: sourceLocation)
    #expect(report.findings.first?.code == code, sourceLocation: sourceLocation)
  }

  @Test func anEditedChoiceIsCaught() throws {
    var lines = try Self.repairedLines()
    #expect(lines[4].contains("\"option\":\"explore-own\""))
    lines[4] = lines[4].replacingOccurrences(
      of: "\"option\":\"explore-own\"", with: "\"option\":\"explore-ask\"")
    Self.expectFailed(try GradingFixtures.report(lines), atLine: 5)
  }

  @Test func anEditedAllianceIsCaught() throws {
    var lines = try Self.repairedLines()
    #expect(lines[2].contains("\"bond\":55"))
    lines[2] = lines[2].replacingOccurrences(of: "\"bond\":55", with: "\"bond\":65")
    Self.expectFailed(try GradingFixtures.report(lines), atLine: 3)
  }

  @Test func anEditedScoreIsCaughtAndTheClaimIsStillShown() throws {
    var lines = try Self.repairedLines()
    #expect(lines[7].contains("\"headline\":90"))
    lines[7] = lines[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":99")
    let report = try GradingFixtures.report(lines)
    Self.expectFailed(report, atLine: 8)
    #expect(report.claimedHeadline == 99)
    #expect(report.isComplete)
  }

  @Test func reorderedEventsAreCaught() throws {
    var lines = try Self.repairedLines()
    lines.swapAt(3, 4)
    Self.expectFailed(try GradingFixtures.report(lines), atLine: 4)
  }

  @Test func aDroppedEventIsCaught() throws {
    var lines = try Self.repairedLines()
    lines.remove(at: 3)
    let report = try GradingFixtures.report(lines)
    Self.expectFailed(report, atLine: 4)
    #expect(report.findings.first?.message.contains("dropped") == true)
  }

  @Test func aDuplicatedEventIsCaught() throws {
    var lines = try Self.repairedLines()
    lines.insert(lines[2], at: 3)
    Self.expectFailed(try GradingFixtures.report(lines), atLine: 4)
  }

  @Test func anEventAfterTheEndIsCaught() throws {
    var lines = try Self.repairedLines()
    lines.append("{\"event\":\"note\",\"seq\":8,\"text\":\"added later\"}")
    let report = try GradingFixtures.report(lines)
    Self.expectFailed(report, atLine: 9)
    #expect(!report.isComplete)
  }

  @Test func aLineTornInsideTheFileIsCaught() throws {
    var lines = try Self.repairedLines()
    lines[3] = String(lines[3].prefix(lines[3].count / 2))
    let report = try GradingFixtures.report(lines)
    #expect(report.verification == .failed)
    #expect(report.score == nil)
    #expect(report.findings.first?.line == 4)
    #expect(report.findings.first?.code == .transcriptEvent)
  }

  @Test func aChangedScenarioIsCaught() throws {
    let played = try GradingFixtures.repaired()
    let source = ScenarioSource(
      scenario: try GradingFixtures.scenario(),
      bytes: try GradingFixtures.scenarioBytes() + Array(" ".utf8))
    let report = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: played.bytes), scenario: source)
    Self.expectFailed(report, atLine: 1, code: .scenarioChanged)
  }

  @Test func aTranscriptOfAnotherScenarioIsRefused() throws {
    var lines = try Self.repairedLines()
    #expect(lines[0].contains("\"id\":\"tiny-rupture\""))
    lines[0] = lines[0].replacingOccurrences(
      of: "\"id\":\"tiny-rupture\"", with: "\"id\":\"other-scenario\"")
    // Checked against the fixture scenario anyway: refused at the header.
    let report = try GradingFixtures.report(lines)
    Self.expectFailed(report, atLine: 1)
    #expect(report.findings.first?.message.contains("other-scenario") == true)
    // With no scenario of that id found, nothing can be checked.
    let unchecked = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: GradingFixtures.bytes(lines)),
      scenario: nil)
    #expect(unchecked.verification == .scenarioNotFound)
    #expect(unchecked.score == nil)
    #expect(unchecked.claimedHeadline == 90)
    #expect(unchecked.header?.scenario.id == "other-scenario")
    #expect(unchecked.scenarioTitle == nil)
  }

  @Test func aTranscriptWithoutAHeaderIsUnreadable() throws {
    var lines = try Self.repairedLines()
    lines[0] = "{\"event\":\"header\",\"trainee\":"
    let report = try GradingFixtures.report(lines)
    #expect(report.verification == .unreadable)
    #expect(report.header == nil)
    #expect(report.score == nil)
    #expect(report.findings.first?.line == 1)
    #expect(report.findings.first?.code == .transcriptHeader)

    let empty = SessionReport(
      file: "empty.jsonl", transcript: Transcript(bytes: []),
      scenario: try GradingFixtures.source())
    #expect(empty.verification == .unreadable)
    #expect(empty.findings.first?.code == .transcriptEmpty)
    #expect(empty.findings.first?.line == 1)
  }

  // MARK: Incomplete sessions

  @Test func aQuitSessionVerifiesAsIncomplete() throws {
    let played = try GradingFixtures.quit()
    let report = try played.report()
    #expect(report.verification == .verified, "\(report.findings)")
    #expect(!report.isComplete)
    #expect(report.claimedHeadline == nil)
    #expect(report.tornLine == nil)
    // The score covers the turns played.
    #expect(report.score == played.session.score)
    #expect(report.answeringMilliseconds == 2_000)
  }

  @Test func aTornTranscriptVerifiesAsIncomplete() throws {
    let played = try GradingFixtures.repaired()
    let lines = played.lines
    // Cut inside the end line: the session's end never reached the disk whole.
    let cut = Array(played.bytes.dropLast(10))
    let report = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: cut), scenario: try GradingFixtures.source())
    #expect(report.verification == .verified, "\(report.findings)")
    #expect(report.tornLine == lines.count)
    #expect(!report.isComplete)
    #expect(report.claimedHeadline == nil)
    #expect(report.choices == 3)
  }

  @Test func eachPrefixOfATranscriptVerifiesAsIncomplete() throws {
    let played = try GradingFixtures.repaired()
    let source = try GradingFixtures.source()
    for length in stride(from: 40, to: played.bytes.count - 1, by: 53) {
      let report = SessionReport(
        file: "t1.jsonl", transcript: Transcript(bytes: Array(played.bytes.prefix(length))),
        scenario: source)
      if report.header == nil {
        #expect(report.verification == .unreadable, "prefix \(length)")
      } else {
        #expect(report.verification == .verified, "prefix \(length): \(report.findings)")
      }
      #expect(!report.isComplete, "prefix \(length)")
    }
  }
}

/// Numbers the replay cannot check (latencies, the correctness of marker guesses) must not
/// crash the grader or inflate a grade.
@Suite struct UncheckedNumbersTests {
  @Test func hugeLatenciesDoNotOverflow() throws {
    var lines = try GradingFixtures.repaired().lines
    for index in [2, 4, 6] {
      #expect(lines[index].contains("\"latencyMs\":"))
      lines[index] = lines[index].replacing(
        #/"latencyMs":[0-9]+/#, with: "\"latencyMs\":\(Int.max)")
    }
    let report = try GradingFixtures.report(lines)
    // Latencies are not replayed: the transcript still verifies.
    #expect(report.verification == .verified, "\(report.findings)")
    #expect(report.answeringMilliseconds == Int.max)
    let row = GradeSheet.row(report, log: GradingLog())
    #expect(row.count == GradeSheet.columns.count)
    #expect(SessionPageHTML.page(report, log: GradingLog(), index: nil).contains("<svg"))
    let statements = XAPIExport(base: "https://x.example", passMark: 50).statements(for: report)
    #expect(statements.count == 5)
    for statement in statements {
      let duration = try #require(statement.result?.duration)
      #expect(duration.wholeMatch(of: #/PT([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,2})?S)/#) != nil)
    }
    #expect(XAPIExport.duration(milliseconds: Int.max).hasPrefix("PT2562047788015H"))
  }

  @Test func anEditedMarkerGuessDoesNotRaiseTheCount() throws {
    let played = try GradingFixtures.play(
      [
        // Wrong: the turn shows a confrontation.
        .guess(.withdrawal, .denial),
        .choose("open-defend", latency: 1_000),
        .guess(.withdrawal, .minimalResponse),
        .choose("cold-silence", latency: 1_000),
      ], identifyMarkers: true)
    var lines = played.lines
    // Line 3: the guess on the first turn.
    #expect(lines[2].contains("\"typeCorrect\":false"))
    #expect(lines[2].contains("\"subtypeCorrect\":false"))
    lines[2] = lines[2].replacingOccurrences(
      of: "\"typeCorrect\":false", with: "\"typeCorrect\":true"
    )
    .replacingOccurrences(of: "\"subtypeCorrect\":false", with: "\"subtypeCorrect\":true")
    let honest = try played.report().markerIdentification
    let edited = try GradingFixtures.report(lines)
    #expect(edited.markerIdentification == honest)
    #expect(edited.markerIdentification?.typesCorrect == 1)
    #expect(edited.markerIdentification?.subtypesCorrect == 1)
    let page = SessionPageHTML.page(edited, log: GradingLog(), index: nil)
    #expect(page.contains("Noticed: withdrawal, denial (not right)"))
    #expect(page.contains("Noticed: withdrawal, minimal-response (right)"))
  }
}

/// The mode is not replayed, but assessment mode allows no undo and no hint.
@Suite struct SessionModeTests {
  @Test func anAssessmentSessionVerifies() throws {
    let played = try GradingFixtures.play(
      [
        .choose("open-explore", latency: 1_000), .note("fine"),
        .choose("explore-own", latency: 1_000), .choose("restored-plan", latency: 1_000),
      ], mode: .assessment)
    let report = try played.report()
    #expect(report.verification == .verified, "\(report.findings)")
    #expect(report.header?.mode == .assessment)
    #expect(report.score?.headline == 90)
  }

  @Test(arguments: [
    // An undo on line 4.
    ([GradingFixtures.Action.choose("open-defend", latency: 1_000), .undo], 4),
    // A hint on line 3.
    ([.hint("Ask what it was like.")], 3),
  ])
  func aPracticeSessionRelabelledAsAssessmentIsCaught(
    _ before: [GradingFixtures.Action], _ line: Int
  ) throws {
    let played = try GradingFixtures.play(
      before + [
        .choose("open-explore", latency: 1_000), .choose("explore-own", latency: 1_000),
        .choose("restored-plan", latency: 1_000),
      ])
    #expect(try played.report().verification == .verified)
    var lines = played.lines
    #expect(lines[0].contains("\"mode\":\"practice\""))
    lines[0] = lines[0].replacingOccurrences(
      of: "\"mode\":\"practice\"", with: "\"mode\":\"assessment\"")
    let report = try GradingFixtures.report(lines)
    SessionReportTests.expectFailed(report, atLine: line)
    #expect(report.isComplete)
  }
}
