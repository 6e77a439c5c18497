import AttuneCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What exhaustive analysis found about the whole space of play of a scenario.
public struct ScenarioAnalysis: Sendable, Codable {
  /// The figures for one ending.
  public struct EndingFigure: Sendable, Codable, Hashable {
    public var id: String
    /// The number of playthroughs that end here, in decimal, or nil when unbounded or unknown.
    public var playthroughs: String?
    /// The probability under uniform random play.
    public var probability: Double
  }

  /// The number of distinct reachable states explored.
  public var states: Int
  /// Whether every reachable state was explored (else figures come from sampling).
  public var isExhaustive: Bool
  /// Whether a cycle of play is reachable.
  public var hasCycle: Bool
  /// Distinct playthroughs from the start to an ending, in decimal; "unbounded" with a cycle
  /// that can reach an ending; nil when unknown.
  public var playthroughs: String?
  /// Whether `playthroughs` is exact (false: it overflowed 128 bits and is an approximation).
  public var playthroughsExact: Bool
  /// Each ending's figures, in the order written.
  public var endings: [EndingFigure]
  /// Whether the probabilities are exact (false: estimated by iteration or sampling).
  public var probabilitiesExact: Bool
  /// The probability that uniform random play never reaches an ending.
  public var stuckProbability: Double
  /// The lowest and highest headline scores over playthroughs that reach an ending.
  public var scoreMinimum: Int?
  public var scoreMaximum: Int?
  /// Whether the range is exact (false: observed in sampling, so an inner bound).
  public var scoreExact: Bool
  /// The options of a highest- and of a lowest-scoring playthrough.
  public var bestPath: [String]?
  public var worstPath: [String]?
  /// How many random playthroughs were sampled, when sampling was needed.
  public var samples: Int?
  /// What skill-free text policies score, and where the wording leaks the key.
  public var cues: CueAnalysis?
  /// Findings: structural and clinical warnings.
  public var diagnostics: [Diagnostic]
}

/// Runs the structural, clinical and exhaustive analyses of a scenario.
public struct ScenarioAnalyzer: Sendable {
  /// The most states explored before falling back to sampling.
  public var stateBudget = 2_000_000
  /// The most score summaries carried in the exact score computation.
  public var summaryBudget = 8_000_000
  /// The number of random playthroughs sampled when exact figures are out of reach.
  public var sampleCount = 1_000
  /// The most moves made in all sampled playthroughs together, so that a loop without exit
  /// (where playthroughs run to their cap of 10,000 moves) cannot take minutes; sampling
  /// stops early when it is spent, and the figures come from the playthroughs made.
  public var sampleMoveBudget = 200_000
  /// The seed of sampling.
  public var seed: UInt64 = 1
  /// The cue analysis of skill-free text policies; nil skips it.
  public var cueAnalyzer: CueAnalyzer? = CueAnalyzer()
  /// The thresholds of the cue warnings.
  public var cueThresholds = CueThresholds()

  public init() {}

  /// The checks that need every reachable state, skipped when the states exceed the budget.
  static let stateSpaceChecks = [
    DiagnosticCode.deadEnd, .loopWithoutExit, .conditionAlwaysTrue, .conditionAlwaysFalse,
    .ruptureNeverResolved, .bestPathContraindicated,
  ].map(\.rawValue)

  /// Analyses a scenario: its whole space of play, then the cues its wording gives away.
  public func analyze(_ scenario: Scenario) -> ScenarioAnalysis {
    var findings = Findings(scenario: scenario)
    var analysis = analyzeSpace(scenario, &findings)
    if let cueAnalyzer {
      let cues = cueAnalyzer.analyze(scenario, bestPath: analysis.bestPath)
      analysis.cues = cues
      findings.cueLints(cues, thresholds: cueThresholds)
    }
    analysis.diagnostics = findings.reported()
    return analysis
  }

  private func analyzeSpace(_ scenario: Scenario, _ findings: inout Findings) -> ScenarioAnalysis {
    let compiled = CompiledScenario(scenario)
    let space = StateSpace(compiled, endings: scenario.endings.count, budget: stateBudget)
    var analysis = ScenarioAnalysis(
      states: space.stateCount, isExhaustive: space.isComplete, hasCycle: false,
      playthroughs: nil, playthroughsExact: false, endings: [], probabilitiesExact: false,
      stuckProbability: 0, scoreMinimum: nil, scoreMaximum: nil, scoreExact: false,
      bestPath: nil, worstPath: nil, samples: nil, diagnostics: [])
    findings.unusedVariables()
    findings.oneMoveRepairs()
    findings.safetyLints()

    if !space.isComplete {
      findings.add(
        .stateSpaceTooLarge, "/",
        "the space of play has more than \(stateBudget) states; the figures are estimates from"
          + " \(sampleCount) random playthroughs, the reachability checks use the graph alone,"
          + " and these checks were skipped: \(Self.stateSpaceChecks.joined(separator: ", "))")
      findings.staticReachability()
      var unchecked: [String]?
      sampleFigures(space, scenario, &analysis, &unchecked)
      return analysis
    }

    structuralFindings(space, compiled, scenario, &findings)
    let (order, acyclic) = space.topologicalOrder()
    analysis.hasCycle = !acyclic
    let reachesEnding = space.canReach { space.isEnding($0) }
    let counts = countPlaythroughs(space, order, acyclic, reachesEnding, &analysis)
    probabilities(space, order, acyclic, scenario, counts, &analysis)
    // A highest-scoring path with a contraindicated move, even when a clean path ties with it.
    var contraindicatedBest: [String]?
    if acyclic, exactScores(space, order, compiled, scenario, &analysis, &contraindicatedBest) {
      analysis.scoreExact = true
    } else if Self.statesThatCanFinish(space)[0] {
      sampleFigures(space, scenario, &analysis, &contraindicatedBest, scoresOnly: true)
    }
    if let best = contraindicatedBest {
      for id in best {
        guard let (turn, option) = scenario.option(id), !option.contraindicatedCodes.isEmpty
        else { continue }
        let o = compiled.options.first { $0.id == id }!
        findings.add(
          .bestPathContraindicated, o.pointer,
          "a highest-scoring path (score \(analysis.scoreMaximum ?? 0)) answers turn"
            + " \"\(turn.id)\" with \"\(id)\", a contraindicated move"
            + " (\(option.contraindicatedCodes.map(\.rawValue).joined(separator: ", ")));"
            + " the path: \(best.joined(separator: " ")); make a better answer score higher")
      }
    }
    return analysis
  }

  private func structuralFindings(
    _ space: StateSpace, _ compiled: CompiledScenario, _ scenario: Scenario,
    _ findings: inout Findings
  ) {
    for (t, turn) in scenario.turns.enumerated() where !space.turnReached[t] {
      findings.add(
        .unreachableTurn, "/turns/\(t)",
        "turn \"\(turn.id)\" can never be shown: no reachable state of play leads to it")
    }
    for (e, ending) in scenario.endings.enumerated() where !space.endingReached[e] {
      findings.add(
        .unreachedEnding, "/endings/\(e)",
        "ending \"\(ending.id)\" is never reached: no reachable state of play leads to it")
    }
    var reported = Set<Int>()
    for state in space.deadEnds {
      let turn = Int(space.position(of: Int(state)))
      guard reported.insert(turn).inserted else { continue }
      let a = space.alliance(of: Int(state))
      let path = space.choices(to: Int(state))
      findings.add(
        .deadEnd, "/turns/\(turn)/options", severity: .error,
        "turn \"\(scenario.turns[turn].id)\" can be reached with no option available (bond"
          + " \(a.bond), task \(a.task), goal \(a.goal)), for example after choosing"
          + " \(Self.describe(path)); add an option"
          + " without a condition or a \"fallback\" option")
    }
    let reachesEnding = space.canReach { space.isEnding($0) }
    let dead = Set(space.deadEnds.map(Int.init))
    var trapped = Set<Int>()
    for s in 0..<space.stateCount where !reachesEnding[s] && !dead.contains(s) {
      let turn = Int(space.position(of: s))
      if trapped.insert(turn).inserted {
        let path = space.choices(to: s)
        findings.add(
          .loopWithoutExit, "/turns/\(turn)", severity: .error,
          "from turn \"\(scenario.turns[turn].id)\" the session can loop forever without reaching"
            + " an ending, for example after choosing"
            + " \(Self.describe(path)); give the loop a way"
            + " out")
      }
    }
    for (index, site) in compiled.sites.enumerated() {
      let seenTrue = space.siteTrue[index]
      let seenFalse = space.siteFalse[index]
      if seenTrue && !seenFalse {
        findings.add(
          .conditionAlwaysTrue, site.pointer,
          "the condition \"\(site.text)\" holds in every reachable state where it is tested;"
            + " remove it or fix it")
      } else if seenFalse && !seenTrue {
        findings.add(
          .conditionAlwaysFalse, site.pointer,
          "the condition \"\(site.text)\" fails in every reachable state where it is tested,"
            + " so what it guards never happens; fix it or remove what it guards")
      }
    }
    // Clinical: a rupture that can never be resolved.
    let restoredTurns = Set(
      compiled.turns.indices.filter { compiled.turns[$0].stage == .collaborationRestored })
    let reachesRestored = space.canReach { s in
      let p = Int(space.position(of: s))
      return p >= 0 && restoredTurns.contains(p)
    }
    // Judged where an episode opens: a marker inside an open episode is a re-rupture of it.
    let opening = space.reachedWithoutOpenEpisode()
    var opens = [Bool](repeating: false, count: compiled.turns.count)
    var resolvable = [Bool](repeating: false, count: compiled.turns.count)
    for s in 0..<space.stateCount where opening[s] {
      let p = Int(space.position(of: s))
      guard p >= 0, compiled.turns[p].hasMarker else { continue }
      opens[p] = true
      if reachesRestored[s] { resolvable[p] = true }
    }
    for (t, turn) in scenario.turns.enumerated()
    where turn.marker != nil && opens[t] && !resolvable[t] {
      findings.add(
        .ruptureNeverResolved, "/turns/\(t)/marker",
        "the rupture shown at turn \"\(turn.id)\" can never be resolved: no turn marked"
          + " \"collaboration-restored\" can be reached from it; give the trainee a way to"
          + " repair it")
    }
  }

  private func countPlaythroughs(
    _ space: StateSpace, _ order: [Int32], _ acyclic: Bool, _ reachesEnding: [Bool],
    _ analysis: inout ScenarioAnalysis
  ) -> [Int: String] {
    if !acyclic {
      let ordered = Set(order)
      let cycleReachesEnding = (0..<space.stateCount).contains {
        !ordered.contains(Int32($0)) && reachesEnding[$0]
      }
      if cycleReachesEnding {
        analysis.playthroughs = "unbounded"
        return [:]
      }
    }
    var counts = [UInt128](repeating: 0, count: space.stateCount)
    // Beside the exact count, log10 of the count, which never overflows.
    var approximate = [Double](repeating: -.infinity, count: space.stateCount)
    var overflow = false
    counts[0] = 1
    approximate[0] = 0
    for s32 in order {
      let s = Int(s32)
      let count = counts[s]
      let approx = approximate[s]
      if approx == -.infinity { continue }
      for e in Int(space.edgeStart[s])..<Int(space.edgeStart[s + 1]) {
        let t = Int(space.edgeTarget[e])
        let (sum, over) = counts[t].addingReportingOverflow(count)
        if over { overflow = true }
        counts[t] = sum
        approximate[t] = Self.logSum(approximate[t], approx)
      }
    }
    var endingCounts: [Int: (UInt128, Double?)] = [:]
    var total: UInt128 = 0
    var totalApprox = -Double.infinity
    for s in 0..<space.stateCount where space.isEnding(s) {
      let e = Int(-space.position(of: s) - 1)
      let previous = endingCounts[e] ?? (0, nil)
      let (sum, over) = previous.0.addingReportingOverflow(counts[s])
      let (grand, overTotal) = total.addingReportingOverflow(counts[s])
      if over || overTotal { overflow = true }
      total = grand
      totalApprox = Self.logSum(totalApprox, approximate[s])
      endingCounts[e] = (sum, Self.logSum(previous.1 ?? -.infinity, approximate[s]))
    }
    analysis.playthroughsExact = !overflow
    analysis.playthroughs = overflow ? Self.approximate(totalApprox) : String(total)
    return endingCounts.mapValues { overflow ? Self.approximate($0.1 ?? -.infinity) : String($0.0) }
  }

  /// log10(10^a + 10^b).
  static func logSum(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    let (high, low) = a > b ? (a, b) : (b, a)
    return high + log10(1 + pow(10, low - high))
  }

  /// A count given by its log10, as "about 1.27e+30".
  static func approximate(_ log: Double) -> String {
    if log == -.infinity { return "0" }
    let exponent = log.rounded(.down)
    let mantissa = (pow(10, log - exponent) * 100).rounded() / 100
    return "about \(mantissa)e+\(Int(exponent))"
  }

  /// A choice sequence for a message: "nothing" when empty, whole when short, otherwise its
  /// first and last 10 choices around a count of those left out, so that a long loop cannot
  /// make messages (one per turn) grow with the square of its length.
  static func describe(_ path: [String]) -> String {
    guard !path.isEmpty else { return "nothing" }
    guard path.count > 25 else { return path.joined(separator: ", ") }
    return (path.prefix(10) + ["... \(path.count - 20) more ..."] + path.suffix(10))
      .joined(separator: ", ")
  }

  /// Which states can reach an ending or a dead end (the states without moves), found
  /// backwards from those, without recursion.
  static func statesThatCanFinish(_ space: StateSpace) -> [Bool] {
    let count = space.stateCount
    var incoming = [[Int32]](repeating: [], count: count)
    var finishing = [Bool](repeating: false, count: count)
    var queue: [Int] = []
    for s in 0..<count {
      let edges = Int(space.edgeStart[s])..<Int(space.edgeStart[s + 1])
      if edges.isEmpty {
        finishing[s] = true
        queue.append(s)
      }
      for e in edges { incoming[Int(space.edgeTarget[e])].append(Int32(s)) }
    }
    var head = 0
    while head < queue.count {
      for previous in incoming[queue[head]] where !finishing[Int(previous)] {
        finishing[Int(previous)] = true
        queue.append(Int(previous))
      }
      head += 1
    }
    return finishing
  }

  private func probabilities(
    _ space: StateSpace, _ order: [Int32], _ acyclic: Bool, _ scenario: Scenario,
    _ counts: [Int: String], _ analysis: inout ScenarioAnalysis
  ) {
    var mass = [Double](repeating: 0, count: space.stateCount)
    var endingMass = [Double](repeating: 0, count: scenario.endings.count)
    var stuck = 0.0
    mass[0] = 1
    func absorb(_ s: Int, _ m: Double) {
      if space.isEnding(s) {
        endingMass[Int(-space.position(of: s) - 1)] += m
      } else if space.edgeStart[s] == space.edgeStart[s + 1] {
        stuck += m
      }
    }
    if acyclic {
      for s32 in order {
        let s = Int(s32)
        let m = mass[s]
        if m == 0 { continue }
        absorb(s, m)
        for e in Int(space.edgeStart[s])..<Int(space.edgeStart[s + 1]) {
          mass[Int(space.edgeTarget[e])] += m * space.edgeProbability[e]
        }
      }
      analysis.probabilitiesExact = true
    } else {
      // Push the probability through the moves until almost all of it is absorbed. Mass in a
      // loop without exit is stuck at once; it would otherwise circle until the work budget
      // ran out, which takes minutes when the loop is small.
      let canFinish = Self.statesThatCanFinish(space)
      var work = 0
      var remaining = 1.0
      while remaining > 1e-12 && work < 50_000_000 {
        var next = [Double](repeating: 0, count: space.stateCount)
        remaining = 0
        for s in 0..<space.stateCount where mass[s] > 0 {
          guard canFinish[s] else {
            stuck += mass[s]
            continue
          }
          absorb(s, mass[s])
          for e in Int(space.edgeStart[s])..<Int(space.edgeStart[s + 1]) {
            let t = Int(space.edgeTarget[e])
            next[t] += mass[s] * space.edgeProbability[e]
            remaining += mass[s] * space.edgeProbability[e]
          }
          work += 1 + Int(space.edgeStart[s + 1] - space.edgeStart[s])
        }
        mass = next
      }
      stuck += remaining
      analysis.probabilitiesExact = false
    }
    analysis.stuckProbability = stuck
    analysis.endings = scenario.endings.enumerated().map { e, ending in
      ScenarioAnalysis.EndingFigure(
        id: ending.id,
        playthroughs: analysis.playthroughs == "unbounded" ? nil : (counts[e] ?? "0"),
        probability: endingMass[e])
    }
  }

  /// The exact score range, carrying the distinct score summaries through the states in order;
  /// a summary that can neither end highest nor lowest is not carried on (see
  /// `ScoreSummary.undominated`). Returns false when the summaries exceed the budget.
  private func exactScores(
    _ space: StateSpace, _ order: [Int32], _ compiled: CompiledScenario, _ scenario: Scenario,
    _ analysis: inout ScenarioAnalysis, _ contraindicatedBest: inout [String]?
  ) -> Bool {
    struct Entry {
      var summary: ScoreSummary
      var previousState: Int32
      var previousEntry: Int32
      var option: Int32
    }
    var entries = [[Entry]](repeating: [], count: space.stateCount)
    var pending: [Int: [ScoreSummary: Int32]] = [:]
    entries[0] = [Entry(summary: ScoreSummary(), previousState: -1, previousEntry: -1, option: -1)]
    var carried = 1
    // Among equal scores, the best path is one with the fewest contraindicated moves;
    // `slipping` is the highest-scoring path with any, reported if it ties with the best.
    var best: (score: Int, slips: Int32, state: Int, entry: Int)?
    var slipping: (score: Int, state: Int, entry: Int)?
    var worst: (score: Int, state: Int, entry: Int)?
    for s32 in order {
      let s = Int(s32)
      pending[s] = nil
      if entries[s].isEmpty { continue }
      if space.isEnding(s) {
        let alliance = space.alliance(of: s)
        let outcome = scenario.endings[-Int(space.position(of: s)) - 1].outcome
        for (i, entry) in entries[s].enumerated() {
          let score = entry.summary.headline(final: alliance, outcome: outcome)
          let slips = entry.summary.contraindicated
          if best == nil || (score, -slips) > (best!.score, -best!.slips) {
            best = (score, slips, s, i)
          }
          if slips > 0, slipping == nil || score > slipping!.score { slipping = (score, s, i) }
          if worst == nil || score < worst!.score { worst = (score, s, i) }
        }
        continue
      }
      let p = Int(space.position(of: s))
      let turn = compiled.turns[p]
      let early = space.states[s][4] < StateSpace.earlyResponses || turn.hasMarker
      let before = space.alliance(of: s)
      let keep = ScoreSummary.undominated(entries[s].map(\.summary))
      for e in Int(space.edgeStart[s])..<Int(space.edgeStart[s + 1]) {
        let t = Int(space.edgeTarget[e])
        let option = compiled.options[Int(space.edgeOption[e])]
        let after = space.alliance(of: t)
        for (i, entry) in entries[s].enumerated() where keep[i] {
          let summary = entry.summary.step(turn, option, early: early, before: before, after: after)
          if pending[t]?[summary] != nil { continue }
          pending[t, default: [:]][summary] = Int32(entries[t].count)
          entries[t].append(
            Entry(
              summary: summary, previousState: Int32(s), previousEntry: Int32(i),
              option: space.edgeOption[e]))
          carried += 1
          if carried > summaryBudget { return false }
        }
      }
    }
    func path(_ state: Int, _ entry: Int) -> [String] {
      var result: [String] = []
      var (s, i) = (state, entry)
      while entries[s][i].previousState >= 0 {
        let e = entries[s][i]
        result.append(compiled.options[Int(e.option)].id)
        (s, i) = (Int(e.previousState), Int(e.previousEntry))
      }
      return result.reversed()
    }
    if let best, let worst {
      analysis.scoreMaximum = best.score
      analysis.scoreMinimum = worst.score
      analysis.bestPath = path(best.state, best.entry)
      analysis.worstPath = path(worst.state, worst.entry)
      if let slipping, slipping.score == best.score {
        contraindicatedBest = path(slipping.state, slipping.entry)
      }
    }
    return true
  }
}
