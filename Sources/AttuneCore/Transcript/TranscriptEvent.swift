/// One line of a transcript after the header.
public enum TranscriptEvent: Hashable, Sendable {
  /// A client turn was shown.
  case turn(TurnShown)
  /// The trainee chose an option.
  case choice(ChoiceMade)
  /// The trainee took the last choice back (practice only).
  case undo(ChoiceUndone)
  /// The trainee wrote a note.
  case note(NoteWritten)
  /// The trainee asked for a hint (practice only).
  case hint(HintShown)
  /// The trainee said which rupture marker they noticed.
  case markerGuess(MarkerGuess)
  /// The session reached an ending.
  case end(SessionEnded)
  /// The trainee stopped before an ending.
  case quit(SessionQuit)

  /// The event's sequence number: 1 for the first event after the header, then one more for
  /// each event.
  public var sequence: Int {
    switch self {
    case .turn(let event): event.seq
    case .choice(let event): event.seq
    case .undo(let event): event.seq
    case .note(let event): event.seq
    case .hint(let event): event.seq
    case .markerGuess(let event): event.seq
    case .end(let event): event.seq
    case .quit(let event): event.seq
    }
  }

  /// The name written in the event's `event` field.
  public var name: String {
    switch self {
    case .turn: "turn"
    case .choice: "choice"
    case .undo: "undo"
    case .note: "note"
    case .hint: "hint"
    case .markerGuess: "marker-guess"
    case .end: "end"
    case .quit: "quit"
    }
  }
}

/// A client turn as shown.
public struct TurnShown: Hashable, Sendable, Codable {
  public var seq: Int
  /// The 1-based number of the turn in the session.
  public var number: Int
  /// The turn's id.
  public var turn: String
  /// The variant whose wording was shown, if any.
  public var variant: Int?
  /// The alliance when the turn was shown.
  public var alliance: Alliance
  /// The ids of the options offered (available ones only).
  public var offered: [String]
}

/// A choice and everything that followed from it.
public struct ChoiceMade: Hashable, Sendable, Codable {
  public var seq: Int
  /// The 1-based number of the turn answered.
  public var number: Int
  /// The turn answered.
  public var turn: String
  /// The option chosen.
  public var option: String
  /// Milliseconds from the moment the options were shown to the answer.
  public var latencyMs: Int
  /// The trainee's own free-text response, written before the options appeared.
  public var reflection: String?
  /// The option's codes.
  public var codes: [Code]
  /// The author's alliance change.
  public var authored: AllianceChange
  /// The engine's fit adjustments.
  public var fit: [FitAdjustment]
  /// The alliance after the choice.
  public var alliance: Alliance
  /// Where the session went.
  public var to: String
  /// The random draw, if the destination was drawn.
  public var draw: RandomDraw?
}

/// An undone choice.
public struct ChoiceUndone: Hashable, Sendable, Codable {
  public var seq: Int
  /// The turn whose answer was undone.
  public var turn: String
  /// The option undone.
  public var option: String
  /// The alliance restored.
  public var alliance: Alliance
}

/// A trainee's note.
public struct NoteWritten: Hashable, Sendable, Codable {
  public var seq: Int
  /// The turn on screen when the note was written.
  public var turn: String?
  /// The note.
  public var text: String
}

/// A hint shown.
public struct HintShown: Hashable, Sendable, Codable {
  public var seq: Int
  /// The turn the hint was for.
  public var turn: String
  /// The hint shown.
  public var text: String
}

/// A trainee's answer to "what do you notice?" on a turn.
public struct MarkerGuess: Hashable, Sendable, Codable {
  public var seq: Int
  /// The turn.
  public var turn: String
  /// What the trainee said: "none", a rupture type, or a type and subtype.
  public var guessType: RuptureType?
  public var guessSubtype: MarkerSubtype?
  /// What the turn actually shows.
  public var actualType: RuptureType?
  public var actualSubtype: MarkerSubtype?
  /// Whether the type was right (both none counts as right).
  public var typeCorrect: Bool
  /// Whether the subtype was right, when there was one to find.
  public var subtypeCorrect: Bool?
}

/// The end of a completed session.
public struct SessionEnded: Hashable, Sendable, Codable {
  public var seq: Int
  /// The ending reached.
  public var ending: String
  /// Its outcome.
  public var outcome: Outcome
  /// The score.
  public var score: SessionScore
  /// When the session ended, in ISO 8601 (UTC); absent in transcripts written before it was
  /// recorded. Not part of what replay verifies.
  public var at: String?
}

/// The trainee stopped before an ending; the transcript is incomplete.
public struct SessionQuit: Hashable, Sendable, Codable {
  public var seq: Int
  /// Why: "quit", "end of input", "terminated".
  public var reason: String
  /// When the session stopped, in ISO 8601 (UTC), if it was recorded.
  public var at: String?
}
