import Foundation
import Testing

/// `attune play` driven through pipes, as tests and graders reproduce sessions.
@Suite(.serialized) struct PlayCommandTests {
  let fixture = AttuneBinary.fixture("tiny-rupture.json")

  func transcripts(in home: URL) throws -> [URL] {
    let folder = home.appendingPathComponent("data/attune/transcripts")
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
  }

  @Test func aScriptedPracticeSessionEndsWithTheDebriefAndATranscript() throws {
    let home = try AttuneBinary.makeHome()
    let result = try AttuneBinary.run(
      ["play", fixture, "--seed", "7"], input: "1\n2\n1\n", home: home)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Robin:"))
    #expect(result.stdout.contains("Alliance repair score: 90 / 100"))
    #expect(result.stdout.contains("Inner thoughts: Here comes the lecture."))
    #expect(result.stdout.contains("rating 5 of 5"))
    #expect(!result.stdout.contains("\u{1B}["), "no colour in a pipe")
    let files = try transcripts(in: home)
    #expect(files.count == 1)
    let file = try #require(files.first)
    #expect(result.stdout.contains("Transcript saved: \(file.path)"))
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let replay = try AttuneBinary.run(["replay", file.path, "--scenario", fixture])
    #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    #expect(replay.stdout.contains("verified, complete"))
    #expect(replay.stdout.contains("headline 90"))
  }

  @Test func assessmentModeGivesNoFeedbackUntilTheDebrief() throws {
    let result = try AttuneBinary.run(
      ["play", fixture, "--mode", "assessment", "--seed", "7"], input: ":hint\n:undo\n1\n2\n1\n")
    #expect(result.status == 0)
    #expect(!result.stdout.contains("Inner thoughts"))
    #expect(result.stdout.contains("Hints are for practice mode."))
    #expect(result.stdout.contains("Undo is for practice mode."))
    #expect(result.stdout.contains("Alliance repair score: 90 / 100"))
  }

  @Test func undoHintAndNoteAreRecordedAndTheSessionStillReplays() throws {
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("session.jsonl").path
    let result = try AttuneBinary.run(
      ["play", fixture, "--seed", "3", "--transcript", path],
      input: "3\n:undo\n:hint\n:note trying again <b>\n1\n2\n1\n", home: home)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("\"event\":\"undo\""))
    #expect(text.contains("\"event\":\"hint\""))
    #expect(text.contains("\"text\":\"trying again <b>\""))
    let replay = try AttuneBinary.run(["replay", path, "--scenario", fixture])
    #expect(replay.status == 0, "\(replay.stdout)")
  }

  @Test func reflectionsAndMarkerIdentificationAreRecorded() throws {
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("s.jsonl").path
    // Turn 1 has a confrontation marker (complaint about activities: subtype 3 of 7); the
    // question comes on every turn, then the trainee's own words, then the option.
    let n = DisplayedAnswers.numbers(
      ["1", "2", "1"], arguments: ["play", fixture, "--seed", "11"])
    let result = try AttuneBinary.run(
      ["play", fixture, "--seed", "11", "--reflect", "--identify-markers", "--transcript", path],
      input: "3\n3\nI'd ask what felt pointless\n\(n[0])\n1\nShe is opening up\n\(n[1])\n"
        + "1\nLet's plan\n\(n[2])\n",
      home: home)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("\"reflection\":\"I'd ask what felt pointless\""))
    #expect(text.contains("\"event\":\"marker-guess\""))
    #expect(result.stdout.contains("Noticing ruptures:"))
    let replay = try AttuneBinary.run(["replay", path, "--scenario", fixture])
    #expect(replay.status == 0, "\(replay.stdout)")
  }

  @Test func endOfInputLeavesAnIncompleteTranscript() throws {
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("cut.jsonl").path
    let result = try AttuneBinary.run(
      ["play", fixture, "--transcript", path], input: "1\n", home: home)
    #expect(result.status == 3)
    #expect(result.stdout.contains("marked incomplete"))
    let replay = try AttuneBinary.run(["replay", path, "--scenario", fixture])
    #expect(replay.stdout.contains("verified, incomplete"), "\(replay.stdout)")
  }

  @Test func quitAsksForConfirmation() throws {
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("q.jsonl").path
    let result = try AttuneBinary.run(
      ["play", fixture, "--transcript", path], input: ":quit\nn\n:quit\ny\n", home: home)
    #expect(result.status == 0)
    #expect(result.stdout.contains("End the session now?"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("\"event\":\"quit\""))
  }

  @Test func anExistingTranscriptIsNeverOverwritten() throws {
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("taken.jsonl").path
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: path))
    let result = try AttuneBinary.run(
      ["play", fixture, "--transcript", path], input: "1\n", home: home)
    #expect(result.status != 0)
    #expect(result.stderr.contains("never overwritten"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
  }

  @Test func anUnwritableFolderIsReportedBeforeTheSession() throws {
    guard getuid() != 0 else { return }  // root can write anywhere
    let home = try AttuneBinary.makeHome()
    let folder = home.appendingPathComponent("locked")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
    let result = try AttuneBinary.run(
      ["play", fixture, "--transcript", folder.appendingPathComponent("t.jsonl").path],
      input: "1\n", home: home)
    #expect(result.status != 0)
    #expect(!result.stdout.contains("Robin:"))
  }

  @Test func aMissingTranscriptFolderThatCannotBeCreatedIsReported() throws {
    let result = try AttuneBinary.run(
      ["play", fixture, "--transcript", "/proc/attune/t.jsonl"], input: "1\n")
    #expect(result.status != 0)
    #expect(result.stderr.contains("cannot be written"))
    #expect(!result.stdout.contains("Robin:"), "refused before the session starts")
  }

  @Test func invalidAnswersAreExplained() throws {
    let result = try AttuneBinary.run(
      ["play", fixture, "--seed", "1"], input: "9\nhello\n:halp\n1\n2\n1\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Type the number of an option (1-4)"))
    #expect(result.stdout.contains("did you mean :help?"))
  }

  @Test func escapeSequencesInScenarioTextAreNeutralised() throws {
    let home = try AttuneBinary.makeHome()
    var text = try String(contentsOfFile: fixture, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "Whatever.", with: "What\\u001b[31mever\\u001b]0;owned\\u0007.")
    text = text.replacingOccurrences(
      of: "I didn't do the exercise.", with: "I didn't\\u001b[2J do the exercise.")
    let file = home.appendingPathComponent("hostile.json")
    try Data(text.utf8).write(to: file)
    let result = try AttuneBinary.run(
      ["play", file.path, "--seed", "1"], input: "3\n1\n", home: home)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains("I didn't do the exercise."))
  }

  @Test func anUnknownScenarioIdSuggestsTheClosest() throws {
    let result = try AttuneBinary.run(["play", "no-such-scenario"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("no bundled scenario has the id \"no-such-scenario\""))
  }

  @Test func withNoScenarioAMenuOfTheBundledOnesIsShown() throws {
    let elsewhere = try AttuneBinary.makeHome()
    let result = try AttuneBinary.run(["play"], input: "99\n1\n", directory: elsewhere)
    #expect(result.stdout.contains("choose a client to meet"))
    #expect(result.stdout.contains("Type a number from 1 to"))
    #expect(result.stdout.contains("── turn 1"), "the first scenario started")
    #expect(result.status == 3, "the script ended before the session did")
  }

  @Test func bundledScenariosAreFoundWhereverTheBinaryIsRunFrom() throws {
    let elsewhere = try AttuneBinary.makeHome()
    let result = try AttuneBinary.run(["list", "--format", "json"], directory: elsewhere)
    #expect(result.status == 0, "\(result.stderr)")
    let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    #expect((list?.count ?? 0) >= 2)
    #expect(list?.contains { $0["id"] as? String == "mandated-homework" } == true)
  }

  @Test func aDeadEndInTheScenarioEndsTheSessionWithoutACrash() throws {
    let home = try AttuneBinary.makeHome()
    let text = try String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(
      of: "\"kind\": \"fallback\",", with: "\"kind\": \"fallback\", \"if\": \"pushes < 0\",")
    let file = home.appendingPathComponent("dead-end.json")
    try Data(text.utf8).write(to: file)
    let path = home.appendingPathComponent("t.jsonl").path
    let result = try AttuneBinary.run(
      ["play", file.path, "--seed", "1", "--transcript", path], input: "3\n", home: home)
    #expect(result.status == 4, "\(result.stderr)")
    #expect(result.stdout.contains("the session cannot go on"))
    let transcript = try String(contentsOfFile: path, encoding: .utf8)
    #expect(transcript.contains("\"reason\":\"dead end\""))
  }
}
