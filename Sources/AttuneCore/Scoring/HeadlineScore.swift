/// What the headline alliance repair score is computed from: a handful of counts that a scored
/// session and the analysis of a scenario's whole space of play supply alike, so that both
/// compute the headline with the same function.
public struct HeadlineEvidence: Hashable, Sendable {
  /// Rupture episodes, closed or still open at the end.
  public var episodes: Int
  /// The sum of their 1-5 resolution ratings.
  public var ratingSum: Int
  /// Marker turns answered.
  public var markers: Int
  /// Marker turns whose next response attended to the marker.
  public var markersNoticed: Int
  /// The alliance after the last response.
  public var finalAlliance: Alliance
  /// Fit adjustments that favoured a response.
  public var favourableFit: Int
  /// Fit adjustments that went against a response.
  public var unfavourableFit: Int
  /// Responses made.
  public var responses: Int
  /// Responses that used a contraindicated code.
  public var contraindicatedMoves: Int
  /// The model the headline is computed under.
  public var model: ScoringModel.Version = .repair2
  /// The ending's outcome, nil for an incomplete session (`attune-repair/3` bounds by it).
  public var outcome: Outcome?
  /// Whether every safety item was met and no safety duty was breached (`attune-repair/3`).
  public var safetyMet = true

  /// Creates the evidence from its counts.
  public init(
    episodes: Int, ratingSum: Int, markers: Int, markersNoticed: Int, finalAlliance: Alliance,
    favourableFit: Int, unfavourableFit: Int, responses: Int, contraindicatedMoves: Int,
    model: ScoringModel.Version = .repair2, outcome: Outcome? = nil, safetyMet: Bool = true
  ) {
    self.model = model
    self.outcome = outcome
    self.safetyMet = safetyMet
    self.episodes = episodes
    self.ratingSum = ratingSum
    self.markers = markers
    self.markersNoticed = markersNoticed
    self.finalAlliance = finalAlliance
    self.favourableFit = favourableFit
    self.unfavourableFit = unfavourableFit
    self.responses = responses
    self.contraindicatedMoves = contraindicatedMoves
  }

  /// The mean resolution rating, one decimal; nil without ruptures.
  public var meanResolutionRating: Double? {
    episodes == 0 ? nil : ScoringModel.roundedToTenth(Double(ratingSum) / Double(episodes))
  }
}

/// The headline alliance repair score, 0-100, with the components that apply: each component's
/// value (one decimal) and its weight renormalised over the components that apply
/// (`Docs/scoring-model.md` section 5).
public struct HeadlineScore: Hashable, Sendable {
  /// One component that applies.
  public struct Part: Hashable, Sendable {
    /// Which component.
    public var kind: ScoreComponent.Kind
    /// Its value, 0-100, rounded to one decimal.
    public var value: Double
    /// Its renormalised weight, unrounded.
    public var weight: Double
  }

  /// The components that apply, in the order of `ScoreComponent.Kind.allCases`.
  public var parts: [Part]
  /// The headline: the weighted sum of the parts, rounded to a whole number, then held to its
  /// bound.
  public var value: Int
  /// The weighted sum of the parts, rounded, before any bound.
  public var unbounded: Int
  /// The bound applied under `attune-repair/3`, if it lowered the headline.
  public var bound: Int?

  /// The bound of `attune-repair/3` for a session with this outcome and safety result.
  public static func bound(
    model: ScoringModel.Version, outcome: Outcome?, safetyMet: Bool
  ) -> Int? {
    guard model >= .repair3 else { return nil }
    let limits = [ScoringModel.bound(for: outcome), safetyMet ? nil : ScoringModel.safetyBound]
    return limits.compactMap { $0 }.min()
  }

  /// Computes the headline from its evidence.
  public init(_ evidence: HeadlineEvidence) {
    var raw: [(ScoreComponent.Kind, Double)] = []
    if let mean = evidence.meanResolutionRating {
      raw.append((.resolution, (mean - 1) / 4 * 100))
    }
    if evidence.markers > 0 {
      raw.append((.detection, Double(evidence.markersNoticed) / Double(evidence.markers) * 100))
    }
    raw.append((.alliance, evidence.finalAlliance.mean))
    let fit = evidence.favourableFit + evidence.unfavourableFit
    if fit > 0 { raw.append((.fit, Double(evidence.favourableFit) / Double(fit) * 100)) }
    if evidence.responses > 0 {
      let share = Double(evidence.contraindicatedMoves) / Double(evidence.responses)
      raw.append((.restraint, (1 - share) * 100))
    }
    let weightSum = raw.reduce(0) { $0 + ScoringModel.weight(of: $1.0) }
    var total = 0.0
    parts = raw.map { kind, value in
      let part = Part(
        kind: kind, value: ScoringModel.roundedToTenth(value),
        weight: ScoringModel.weight(of: kind) / weightSum)
      total += part.value * part.weight
      return part
    }
    unbounded = Int(total.rounded())
    let limit = Self.bound(
      model: evidence.model, outcome: evidence.outcome, safetyMet: evidence.safetyMet)
    value = min(unbounded, limit ?? unbounded)
    bound = value < unbounded ? limit : nil
  }
}
