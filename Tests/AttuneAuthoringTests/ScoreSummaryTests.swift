import AttuneCore
import Testing

@testable import AttuneAuthoring

/// The exact score range carries on only the summaries that could still end highest or lowest.
@Suite struct ScoreSummaryTests {
  func summary(favourable: Int32, responses: Int32 = 3) -> ScoreSummary {
    var summary = ScoreSummary()
    summary.responses = responses
    summary.favourable = favourable
    summary.unfavourable = 1
    return summary
  }

  /// Same key (no ruptures, fit applies, no contraindicated move). `middle` is beaten by `top`
  /// and beats `bottom` on every merit, so it can end neither highest nor lowest; `longer` has
  /// one more clean response than `top` but one favourable adjustment fewer, so it is kept.
  @Test func dominatedSummariesAreNotCarried() {
    let top = summary(favourable: 3)
    let middle = summary(favourable: 2)
    let bottom = summary(favourable: 1)
    let longer = summary(favourable: 2, responses: 4)
    #expect(ScoreSummary.undominated([middle, top, bottom, longer]) == [false, true, true, true])
  }

  /// A path with a contraindicated move is never dropped in favour of a clean one, so that a
  /// tie for the best score still shows it.
  @Test func aSlipIsComparedOnlyWithSlips() {
    let clean = summary(favourable: 3)
    var slipped = summary(favourable: 2)
    slipped.contraindicated = 1
    var worse = slipped
    worse.favourable = 1
    var worst = worse
    worst.favourable = 0
    #expect(ScoreSummary.undominated([clean, slipped, worse, worst]) == [true, true, false, true])
  }
}
