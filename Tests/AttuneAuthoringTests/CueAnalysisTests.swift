import AttuneCore
import Testing

@testable import AttuneAuthoring

/// The cue analysis: what skill-free text policies score, computed through the engine.
@Suite struct CueAnalysisTests {
  /// One rupture turn whose key is the longest option, then one plain turn.
  static let text = Fixture.scenario(
    turns: """
      [{"id": "t0", "says": "Whatever. This is pointless.",
        "marker": {"type": "withdrawal", "subtype": "minimal-response", "salience": 3},
        "options": [
          \(Fixture.option("key", "\"t1\"", codes: "\"invite-discussion\"", text: "Pointless, and maybe I have a part in that; what has it been like?")),
          \(Fixture.option("miss", "\"e2\"", codes: "\"ignore-marker\"", extra: ", \"alliance\": {\"bond\": -10}")),
          \(Fixture.option("lecture", "\"e2\"", codes: "\"persuade\"", extra: ", \"alliance\": {\"bond\": -5}"))]},
       {"id": "t1", "says": "Yes.", "stage": "collaboration-restored",
        "options": [\(Fixture.option("close", "\"e1\""))]}]
      """,
    endings: """
      [{"id": "e1", "title": "E", "outcome": "repaired", "debrief": "d"},
       {"id": "e2", "title": "F", "outcome": "dropout", "debrief": "d"}]
      """)

  func analyze() throws -> (Scenario, ScenarioAnalysis) {
    let scenario = try Fixture.load(Self.text)
    return (scenario, ScenarioAnalyzer().analyze(scenario))
  }

  @Test func deterministicPoliciesAreExactAndRandomPlayIsTheMeanOfThePaths() throws {
    let (scenario, analysis) = try analyze()
    let cues = try #require(analysis.cues)
    let longest = try #require(cues.figure(.longest))
    #expect(longest.exact)
    #expect(longest.outcomes == ["repaired": 1])
    // Random play: one in three takes the key; every path's headline comes from the engine.
    var headlines: [Int] = []
    for first in ["key", "miss", "lecture"] {
      var session = Session(scenario: scenario, seed: 1)
      try session.choose(first)
      if !session.isOver { try session.choose("close") }
      headlines.append(session.score.headline)
    }
    let random = try #require(cues.figure(.random))
    #expect(random.exact)
    #expect(random.expected == (Double(headlines.reduce(0, +)) / 3 * 10).rounded() / 10)
    #expect(cues.figure(.first)?.expected == random.expected)
    #expect(Double(headlines[0]) == longest.expected)
  }

  @Test func theLeakingTurnIsNamedWithItsLengths() throws {
    let (_, analysis) = try analyze()
    let cues = try #require(analysis.cues)
    #expect(cues.bestPathTurns == 1)
    #expect(cues.longestIsBest.map(\.turn) == ["t0"])
    let warning = try #require(analysis.diagnostics.first { $0.code == .cueLongestBest })
    #expect(warning.message.contains("\"t0\" (66 characters against"))
    #expect(
      analysis.diagnostics.contains { $0.code == .cueTextPolicy && $0.message.contains("longest") })
  }

  @Test func thresholdsAreConfigurable() throws {
    let scenario = try Fixture.load(Self.text)
    var analyzer = ScenarioAnalyzer()
    analyzer.cueThresholds.longestBestShare = 1
    analyzer.cueThresholds.textPolicyHeadline = 100
    analyzer.cueThresholds.randomHeadline = 100
    let codes = analyzer.analyze(scenario).diagnostics.map(\.code)
    #expect(!codes.contains(.cueLongestBest) && !codes.contains(.cueTextPolicy))
  }

  @Test func aTurnThatRaisesRiskNeedsASafetyItemAndAnOptionThatAsks() throws {
    let text = Fixture.scenario(
      turns: """
        [{"id": "t0", "says": "Honestly I've thought about ending my life, and the urges are back.",
          "options": [\(Fixture.option("move", "\"e1\""))]}]
        """)
    let analysis = ScenarioAnalyzer().analyze(try Fixture.load(text))
    let risk = analysis.diagnostics.filter { $0.code == .riskWithoutSafety }
    #expect(risk.count == 2, "\(risk)")
    let quiet = Fixture.scenario(
      turns: """
        [{"id": "t0", "says": "The urges to check the stove are back.", "risk": false,
          "options": [\(Fixture.option("move", "\"e1\""))]}]
        """)
    let none = ScenarioAnalyzer().analyze(try Fixture.load(quiet)).diagnostics
    #expect(!none.contains { $0.code == .riskWithoutSafety })
  }

  @Test func aRequiredTaskThatNoOptionCarriesIsAnError() throws {
    let text = Fixture.scenario(
      turns: """
        [{"id": "t0", "says": "Will you tell my employer?",
          "safety": {"task": "confidentiality-limits", "why": "a mandated client asks"},
          "options": [\(Fixture.option("move", "\"e1\""))]}]
        """)
    let analysis = ScenarioAnalyzer().analyze(try Fixture.load(text))
    let error = try #require(analysis.diagnostics.first { $0.code == .safetyTaskNeverOffered })
    #expect(error.severity == .error)
  }
}
