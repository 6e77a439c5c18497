/// A change the engine adds to an option's authored alliance change because of how the move
/// suits this client's attachment or reactance, with the reason it is made.
public struct FitAdjustment: Hashable, Sendable, Codable {
  /// The rule that made it, for example `reactance-directive`.
  public var rule: String
  /// The change it makes.
  public var change: AllianceChange
  /// Why, in words shown to the trainee.
  public var reason: String

  /// Creates an adjustment.
  public init(rule: String, change: AllianceChange, reason: String) {
    self.rule = rule
    self.change = change
    self.reason = reason
  }
}

/// How a fit adjustment counts toward the fit component of the headline.
public enum FitVerdict: Hashable, Sendable {
  case favourable
  case unfavourable
  /// Counted neither way.
  case neutral
}
