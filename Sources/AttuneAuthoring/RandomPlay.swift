import AttuneCore

/// What N seeded random playthroughs reached, like ChoiceScript's randomtest.
public struct RandomPlayReport: Sendable, Codable {
  /// One playthrough that went wrong.
  public struct Failure: Sendable, Codable, Hashable {
    /// What went wrong.
    public var message: String
    /// The options chosen from the start, which reproduce it with the same seed.
    public var choices: [String]
    /// The session seed of the playthrough.
    public var seed: UInt64
  }

  public var runs: Int
  public var seed: UInt64
  /// How many playthroughs showed each turn at least once... counted per visit.
  public var turnVisits: [String: Int]
  /// How many times each option was chosen.
  public var optionChoices: [String: Int]
  /// How many playthroughs reached each ending.
  public var endings: [String: Int]
  /// Turns no playthrough showed.
  public var turnsNeverReached: [String]
  /// Runtime errors with the choices that reproduce them.
  public var errors: [Failure]
}

/// Seeded random playthroughs through the engine itself.
public enum RandomPlay {
  /// The most responses in one playthrough before it counts as a runaway loop.
  public static let stepLimit = 10_000

  public static func run(_ scenario: Scenario, count: Int, seed: UInt64) -> RandomPlayReport {
    var random = SeededRandom(seed: seed)
    var report = RandomPlayReport(
      runs: count, seed: seed, turnVisits: [:], optionChoices: [:], endings: [:],
      turnsNeverReached: [], errors: [])
    for _ in 0..<count {
      let sessionSeed = random.next()
      var session = Session(scenario: scenario, seed: sessionSeed)
      var choices: [String] = []
      var failure: String?
      while !session.isOver {
        guard case .turn(let shown) = session.presentation else { break }
        report.turnVisits[shown.turn.id, default: 0] += 1
        let available = shown.options.filter(\.isAvailable)
        if available.isEmpty {
          failure = "turn \"\(shown.turn.id)\" offers no available option"
          break
        }
        if choices.count >= stepLimit {
          failure = "no ending after \(stepLimit) responses (a loop without a way out?)"
          break
        }
        let pick = available[random.roll(below: available.count)].option.id
        do {
          try session.choose(pick)
        } catch {
          failure = "choosing \"\(pick)\" failed: \(error)"
          break
        }
        choices.append(pick)
        report.optionChoices[pick, default: 0] += 1
      }
      if let ending = session.ending { report.endings[ending.id, default: 0] += 1 }
      if let failure {
        report.errors.append(.init(message: failure, choices: choices, seed: sessionSeed))
      }
    }
    report.turnsNeverReached = scenario.turns.map(\.id).filter { report.turnVisits[$0] == nil }
    return report
  }
}
