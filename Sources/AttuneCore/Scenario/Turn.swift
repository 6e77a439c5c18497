/// One thing the client says, with what goes with it and what the trainee may answer.
public struct Turn: Hashable, Sendable {
  /// The author's stable id.
  public var id: String
  /// What the client says.
  public var says: String
  /// Non-verbal cues: posture, voice, gaze, silence.
  public var cues: [String]
  /// What the client thinks but does not say, shown in feedback and the debrief.
  public var thoughts: String?
  /// The rupture marker this turn shows, if any.
  public var marker: RuptureMarker?
  /// The resolution stage this turn reaches, if any.
  public var stage: ResolutionStage?
  /// Other wordings, each used when its condition holds (the first that holds wins), so
  /// that the client reacts to the alliance so far and to what happened earlier.
  public var variants: [TurnVariant]
  /// What the trainee may answer.
  public var options: [TherapistOption]
  /// A hint for trainees who ask for one in practice mode.
  public var hint: String?
  /// The safety task this turn requires, if any.
  public var safety: SafetyRequirement?
  /// The author's word on whether the client raises risk here, overriding the word list that
  /// `attune check` reads the client's lines with (nil: use the list).
  public var raisesRisk: Bool?

  /// Creates a turn.
  public init(
    id: String, says: String, cues: [String], thoughts: String?, marker: RuptureMarker?,
    stage: ResolutionStage?, variants: [TurnVariant], options: [TherapistOption],
    hint: String?, safety: SafetyRequirement? = nil, raisesRisk: Bool? = nil
  ) {
    self.id = id
    self.says = says
    self.cues = cues
    self.thoughts = thoughts
    self.marker = marker
    self.stage = stage
    self.variants = variants
    self.options = options
    self.hint = hint
    self.safety = safety
    self.raisesRisk = raisesRisk
  }
}

/// Another wording of a client turn, used when its condition holds.
public struct TurnVariant: Hashable, Sendable {
  /// When this wording is used.
  public var condition: Condition
  /// What the client says instead, if different.
  public var says: String?
  /// The cues instead, if different.
  public var cues: [String]?
  /// The inner thoughts instead, if different.
  public var thoughts: String?
}

/// A parsed condition, with the text it was written as.
public struct Condition: Hashable, Sendable, CustomStringConvertible {
  /// The text as the author wrote it.
  public var text: String
  /// The parsed, checked expression.
  public var expression: Expression

  public var description: String { text }
}

/// How the session ends, and what the trainee is told about it.
public struct Ending: Hashable, Sendable {
  /// The author's stable id.
  public var id: String
  /// A short title, such as "Back on track".
  public var title: String
  /// How the alliance came out of the session.
  public var outcome: Outcome
  /// The client's last words, if any.
  public var says: String?
  /// Non-verbal cues at the end.
  public var cues: [String]
  /// What the trainee should take away, shown in the debrief.
  public var debrief: String
}

/// The outcome of a session for the alliance.
public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
  case repaired
  case partlyRepaired = "partly-repaired"
  case unrepaired
  case dropout

  /// A short human name.
  public var title: String {
    switch self {
    case .repaired: "repaired"
    case .partlyRepaired: "partly repaired"
    case .unrepaired: "unrepaired"
    case .dropout: "dropout"
    }
  }
}
