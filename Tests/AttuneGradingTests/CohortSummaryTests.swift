import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// Totals per scenario over a cohort.
@Suite struct CohortSummaryTests {
  @Test func totalsOverAFewSessions() throws {
    let repaired = try GradingFixtures.repaired(trainee: "ana").report(file: "a.jsonl")
    let dropout = try GradingFixtures.dropout(trainee: "ben").report(file: "b.jsonl")
    let repairedAgain = try GradingFixtures.repaired(trainee: "cal").report(file: "c.jsonl")
    var tamperedLines = try GradingFixtures.repaired(trainee: "dee").lines
    tamperedLines[7] = tamperedLines[7].replacingOccurrences(
      of: "\"headline\":90", with: "\"headline\":99")
    let tampered = try GradingFixtures.report(tamperedLines, file: "d.jsonl")
    let quit = try GradingFixtures.quit(trainee: "eve").report(file: "e.jsonl")
    let unreadable = SessionReport(
      file: "f.jsonl", transcript: Transcript(bytes: Array("nonsense\n".utf8)), scenario: nil)
    var otherLines = try GradingFixtures.repaired(trainee: "fay").lines
    otherLines[0] = otherLines[0].replacingOccurrences(
      of: "\"version\":\"1.0.0\"", with: "\"version\":\"2.0.0\""
    ).replacingOccurrences(of: "\"id\":\"tiny-rupture\"", with: "\"id\":\"another\"")
    let other = SessionReport(
      file: "g.jsonl", transcript: Transcript(bytes: GradingFixtures.bytes(otherLines)),
      scenario: nil)

    var summary = CohortSummary()
    for report in [repaired, dropout, repairedAgain, tampered, quit, unreadable, other] {
      summary.add(report)
    }
    #expect(summary.unreadable == 1)
    #expect(summary.sortedScenarios.map(\.scenario) == ["another", "tiny-rupture"])

    let low = try #require(dropout.score)
    let high = try #require(repaired.score)
    #expect(high.headline == 90)
    #expect(low.outcome == .dropout)
    #expect(high.outcome == .repaired)
    let totals = try #require(summary.scenarios["tiny-rupture"])
    // Five transcripts: four completed (the tampered one reached its end), four verified (not
    // the tampered one), three scored (verified and completed).
    #expect(totals.sessions == 5)
    #expect(totals.completed == 4)
    #expect(totals.verified == 4)
    #expect(totals.scored == 3)
    #expect(totals.versions == ["1.0.0"])
    #expect(totals.headlineSum == 90 + low.headline + 90)
    #expect(totals.meanHeadline == Double(180 + low.headline) / 3)
    #expect(totals.lowestHeadline == low.headline)
    #expect(totals.highestHeadline == 90)
    #expect(totals.ruptures == 2 * high.episodes.count + low.episodes.count)
    #expect(totals.rupturesResolved == 2 * high.rupturesResolved + low.rupturesResolved)
    let ratings = (high.episodes + high.episodes + low.episodes).map(\.rating)
    #expect(totals.ratingSum == ratings.reduce(0, +))
    #expect(totals.meanResolutionRating == Double(ratings.reduce(0, +)) / Double(ratings.count))
    #expect(totals.outcomes == ["repaired": 2, "dropout": 1])

    let another = try #require(summary.scenarios["another"])
    #expect(another.sessions == 1)
    #expect(another.completed == 1)
    #expect(another.verified == 0)
    #expect(another.scored == 0)
    #expect(another.versions == ["2.0.0"])
    #expect(another.meanHeadline == nil)
    #expect(another.meanResolutionRating == nil)
    #expect(another.lowestHeadline == nil)
    #expect(another.outcomes.isEmpty)
  }

  @Test func anEmptySummaryHasNoScenarios() {
    let summary = CohortSummary()
    #expect(summary.scenarios.isEmpty)
    #expect(summary.sortedScenarios.isEmpty)
    #expect(summary.unreadable == 0)
  }
}
