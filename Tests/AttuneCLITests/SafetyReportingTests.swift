import Foundation
import Testing

/// A missed safety item through the binary: it fails the session whatever its points, and it is
/// reported on its own line in the debrief, the replay, the grade sheet and the xAPI export.
@Suite struct SafetyReportingTests {
  static let scenario = AttuneBinary.fixture("safety-check.json")

  /// Plays the fixture, moving past the urges (file-order option 3) and reassuring (option 2).
  func missedCheck() throws -> (TranscriptFixtures, String, AttuneBinary.Result) {
    let files = try TranscriptFixtures()
    let transcript = files.path("missed.jsonl")
    let played = try AttuneBinary.run(
      ["play", Self.scenario, "--mode", "assessment", "--seed", "4", "--transcript", transcript],
      input: "3\n2\n", home: files.folder)
    return (files, transcript, played)
  }

  @Test func theDebriefSaysSoOnItsOwnLine() throws {
    let (_, _, played) = try missedCheck()
    #expect(played.status == 0, "\(played.stderr)")
    #expect(played.stdout.contains("safety: not met, turn 1 (risk check)"), "\(played.stdout)")
    #expect(played.stdout.contains("Alliance repair score: 40 / 100"))
    #expect(played.stdout.contains("a safety item was not met"))
  }

  @Test func replayGradeAndXAPIReportIt() throws {
    let (files, transcript, _) = try missedCheck()
    let replay = try files.run(["replay", transcript, "--scenario", Self.scenario])
    #expect(replay.stdout.contains("safety: not met, turn 1 (risk check)"), "\(replay.stdout)")
    let csv = try files.run(
      ["grade", transcript, "--scenario", Self.scenario, "--format", "csv"])
    let records = try CSV.parse(csv.stdout)
    let header = try #require(records.first)
    let row = try #require(records.dropFirst().first)
    let safety = try #require(header.firstIndex(of: "safety"))
    #expect(row[safety] == "failed")
    #expect(row[header.firstIndex(of: "safety_detail")!].hasPrefix("safety: not met, turn 1"))
    #expect(row[header.firstIndex(of: "headline")!] == "40")
    let xapi = try files.run(
      ["grade", transcript, "--scenario", Self.scenario, "--format", "xapi", "--pass-mark", "10"])
    #expect(xapi.stdout.contains("\"failed\""), "a safety failure fails whatever the pass mark")
    #expect(xapi.stdout.contains("/extensions/safety\":\"failed\""))
  }
}
