import Foundation
import Testing

@testable import AttuneCore

/// The bundled library as a whole meets the requirements of issue #6, "A library of clinically
/// grounded scenarios": enough scenarios, every attachment category, both rupture types and most
/// marker subtypes, every 3RS resolution strategy as a good move and every contraindicated move
/// on offer, and scenarios long and branching enough to practise in. The coverage table in
/// `Scenarios/README.md` describes the same library.
@Suite struct LibraryCoverageTests {
  static let scenarios: [Scenario] = BundledScenarioTests.files.compactMap { name in
    guard let data = try? Data(contentsOf: BundledScenarioTests.folder.appendingPathComponent(name))
    else { return nil }
    return ScenarioLoader().load(Array(data), file: name).scenario
  }

  @Test func atLeastEightScenariosLoad() {
    #expect(Self.scenarios.count == BundledScenarioTests.files.count)
    #expect(Self.scenarios.count >= 8)
  }

  @Test func everyAttachmentCategory() {
    let counts = Dictionary(grouping: Self.scenarios, by: \.client.attachment.category)
      .mapValues(\.count)
    let required: [AttachmentCategory: Int] = [
      .preoccupied: 2, .dismissing: 2, .fearful: 2, .secure: 1,
    ]
    for (category, minimum) in required {
      #expect((counts[category] ?? 0) >= minimum, "\(category): \(counts[category] ?? 0)")
    }
  }

  @Test func bothRuptureTypesAndMostMarkerSubtypes() {
    let markers = Self.scenarios.flatMap(\.ruptureTurns).compactMap(\.marker)
    #expect(Set(markers.map(\.type)) == [.withdrawal, .confrontation])
    let subtypes = Set(markers.map(\.subtype))
    #expect(subtypes.count >= 10, "\(subtypes.count) of 14 subtypes")
  }

  /// A good move: an option with the code, a non-negative authored alliance change, and no
  /// contraindicated code.
  @Test func everyResolutionStrategyAsAGoodMove() {
    let options = Self.scenarios.flatMap(\.turns).flatMap(\.options)
    let good = options.filter { $0.alliance.total >= 0 && $0.contraindicatedCodes.isEmpty }
    let used = Set(good.flatMap(\.codes))
    for code in Code.allCases where code.isResolutionStrategy {
      #expect(used.contains(code), "\(code.rawValue) is never a good move")
    }
  }

  @Test func everyContraindicatedMoveOffered() {
    let offered = Set(Self.scenarios.flatMap(\.turns).flatMap(\.options).flatMap(\.codes))
    for code in Code.allCases where code.family == .contraindicated {
      #expect(offered.contains(code), "\(code.rawValue) is never offered")
    }
  }

  @Test(arguments: BundledScenarioTests.files)
  func longEnoughToPractise(_ name: String) throws {
    let scenario = try #require(Self.scenarios.first { "\($0.id).json" == name })
    let turns = Self.longestPath(scenario)
    #expect(turns >= 12, "the longest path shows \(turns) client turns")
  }

  @Test(arguments: BundledScenarioTests.files)
  func endingsWithDistinctOutcomes(_ name: String) throws {
    let scenario = try #require(Self.scenarios.first { "\($0.id).json" == name })
    #expect(scenario.endings.count >= 3)
    let outcomes = Set(scenario.endings.map(\.outcome))
    #expect(outcomes.count >= 3, "\(outcomes.map(\.rawValue).sorted())")
  }

  /// Some marker turn is at least two responses from the nearest turn marked collaboration
  /// restored, and one can be reached: the episode it opens takes several turns to repair.
  @Test(arguments: BundledScenarioTests.files)
  func aRuptureTakesSeveralTurnsToRepair(_ name: String) throws {
    let scenario = try #require(Self.scenarios.first { "\($0.id).json" == name })
    let distances = scenario.ruptureTurns.compactMap {
      Self.responsesToRestoration(scenario, $0.id)
    }
    #expect(distances.contains { $0 >= 2 }, "responses to repair from each marker: \(distances)")
  }

  /// The most client turns on a way from the start to an ending that shows no turn twice,
  /// conditions aside.
  static func longestPath(_ scenario: Scenario) -> Int {
    var longest = 0
    var onPath: Set<String> = [scenario.start]
    func extend(_ id: String, _ length: Int) {
      guard let turn = scenario.turn(id) else {
        longest = max(longest, length - 1)
        return
      }
      for next in Set(turn.options.flatMap(\.next.targets)) where !onPath.contains(next) {
        if scenario.turn(next) != nil { onPath.insert(next) }
        extend(next, length + 1)
        onPath.remove(next)
      }
    }
    extend(scenario.start, 1)
    return longest
  }

  /// The fewest responses from turn `id` to a turn marked collaboration restored, conditions
  /// aside; nil if none can be reached.
  static func responsesToRestoration(_ scenario: Scenario, _ id: String) -> Int? {
    var distance = [id: 0]
    var queue = [id]
    while !queue.isEmpty {
      let current = queue.removeFirst()
      guard let turn = scenario.turn(current) else { continue }
      if turn.stage == .collaborationRestored { return distance[current] }
      for next in turn.options.flatMap(\.next.targets) where distance[next] == nil {
        distance[next] = distance[current]! + 1
        queue.append(next)
      }
    }
    return nil
  }
}
