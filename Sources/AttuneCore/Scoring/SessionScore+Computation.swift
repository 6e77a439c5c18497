extension SessionScore {
  /// Scores a session from its responses and the ending reached (nil if it stopped early),
  /// under the scoring model `model`.
  public init(
    scenario: Scenario, steps: [Step], ending: Ending?,
    model version: ScoringModel.Version = ScoringModel.current
  ) {
    model = version.rawValue
    startingAlliance = scenario.startingAlliance
    finalAlliance = steps.last?.after ?? scenario.startingAlliance
    outcome = ending?.outcome
    completed = ending != nil
    turns = steps.enumerated().map { index, step in
      TurnScore(
        number: index + 1, turn: step.turn, option: step.option, codes: step.codes,
        authored: step.authored, fit: step.fit, applied: step.change, allianceAfter: step.after)
    }
    episodes = Self.episodes(in: steps, scenario: scenario, completed: ending != nil)

    rupturesDetected = episodes.filter(\.attended).count
    rupturesMissed = episodes.count - rupturesDetected
    rupturesResolved = episodes.filter(\.isResolved).count
    let attention = episodes.flatMap(\.markersAttended)
    markersNoticed = attention.filter { $0 }.count
    markersMissed = attention.count - markersNoticed
    let codes = steps.map(\.codes)
    exploratoryResponses = codes.filter { $0.contains { $0.family == .exploratoryStrategy } }.count
    immediateResponses = codes.filter { $0.contains { $0.family == .immediateStrategy } }.count
    reflections = codes.filter { $0.contains(where: \.isReflection) }.count
    questions = codes.filter { $0.contains(where: \.isQuestion) }.count
    reflectionToQuestionRatio =
      questions == 0 ? nil : roundedToTenth(Double(reflections) / Double(questions))
    contraindicatedMoves = codes.filter { $0.contains { $0.family == .contraindicated } }.count
    let verdicts = steps.flatMap { step in
      let option = scenario.option(step.option)?.option
      return step.fit.map { FitModel.verdict(of: $0, option: option, model: version) }
    }
    favourableFit = verdicts.filter { $0 == .favourable }.count
    unfavourableFit = verdicts.filter { $0 == .unfavourable }.count
    simulatedWAISR = SimulatedWAISR(finalAlliance)
    var noticing = (noticed: markersNoticed, markers: attention.count)
    if version >= .repair3 {
      let result = SafetyResult(scenario: scenario, steps: steps)
      safety = result
      let identified = steps.compactMap { step in
        step.identification.map { (guess: $0.type, actual: scenario.turn(step.turn)?.marker?.type) }
      }
      if !identified.isEmpty {
        let hits = identified.filter { $0.actual != nil && $0.guess == $0.actual }.count
        let falseAlarms = identified.filter { $0.actual == nil && $0.guess != nil }.count
        markersIdentified = hits
        markerFalseAlarms = falseAlarms
        noticing = (hits, attention.count + falseAlarms)
      }
    }
    let evidence = HeadlineEvidence(
      episodes: episodes.count, ratingSum: episodes.map(\.rating).reduce(0, +),
      markers: noticing.markers, markersNoticed: noticing.noticed, finalAlliance: finalAlliance,
      favourableFit: favourableFit, unfavourableFit: unfavourableFit, responses: steps.count,
      contraindicatedMoves: contraindicatedMoves, model: version, outcome: ending?.outcome,
      safetyMet: safety?.passed ?? true)
    meanResolutionRating = evidence.meanResolutionRating
    let headlineScore = HeadlineScore(evidence)
    headline = headlineScore.value
    if version >= .repair3 {
      unboundedHeadline = headlineScore.unbounded
      headlineBound = headlineScore.bound
    }
    components = []
    components = headlineScore.parts.map { part in
      ScoreComponent(
        kind: part.kind, value: part.value, weight: (part.weight * 1000).rounded() / 1000,
        contribution: roundedToTenth(part.value * part.weight),
        explanation: explanation(of: part.kind, responses: steps.count))
    }
  }

  /// How the value of a component was computed, in words and numbers.
  private func explanation(of kind: ScoreComponent.Kind, responses: Int) -> String {
    switch kind {
    case .resolution:
      "mean resolution rating \(meanResolutionRating ?? 0) of 5 over \(episodes.count)"
        + " rupture(s): (mean - 1) / 4"
    case .detection:
      if let markersIdentified, let markerFalseAlarms {
        "\(markersIdentified) of \(markersNoticed + markersMissed) rupture marker(s) identified"
          + " by type before answering, over the markers plus \(markerFalseAlarms) rupture(s)"
          + " named where there was none"
      } else {
        "\(markersNoticed) of \(markersNoticed + markersMissed) rupture marker(s) attended to in"
          + " the next response"
      }
    case .alliance:
      "final bond \(finalAlliance.bond), task \(finalAlliance.task), goal \(finalAlliance.goal):"
        + " their mean"
    case .fit:
      "\(favourableFit) favourable and \(unfavourableFit) unfavourable fit adjustment(s)"
    case .restraint:
      "\(contraindicatedMoves) contraindicated move(s) in \(responses) response(s)"
    }
  }

  /// Finds the rupture episodes in a sequence of responses.
  static func episodes(in steps: [Step], scenario: Scenario, completed: Bool) -> [RuptureEpisode] {
    var episodes: [RuptureEpisode] = []
    var open: RuptureEpisode?

    func close(
      _ episode: inout RuptureEpisode, closure: RuptureEpisode.Closure, at alliance: Double
    ) {
      episode.closure = closure
      episode.allianceAtClose = roundedToTenth(alliance)
      let (rating, reason) = ResolutionRating.rate(
        attended: episode.attended, furthestStage: episode.furthestStage,
        allianceAtOnset: episode.allianceAtOnset, allianceAtClose: episode.allianceAtClose,
        contraindicatedMoves: episode.contraindicatedMoves)
      episode.rating = rating
      episode.ratingReason = reason
    }

    for (index, step) in steps.enumerated() {
      guard let turn = scenario.turn(step.turn) else { continue }
      let option = turn.options.first { $0.id == step.option }
      if let marker = turn.marker {
        if open == nil {
          open = RuptureEpisode(
            number: episodes.count + 1, onsetTurn: turn.id, onsetTurnNumber: index + 1,
            markers: [marker], markersAttended: [option?.attendsToMarker ?? false],
            furthestStage: nil,
            turnsTaken: 0, allianceAtOnset: roundedToTenth(step.before.mean),
            trough: roundedToTenth(step.before.mean), allianceAtClose: 0,
            contraindicatedMoves: 0, closure: .incomplete, rating: 1, ratingReason: "")
        } else {
          open!.markers.append(marker)
          open!.markersAttended.append(option?.attendsToMarker ?? false)
        }
      }
      guard var episode = open else { continue }
      episode.turnsTaken += 1
      if let stage = turn.stage, episode.furthestStage.map({ stage > $0 }) ?? true {
        episode.furthestStage = stage
      }
      episode.trough = min(episode.trough, roundedToTenth(step.after.mean))
      if let option, !option.contraindicatedCodes.isEmpty { episode.contraindicatedMoves += 1 }
      if turn.stage == .collaborationRestored {
        close(&episode, closure: .restored, at: step.after.mean)
        episodes.append(episode)
        open = nil
      } else {
        open = episode
      }
    }
    if var episode = open {
      close(&episode, closure: completed ? .ending : .incomplete, at: steps.last!.after.mean)
      episodes.append(episode)
    }
    return episodes
  }
}

extension Session {
  /// The session's score so far (complete once the session is over).
  public var score: SessionScore {
    SessionScore(scenario: scenario, steps: steps, ending: ending, model: rules.scoring)
  }
}
