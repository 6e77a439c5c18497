import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// Grading files: lines written by `GradingEvent.line()` read back, the latest rating wins, and
/// what cannot be read becomes a problem.
@Suite struct GradingLogTests {
  static let header = GradingHeader(
    transcript: "t1.jsonl", transcriptSha256: String(repeating: "ab", count: 32),
    scenario: "tiny-rupture")

  @Test func linesReadBack() throws {
    let comment = GraderComment(
      grader: "ana", turn: 2, text: "Good \"ownership\"\nhere", at: "2026-11-25T09:00:00Z")
    let events: [GradingEvent] = [
      .header(Self.header),
      GradingFixtures.rating("ana", episode: 1, 4, comment: "explored, then repaired"),
      .comment(comment),
      .comment(
        GraderComment(grader: "ben", turn: nil, text: "overall fine", at: "2026-11-25T10:00:00Z")),
    ]
    for event in events {
      let line = event.line()
      #expect(!line.contains("\n"), "one line per event")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["event"] as? String != nil)
      #expect(try JSONDecoder().decode(GradingEvent.self, from: Data(line.utf8)) == event)
    }
    #expect(events[0].line().contains("\"event\":\"header\""))
    #expect(events[0].line().contains("\"gradingFormat\":1"))
    #expect(events[1].line().contains("\"event\":\"rating\""))
    #expect(events[2].line().contains("\"event\":\"comment\""))

    let log = GradingFixtures.log(events)
    #expect(log.problems.isEmpty)
    #expect(log.header == Self.header)
    #expect(log.ratings["ana"]?[1]?.rating == 4)
    #expect(log.ratings["ana"]?[1]?.comment == "explored, then repaired")
    #expect(log.comments == [comment, try #require(events[3].comment)])
    #expect(log.graders == ["ana"])
    #expect(log.matches(transcriptSha256: Self.header.transcriptSha256))
    #expect(!log.matches(transcriptSha256: String(repeating: "cd", count: 32)))
  }

  @Test func theLatestRatingOfAGraderForAnEpisodeWins() {
    let log = GradingFixtures.log([
      .header(Self.header),
      GradingFixtures.rating("ana", episode: 1, 2),
      GradingFixtures.rating("ben", episode: 1, 5),
      GradingFixtures.rating("ana", episode: 2, 3),
      GradingFixtures.rating("ana", episode: 1, 4, comment: "on reflection"),
    ])
    #expect(log.problems.isEmpty)
    #expect(log.ratings["ana"]?[1]?.rating == 4)
    #expect(log.ratings["ana"]?[1]?.comment == "on reflection")
    #expect(log.ratings["ana"]?[2]?.rating == 3)
    #expect(log.ratings["ben"]?[1]?.rating == 5)
    #expect(log.ratings["ana"]?.count == 2)
    #expect(log.graders == ["ana", "ben"])
  }

  @Test func anOutOfRangeRatingIsLeftOutWithAProblem() {
    let log = GradingFixtures.log([
      .header(Self.header),
      GradingFixtures.rating("ana", episode: 1, 3),
      GradingFixtures.rating("ana", episode: 1, 6),
      GradingFixtures.rating("ana", episode: 2, 0),
    ])
    #expect(log.ratings["ana"]?[1]?.rating == 3)
    #expect(log.ratings["ana"]?[2] == nil)
    #expect(log.problems.map(\.line) == [3, 4])
    #expect(log.problems.first?.message.contains("6") == true)
  }

  @Test func aTornLastLineIsLeftOut() {
    let whole =
      GradingEvent.header(Self.header).line() + "\n"
      + GradingFixtures.rating("ana", episode: 1, 3).line() + "\n"
    let torn = whole + String(GradingFixtures.rating("ana", episode: 1, 5).line().dropLast(4))
    let log = GradingLog(bytes: Array(torn.utf8))
    #expect(log.ratings["ana"]?[1]?.rating == 3)
    #expect(log.problems.count == 1)
    #expect(log.problems.first?.line == 3)
    #expect(log.problems.first?.message.contains("torn") == true)
    // Even a complete entry without its newline was cut off while being written.
    let unterminated = whole + GradingFixtures.rating("ana", episode: 1, 5).line()
    #expect(GradingLog(bytes: Array(unterminated.utf8)).ratings["ana"]?[1]?.rating == 3)
    // A whole file has no problems.
    #expect(GradingLog(bytes: Array(whole.utf8)).problems.isEmpty)
  }

  @Test func anUnreadableLineIsAProblemAndTheRestIsRead() {
    let text =
      GradingEvent.header(Self.header).line() + "\n" + "not json\n"
      + "{\"event\":\"verdict\",\"grader\":\"ana\"}\n"
      + "{\"event\":\"rating\",\"grader\":\"ana\",\"episode\":\"one\",\"rating\":3,\"at\":\"x\"}\n"
      + GradingFixtures.rating("ana", episode: 1, 2).line() + "\n"
    let log = GradingLog(bytes: Array(text.utf8))
    #expect(log.problems.map(\.line) == [2, 3, 4])
    #expect(log.problems.allSatisfy { $0.code == .transcriptEvent })
    #expect(log.ratings["ana"]?[1]?.rating == 2)
    #expect(log.header == Self.header)
  }

  @Test func onlyTheFirstHeaderCounts() {
    let other = GradingHeader(
      transcript: "t2.jsonl", transcriptSha256: String(repeating: "cd", count: 32),
      scenario: "other")
    let log = GradingFixtures.log([.header(Self.header), .header(other)])
    #expect(log.header == Self.header)
  }

  @Test func anEmptyLogHasNothing() {
    let log = GradingLog(bytes: [])
    #expect(log.header == nil)
    #expect(log.ratings.isEmpty)
    #expect(log.problems.isEmpty)
    #expect(log == GradingLog())
    #expect(!log.matches(transcriptSha256: ""))
  }
}

extension GradingEvent {
  /// The comment, if this is one.
  fileprivate var comment: GraderComment? {
    if case .comment(let comment) = self { return comment }
    return nil
  }
}
