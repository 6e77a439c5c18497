/// One response as scored: what it changed in the alliance and why.
public struct TurnScore: Hashable, Sendable, Codable {
  /// The 1-based number of the response.
  public var number: Int
  /// The client turn answered.
  public var turn: String
  /// The option chosen.
  public var option: String
  /// The option's codes.
  public var codes: [Code]
  /// The author's change.
  public var authored: AllianceChange
  /// The fit adjustments, with their reasons.
  public var fit: [FitAdjustment]
  /// The change applied after clamping to 0...100.
  public var applied: AllianceChange
  /// The alliance after the response.
  public var allianceAfter: Alliance
}
