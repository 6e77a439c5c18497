import Foundation
import Testing

/// Scripted sessions whose whole transcript and screen are compared with golden files in
/// `Golden/`, after the parts that vary between runs (start time, latencies, the transcript's
/// path) are normalised. Set `ATTUNE_UPDATE_GOLDEN=1` to rewrite the files after an
/// intended change, and review the diff.
@Suite(.serialized) struct GoldenSessionTests {
  static let folder = AttuneBinary.packageRoot.appendingPathComponent("Tests/AttuneCLITests/Golden")

  static func normalise(_ text: String, path: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(line).replacingOccurrences(of: path, with: "<transcript>")
      for (pattern, replacement) in [
        (#""startedAt":"[^"]*""#, #""startedAt":"<time>""#),
        (#""at":"[^"]*""#, #""at":"<time>""#),
        (#""latencyMs":[0-9]+"#, #""latencyMs":0"#),
      ] {
        line = line.replacingOccurrences(
          of: pattern, with: replacement, options: .regularExpression)
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  func check(_ name: String, arguments: [String], input: String) throws {
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("session.jsonl").path
    let result = try AttuneBinary.run(
      [
        "play", AttuneBinary.fixture("tiny-rupture.json"), "--trainee", "golden", "--transcript",
        path,
      ]
        + arguments, input: input, home: home)
    #expect(result.status == 0, "\(result.stderr)")
    let screen = Self.normalise(result.stdout, path: path)
    let transcript = Self.normalise(try String(contentsOfFile: path, encoding: .utf8), path: path)
    for (suffix, actual) in [("screen.txt", screen), ("transcript.jsonl", transcript)] {
      let url = Self.folder.appendingPathComponent("\(name).\(suffix)")
      if ProcessInfo.processInfo.environment["ATTUNE_UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
      }
      let expected = try String(contentsOf: url, encoding: .utf8)
      #expect(actual == expected, "\(name).\(suffix) differs from the golden file")
    }
  }

  @Test func practice() throws {
    try check(
      "practice", arguments: ["--seed", "7"], input: "3\n:undo\n:hint\n1\n:note a note\n2\n1\n")
  }

  @Test func assessment() throws {
    try check("assessment", arguments: ["--seed", "7", "--mode", "assessment"], input: "4\n1\n")
  }

  @Test func reflectAndIdentifyMarkers() throws {
    let n = DisplayedAnswers.numbers(
      ["1", "2", "1"],
      arguments: ["play", AttuneBinary.fixture("tiny-rupture.json"), "--seed", "11"])
    try check(
      "training-features", arguments: ["--seed", "11", "--reflect", "--identify-markers"],
      input: "3\n3\nI would ask what felt pointless\n\(n[0])\n1\nI would own my part\n\(n[1])\n"
        + "1\nLet's plan\n\(n[2])\n")
  }
}
