/// The engine and scoring rules a session is played and scored under.
///
/// New sessions use `current`; a recorded session is replayed under the rules its transcript
/// names, so that a transcript recorded under an earlier engine or scoring model still verifies
/// and grades under the model it was recorded with.
public struct SessionRules: Hashable, Sendable {
  /// The order in which a turn's options are displayed.
  public var optionOrder: OptionOrder
  /// The scoring model.
  public var scoring: ScoringModel.Version

  /// Creates rules from their parts.
  public init(optionOrder: OptionOrder, scoring: ScoringModel.Version) {
    self.optionOrder = optionOrder
    self.scoring = scoring
  }

  /// The rules of this build: seeded option order, scoring model `attune-repair/3`.
  public static let current = SessionRules(optionOrder: .seededShuffle, scoring: .repair3)

  /// The rules of `attune-engine/1` with `attune-repair/2`: options in file order.
  public static let engine1 = SessionRules(optionOrder: .fileOrder, scoring: .repair2)

  /// Every combination this build can replay, with the engine version that records it.
  public static let supported: [(engine: String, rules: SessionRules)] = [
    ("attune-engine/2", .current),
    ("attune-engine/1", .engine1),
  ]

  /// The engine version string recorded for these rules.
  public var engineVersion: String {
    Self.supported.first { $0.rules == self }?.engine ?? "attune-engine/2"
  }

  /// The rules a transcript names, or nil when this build cannot replay them.
  public static func recorded(engine: String, scoringModel: String) -> SessionRules? {
    Self.supported.first { $0.engine == engine && $0.rules.scoring.rawValue == scoringModel }?
      .rules
  }
}

/// How a turn's options are ordered on screen.
public enum OptionOrder: String, Hashable, Sendable, CaseIterable {
  /// In the order the scenario file lists them (`attune-engine/1`).
  case fileOrder = "file"
  /// In an order drawn from the session's seed, the turn and how often it has been shown, so
  /// that position carries no information about the key (`attune-engine/2`). Disabled options
  /// are shuffled with the rest; a fallback is shown only alone, when nothing else is available.
  /// The draw is separate from the random source of the scenario's weighted branches, so
  /// shuffling never changes where a session goes.
  case seededShuffle = "seeded-shuffle"

  /// The display order of `count` options: a permutation of `0..<count`, the same for the same
  /// seed, turn and visit (so undoing a choice shows the turn again as it was).
  public func permutation(count: Int, seed: UInt64, turn: String, visit: Int) -> [Int] {
    var order = Array(0..<count)
    guard self == .seededShuffle, count > 1 else { return order }
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in turn.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    var random = SeededRandom(
      seed: seed ^ hash ^ (UInt64(truncatingIfNeeded: visit) &* 0xD6E8_FEB8_6659_FD93))
    // Fisher-Yates, each position drawn without bias.
    for i in stride(from: count - 1, to: 0, by: -1) {
      let j = random.roll(below: i + 1)
      order.swapAt(i, j)
    }
    return order
  }
}
