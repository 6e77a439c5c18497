import AttuneCore
import Foundation
import Testing

@testable import AttuneAuthoring

@Suite struct ScenarioGraphTests {
  static func fixture() throws -> Scenario {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "AttuneCoreTests/Fixtures/tiny-rupture.json")
    return try #require(ScenarioLoader().load(Array(try Data(contentsOf: url))).scenario)
  }

  @Test func edgesFollowOptionsBranchesAndRandomChoices() throws {
    let graph = ScenarioGraph(try Self.fixture())
    #expect(graph.successors(of: "open") == ["explore", "explore", "cold", "cold"])
    let own = graph.edges.filter { $0.option == "explore-own" }
    #expect(own.map(\.to) == ["restored", "cold"])
    // The first branch has a condition; the default branch after it does not.
    #expect(own.map { edge in edge.isConditional } == [true, false])
    let validate = graph.edges.filter { $0.option == "cold-validate" }
    #expect(validate.map(\.to) == ["restored", "end-dropout"])
    let allRandom = validate.allSatisfy { edge in edge.isRandom && edge.isConditional }
    #expect(allRandom)
  }

  @Test func reachability() throws {
    let graph = ScenarioGraph(try Self.fixture())
    #expect(
      graph.reachableFromStart() == [
        "open", "explore", "cold", "restored", "end-repaired", "end-dropout",
      ])
  }
}
