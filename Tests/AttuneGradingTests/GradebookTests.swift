import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// The gradebook: one row per trainee, the attempt chosen by policy, and only verified,
/// completed sessions counted.
@Suite struct GradebookTests {
  /// Two attempts by "ana": a dropout (lower) first and the repaired session (90) later, and
  /// one by "ben".
  static func attempts() throws -> (early: SessionReport, late: SessionReport, ben: SessionReport) {
    let early = try GradingFixtures.dropout(
      trainee: "ana", startedAt: "2026-11-20T09:00:00Z", mode: .assessment
    )
    .report(file: "ana-1.jsonl")
    let late = try GradingFixtures.repaired(
      trainee: "ana", startedAt: "2026-11-21T09:00:00Z", mode: .assessment
    )
    .report(file: "ana-2.jsonl")
    let ben = try GradingFixtures.dropout(
      trainee: "ben", startedAt: "2026-11-22T09:00:00Z", mode: .assessment
    )
    .report(file: "ben.jsonl")
    return (early, late, ben)
  }

  static func headline(_ report: SessionReport) throws -> String {
    String(try #require(report.score?.headline))
  }

  @Test func theDropoutScoresBelowTheRepairedSession() throws {
    let (early, late, _) = try Self.attempts()
    let low = try #require(early.score?.headline)
    #expect(low < 90)
    #expect(late.score?.headline == 90)
  }

  @Test func bestKeepsTheHighestHeadlineInAnyOrder() throws {
    let (early, late, ben) = try Self.attempts()
    for order in [[early, late, ben], [late, early, ben], [ben, late, early]] {
      var book = Gradebook(policy: .best)
      for report in order { book.add(report) }
      #expect(book.cells["ana"]?["tiny-rupture"]?.headline == 90)
      #expect(book.cells["ana"]?["tiny-rupture"]?.startedAt == "2026-11-21T09:00:00Z")
      #expect(book.columns == ["Student", "SIS Login ID", "Attune: tiny-rupture"])
      let rows = book.rows.map { $0.map(CSVTable.field) }
      #expect(rows == [["ana", "ana", "90"], ["ben", "ben", try Self.headline(ben)]])
    }
  }

  @Test func latestKeepsTheSessionThatStartedLastInAnyOrder() throws {
    let (early, late, ben) = try Self.attempts()
    // The later attempt is the dropout this time.
    let later = try GradingFixtures.dropout(
      trainee: "ana", startedAt: "2026-11-23T09:00:00Z", mode: .assessment
    )
    .report(file: "ana-3.jsonl")
    for order in [
      [early, late, later, ben], [later, late, early, ben], [late, later, early, ben],
    ] {
      var book = Gradebook(policy: .latest)
      for report in order { book.add(report) }
      #expect(book.cells["ana"]?["tiny-rupture"]?.startedAt == "2026-11-23T09:00:00Z")
      #expect(book.cells["ana"]?["tiny-rupture"]?.headline == later.score?.headline)
      var best = Gradebook(policy: .best)
      for report in order { best.add(report) }
      #expect(best.cells["ana"]?["tiny-rupture"]?.headline == 90)
    }
  }

  @Test func unverifiedAndIncompleteSessionsAreNotCounted() throws {
    let (early, _, _) = try Self.attempts()
    // A tampered transcript claiming 99.
    var lines = try GradingFixtures.repaired(
      trainee: "ana", startedAt: "2026-11-24T09:00:00Z", mode: .assessment
    )
    .lines
    lines[7] = lines[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":99")
    let tampered = try GradingFixtures.report(lines, file: "ana-tampered.jsonl")
    #expect(tampered.verification == .failed)
    let quit = try GradingFixtures.quit(trainee: "ana", startedAt: "2026-11-25T09:00:00Z")
      .report()
    #expect(quit.verification == .verified)
    for policy in Gradebook.AttemptPolicy.allCases {
      var book = Gradebook(policy: policy)
      book.add(early)
      book.add(tampered)
      book.add(quit)
      #expect(book.cells["ana"]?["tiny-rupture"]?.headline == early.score?.headline, "\(policy)")
      #expect(book.cells["ana"]?["tiny-rupture"]?.startedAt == "2026-11-20T09:00:00Z")
    }
  }

  @Test func aTraineeWithoutACountedSessionKeepsAnEmptyRow() throws {
    let (early, _, _) = try Self.attempts()
    let quitter = try GradingFixtures.quit(trainee: "cal").report(file: "cal.jsonl")
    // A session of another scenario that could not be checked.
    var lines = try GradingFixtures.repaired(trainee: "dee").lines
    lines[0] = lines[0].replacingOccurrences(
      of: "\"id\":\"tiny-rupture\"", with: "\"id\":\"another\"")
    let unknown = SessionReport(
      file: "dee.jsonl", transcript: Transcript(bytes: GradingFixtures.bytes(lines)),
      scenario: nil)
    #expect(unknown.verification == .scenarioNotFound)
    let unreadable = SessionReport(
      file: "x.jsonl", transcript: Transcript(bytes: Array("garbage\n".utf8)), scenario: nil)

    var book = Gradebook()
    #expect(book.policy == .first)
    for report in [early, quitter, unknown, unreadable] { book.add(report) }
    #expect(book.scenarios == ["another", "tiny-rupture"])
    #expect(book.columns == ["Student", "SIS Login ID", "Attune: another", "Attune: tiny-rupture"])
    let rows = book.rows.map { $0.map(CSVTable.field) }
    #expect(
      rows == [
        ["ana", "ana", "", try Self.headline(early)],
        ["cal", "cal", "", ""],
        ["dee", "dee", "", ""],
      ])
    #expect(book.rows.allSatisfy { $0.count == book.columns.count })
  }

  @Test func theFirstAssessmentAttemptCountsByDefaultAndAttemptsAreCounted() throws {
    let (early, late, ben) = try Self.attempts()
    for order in [[early, late, ben], [late, ben, early]] {
      var book = Gradebook()
      for report in order { book.add(report) }
      let ana = try #require(book.cells["ana"]?["tiny-rupture"])
      #expect(ana.startedAt == "2026-11-20T09:00:00Z")
      #expect(ana.headline == early.score?.headline)
      #expect(ana.attempts == 2)
      #expect(book.cells["ben"]?["tiny-rupture"]?.attempts == 1)
      #expect(
        book.attemptNotes == [
          "ana, tiny-rupture: 2 assessment attempts; the first (started 2026-11-20T09:00:00Z) counts"
        ])
    }
  }

  @Test func practiceSessionsAreNotGraded() throws {
    let practice = try GradingFixtures.repaired(trainee: "eve").report(file: "eve.jsonl")
    #expect(practice.verification.isVerified && practice.header?.mode == .practice)
    var book = Gradebook()
    book.add(practice)
    #expect(book.cells["eve"] == [:])
  }

  @Test func anEmptyGradebookHasOnlyItsNameColumns() {
    let book = Gradebook(policy: .latest)
    #expect(book.columns == ["Student", "SIS Login ID"])
    #expect(book.rows.isEmpty)
  }
}
