/// The sizes the loader accepts, so that no input can exhaust memory or time.
///
/// Documented in `Scenarios/README.md` under "Limits".
public struct ScenarioLimits: Hashable, Sendable {
  /// The JSON limits: bytes, depth, string and number lengths.
  public var json: JSONLimits = .default
  /// Client turns in one scenario.
  public var maximumTurns = 5_000
  /// Options of one turn.
  public var maximumOptions = 50
  /// Variants of one turn.
  public var maximumVariants = 20
  /// Branches of one `next`, and choices of one `random`.
  public var maximumBranches = 100
  /// Declared variables.
  public var maximumVariables = 100
  /// Characters of any text field.
  public var maximumTextLength = 10_000
  /// Characters of an id.
  public var maximumIDLength = 64

  /// The limits in force by default.
  public static let `default` = ScenarioLimits()
}
