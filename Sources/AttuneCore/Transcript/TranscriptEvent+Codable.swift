extension TranscriptEvent: Codable {
  private enum Key: String, CodingKey { case event }

  public init(from decoder: any Decoder) throws {
    let name = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .event)
    switch name {
    case "turn": self = .turn(try TurnShown(from: decoder))
    case "choice": self = .choice(try ChoiceMade(from: decoder))
    case "undo": self = .undo(try ChoiceUndone(from: decoder))
    case "note": self = .note(try NoteWritten(from: decoder))
    case "hint": self = .hint(try HintShown(from: decoder))
    case "marker-guess": self = .markerGuess(try MarkerGuess(from: decoder))
    case "end": self = .end(try SessionEnded(from: decoder))
    case "quit": self = .quit(try SessionQuit(from: decoder))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .event, in: try decoder.container(keyedBy: Key.self),
        debugDescription: "unknown event \"\(name)\"")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(name, forKey: .event)
    switch self {
    case .turn(let event): try event.encode(to: encoder)
    case .choice(let event): try event.encode(to: encoder)
    case .undo(let event): try event.encode(to: encoder)
    case .note(let event): try event.encode(to: encoder)
    case .hint(let event): try event.encode(to: encoder)
    case .markerGuess(let event): try event.encode(to: encoder)
    case .end(let event): try event.encode(to: encoder)
    case .quit(let event): try event.encode(to: encoder)
    }
  }
}
