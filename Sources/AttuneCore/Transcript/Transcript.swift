import Foundation

/// A transcript read back: its header, its events with their line numbers, and what was wrong
/// with it.
public struct Transcript: Sendable {
  /// The header, if the first line holds a readable one.
  public var header: TranscriptHeader?
  /// The events in order, each with its 1-based line number.
  public var events: [LocatedEvent]
  /// The line number of a torn last line (cut off while being written), if there was one.
  public var tornLine: Int?
  /// Problems found while reading, each on its line.
  public var problems: [TranscriptProblem]

  /// Whether the session reached an ending (the last event is `end`).
  public var isComplete: Bool {
    if case .end? = events.last?.event { return true }
    return false
  }

  /// The end event, if the session was completed.
  public var end: SessionEnded? {
    if case .end(let end)? = events.last?.event { return end }
    return nil
  }

  /// An event with the line it stands on.
  public struct LocatedEvent: Hashable, Sendable {
    public var line: Int
    public var event: TranscriptEvent
  }

  /// The most unreadable lines reported; reading stops after them, so that a large file of
  /// junk costs little time and memory.
  public static let maximumProblems = 200

  /// Reads a transcript from its bytes. Never throws: unreadable lines become problems (up to
  /// `maximumProblems`, then reading stops), and a torn last line is noted and left out.
  public init(bytes: [UInt8]) {
    header = nil
    events = []
    tornLine = nil
    problems = []
    if bytes.isEmpty {
      problems.append(
        TranscriptProblem(line: 1, code: .transcriptEmpty, message: "the file is empty"))
      return
    }
    let decoder = JSONDecoder()
    var start = 0
    var number = 0
    while start < bytes.count {
      number += 1
      // A last line without its newline was cut off while being written, even if what reached
      // the disk happens to parse: it is left out and noted.
      guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
        tornLine = number
        break
      }
      let line = bytes[start..<end]
      start = end + 1
      do {
        if number == 1 {
          header = try decoder.decode(HeaderLine.self, from: Data(line)).header
        } else {
          let event = try decoder.decode(TranscriptEvent.self, from: Data(line))
          events.append(LocatedEvent(line: number, event: event))
        }
      } catch {
        guard problems.count < Self.maximumProblems else {
          problems.append(
            TranscriptProblem(
              line: number, code: .transcriptEvent,
              message:
                "more than \(Self.maximumProblems) unreadable lines; the rest of the file was"
                + " not read"))
          break
        }
        problems.append(
          number == 1
            ? TranscriptProblem(
              line: number, code: .transcriptHeader,
              message: "the first line is not a transcript header: \(Self.describe(error))")
            : TranscriptProblem(
              line: number, code: .transcriptEvent,
              message: "line \(number) is not a readable event: \(Self.describe(error))"))
      }
    }
    if header?.transcriptFormat ?? TranscriptHeader.currentFormat
      != TranscriptHeader.currentFormat
    {
      problems.append(
        TranscriptProblem(
          line: 1, code: .transcriptHeader,
          message:
            "transcript format \(header!.transcriptFormat) is not one this build reads"
            + " (\(TranscriptHeader.currentFormat))"))
    }
  }

  static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "the field \"\(key.stringValue)\" is missing"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "the field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the"
        + " wrong type"
    case DecodingError.dataCorrupted(let context):
      context.codingPath.isEmpty
        ? "it is not valid JSON"
        : "\(context.debugDescription) at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
    default: "\(error)"
    }
  }
}

/// A problem with a transcript, on a line.
public struct TranscriptProblem: Hashable, Sendable {
  /// The 1-based line it is on.
  public var line: Int
  /// Its diagnostic code.
  public var code: DiagnosticCode
  /// What is wrong, in words.
  public var message: String

  /// Creates a problem on `line`.
  public init(line: Int, code: DiagnosticCode, message: String) {
    self.line = line
    self.code = code
    self.message = message
  }
}
