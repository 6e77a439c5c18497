/// The scored profile of a session: per turn, per rupture episode and for the whole session,
/// with one headline alliance repair score and the explanation of every number.
public struct SessionScore: Hashable, Sendable, Codable {
  /// The scoring model that produced this score.
  public var model: String
  /// The alliance at the start.
  public var startingAlliance: Alliance
  /// The alliance at the end.
  public var finalAlliance: Alliance
  /// Every response, scored.
  public var turns: [TurnScore]
  /// Every rupture episode.
  public var episodes: [RuptureEpisode]
  /// Ruptures with at least one marker attended to.
  public var rupturesDetected: Int
  /// Ruptures none of whose markers was attended to.
  public var rupturesMissed: Int
  /// Ruptures in which collaboration was restored.
  public var rupturesResolved: Int
  /// Marker turns whose next response attended to the marker, over all episodes.
  public var markersNoticed: Int
  /// Marker turns whose next response did not attend to the marker.
  public var markersMissed: Int
  /// Mean resolution rating, if there was a rupture.
  public var meanResolutionRating: Double?
  /// Responses using an exploratory 3RS strategy.
  public var exploratoryResponses: Int
  /// Responses using an immediate 3RS strategy.
  public var immediateResponses: Int
  /// Reflections (simple and complex).
  public var reflections: Int
  /// Questions (open and closed).
  public var questions: Int
  /// Reflections per question, if any question was asked.
  public var reflectionToQuestionRatio: Double?
  /// Contraindicated moves in the whole session.
  public var contraindicatedMoves: Int
  /// Fit adjustments that favoured a response, and those that went against it.
  public var favourableFit: Int
  public var unfavourableFit: Int
  /// The simulated WAI-SR-style total at the end.
  public var simulatedWAISR: SimulatedWAISR
  /// The headline components.
  public var components: [ScoreComponent]
  /// The headline alliance repair score, 0-100.
  public var headline: Int
  /// The ending's outcome, if the session reached one.
  public var outcome: Outcome?
  /// Whether the session reached an ending.
  public var completed: Bool
  /// The headline before the outcome and safety bounds (`attune-repair/3`; nil before).
  public var unboundedHeadline: Int?
  /// The bound that lowered the headline, if one did (`attune-repair/3`).
  public var headlineBound: Int?
  /// The safety items and breaches (`attune-repair/3`; nil before).
  public var safety: SafetyResult?
  /// Marker turns whose marker the trainee identified by type before answering, when they
  /// were asked (`attune-repair/3` with marker identification on; nil otherwise).
  public var markersIdentified: Int?
  /// Turns without a marker on which the trainee named a rupture (same conditions).
  public var markerFalseAlarms: Int?

  /// The responses that moved `dimension`, with how much each moved it and why.
  public func contributions(to dimension: AllianceDimension) -> [(
    turn: TurnScore, change: Int, reasons: [String]
  )] {
    turns.compactMap { turn in
      guard turn.applied[dimension] != 0 else { return nil }
      let reasons = turn.fit.filter { $0.change[dimension] != 0 }.map(\.reason)
      return (turn, turn.applied[dimension], reasons)
    }
  }
}
