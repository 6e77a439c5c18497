import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// Agreement of resolution ratings gathered from reports and grading logs, checked against
/// hand-computed values.
@Suite struct RatingAgreementTests {
  private static func isClose(_ actual: Double?, _ expected: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= 1e-12
  }

  /// Three verified sessions, each with one rupture episode, which the engine rates 5 (repaired),
  /// 1 (a dropout with no marker attended to) and 3 (a dropout after exploring).
  static func sessions() throws -> [SessionReport] {
    let repaired = try GradingFixtures.repaired().report(file: "a.jsonl")
    let dropout = try GradingFixtures.play([
      .choose("open-info", latency: 1_000), .choose("cold-blame", latency: 1_000),
    ]).report(file: "b.jsonl")
    let explored = try GradingFixtures.play([
      .choose("open-reflect", latency: 1_000),
      .choose("explore-own", latency: 1_000),
      .choose("cold-validate", latency: 1_000),
    ]).report(file: "c.jsonl")
    let reports = [repaired, dropout, explored]
    #expect(reports.map(\.verification) == [.verified, .verified, .verified])
    #expect(reports.map { $0.score?.episodes.map(\.rating) } == [[5], [1], [3]])
    return reports
  }

  /// "ana" rates the three episodes 4, 1, 3; "ben" rates the first two 4, 1.
  static func agreement() throws -> RatingAgreement {
    let reports = try sessions()
    let logs = [
      GradingFixtures.log([
        GradingFixtures.rating("ana", episode: 1, 2), GradingFixtures.rating("ana", episode: 1, 4),
        GradingFixtures.rating("ben", episode: 1, 4),
        // No such episode: left out.
        GradingFixtures.rating("ana", episode: 2, 1),
      ]),
      GradingFixtures.log([
        GradingFixtures.rating("ana", episode: 1, 1), GradingFixtures.rating("ben", episode: 1, 1),
      ]),
      GradingFixtures.log([GradingFixtures.rating("ana", episode: 1, 3)]),
    ]
    var agreement = RatingAgreement()
    for (report, log) in zip(reports, logs) { agreement.add(report, log: log) }
    return agreement
  }

  @Test func episodesGatherTheEngineAndTheGraders() throws {
    let agreement = try Self.agreement()
    #expect(agreement.raters == ["engine", "ana", "ben"])
    #expect(
      agreement.episodes == [
        RatedEpisode(
          transcript: "a.jsonl", scenario: "tiny-rupture", episode: 1,
          ratings: ["engine": 5, "ana": 4, "ben": 4]),
        RatedEpisode(
          transcript: "b.jsonl", scenario: "tiny-rupture", episode: 1,
          ratings: ["engine": 1, "ana": 1, "ben": 1]),
        RatedEpisode(
          transcript: "c.jsonl", scenario: "tiny-rupture", episode: 1,
          ratings: ["engine": 3, "ana": 3]),
      ])
  }

  /// Engine against ana over (5,4), (1,1), (3,3).
  ///
  /// Quadratic kappa, k = 5, w = d²/16. Observed: one pair one step off, Do = (1/3)(1/16) =
  /// 1/48. Expected: the engine's marginal is 1/3 on 1, 3, 5 and ana's 1/3 on 1, 3, 4, so every
  /// cell has 1/9; the squared distances sum to (0+4+9) + (4+0+1) + (16+4+1) = 39, De =
  /// 39/144. kappa = 1 − (1/48)/(39/144) = 1 − 3/39 = 12/13.
  ///
  /// ICC(A,1), n = 3, k = 2: grand mean 17/6; subject means 4.5, 1, 3; rater means 3, 8/3.
  /// SSR = 2 · 222/36, SSC = 3 · 2/36 = 1/6, SST = 462/36, SSE = 12/36. MSR = 37/6, MSC = 1/6,
  /// MSE = 1/6. ICC = (37/6 − 1/6) / (37/6 + 1/6 + (2/3)(1/6 − 1/6)) = 36/38 = 18/19.
  @Test func engineAgainstAGraderMatchesTheHandComputedValues() throws {
    let pairs = try Self.agreement().pairs
    #expect(pairs.map { "\($0.first)-\($0.second)" } == ["engine-ana", "engine-ben", "ana-ben"])
    let pair = pairs[0]
    #expect(pair.episodes == 3)
    #expect(Self.isClose(pair.exactAgreement, 2.0 / 3))
    #expect(Self.isClose(pair.kappa.value, 12.0 / 13))
    #expect(pair.kappa.weighting == .quadratic)
    #expect(pair.kappa.pairs == 3)
    #expect(Self.isClose(pair.icc.value, 18.0 / 19))
    #expect(pair.icc.subjects == 3)
    #expect(pair.icc.form == .agreementSingle)
  }

  /// Engine against ben over (5,4), (1,1).
  ///
  /// Kappa: Do = (1/2)(1/16) = 1/32; every cell of the expected table has 1/4, with squared
  /// distances (1,1) 0, (1,4) 9, (5,1) 16, (5,4) 1, so De = 26/64; kappa = 1 − 2/26 = 12/13.
  ///
  /// ICC(A,1), n = 2, k = 2: grand mean 2.75; SSR = 12.25, SSC = 0.25, SST = 12.75, SSE = 0.25;
  /// MSR = 12.25, MSC = MSE = 0.25; ICC = 12 / 12.5 = 0.96.
  @Test func engineAgainstTheOtherGrader() throws {
    let pair = try Self.agreement().pairs[1]
    #expect(pair.episodes == 2)
    #expect(pair.exactAgreement == 0.5)
    #expect(Self.isClose(pair.kappa.value, 12.0 / 13))
    #expect(Self.isClose(pair.icc.value, 0.96))
    // The oracle types agree on the same pairs.
    #expect(
      pair.kappa
        == WeightedKappa(pairs: [(5, 4), (1, 1)], categories: 1...5, weighting: .quadratic))
    #expect(pair.icc == IntraclassCorrelation(ratings: [[5, 4], [1, 1]], form: .agreementSingle))
  }

  @Test func gradersAgainstEachOther() throws {
    let pair = try Self.agreement().pairs[2]
    #expect(pair.first == "ana")
    #expect(pair.second == "ben")
    // Over the two episodes both rated: (4,4) and (1,1).
    #expect(pair.episodes == 2)
    #expect(pair.exactAgreement == 1)
    #expect(pair.kappa.value == 1)
    #expect(Self.isClose(pair.icc.value, 1))
  }

  /// All three raters over the two episodes all of them rated: [5,4,4] and [1,1,1].
  ///
  /// Grand mean 8/3; subject means 13/3 and 1; rater means 3, 5/2, 5/2. SSR = 3 · 50/9 = 50/3,
  /// SSC = 2 · (1/9 + 2/36) = 1/3, SST = 156/9 = 52/3, SSE = 1/3. MSR = 50/3, MSC = 1/6,
  /// MSE = (1/3)/2 = 1/6. ICC = (50/3 − 1/6) / (50/3 + 2/6 + (3/2)(0)) = 99/102 = 33/34.
  @Test func agreementAmongEveryRater() throws {
    let agreement = try Self.agreement()
    let all = agreement.intraclassCorrelation(among: agreement.raters)
    #expect(all.subjects == 2)
    #expect(all.skipped == 1)
    #expect(all.raters == 3)
    #expect(Self.isClose(all.value, 33.0 / 34))
    let graders = agreement.intraclassCorrelation(among: ["ana", "ben"])
    #expect(graders.subjects == 2)
    #expect(Self.isClose(graders.value, 1))
  }

  @Test func unverifiedAndUngradedSessionsAreLeftOut() throws {
    var lines = try GradingFixtures.repaired().lines
    lines[7] = lines[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":99")
    let tampered = try GradingFixtures.report(lines)
    let unchecked = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: try GradingFixtures.repaired().bytes),
      scenario: nil)
    let rated = GradingFixtures.log([GradingFixtures.rating("ana", episode: 1, 3)])
    var agreement = RatingAgreement()
    agreement.add(tampered, log: rated)
    agreement.add(unchecked, log: rated)
    agreement.add(try GradingFixtures.repaired().report(), log: GradingLog())
    // Rated, but not an episode of the session.
    agreement.add(
      try GradingFixtures.dropout().report(),
      log: GradingFixtures.log([GradingFixtures.rating("ana", episode: 3, 3)]))
    #expect(agreement.episodes.isEmpty)
    #expect(agreement.raters.isEmpty)
    #expect(agreement.pairs.isEmpty)
  }
}
