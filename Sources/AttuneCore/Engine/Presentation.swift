/// What a front end shows at the current point of a session.
public enum Presentation: Hashable, Sendable {
  /// The client speaks and the trainee answers.
  case turn(TurnPresentation)
  /// The session is over.
  case ending(Ending)
}

/// A client turn as it is shown now, with the wording chosen for the state of the session and
/// the options open to the trainee.
public struct TurnPresentation: Hashable, Sendable {
  /// The turn as written.
  public var turn: Turn
  /// Which variant's wording is used, if any (its index in `turn.variants`).
  public var variant: Int?
  /// What the client says now.
  public var says: String
  /// The non-verbal cues now.
  public var cues: [String]
  /// The client's inner thoughts now.
  public var thoughts: String?
  /// The options to show, in order: available ones and those shown disabled.
  public var options: [OptionPresentation]
  /// The 1-based number of this turn in the session.
  public var number: Int

  /// The options the trainee can choose now.
  public var availableOptions: [OptionPresentation] { options.filter(\.isAvailable) }
}

/// One option as it is shown.
public struct OptionPresentation: Hashable, Sendable {
  /// The option as written.
  public var option: TherapistOption
  /// Whether the trainee can choose it now.
  public var isAvailable: Bool
  /// Why it cannot be chosen, for an option shown disabled.
  public var disabledReason: String?

  /// The option's id.
  public var id: String { option.id }
}
