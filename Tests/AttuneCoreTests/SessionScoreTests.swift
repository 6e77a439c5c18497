import Testing

@testable import AttuneCore

/// Every scoring component on hand-computed paths through `Fixtures/tiny-rupture.json`.
@Suite struct SessionScoreTests {
  func play(_ options: [String], seed: UInt64 = 1) throws -> Session {
    var session = Session(scenario: try Fixtures.scenario(), seed: seed)
    for option in options { try session.choose(option) }
    return session
  }

  /// open-explore (+5 bond, +2 task) -> explore-own (+5 bond, +3 goal) -> restored-plan
  /// (+4 task, +2 goal): 50/50/50 -> 55/52/50 -> 60/52/53 -> 60/56/55.
  @Test func aRepairedPath() throws {
    let score = try play(["open-explore", "explore-own", "restored-plan"]).score
    #expect(score.completed)
    #expect(score.outcome == .repaired)
    #expect(score.finalAlliance == Alliance(bond: 60, task: 56, goal: 55))

    let episode = try #require(score.episodes.first)
    #expect(score.episodes.count == 1)
    #expect(episode.onsetTurn == "open")
    #expect(episode.onsetTurnNumber == 1)
    #expect(episode.markersAttended == [true])
    #expect(episode.attended)
    #expect(episode.furthestStage == .collaborationRestored)
    #expect(episode.turnsTaken == 3)
    #expect(episode.allianceAtOnset == 50)
    #expect(episode.trough == 50)
    #expect(episode.allianceAtClose == 57)
    #expect(episode.recovery == 7)
    #expect(episode.contraindicatedMoves == 0)
    #expect(episode.closure == .restored)
    #expect(episode.rating == 5)

    #expect(score.rupturesDetected == 1)
    #expect(score.rupturesMissed == 0)
    #expect(score.rupturesResolved == 1)
    #expect(score.markersNoticed == 1 && score.markersMissed == 0)
    #expect(score.meanResolutionRating == 5)
    #expect(score.exploratoryResponses == 2)
    #expect(score.immediateResponses == 1)
    #expect(score.reflections == 0)
    #expect(score.questions == 1)
    #expect(score.reflectionToQuestionRatio == 0)
    #expect(score.contraindicatedMoves == 0)
    #expect(score.favourableFit == 0 && score.unfavourableFit == 0)

    // No fit adjustment happened, so the fit component is left out and the other weights
    // (.35, .15, .20, .20) are renormalised over .90.
    #expect(score.components.map(\.kind) == [.resolution, .detection, .alliance, .restraint])
    #expect(score.components.map(\.value) == [100, 100, 57, 100])
    #expect(score.components.map(\.weight) == [0.389, 0.167, 0.222, 0.222])
    #expect(score.components.map(\.contribution) == [38.9, 16.7, 12.7, 22.2])
    // (35 + 15 + 57 * .2 + 20) / .9 = 90.44
    #expect(score.headline == 90)

    // WAI-SR-style: 4 + 16 * part / 100.
    #expect(score.simulatedWAISR.bond == 13.6)
    #expect(score.simulatedWAISR.task == 13)
    #expect(score.simulatedWAISR.goal == 12.8)
    #expect(score.simulatedWAISR.total == 39.4)
    #expect(score.simulatedWAISR.label == "simulated")
  }

  /// open-defend (-12 bond, -4 task) -> cold (only the fallback is left: bond 38 < 40, pushes 1)
  /// -> cold-silence -> end-dropout. The second marker, at cold, is answered by a reflection, so
  /// it counts as noticed although the first was missed.
  @Test func anUnrepairedPathWithAContraindicatedMove() throws {
    let score = try play(["open-defend", "cold-silence"]).score
    #expect(score.outcome == .dropout)
    #expect(score.finalAlliance == Alliance(bond: 38, task: 46, goal: 50))
    let episode = try #require(score.episodes.first)
    #expect(episode.markers.map(\.type) == [.confrontation, .withdrawal])
    #expect(episode.markersAttended == [false, true])
    #expect(episode.attended)
    #expect(episode.furthestStage == nil)
    #expect(episode.trough == 44.7)
    #expect(episode.contraindicatedMoves == 1)
    #expect(episode.closure == .ending)
    // No stage reached, a marker attended to: "noticed".
    #expect(episode.rating == 2)
    #expect(!episode.isResolved)
    #expect(score.rupturesDetected == 1 && score.rupturesMissed == 0)
    #expect(score.markersNoticed == 1 && score.markersMissed == 1)
    #expect(score.rupturesResolved == 0)
    #expect(score.meanResolutionRating == 2)
    #expect(score.reflections == 1)
    #expect(score.reflectionToQuestionRatio == nil)
    #expect(score.contraindicatedMoves == 1)
    // Resolution (2 - 1) / 4 = 25; noticing 1 of 2 markers = 50; alliance (38 + 46 + 50) / 3;
    // restraint 1 of 2 responses contraindicated = 50.
    #expect(score.components.map(\.value) == [25, 50, 44.7, 50])
    #expect(score.components.map(\.contribution) == [9.7, 8.3, 9.9, 11.1])
    // (25 * .35 + 50 * .15 + 44.7 * .2 + 50 * .2) / .9 = 39.10; the session ends in dropout,
    // which `attune-repair/3` bounds at 20.
    #expect(score.unboundedHeadline == 39)
    #expect(score.headlineBound == 20)
    #expect(score.headline == 20)
  }

  /// open-reflect (+2 bond) -> explore (explored) -> explore-own (+5 bond, +3 goal; bond 57 < 58)
  /// -> cold (a second marker) -> cold-blame (-5 bond) -> end-dropout. The episode was explored
  /// but never restored, and the re-rupture at cold was missed.
  @Test func aReRuptureInsideAnOpenEpisode() throws {
    let score = try play(["open-reflect", "explore-own", "cold-blame"]).score
    #expect(score.outcome == .dropout)
    #expect(score.finalAlliance == Alliance(bond: 52, task: 50, goal: 53))
    #expect(score.episodes.count == 1)
    let episode = try #require(score.episodes.first)
    #expect(episode.markers.map(\.subtype) == [.complaintAboutActivities, .minimalResponse])
    #expect(episode.markersAttended == [true, false])
    #expect(episode.furthestStage == .explored)
    #expect(episode.turnsTaken == 3)
    #expect(episode.allianceAtOnset == 50)
    #expect(episode.trough == 50)
    #expect(episode.allianceAtClose == 51.7)
    #expect(episode.contraindicatedMoves == 1)
    #expect(episode.rating == 3)
    #expect(!episode.isResolved)
    #expect(score.markersNoticed == 1 && score.markersMissed == 1)
    // Resolution (3 - 1) / 4 = 50; noticing 1 of 2 = 50; alliance 155 / 3 = 51.7; restraint
    // 2 of 3 responses clean = 66.7; no fit adjustment.
    #expect(score.components.map(\.value) == [50, 50, 51.7, 66.7])
    // (50 * .35 + 50 * .15 + 51.7 * .2 + 66.7 * .2) / .9 = 54.09, bounded at 20 for a dropout.
    #expect(score.unboundedHeadline == 54)
    #expect(score.headline == 20)
    let session = try play(["open-reflect", "explore-own", "cold-blame"])
    let underVersion2 = SessionScore(
      scenario: session.scenario, steps: session.steps, ending: session.ending, model: .repair2)
    #expect(underVersion2.headline == 54)
    #expect(underVersion2.unboundedHeadline == nil && underVersion2.safety == nil)
  }

  @Test func fitAdjustmentsAreRecordedWithTheirReason() throws {
    let session = try play(["open-info"])
    let step = try #require(session.steps.first)
    #expect(step.authored == AllianceChange(task: -2))
    #expect(step.fit.map(\.rule) == ["reactance-directive"])
    #expect(step.fit[0].change == AllianceChange(task: 1))
    #expect(step.fit[0].reason.contains("low in reactance"))
    #expect(step.after == Alliance(bond: 50, task: 49, goal: 50))
    let score = session.score
    #expect(score.favourableFit == 1)
    #expect(!score.completed)
    #expect(score.episodes.first?.closure == .incomplete)
    let taskMoves = score.contributions(to: .task)
    #expect(taskMoves.count == 1)
    #expect(taskMoves[0].change == -1)
    #expect(taskMoves[0].reasons.count == 1)
  }

  @Test func theRatingAnchors() {
    func rate(
      _ attended: Bool, _ stage: ResolutionStage?, onset: Double = 50, close: Double = 50,
      moves: Int = 0
    ) -> Int {
      ResolutionRating.rate(
        attended: attended, furthestStage: stage, allianceAtOnset: onset, allianceAtClose: close,
        contraindicatedMoves: moves
      ).rating
    }
    #expect(rate(false, nil) == 1)
    #expect(rate(true, nil) == 2)
    #expect(rate(false, .acknowledged) == 2)
    #expect(rate(true, .explored) == 3)
    #expect(rate(true, .discontentVoiced) == 3)
    // attune-repair/2: an episode that closes without collaboration restored rates at most 3.
    #expect(rate(true, .needVoiced) == 3)
    #expect(rate(true, .needVoiced, onset: 40, close: 60) == 3)
    #expect(rate(true, .needVoiced, moves: 2) == 2)
    #expect(rate(true, .collaborationRestored, onset: 50, close: 49.9) == 4)
    #expect(rate(true, .collaborationRestored, onset: 50, close: 50) == 5)
    #expect(rate(true, .collaborationRestored, moves: 2) == 4, "therapist contribution")
    #expect(rate(false, nil, moves: 3) == 1, "never below 1")
    #expect(ResolutionRating.anchors.keys.sorted() == [1, 2, 3, 4, 5])
  }

  @Test func weightsSumToOne() {
    let sum = ScoringModel.weights.values.reduce(0, +)
    #expect(abs(sum - 1) < 1e-9)
    #expect(Set(ScoringModel.weights.keys) == Set(ScoreComponent.Kind.allCases))
  }
}
