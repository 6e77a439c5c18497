import AttuneCore
import Foundation

/// One line of a grading file: a grader's rating of a rupture episode, or a comment.
///
/// A grading file sits beside its transcript (`NAME.jsonl` gets `NAME.grading.jsonl`) and is
/// only ever appended to, one JSON object per line, so that several graders can rate the same
/// session and nothing a grader entered is lost; the transcript itself is never touched. The
/// latest rating a grader gave an episode is the one that counts.
public enum GradingEvent: Hashable, Sendable {
  /// Binds the file to its transcript: written once, as the first line.
  case header(GradingHeader)
  /// A grader's 1-5 resolution rating of an episode.
  case rating(GraderRating)
  /// A grader's comment on the session or on one turn.
  case comment(GraderComment)

  /// The grading format version this build writes and reads.
  public static let currentFormat = 1

  /// The JSON line for this event, without its newline.
  public func line() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data: Data
    switch self {
    case .header(let header):
      data = (try? encoder.encode(Tagged(event: "header", body: header))) ?? Data()
    case .rating(let rating):
      data = (try? encoder.encode(Tagged(event: "rating", body: rating))) ?? Data()
    case .comment(let comment):
      data = (try? encoder.encode(Tagged(event: "comment", body: comment))) ?? Data()
    }
    return String(decoding: data, as: UTF8.self)
  }

  private struct Tagged<Body: Encodable>: Encodable {
    var event: String
    var body: Body
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: EventKey.self)
      try container.encode(event, forKey: .event)
      try body.encode(to: encoder)
    }
  }

  fileprivate enum EventKey: String, CodingKey { case event }
}

extension GradingEvent: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: EventKey.self)
    switch try container.decode(String.self, forKey: .event) {
    case "header": self = .header(try GradingHeader(from: decoder))
    case "rating": self = .rating(try GraderRating(from: decoder))
    case "comment": self = .comment(try GraderComment(from: decoder))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .event, in: container, debugDescription: "unknown event \"\(other)\"")
    }
  }
}

/// The first line of a grading file.
public struct GradingHeader: Hashable, Sendable, Codable {
  /// The grading format version.
  public var gradingFormat: Int
  /// The transcript's file name, as it was when grading began.
  public var transcript: String
  /// The SHA-256 of the transcript's bytes, so that ratings are never applied to a transcript
  /// that changed.
  public var transcriptSha256: String
  /// The scenario of the session.
  public var scenario: String

  /// Creates a header for `transcript`.
  public init(transcript: String, transcriptSha256: String, scenario: String) {
    gradingFormat = GradingEvent.currentFormat
    self.transcript = transcript
    self.transcriptSha256 = transcriptSha256
    self.scenario = scenario
  }
}

/// A grader's rating of one rupture episode on the 1-5 anchors of the scoring model.
public struct GraderRating: Hashable, Sendable, Codable {
  /// Who rated.
  public var grader: String
  /// The episode's number in the session.
  public var episode: Int
  /// The rating, 1 to 5.
  public var rating: Int
  /// Why, in the grader's words.
  public var comment: String?
  /// When, in ISO 8601 (UTC).
  public var at: String

  /// Creates a rating.
  public init(grader: String, episode: Int, rating: Int, comment: String? = nil, at: String) {
    self.grader = grader
    self.episode = episode
    self.rating = rating
    self.comment = comment
    self.at = at
  }
}

/// A grader's comment on a session, or on one of its turns.
public struct GraderComment: Hashable, Sendable, Codable {
  /// Who wrote it.
  public var grader: String
  /// The client turn number it is about, or nil for the whole session.
  public var turn: Int?
  /// The comment.
  public var text: String
  /// When, in ISO 8601 (UTC).
  public var at: String

  /// Creates a comment.
  public init(grader: String, turn: Int?, text: String, at: String) {
    self.grader = grader
    self.turn = turn
    self.text = text
    self.at = at
  }
}
