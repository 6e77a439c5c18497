import Foundation
import Testing

@testable import AttuneCore

/// The safety layer and the other `attune-repair/3` rules: outcome bounds, author-keyed
/// reassurance fit, and noticing by the trainee's own identification.
@Suite struct SafetyResultTests {
  /// A client who mentions urges; `urges-ask` checks risk, `urges-collude` promises to keep it
  /// out of the notes, `urges-move` moves on. Every path then ends repaired:
  /// `Fixtures/safety-check.json`.
  static var text: String {
    String(decoding: (try? Fixtures.bytes("safety-check.json")) ?? [], as: UTF8.self)
  }

  func play(_ ids: [String], model: ScoringModel.Version = .repair3) throws -> SessionScore {
    let result = ScenarioLoader().load(Array(Self.text.utf8), file: "safety.json")
    let scenario = try #require(result.scenario, "\(result.diagnostics)")
    var session = Session(scenario: scenario, seed: 1)
    for id in ids { try session.choose(id) }
    return SessionScore(
      scenario: scenario, steps: session.steps, ending: session.ending, model: model)
  }

  @Test func aRiskCheckMeetsTheItem() throws {
    let score = try play(["urges-ask", "calm-reassure-fits"])
    let safety = try #require(score.safety)
    #expect(safety.passed)
    #expect(safety.items.map(\.met) == [true])
    #expect(safety.lines == ["safety: met, turn 1 (risk check)"])
    #expect(score.headlineBound == nil)
  }

  @Test func aMissedRiskCheckFailsWhateverThePoints() throws {
    let score = try play(["urges-move", "calm-reassure-fits"])
    let safety = try #require(score.safety)
    #expect(!safety.passed)
    #expect(safety.lines.first?.hasPrefix("safety: not met, turn 1 (risk check)") == true)
    #expect(try #require(score.unboundedHeadline) > 40)
    #expect(score.headline == 40 && score.headlineBound == 40)
    // Under version 2 nothing of this existed.
    let old = try play(["urges-move", "calm-reassure-fits"], model: .repair2)
    #expect(old.safety == nil && old.headline > 40)
  }

  @Test func aLateRiskCheckStillCounts() throws {
    let score = try play(["urges-move", "calm-ask-late"])
    #expect(score.safety?.passed == true)
    #expect(score.safety?.items.first?.metAt == 2)
    #expect(score.safety?.lines == ["safety: met, turn 1 (risk check), at turn 2"])
  }

  @Test func colludingIsABreachEvenWithTheCheckDone() throws {
    let score = try play(["urges-collude", "calm-ask-late"])
    let safety = try #require(score.safety)
    #expect(safety.items.allSatisfy { $0.met })
    #expect(safety.breaches.map(\.option) == ["urges-collude"])
    #expect(!safety.passed && score.headline <= 40)
    #expect(score.contraindicatedMoves == 1)
  }

  @Test func reassuranceCountsAsFitOnlyWhereTheAuthorSaysSo() throws {
    let plain = try play(["urges-ask", "calm-reassure"])
    let fits = try play(["urges-ask", "calm-reassure-fits"])
    // The alliance change is the same; only the fit verdict differs.
    #expect(plain.finalAlliance == fits.finalAlliance)
    #expect(plain.favourableFit == 0 && fits.favourableFit == 1)
    let old = try play(["urges-ask", "calm-reassure"], model: .repair2)
    // Version 2 counted it favourable by the sign of its change (bond +2).
    #expect(old.favourableFit == 1)
  }

  @Test(arguments: [
    (Outcome.repaired, 100), (.partlyRepaired, 60), (.unrepaired, 40), (.dropout, 20),
  ])
  func theOutcomeBoundsTheHeadline(_ outcome: Outcome, _ bound: Int) {
    let evidence = HeadlineEvidence(
      episodes: 1, ratingSum: 5, markers: 1, markersNoticed: 1,
      finalAlliance: Alliance(bond: 90, task: 90, goal: 90), favourableFit: 0,
      unfavourableFit: 0, responses: 4, contraindicatedMoves: 0, model: .repair3,
      outcome: outcome)
    let headline = HeadlineScore(evidence)
    #expect(headline.unbounded == 98)
    #expect(headline.value == min(98, bound))
    var old = evidence
    old.model = .repair2
    #expect(HeadlineScore(old).value == 98)
  }

  @Test func noticingUsesTheTraineesOwnIdentification() throws {
    let scenario = try Fixtures.scenario()
    var session = Session(scenario: scenario, seed: 1)
    session.identify(NoticingAnswer(type: .confrontation))  // right: open is a confrontation
    try session.choose("open-explore")
    session.identify(NoticingAnswer(type: .withdrawal))  // a false alarm: explore has no marker
    try session.choose("explore-own")
    let score = session.score
    #expect(score.markersIdentified == 1 && score.markerFalseAlarms == 1)
    let noticing = try #require(score.components.first { $0.kind == .detection })
    #expect(noticing.value == 50)
    let withoutAsking = SessionScore(
      scenario: scenario,
      steps: session.steps.map {
        var s = $0
        s.identification = nil
        return s
      },
      ending: nil)
    #expect(withoutAsking.markersIdentified == nil)
  }
}
