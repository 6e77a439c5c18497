/// A rupture from the client turn that first marks it until it is resolved or the session
/// ends, with the measures of `../shared/domain.md` section 7.
public struct RuptureEpisode: Hashable, Sendable, Codable {
  /// The 1-based number of the episode in the session.
  public var number: Int
  /// The turn that opened it.
  public var onsetTurn: String
  /// The 1-based number of that turn in the session.
  public var onsetTurnNumber: Int
  /// Every marker shown during the episode, in order; a withdrawal may turn into a
  /// confrontation or back.
  public var markers: [RuptureMarker]
  /// For each of `markers`, whether the response to its turn attended to it.
  public var markersAttended: [Bool]
  /// Whether the response to any of the episode's marker turns attended to its marker.
  public var attended: Bool { markersAttended.contains(true) }
  /// The furthest resolution stage reached.
  public var furthestStage: ResolutionStage?
  /// How many client turns the episode spanned.
  public var turnsTaken: Int
  /// The mean alliance when the marker appeared.
  public var allianceAtOnset: Double
  /// The lowest mean alliance during the episode.
  public var trough: Double
  /// The mean alliance when the episode closed.
  public var allianceAtClose: Double
  /// How many contraindicated moves the therapist made during the episode.
  public var contraindicatedMoves: Int
  /// How the episode closed.
  public var closure: Closure
  /// The 1-5 resolution rating.
  public var rating: Int
  /// Why the rating is what it is.
  public var ratingReason: String

  /// How far the alliance came back from its trough.
  public var recovery: Double { allianceAtClose - trough }

  /// Whether the rupture counts as resolved: collaboration was restored, whatever the rating.
  public var isResolved: Bool { closure == .restored }

  /// The rupture type at onset.
  public var type: RuptureType { markers[0].type }

  /// How an episode closed.
  public enum Closure: String, Hashable, Sendable, Codable {
    /// A client turn marked collaboration restored.
    case restored
    /// The session reached an ending with the episode still open.
    case ending
    /// The session stopped before an ending.
    case incomplete
  }
}

/// The written anchors of the 1-5 resolution rating of scoring model `attune-repair/2`.
public enum ResolutionRating {
  /// The anchor text of each rating, 1 to 5.
  public static let anchors: [Int: String] = [
    1: "Not addressed: no marker of the rupture was attended to and the client reached no"
      + " resolution stage.",
    2: "Noticed: a marker was attended to, or the rupture was at most acknowledged, but it was"
      + " not explored.",
    3: "Explored, not repaired: the rupture was explored, or the client voiced discontent, hurt"
      + " or the underlying need, but the episode closed before collaboration was restored.",
    4: "Largely resolved: collaboration was restored, but the alliance did not recover to where"
      + " it stood when the rupture began.",
    5: "Resolved: collaboration was restored and the alliance recovered at least to where it"
      + " stood when the rupture began.",
  ]

  /// How many contraindicated moves within an episode lower its rating by one.
  public static let contributionPenaltyThreshold = 2

  /// The rating and its reason for an episode's measures. Only an episode whose furthest stage
  /// is collaboration restored can rate above 3.
  public static func rate(
    attended: Bool, furthestStage: ResolutionStage?, allianceAtOnset: Double,
    allianceAtClose: Double, contraindicatedMoves: Int
  ) -> (rating: Int, reason: String) {
    var rating: Int
    switch furthestStage {
    case .collaborationRestored?:
      rating = allianceAtClose >= allianceAtOnset ? 5 : 4
    case .needVoiced?, .discontentVoiced?, .explored?: rating = 3
    case .acknowledged?: rating = 2
    case nil: rating = attended ? 2 : 1
    }
    var reason = anchors[rating]!
    if contraindicatedMoves >= contributionPenaltyThreshold && rating > 1 {
      rating -= 1
      reason +=
        " Lowered by one: \(contraindicatedMoves) contraindicated moves during the episode"
        + " (therapist contribution predicts dropout; Eubanks et al. 2019)."
    }
    return (rating, reason)
  }
}
