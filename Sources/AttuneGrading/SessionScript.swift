import AttuneCore

/// A session told as a script: every client turn with its words, every response with its
/// codes, feedback and alliance change, and the notes, hints and marker guesses in between,
/// in the order they happened.
///
/// Built from the transcript's events; the scenario, when it is at hand, supplies the words
/// the transcript refers to by id.
public struct SessionScript: Hashable, Sendable {
  /// The entries in order.
  public var entries: [ScriptEntry]

  /// Tells the session of `transcript`, taking words from `scenario` when it is given.
  public init(transcript: Transcript, scenario: Scenario?) {
    entries = []
    var alliance = transcript.events.lazy.compactMap { located -> Alliance? in
      if case .turn(let shown) = located.event { return shown.alliance }
      return nil
    }.first
    var turnNumber: Int?
    for located in transcript.events {
      let content: ScriptEntry.Content
      switch located.event {
      case .turn(let shown):
        turnNumber = shown.number
        alliance = shown.alliance
        content = .clientTurn(
          shown, ClientWords(turn: scenario?.turn(shown.turn), variant: shown.variant))
      case .choice(let choice):
        let option = scenario?.option(choice.option)?.option
        let change = alliance.map { choice.alliance.difference(from: $0) }
        alliance = choice.alliance
        content = .response(
          choice,
          ResponseWords(text: option?.text, feedback: option?.feedback, change: change))
      case .undo(let undo):
        alliance = undo.alliance
        content = .undo(undo)
      case .note(let note): content = .note(note)
      case .hint(let hint): content = .hint(hint)
      case .markerGuess(let guess): content = .markerGuess(guess)
      case .end(let end):
        content = .ending(end, scenario?.ending(end.ending))
      case .quit(let quit): content = .stopped(quit)
      }
      entries.append(ScriptEntry(line: located.line, turnNumber: turnNumber, content: content))
    }
  }

  /// The index of the first entry of client turn `number`, if the session reached it.
  public func index(ofTurn number: Int) -> Int? {
    entries.firstIndex { entry in
      if case .clientTurn(let shown, _) = entry.content { return shown.number == number }
      return false
    }
  }

  /// The client turn numbers in the order shown (a number repeats after an undo).
  public var turnNumbers: [Int] {
    entries.compactMap { entry in
      if case .clientTurn(let shown, _) = entry.content { return shown.number }
      return nil
    }
  }
}

/// One entry of a session's script.
public struct ScriptEntry: Hashable, Sendable {
  /// The transcript line it comes from.
  public var line: Int
  /// The number of the client turn it belongs to, if a turn had been shown.
  public var turnNumber: Int?
  /// What happened.
  public var content: Content

  /// What happened at one point of a session.
  public enum Content: Hashable, Sendable {
    /// The client spoke.
    case clientTurn(TurnShown, ClientWords?)
    /// The trainee answered.
    case response(ChoiceMade, ResponseWords)
    /// The trainee took an answer back.
    case undo(ChoiceUndone)
    /// The trainee wrote a note.
    case note(NoteWritten)
    /// The trainee asked for a hint.
    case hint(HintShown)
    /// The trainee said which marker they noticed.
    case markerGuess(MarkerGuess)
    /// The session reached an ending.
    case ending(SessionEnded, Ending?)
    /// The session stopped before an ending.
    case stopped(SessionQuit)
  }
}

/// What the client said and showed on a turn, as the scenario words it.
public struct ClientWords: Hashable, Sendable {
  /// The words.
  public var says: String
  /// The non-verbal cues.
  public var cues: [String]
  /// The inner thoughts, if the author wrote them.
  public var thoughts: String?
  /// The rupture marker the turn shows, if any.
  public var marker: RuptureMarker?
  /// The resolution stage the turn reaches, if any.
  public var stage: ResolutionStage?
  /// The words of each of the turn's options, by option id.
  public var options: [String: String]

  /// The words of `turn` in the variant shown; nil without a turn.
  init?(turn: Turn?, variant: Int?) {
    guard let turn else { return nil }
    let chosen = variant.flatMap { turn.variants.indices.contains($0) ? turn.variants[$0] : nil }
    says = chosen?.says ?? turn.says
    cues = chosen?.cues ?? turn.cues
    thoughts = chosen?.thoughts ?? turn.thoughts
    marker = turn.marker
    stage = turn.stage
    options = Dictionary(
      turn.options.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
  }
}

/// What the scenario says about a response: its words, its feedback, and the alliance change
/// it made.
public struct ResponseWords: Hashable, Sendable {
  /// The option's words, when the scenario is at hand.
  public var text: String?
  /// The option's feedback, when the scenario is at hand.
  public var feedback: String?
  /// The change of the alliance from the turn shown to the answer.
  public var change: AllianceChange?
}
