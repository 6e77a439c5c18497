import AttuneCore

/// What skill-free text policies score on a scenario, and where its wording leaks the key.
///
/// Each policy reads only the screen (see `TextPolicy`). A deterministic policy follows one
/// path per random draw, so its expected headline is computed exactly by following every draw
/// with its probability through the engine's own `Session`. Random play is exact too while its
/// tree of paths stays within the budget; past it, the figure is a seeded estimate with its 95%
/// interval, labelled as such.
public struct CueAnalysis: Sendable, Codable {
  /// What one policy reaches.
  public struct Figure: Sendable, Codable, Hashable {
    /// The policy's short name (`TextPolicy.name`).
    public var policy: String
    /// What it does, in words.
    public var description: String
    /// The expected headline, one decimal.
    public var expected: Double
    /// Whether `expected` is exact (every path followed) or an estimate.
    public var exact: Bool
    /// The 95% interval of an estimate.
    public var interval: [Double]?
    /// The seeded playthroughs behind an estimate.
    public var samples: Int?
    /// The probability of each outcome ("incomplete" for a path that found no ending).
    public var outcomes: [String: Double]
    /// The probability that the safety layer fails.
    public var safetyFailure: Double
    /// Whether the policy plays exactly as random play on this scenario (first, last, and a
    /// keyword no option contains), so that its figure is random play's.
    public var isRandomPlay = false
    /// The best-path turns where the policy picks the best option at least half the time: the
    /// turns whose wording leaks the key to it.
    public var keyTurns: [String] = []
  }

  /// A best-path turn whose best option is the longest on offer.
  public struct Leak: Sendable, Codable, Hashable {
    public var turn: String
    public var pointer: String
    /// The best option's length in characters, and the longest of the others.
    public var bestLength: Int
    public var otherLength: Int
  }

  /// The figures, in `TextPolicy.all`'s order.
  public var figures: [Figure]
  /// Best-path turns that offer a choice, and those where the best option is the longest.
  public var bestPathTurns: Int
  public var longestIsBest: [Leak]

  /// The share of best-path turns whose best option is the longest on offer.
  public var longestBestShare: Double {
    bestPathTurns == 0 ? 0 : Double(longestIsBest.count) / Double(bestPathTurns)
  }

  /// The figure of one policy.
  public func figure(_ policy: TextPolicy) -> Figure? {
    figures.first { $0.policy == policy.name }
  }
}

/// Computes the cue analysis.
public struct CueAnalyzer: Sendable {
  /// The most sessions one exact expectation may visit before random play is estimated.
  public var nodeBudget = 4_000
  /// The seeded playthroughs of an estimate.
  public var samples = 1_000
  /// The seed of estimates.
  public var seed: UInt64 = 1
  /// The most responses one path may take before it counts as incomplete (a loop).
  public var stepLimit = 200

  public init() {}

  /// Analyses `scenario`, whose highest-scoring path is `bestPath` (option ids), if known.
  public func analyze(_ scenario: Scenario, bestPath: [String]?) -> CueAnalysis {
    var cache: [String: CueAnalysis.Figure] = [:]
    var figures: [CueAnalysis.Figure] = []
    let wording = scenario.turns.flatMap(\.options).map { $0.text.lowercased() }
    for policy in TextPolicy.all {
      // First and last share random play's expectation under the shuffle, and so does a
      // keyword that no option contains.
      var key = [.first, .last].contains(policy) ? TextPolicy.random.name : policy.name
      if case .keyword(let word) = policy, !wording.contains(where: { $0.contains(word) }) {
        key = TextPolicy.random.name
      }
      var figure = cache[key] ?? evaluate(scenario, policy)
      cache[key] = figure
      figure.policy = policy.name
      figure.description = policy.description
      figure.isRandomPlay = key == TextPolicy.random.name
      figures.append(figure)
    }
    var turns = 0
    var leaks: [CueAnalysis.Leak] = []
    if let bestPath {
      var session = Session(scenario: scenario, seed: seed)
      for id in bestPath {
        guard case .turn(let shown) = session.presentation else { break }
        let available = shown.availableOptions
        if available.count > 1, let best = available.first(where: { $0.id == id }) {
          turns += 1
          let index = available.firstIndex { $0.id == id }!
          for f in figures.indices where !figures[f].isRandomPlay {
            let policy = TextPolicy.all[f]
            if policy.choice(in: shown)[index] >= 0.5 { figures[f].keyTurns.append(shown.turn.id) }
          }
          let other = available.filter { $0.id != id }.map(\.option.text.count).max() ?? 0
          if best.option.text.count >= other {
            let index = scenario.turnIndex(of: shown.turn.id) ?? 0
            leaks.append(
              CueAnalysis.Leak(
                turn: shown.turn.id, pointer: "/turns/\(index)",
                bestLength: best.option.text.count, otherLength: other))
          }
        }
        guard (try? session.choose(id)) != nil else { break }
      }
    }
    return CueAnalysis(figures: figures, bestPathTurns: turns, longestIsBest: leaks)
  }

  /// The expected headline of `policy`: exact within the budget, else a seeded estimate.
  func evaluate(_ scenario: Scenario, _ policy: TextPolicy) -> CueAnalysis.Figure {
    if let exact = exactly(scenario, policy) { return exact }
    return estimate(scenario, policy)
  }

  private func figure(
    _ policy: TextPolicy, mean: Double, exact: Bool, outcomes: [String: Double],
    safetyFailure: Double
  ) -> CueAnalysis.Figure {
    CueAnalysis.Figure(
      policy: policy.name, description: policy.description, expected: tenth(mean),
      exact: exact, interval: nil, samples: nil, outcomes: outcomes.mapValues(thousandth),
      safetyFailure: thousandth(safetyFailure))
  }

  private func exactly(_ scenario: Scenario, _ policy: TextPolicy) -> CueAnalysis.Figure? {
    var stack: [(session: Session, probability: Double)] = [
      (Session(scenario: scenario, seed: seed), 1)
    ]
    var visited = 0
    var mean = 0.0
    var outcomes: [String: Double] = [:]
    var unsafe = 0.0
    while let (session, probability) = stack.popLast() {
      visited += 1
      if visited > nodeBudget { return nil }
      let shown: TurnPresentation? =
        if case .turn(let turn) = session.presentation, session.steps.count < stepLimit,
          !turn.availableOptions.isEmpty
        {
          turn
        } else { nil }
      guard let shown else {
        let score = session.score
        mean += probability * Double(score.headline)
        outcomes[score.outcome?.rawValue ?? "incomplete", default: 0] += probability
        if score.safety?.passed == false { unsafe += probability }
        continue
      }
      let weights = policy.choice(in: shown)
      for (option, weight) in zip(shown.availableOptions, weights) where weight > 0 {
        guard let results = try? session.outcomes(ofChoosing: option.id) else { continue }
        for result in results {
          stack.append((result.session, probability * weight * result.probability))
        }
      }
    }
    return figure(policy, mean: mean, exact: true, outcomes: outcomes, safetyFailure: unsafe)
  }

  private func estimate(_ scenario: Scenario, _ policy: TextPolicy) -> CueAnalysis.Figure {
    var random = SeededRandom(seed: seed)
    var scores: [Double] = []
    var outcomes: [String: Double] = [:]
    var unsafe = 0.0
    for _ in 0..<samples {
      var session = Session(scenario: scenario, seed: random.next())
      while case .turn(let shown) = session.presentation, session.steps.count < stepLimit {
        let weights = policy.choice(in: shown)
        guard !weights.isEmpty else { break }
        var draw = Double(random.roll(below: 1 << 30)) / Double(1 << 30)
        var pick = weights.count - 1
        for (index, weight) in weights.enumerated() {
          if draw < weight {
            pick = index
            break
          }
          draw -= weight
        }
        guard (try? session.choose(shown.availableOptions[pick].id)) != nil else { break }
      }
      let score = session.score
      scores.append(Double(score.headline))
      outcomes[score.outcome?.rawValue ?? "incomplete", default: 0] += 1 / Double(samples)
      if score.safety?.passed == false { unsafe += 1 / Double(samples) }
    }
    let n = Double(scores.count)
    let mean = scores.reduce(0, +) / n
    let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, n - 1)
    let half = 1.96 * (variance / n).squareRoot()
    var result = figure(policy, mean: mean, exact: false, outcomes: outcomes, safetyFailure: unsafe)
    result.interval = [tenth(mean - half), tenth(mean + half)]
    result.samples = samples
    return result
  }

  private func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
  private func thousandth(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// The thresholds of the cue and safety warnings of `attune check`, documented in
/// `Scenarios/README.md` ("Cue balance"); each can be set on the command line.
public struct CueThresholds: Sendable, Hashable {
  /// Warn when the best option is the longest on offer in more than this share of best-path
  /// turns.
  public var longestBestShare = 0.35
  /// Warn when a text-only policy's expected headline exceeds this.
  public var textPolicyHeadline = 50.0
  /// Warn when random play's expected headline exceeds this.
  public var randomHeadline = 45.0

  public init() {}
}
