import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// The JSON document of a report, as `attune grade --format json` lists it.
@Suite struct SessionDocumentTests {
  @Test func encodesTheReportWithItsScript() throws {
    let played = try GradingFixtures.play([
      .choose("open-explore", latency: 1_500),
      .note("a note"),
      .choose("explore-own", latency: 2_500),
      .choose("restored-plan", latency: 3_000),
    ])
    let report = try played.report()
    let log = GradingFixtures.log([GradingFixtures.rating("ana", episode: 1, 4)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(SessionDocument(report: report, log: log, includesScript: true))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["file"] as? String == "t1.jsonl")
    #expect(object["verified"] as? Bool == true)
    #expect(object["verification"] as? String == "verified")
    #expect(object["completed"] as? Bool == true)
    #expect(object["seed"] as? String == "7")
    #expect(object["answeringSeconds"] as? Double == 7)
    #expect(object["claimedHeadline"] as? Int == 90)
    #expect((object["score"] as? [String: Any])?["headline"] as? Int == 90)
    #expect((object["scenario"] as? [String: Any])?["title"] as? String == report.scenarioTitle)
    let graders = try #require(object["graders"] as? [String: [String: Any]])
    #expect((graders["ana"]?["1"] as? [String: Any])?["rating"] as? Int == 4)
    let script = try #require(object["script"] as? [[String: Any]])
    #expect(script.count == report.script.entries.count)
    #expect(
      script.compactMap { $0["kind"] as? String } == [
        "client-turn", "response", "client-turn", "note", "response", "client-turn", "response",
        "ending",
      ])
    #expect(script.first?["says"] as? String == "I didn't do the exercise. It was pointless.")

    let brief = try encoder.encode(
      SessionDocument(report: report, log: GradingLog(), includesScript: false))
    let briefObject = try #require(
      try JSONSerialization.jsonObject(with: brief) as? [String: Any])
    #expect(briefObject["script"] == nil)
  }

  @Test func encodesAnUnreadableReport() throws {
    let report = SessionReport(
      file: "x.jsonl", transcript: Transcript(bytes: Array("garbage\n".utf8)), scenario: nil)
    let data = try JSONEncoder().encode(
      SessionDocument(report: report, log: GradingLog(), includesScript: true))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["verification"] as? String == "unreadable")
    #expect(object["trainee"] == nil)
    #expect((object["findings"] as? [[String: Any]])?.first?["line"] as? Int == 1)
  }
}
