import Foundation

/// Where transcript lines go. The executable writes them to a file, one `write` per line, so
/// that a killed process leaves a valid prefix; tests collect them in memory.
public protocol TranscriptSink: AnyObject {
  /// Writes one complete line, newline included, and makes it durable as far as the sink can.
  func write(line: [UInt8]) throws
}

/// Writes a session's transcript as JSON Lines while the session runs: the header first, then
/// one event per line, numbered in sequence.
public struct TranscriptRecorder {
  private let sink: any TranscriptSink
  private let encoder: JSONEncoder
  /// The sequence number of the last event written.
  public private(set) var lastSequence = 0

  /// Starts a transcript by writing its header.
  public init(header: TranscriptHeader, sink: any TranscriptSink) throws {
    self.sink = sink
    encoder = Self.makeEncoder()
    try sink.write(line: Self.line(for: HeaderLine(header: header), encoder: encoder))
  }

  /// Appends one event; `make` receives the event's sequence number.
  @discardableResult
  public mutating func record(_ make: (Int) -> TranscriptEvent) throws -> TranscriptEvent {
    let event = make(lastSequence + 1)
    try sink.write(line: Self.line(for: event, encoder: encoder))
    lastSequence += 1
    return event
  }

  /// Records the turn now shown by `session`.
  public mutating func recordTurn(of session: Session) throws {
    guard case .turn(let shown) = session.presentation else { return }
    try record {
      .turn(
        TurnShown(
          seq: $0, number: shown.number, turn: shown.turn.id, variant: shown.variant,
          alliance: session.state.alliance, offered: shown.availableOptions.map(\.id)))
    }
  }

  /// Records a choice just applied.
  public mutating func recordChoice(
    _ step: Step, number: Int, latencyMilliseconds: Int, reflection: String?
  ) throws {
    try record {
      .choice(
        ChoiceMade(
          seq: $0, number: number, turn: step.turn, option: step.option,
          latencyMs: latencyMilliseconds, reflection: reflection, codes: step.codes,
          authored: step.authored, fit: step.fit, alliance: step.after, to: step.destination,
          draw: step.draw))
    }
  }

  /// Records an undo just applied.
  public mutating func recordUndo(_ step: Step) throws {
    try record {
      .undo(ChoiceUndone(seq: $0, turn: step.turn, option: step.option, alliance: step.before))
    }
  }

  /// Records the end of a session that reached an ending, at the time `at` (ISO 8601), if
  /// given.
  public mutating func recordEnd(of session: Session, at: String? = nil) throws {
    guard let ending = session.ending else { return }
    let score = session.score
    try record {
      .end(
        SessionEnded(seq: $0, ending: ending.id, outcome: ending.outcome, score: score, at: at))
    }
  }

  /// Records a trainee's note about the turn on screen.
  public mutating func recordNote(_ text: String, turn: String?) throws {
    try record { .note(NoteWritten(seq: $0, turn: turn, text: text)) }
  }

  /// Records a hint shown for a turn.
  public mutating func recordHint(_ text: String, turn: String) throws {
    try record { .hint(HintShown(seq: $0, turn: turn, text: text)) }
  }

  /// Records what the trainee said they noticed in `turn` (nil type: no rupture), scoring it
  /// against the turn's marker; returns the recorded guess.
  @discardableResult
  public mutating func recordMarkerGuess(
    on turn: Turn, type: RuptureType?, subtype: MarkerSubtype?
  ) throws -> MarkerGuess {
    let actual = turn.marker
    let guess = MarkerGuess(
      seq: lastSequence + 1, turn: turn.id, guessType: type, guessSubtype: subtype,
      actualType: actual?.type, actualSubtype: actual?.subtype, typeCorrect: type == actual?.type,
      subtypeCorrect: actual.map { subtype == $0.subtype })
    try record { _ in .markerGuess(guess) }
    return guess
  }

  /// Records that the session stopped before an ending, and why, at the time `at` (ISO 8601),
  /// if given.
  public mutating func recordQuit(reason: String, at: String? = nil) throws {
    try record { .quit(SessionQuit(seq: $0, reason: reason, at: at)) }
  }

  static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func line(for value: some Encodable, encoder: JSONEncoder) throws -> [UInt8] {
    var bytes = Array(try encoder.encode(value))
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }
}

/// The header as written: the header's fields plus `"event": "header"`.
struct HeaderLine: Codable {
  var header: TranscriptHeader

  private enum Key: String, CodingKey { case event }

  init(header: TranscriptHeader) { self.header = header }

  init(from decoder: any Decoder) throws {
    let name = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .event)
    guard name == "header" else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [Key.event], debugDescription: "the first line is not a header"))
    }
    header = try TranscriptHeader(from: decoder)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode("header", forKey: .event)
    try header.encode(to: encoder)
  }
}

/// A sink that keeps the lines in memory.
public final class MemoryTranscriptSink: TranscriptSink, @unchecked Sendable {
  /// Every byte written so far.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty sink.
  public init() {}

  public func write(line: [UInt8]) throws { bytes.append(contentsOf: line) }
}
