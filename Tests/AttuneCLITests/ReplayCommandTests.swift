import Foundation
import Testing

/// `attune replay`: verification of transcripts made by `attune play` in each test, every kind
/// of tampering, the script, `--format json`, and `--step` through a pipe.
@Suite(.serialized) struct ReplayCommandTests {
  let fixture = TranscriptFixtures.tinyRupture

  // The transcript of the fixture played with seed 7 and the answers 1, 2, 1 (no notes):
  // line 1 the header, 2 turn 1, 3 the choice "open-explore", 4 turn 2, 5 the choice
  // "explore-own", 6 turn 3, 7 the choice "restored-plan", 8 the ending with the score.

  /// Replays `transcript` against the fixture (or `scenario`) with `arguments`.
  func replay(
    _ files: TranscriptFixtures, _ transcript: String, scenario: String? = nil,
    _ arguments: [String] = [], input: String = ""
  ) throws -> AttuneBinary.Result {
    try files.run(
      ["replay", transcript, "--scenario", scenario ?? fixture] + arguments, input: input)
  }

  // MARK: - A verified session as a script

  @Test func aVerifiedSessionIsShownAsAScript() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play(
      "session.jsonl", input: "1\n:note she unfolded her arms\n2\n1\n")
    let result = try replay(files, transcript)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("\(transcript): verified, complete; trainee t1, scenario tiny-rupture"))
    #expect(out.contains("headline 90"))
    // The client's words, turn by turn.
    #expect(out.contains("── turn 1"))
    #expect(out.contains("── turn 3"))
    #expect(out.contains("Robin: “I didn't do the exercise. It was pointless.”"))
    #expect(out.contains("(arms folded)"))
    #expect(out.contains("thinks: Here comes the lecture."))
    // The option chosen, its words, id and codes, the alliance change and the feedback.
    #expect(out.contains("Pointless how? I'd like to understand what it was like."))
    #expect(out.contains("[open-explore]"))
    #expect(out.contains("invite discussion of the relationship or the therapy; open question"))
    #expect(out.contains("bond +5, task +2"))
    #expect(out.contains("feedback: Inviting the client to say more opens the rupture"))
    #expect(out.contains("[explore-own]"))
    #expect(out.contains("[restored-plan]"))
    // Latencies, in seconds.
    #expect(out.range(of: #"· [0-9]+\.[0-9] s"#, options: .regularExpression) != nil)
    // The rupture episode, with the engine's rating.
    #expect(
      out.contains(
        "rupture marker: confrontation, complaint-about-activities · episode 1 begins"
          + " (engine rating 5 of 5)"))
    #expect(out.contains("resolution stage: collaboration restored"))
    #expect(out.contains("Rupture episodes"))
    #expect(out.contains("1. turns 1-3, confrontation: complaint-about-activities; engine 5"))
    // The trainee's note, the ending and the score.
    #expect(out.contains("note: she unfolded her arms"))
    #expect(out.contains("── ending: Back on track"))
    #expect(out.contains("Alliance repair score 90 of 100"))
    #expect(!out.contains("\u{1B}"), "no colour in a pipe")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
  }

  @Test func reflectionsAreShownBeforeTheAnswer() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play(
      "reflect.jsonl", seed: 11,
      input: "I'd ask what felt pointless\n1\nI would own my part\n2\nLet's plan\n1\n",
      arguments: ["--reflect"])
    let result = try replay(files, transcript)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("own words first: \"I'd ask what felt pointless\""))
    #expect(out.contains("own words first: \"I would own my part\""))
    #expect(out.contains("own words first: \"Let's plan\""))
    let reflection = try #require(out.range(of: "I'd ask what felt pointless"))
    let answer = try #require(out.range(of: "[open-explore]"))
    #expect(reflection.lowerBound < answer.lowerBound, "the reflection comes first")
  }

  @Test func aBriefReplayPrintsOnlyTheVerdict() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let result = try replay(files, transcript, ["--brief"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("verified, complete"))
    #expect(!result.stdout.contains("── turn 1"))
  }

  @Test func aBundledScenarioIsFoundByTheRecordedId() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play(
      "fee.jsonl", scenario: "fee-change", trainee: "t2", seed: 3,
      input: String(repeating: "1\n", count: 40))
    let result = try files.run(["replay", transcript])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("verified, complete; trainee t2, scenario fee-change"))
  }

  @Test func aScenariosFolderIsSearchedByTheRecordedId() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let folder = files.folder.appendingPathComponent("library")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: fixture, toPath: folder.appendingPathComponent("some-other-name.json").path)
    let found = try files.run(["replay", transcript, "--scenarios", folder.path])
    #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
    #expect(found.stdout.contains("verified, complete"))
    #expect(found.stdout.contains("Robin: “I didn't do the exercise."))

    let missing = try files.run(["replay", transcript])
    #expect(missing.status == 1)
    #expect(missing.stdout.contains("NOT verified (scenario not found)"))
    #expect(missing.stdout.contains("no scenario with the id \"tiny-rupture\" was found"))
  }

  // MARK: - Incomplete sessions

  @Test func aQuitSessionIsIncompleteButVerified() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("quit.jsonl", input: "1\n:quit\ny\n")
    let result = try replay(files, transcript)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("verified, incomplete"))
    #expect(result.stdout.contains("── the session stopped here"))
    #expect(result.stdout.contains("(so far: the session is incomplete)"))
  }

  @Test func aSessionCutOffByEndOfInputIsIncomplete() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("cut.jsonl", input: "1\n", status: 3)
    let result = try replay(files, transcript)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("verified, incomplete"))
  }

  @Test func aTornLastLineIsReportedAndTheRestVerifies() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let original = try TranscriptFixtures.bytes(transcript)
    // Cut the last line (the ending) half-way, as a crash while writing it would.
    let lastLine = original.dropLast().lastIndex(of: UInt8(ascii: "\n"))!
    let cut = original.prefix(lastLine + 1 + (original.count - lastLine) / 2)
    let torn = files.path("torn.jsonl")
    try cut.write(to: URL(fileURLWithPath: torn))
    let result = try replay(files, torn)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("\(torn):8: the last line is torn"))
    #expect(result.stdout.contains("verified, incomplete"))
    #expect(!result.stdout.contains("── ending"))
  }

  // MARK: - Tampering

  /// Replays a tampered copy of a fresh transcript and checks that verification fails with
  /// `message` on line `line`, reported first.
  func expectTampering(
    _ name: String, line: Int, message: String, scenario: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ edit: ((inout [String]) -> Void)? = nil
  ) throws {
    let files = try TranscriptFixtures()
    let original = try files.play("original.jsonl")
    var lines = try TranscriptFixtures.lines(original)
    #expect(lines.count == 8, "the session's shape changed", sourceLocation: sourceLocation)
    if let edit {
      let before = lines
      edit(&lines)
      #expect(lines != before, "the edit changed nothing", sourceLocation: sourceLocation)
    }
    let transcript = files.path(name)
    try TranscriptFixtures.write(lines, to: transcript)
    let result = try replay(files, transcript, scenario: scenario)
    #expect(result.status == 1, "\(name): \(result.stdout)", sourceLocation: sourceLocation)
    let head = result.stdout.components(separatedBy: "\n")
    #expect(
      head.first?.hasPrefix("\(transcript):\(line): ") == true,
      "\(name): the first finding should name line \(line):\n\(result.stdout)",
      sourceLocation: sourceLocation)
    #expect(
      head.first?.contains(message) == true, "\(name): \(head.first ?? "")",
      sourceLocation: sourceLocation)
    #expect(
      result.stdout.contains("\(transcript): NOT verified"), "\(result.stdout)",
      sourceLocation: sourceLocation)
    #expect(
      !result.stdout.contains("Alliance repair score"), "an unverified session has no score",
      sourceLocation: sourceLocation)
  }

  @Test func anEditedChoiceIsCaught() throws {
    try expectTampering("choice.jsonl", line: 3, message: "the codes of \"open-reflect\" differ") {
      $0[2] = $0[2].replacingOccurrences(
        of: "\"option\":\"open-explore\"", with: "\"option\":\"open-reflect\"")
    }
  }

  @Test func anEditedScoreIsCaught() throws {
    try expectTampering(
      "score.jsonl", line: 8, message: "the recorded score differs from the replayed one"
    ) {
      $0[7] = $0[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":99")
    }
  }

  @Test func swappedLinesAreCaught() throws {
    try expectTampering(
      "swapped.jsonl", line: 4,
      message: "event number 4 where 3 was expected: an event is out of order"
    ) {
      $0.swapAt(3, 4)
    }
  }

  @Test func aDroppedLineIsCaught() throws {
    try expectTampering(
      "dropped.jsonl", line: 5, message: "event number 5 where 4 was expected: an event is missing"
    ) {
      $0.remove(at: 4)
    }
  }

  @Test func aDuplicatedLineIsCaught() throws {
    try expectTampering(
      "duplicated.jsonl", line: 6, message: "an event is duplicated or reordered"
    ) {
      $0.insert($0[4], at: 5)
    }
  }

  @Test func anEventAfterTheEndIsCaught() throws {
    try expectTampering("after-end.jsonl", line: 9, message: "events follow the end") {
      $0.append(
        #"{"event":"note","seq":8,"text":"added later","turn":"restored"}"#)
    }
  }

  @Test func aTranscriptOfAnotherScenarioIsCaught() throws {
    try expectTampering(
      "other.jsonl", line: 1,
      message: "this is a transcript of scenario \"tiny-rupture\", not of \"fee-change\"",
      scenario: TranscriptFixtures.bundledPath)
  }

  @Test func aChangedScenarioIsCaughtAndTheIdsStillExist() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let copy = try files.copy(fixture, to: "changed.json") {
      $0.replacingFirst("Second session.", with: "Second session!")
    }
    let result = try replay(files, transcript, scenario: copy)
    #expect(result.status == 1, "\(result.stdout)")
    #expect(
      result.stdout.hasPrefix(
        "\(transcript):1: the scenario file has changed since the session (recorded version"
          + " 1.0.0"), "\(result.stdout)")
    #expect(!result.stdout.contains("no longer exist"), "every id is still there")
    #expect(result.stdout.contains("NOT verified"))
  }

  @Test func aScenarioWhoseIdsWereRenamedSaysWhichAreMissing() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let copy = try files.copy(fixture, to: "renamed.json") {
      $0.replacingFirst("\"id\": \"open-explore\"", with: "\"id\": \"open-enquire\"")
    }
    let result = try replay(files, transcript, scenario: copy)
    #expect(result.status == 1, "\(result.stdout)")
    let lines = result.stdout.components(separatedBy: "\n")
    #expect(lines[0].hasPrefix("\(transcript):1: the scenario file has changed"))
    #expect(
      lines[1]
        == "\(transcript):1: ids used in the transcript no longer exist in the scenario:"
        + " open-explore [scenario-changed]", "\(result.stdout)")
  }

  // MARK: - JSON

  @Test func jsonOutputHasTheVerdictTheFindingsAndTheScript() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl", input: "1\n:note a note\n2\n1\n")
    let result = try replay(files, transcript, ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["verified"] as? Bool == true)
    #expect(document["verification"] as? String == "verified")
    #expect((document["findings"] as? [Any])?.isEmpty == true)
    #expect(document["trainee"] as? String == "t1")
    #expect(document["completed"] as? Bool == true)
    let score = try #require(document["score"] as? [String: Any])
    #expect(score["headline"] as? Int == 90)
    let script = try #require(document["script"] as? [[String: Any]])
    let kinds = script.compactMap { $0["kind"] as? String }
    #expect(
      kinds == [
        "client-turn", "response", "client-turn", "note", "response", "client-turn", "response",
        "ending",
      ])
    #expect(script[0]["says"] as? String == "I didn't do the exercise. It was pointless.")
    #expect(script[0]["line"] as? Int == 2)
    #expect(
      script[1]["text"] as? String == "Pointless how? I'd like to understand what it was like.")
    #expect(
      script[1]["feedback"] as? String
        == "Inviting the client to say more opens the rupture to joint inquiry.")
    let change = try #require(script[1]["change"] as? [String: Any])
    #expect(change["bond"] as? Int == 5)
    let note = try #require(script[3]["event"] as? [String: Any])
    #expect(note["text"] as? String == "a note")
  }

  @Test func jsonOutputOfATamperedTranscriptNamesTheLine() throws {
    let files = try TranscriptFixtures()
    let original = try files.play("session.jsonl")
    let transcript = try files.tamper(original, to: "tampered.jsonl") { $0.remove(at: 2) }
    let result = try replay(files, transcript, ["--format", "json"])
    #expect(result.status == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["verified"] as? Bool == false)
    #expect(document["verification"] as? String == "failed")
    let findings = try #require(document["findings"] as? [[String: Any]])
    #expect(findings.first?["line"] as? Int == 3)
    #expect(document["score"] == nil, "no score for an unverified transcript")
    #expect(document["script"] is [Any])
  }

  // MARK: - Untrusted text

  @Test func escapeSequencesInANoteNeverReachTheTerminal() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play(
      "hostile.jsonl",
      input: "1\n:note \u{1B}[31mred\u{1B}[0m \u{1B}]0;owned\u{07}title \u{07}bell\u{9B}2J\n2\n1\n")
    let text = try String(contentsOfFile: transcript, encoding: .utf8)
    #expect(text.contains(#"\u001b[31mred"#), "the note was recorded as typed")
    let result = try replay(files, transcript)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    for control in ["\u{1B}", "\u{07}", "\u{9B}"] {
      #expect(!result.stdout.contains(control), "\(result.stdout)")
    }
    #expect(result.stdout.contains("note: red title bell2J"), "\(result.stdout)")
    // JSON carries the note as recorded, with the escape escaped.
    let json = try replay(files, transcript, ["--format", "json"])
    #expect(json.status == 0)
    #expect(!json.stdout.contains("\u{1B}"))
    #expect(!json.stdout.contains("\u{9B}"), "C1 controls are escaped too")
    #expect(json.stdout.contains(#"\u001b[31mred"#))
    #expect(json.stdout.contains(#"\u009b2J"#))
    let parsed = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let notes = (parsed["script"] as? [[String: Any]] ?? []).filter {
      $0["kind"] as? String == "note"
    }
    let event = try #require(notes.first?["event"] as? [String: Any])
    #expect((event["text"] as? String)?.contains("\u{9B}2J") == true, "the escape reads back")
  }

  // MARK: - Usage errors

  @Test func aMissingTranscriptIsAClearError() throws {
    let files = try TranscriptFixtures()
    let result = try files.run(["replay", files.path("nowhere.jsonl")])
    #expect(result.status != 0)
    #expect(result.stderr.contains("nowhere.jsonl: does not exist"))
  }

  @Test func stepCannotBeCombinedWithJSON() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let result = try replay(files, transcript, ["--step", "--format", "json"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--step is interactive"))
  }

  // MARK: - Grading with --step through a pipe

  @Test func stepRecordsRatingsAndCommentsBesideTheTranscript() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let before = try TranscriptFixtures.bytes(transcript)
    let result = try replay(
      files, transcript, ["--step", "--grader", "alice"],
      input: "episodes\nrate 1 4 explored well\ncomment nice\ncomment \u{1B}[2Jbold\nquit\n")
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("Grading as alice: 1 rupture episode(s) to rate."))
    #expect(result.stdout.contains("Episode 1: turns 1-3"))
    #expect(result.stdout.contains("engine rating 5"))
    #expect(result.stdout.contains("Saved: episode 1 rated 4"))
    #expect(result.stdout.contains("Saved: comment on turn 1."))
    #expect(result.stdout.contains("All episodes rated; saved in"))
    #expect(!result.stdout.contains("\u{1B}"), "the echo of piped commands is sanitised")
    #expect(try TranscriptFixtures.bytes(transcript) == before, "the transcript is unchanged")

    let grading = files.path("session.grading.jsonl")
    let lines = try TranscriptFixtures.lines(grading)
    #expect(lines.count == 4, "\(lines)")
    let events = try lines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(
      events.map { $0["event"] as? String } == ["header", "rating", "comment", "comment"])
    #expect(events[0]["transcript"] as? String == "session.jsonl")
    #expect(events[0]["scenario"] as? String == "tiny-rupture")
    #expect((events[0]["transcriptSha256"] as? String)?.count == 64)
    #expect(events[1]["grader"] as? String == "alice")
    #expect(events[1]["episode"] as? Int == 1)
    #expect(events[1]["rating"] as? Int == 4)
    #expect(events[1]["comment"] as? String == "explored well")
    #expect(events[2]["text"] as? String == "nice")
    #expect(events[2]["turn"] as? Int == 1)
    #expect(events[3]["text"] as? String == "\u{1B}[2Jbold", "saved as typed")
    let attributes = try FileManager.default.attributesOfItem(atPath: grading)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)

    // A second grader appends to the same file, after the first grader's lines.
    let second = try replay(
      files, transcript, ["--step", "--grader", "bob"], input: "rate 1 5\nquit\n")
    #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
    let after = try TranscriptFixtures.lines(grading)
    #expect(after.count == 5)
    #expect(Array(after.prefix(4)) == lines)
    #expect(after[4].contains("\"grader\":\"bob\""))
    #expect(try TranscriptFixtures.bytes(transcript) == before)

    // The replay shows both graders' ratings beside the engine's, and the comment.
    let shown = try replay(files, transcript)
    #expect(shown.stdout.contains("engine 5; alice 4, bob 5"), "\(shown.stdout)")
    #expect(shown.stdout.contains("comment by alice on turn 1: nice"))
    #expect(shown.stdout.contains("comment by alice on turn 1: bold"))
    #expect(!shown.stdout.contains("\u{1B}"))
    let json = try replay(files, transcript, ["--format", "json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let graders = try #require(document["graders"] as? [String: [String: Any]])
    #expect(Set(graders.keys) == ["alice", "bob"])
    #expect((graders["alice"]?["1"] as? [String: Any])?["rating"] as? Int == 4)
  }

  @Test func stepRefusesBadRatingsWithoutWriting() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let result = try replay(
      files, transcript, ["--step", "--grader", "alice"],
      input: "rate 1 6\nrate 1 0\nrate 2 4\nrate 1\nrate one 4\nquit\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("A rating is 1 to 5"))
    #expect(result.stdout.contains("There is no episode 2; the episodes are 1 to 1."))
    #expect(result.stdout.contains("Rate an episode like this"))
    #expect(!result.stdout.contains("Saved:"))
    #expect(result.stdout.contains("Stopped with episode 1 not rated"))
    #expect(!FileManager.default.fileExists(atPath: files.path("session.grading.jsonl")))
  }

  @Test func stepAfterATornGradingFileKeepsTheNewRating() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let first = try replay(
      files, transcript, ["--step", "--grader", "alice"], input: "rate 1 4\nquit\n")
    #expect(first.status == 0, "\(first.stderr)")
    // A grader's process killed while writing leaves half a line without its newline.
    let grading = files.path("session.grading.jsonl")
    let handle = try #require(FileHandle(forWritingAtPath: grading))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"at":"2026-11-24T22:00:00Z","epi"#.utf8))
    try handle.close()
    let second = try replay(
      files, transcript, ["--step", "--grader", "bob"], input: "rate 1 2\nquit\n")
    #expect(second.status == 0, "\(second.stderr)")
    let lines = try TranscriptFixtures.lines(grading)
    #expect(lines.count == 4, "header, alice, the fragment on its own line, bob: \(lines)")
    #expect(lines[3].hasPrefix("{") && lines[3].contains("\"grader\":\"bob\""))
    let shown = try replay(files, transcript)
    #expect(shown.stdout.contains("engine 5; alice 4, bob 2"), "\(shown.stdout)")
  }

  @Test func stepWalksTheSession() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let result = try replay(
      files, transcript, ["--step", "--grader", "alice"],
      input: "next\n\nnext\nprev\nturn 1\nturn 9\nepisode 1\nepisode 4\nfrobnicate\nquit\n")
    #expect(result.status == 0, "\(result.stderr)")
    let headers = result.stdout.components(separatedBy: "\n").compactMap { line in
      line.hasPrefix("── turn ") ? String(line.dropFirst(8).prefix { $0 != " " }) : nil
    }
    #expect(headers == ["1", "2", "3", "2", "1", "1"], "\(result.stdout)")
    #expect(result.stdout.contains("That was the last turn."))
    #expect(result.stdout.contains("Give a turn number between 1 and 3"))
    #expect(result.stdout.contains("Give an episode number between 1 and 1"))
    #expect(result.stdout.contains("Unknown command \"frobnicate\""))
    #expect(!FileManager.default.fileExists(atPath: files.path("session.grading.jsonl")))
  }

  @Test func stepOnATamperedTranscriptIsRefused() throws {
    let files = try TranscriptFixtures()
    let original = try files.play("session.jsonl")
    let transcript = try files.tamper(original, to: "tampered.jsonl") {
      $0[7] = $0[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":100")
    }
    let result = try replay(
      files, transcript, ["--step", "--grader", "alice"], input: "rate 1 4\nquit\n")
    #expect(result.status != 0)
    #expect(result.stderr.contains("is not verified, so it cannot be graded"))
    #expect(result.stdout.contains("\(transcript):8: the recorded score differs"))
    #expect(!FileManager.default.fileExists(atPath: files.path("tampered.grading.jsonl")))
  }

  @Test func stepRefusesAGradingFileOfAnotherVersionOfTheTranscript() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let first = try replay(
      files, transcript, ["--step", "--grader", "alice"], input: "rate 1 4\nquit\n")
    #expect(first.status == 0)
    let grading = files.path("session.grading.jsonl")
    let saved = try TranscriptFixtures.bytes(grading)
    // Another session saved under the same name: the old ratings are not for it.
    try FileManager.default.removeItem(atPath: transcript)
    try files.play("session.jsonl", seed: 8)
    let result = try replay(
      files, transcript, ["--step", "--grader", "alice"], input: "rate 1 2\nquit\n")
    #expect(result.status != 0)
    #expect(result.stderr.contains("belongs to another version of this transcript"))
    #expect(try TranscriptFixtures.bytes(grading) == saved)
  }

  @Test func anInvalidGraderNameIsRefused() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("session.jsonl")
    let result = try replay(files, transcript, ["--step", "--grader", "a b"], input: "quit\n")
    #expect(result.status != 0)
    #expect(result.stderr.contains("--grader takes a name"))
  }
}
