import AttuneCore

extension ScenarioAnalyzer {
  /// Estimates by seeded random walks over the states (or the engine when the states were not
  /// all explored).
  func sampleFigures(
    _ space: StateSpace, _ scenario: Scenario, _ analysis: inout ScenarioAnalysis,
    _ contraindicatedBest: inout [String]?, scoresOnly: Bool = false
  ) {
    var random = SeededRandom(seed: seed)
    var endingHits = [Int](repeating: 0, count: scenario.endings.count)
    var stuck = 0
    var best: (Int, Int, [String])?
    var slipping: (Int, [String])?
    var worst: (Int, [String])?
    var movesLeft = sampleMoveBudget
    // With every state explored, a playthrough ten times longer than there are states is
    // going round a loop.
    let walkCap = space.isComplete ? min(10_000, 100 + 10 * space.stateCount) : 10_000
    var walks = 0
    for _ in 0..<sampleCount where movesLeft > 0 {
      walks += 1
      var session = Session(scenario: scenario, seed: random.next())
      var steps = 0
      defer { movesLeft -= steps }
      while !session.isOver && steps < min(walkCap, movesLeft) {
        guard case .turn(let shown) = session.presentation else { break }
        let available = shown.options.filter(\.isAvailable)
        if available.isEmpty { break }
        let pick = available[random.roll(below: available.count)]
        _ = try? session.choose(pick.option.id)
        steps += 1
      }
      guard let ending = session.ending else {
        stuck += 1
        continue
      }
      endingHits[scenario.endingIndex(of: ending.id) ?? 0] += 1
      let sessionScore = session.score
      let score = sessionScore.headline
      let slips = sessionScore.contraindicatedMoves
      let path = session.steps.map(\.option)
      if best == nil || (score, -slips) > (best!.0, -best!.1) { best = (score, slips, path) }
      if slips > 0, slipping == nil || score > slipping!.0 { slipping = (score, path) }
      if worst == nil || score < worst!.0 { worst = (score, path) }
    }
    analysis.samples = walks
    analysis.scoreExact = false
    analysis.scoreMaximum = best?.0
    analysis.scoreMinimum = worst?.0
    analysis.bestPath = best?.2
    analysis.worstPath = worst?.1
    if let best, let slipping, slipping.0 == best.0 { contraindicatedBest = slipping.1 }
    if !scoresOnly {
      analysis.probabilitiesExact = false
      analysis.stuckProbability = Double(stuck) / Double(max(1, walks))
      analysis.endings = scenario.endings.enumerated().map { e, ending in
        ScenarioAnalysis.EndingFigure(
          id: ending.id, playthroughs: nil,
          probability: Double(endingHits[e]) / Double(max(1, walks)))
      }
    }
  }
}
