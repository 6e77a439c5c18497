import AttuneCore
import Foundation

/// A grading file read back: the latest rating each grader gave each episode, every comment,
/// and what could not be read.
public struct GradingLog: Hashable, Sendable {
  /// The header, if the first line holds one.
  public var header: GradingHeader?
  /// The latest rating of each grader for each episode: `ratings[grader][episode]`.
  public var ratings: [String: [Int: GraderRating]]
  /// Every comment, in order.
  public var comments: [GraderComment]
  /// Lines that could not be read (a torn last line included), with why.
  public var problems: [TranscriptProblem]

  /// An empty log, for a transcript nobody has graded yet.
  public init() {
    header = nil
    ratings = [:]
    comments = []
    problems = []
  }

  /// Reads a grading file's bytes. Never throws: an unreadable line becomes a problem, and a
  /// last line without its newline (cut off while being written) is left out.
  public init(bytes: [UInt8]) {
    self.init()
    let decoder = JSONDecoder()
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where !line.isEmpty {
      let number = index + 1
      if index == lines.count - 1 {
        problems.append(
          TranscriptProblem(
            line: number, code: .transcriptEvent,
            message: "the last line is torn (cut off while being written); it is left out"))
        break
      }
      guard let event = try? decoder.decode(GradingEvent.self, from: Data(line)) else {
        problems.append(
          TranscriptProblem(
            line: number, code: .transcriptEvent,
            message: "line \(number) is not a readable grading entry; it is left out"))
        continue
      }
      record(event, line: number)
    }
  }

  /// Adds one event, as if it had been read from the file.
  public mutating func record(_ event: GradingEvent, line: Int = 0) {
    switch event {
    case .header(let read):
      if header == nil { header = read }
    case .rating(let rating):
      guard (1...5).contains(rating.rating) else {
        problems.append(
          TranscriptProblem(
            line: line, code: .transcriptEvent,
            message: "line \(line): a rating of \(rating.rating) is outside 1-5; it is left out"))
        return
      }
      ratings[rating.grader, default: [:]][rating.episode] = rating
    case .comment(let comment):
      comments.append(comment)
    }
  }

  /// The graders who rated at least one episode, sorted.
  public var graders: [String] { ratings.keys.sorted() }

  /// Whether the log belongs to a transcript with the SHA-256 `digest`.
  public func matches(transcriptSha256 digest: String) -> Bool {
    header?.transcriptSha256 == digest
  }
}
