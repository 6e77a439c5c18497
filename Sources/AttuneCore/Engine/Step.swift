/// One response of the trainee and everything that followed from it: the record that scoring,
/// transcripts and replays are built from.
public struct Step: Hashable, Sendable, Codable {
  /// The client turn answered.
  public var turn: String
  /// The option chosen.
  public var option: String
  /// The option's codes.
  public var codes: [Code]
  /// The alliance before the response.
  public var before: Alliance
  /// The author's change, as written on the option.
  public var authored: AllianceChange
  /// The engine's fit adjustments, each with its reason.
  public var fit: [FitAdjustment]
  /// The alliance after the response (clamped to 0...100).
  public var after: Alliance
  /// Where the session went: a turn or an ending id.
  public var destination: String
  /// The random draw made to choose the destination, if any.
  public var draw: RandomDraw?
  /// What the trainee said they noticed on the turn before answering, if they were asked.
  public var identification: NoticingAnswer?

  /// The change actually applied: after minus before.
  public var change: AllianceChange { after.difference(from: before) }
}

/// A weighted random choice as it was made.
public struct RandomDraw: Hashable, Sendable, Codable {
  /// The number drawn, in `0..<total`.
  public var roll: Int
  /// The sum of the weights.
  public var total: Int
}

/// What a trainee said they noticed on a turn: a rupture type, or none.
public struct NoticingAnswer: Hashable, Sendable, Codable {
  /// The rupture type named, or nil for "no rupture".
  public var type: RuptureType?

  /// Creates an identification.
  public init(type: RuptureType?) { self.type = type }
}
