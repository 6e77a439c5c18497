import Foundation
import Testing

@testable import AttuneCore

/// The seeded option order (`OptionOrder`) and the rules a transcript is replayed under
/// (`SessionRules`).
@Suite struct SessionRulesTests {
  @Test func theOrderIsAPermutationFixedBySeedTurnAndVisit() {
    let order = OptionOrder.seededShuffle
    let a = order.permutation(count: 5, seed: 7, turn: "open", visit: 1)
    #expect(a.sorted() == [0, 1, 2, 3, 4])
    #expect(a == order.permutation(count: 5, seed: 7, turn: "open", visit: 1))
    let others = (1...20).map {
      order.permutation(count: 5, seed: UInt64($0), turn: "open", visit: 1)
    }
    #expect(Set(others).count > 10, "seeds give different orders")
    #expect(
      OptionOrder.fileOrder.permutation(count: 5, seed: 7, turn: "open", visit: 1) == [
        0, 1, 2, 3, 4,
      ])
  }

  @Test func everyOptionIsShownFirstAboutEquallyOften() {
    var firsts = [Int](repeating: 0, count: 4)
    for seed in 0..<4000 {
      firsts[
        OptionOrder.seededShuffle.permutation(count: 4, seed: UInt64(seed), turn: "t", visit: 1)[0]] +=
        1
    }
    // 1,000 expected each; a fair shuffle stays well within 850-1150.
    #expect(firsts.allSatisfy { (850...1150).contains($0) }, "\(firsts)")
  }

  @Test func undoShowsTheTurnAgainInTheSameOrder() throws {
    var session = Session(scenario: try Fixtures.scenario(), seed: 3)
    try session.choose("open-explore")
    guard case .turn(let before) = session.presentation else { return }
    try session.choose(before.availableOptions[0].id)
    session.undo()
    guard case .turn(let again) = session.presentation else { return }
    #expect(again.options.map(\.id) == before.options.map(\.id))
  }

  @Test func shufflingNeverChangesWhereASessionGoes() throws {
    let scenario = try Fixtures.scenario()
    for seed in UInt64(0)..<30 {
      var shuffled = Session(scenario: scenario, seed: seed)
      var fileOrder = Session(scenario: scenario, seed: seed, rules: .engine1)
      for id in ["open-defend", "cold-validate", "restored-plan"] {
        guard !shuffled.isOver else { break }
        let a = try? shuffled.choose(id)
        let b = try? fileOrder.choose(id)
        #expect(a?.destination == b?.destination && a?.draw == b?.draw)
      }
    }
  }

  @Test func recordedRulesAreFoundByEngineAndModel() {
    #expect(
      SessionRules.recorded(engine: "attune-engine/2", scoringModel: "attune-repair/3") == .current)
    #expect(
      SessionRules.recorded(engine: "attune-engine/1", scoringModel: "attune-repair/2") == .engine1)
    #expect(
      SessionRules.recorded(engine: "attune-engine/1", scoringModel: "attune-repair/1") == nil)
    #expect(TranscriptHeader.engineVersion == "attune-engine/2")
  }

  /// Transcripts recorded by the previous build (engine 1, scoring model 2) against the scenario
  /// files of that time still verify, with their recorded headlines.
  @Test(arguments: [
    ("late-start-v2-assessment.jsonl", "late-start-1.1.0.json", 95),
    ("six-weeks-left-v2-practice.jsonl", "six-weeks-left-1.2.0.json", 39),
  ])
  func aVersion2TranscriptStillVerifies(
    _ transcriptName: String, _ scenarioName: String, _ headline: Int
  )
    throws
  {
    let bytes = try Fixtures.bytes("Legacy/\(scenarioName)")
    let scenario = try #require(ScenarioLoader().load(bytes, file: scenarioName).scenario)
    let transcript = Transcript(bytes: try Fixtures.bytes("Legacy/\(transcriptName)"))
    let verification = TranscriptVerification(
      transcript: transcript, scenario: scenario, scenarioBytes: bytes)
    #expect(verification.isVerified, "\(verification.findings)")
    let score = try #require(verification.session?.score)
    #expect(score.model == "attune-repair/2")
    #expect(score.headline == headline)
    #expect(score.safety == nil && score.unboundedHeadline == nil)
  }
}
