import Foundation
import Testing

/// `attune grade` over a folder of transcripts made by `attune play` in each test: the text
/// table, CSV (parsed back), the gradebook, JSON, xAPI, HTML, grading files and agreement.
@Suite(.serialized) struct GradeCommandTests {
  let fixture = TranscriptFixtures.tinyRupture

  /// A cohort in `FOLDER/cohort`: five transcripts of two scenarios by four trainees, one of
  /// them tampered with and one incomplete.
  struct Cohort {
    let files: TranscriptFixtures
    let folder: String
    /// The transcripts by name, in the order `grade` visits them.
    let repaired: String
    let dropout: String
    let fee: String
    let tampered: String
    let incomplete: String

    var all: [String] { [repaired, dropout, fee, tampered, incomplete] }

    init(trainee: String = "t1", mode: String = "practice") throws {
      files = try TranscriptFixtures()
      folder = files.path("cohort")
      let mode = ["--mode", mode]
      repaired = try files.play("cohort/a-repaired.jsonl", trainee: trainee, arguments: mode)
      dropout = try files.play(
        "cohort/b-dropout.jsonl", trainee: "t2", input: "3\n1\n", arguments: mode)
      fee = try files.play(
        "cohort/c-fee.jsonl", scenario: "fee-change", trainee: "t3", seed: 3,
        input: String(repeating: "1\n", count: 40), arguments: mode)
      tampered = try files.tamper(repaired, to: "cohort/d-tampered.jsonl") {
        $0[7] = $0[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":100")
      }
      incomplete = try files.play(
        "cohort/e-incomplete.jsonl", trainee: "t4", input: "1\n:quit\ny\n", arguments: mode)
    }

    /// Runs `attune grade` on the cohort's folder with the fixture scenario.
    func grade(_ arguments: [String] = [], paths: [String]? = nil) throws -> AttuneBinary.Result {
      try files.run(
        ["grade"] + (paths ?? [folder]) + ["--scenario", TranscriptFixtures.tinyRupture]
          + arguments)
    }
  }

  // MARK: - Text

  @Test func aFolderIsGradedAsATableWithASummaryPerScenario() throws {
    let cohort = try Cohort()
    let result = try cohort.grade()
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = result.stdout.components(separatedBy: "\n")
    #expect(lines[0].hasPrefix("TRAINEE"))
    #expect(lines[0].hasSuffix("FILE"))
    let rows = lines.filter { line in cohort.all.contains { line.hasSuffix($0) } }
    #expect(rows.count == 5, "\(result.stdout)")
    let byFile = Dictionary(uniqueKeysWithValues: rows.map { row in (row.words.last!, row.words) })
    #expect(
      byFile[cohort.repaired] == [
        "t1", "tiny-rupture", "practice", "yes", "yes", "90", "1/1", "5.0", cohort.repaired,
      ])
    #expect(byFile[cohort.tampered]?[3...5] == ["yes", "NO", "-"])
    #expect(byFile[cohort.incomplete]?[3...4] == ["no", "yes"])
    #expect(byFile[cohort.fee]?[1] == "fee-change")
    #expect(byFile[cohort.dropout]?[0] == "t2")
    #expect(result.stdout.contains("    failed: line 8: the recorded score differs"))
    #expect(result.stdout.contains("5 transcript(s), 1 not verified"))
    #expect(
      result.stdout.contains(
        "  tiny-rupture: 4 session(s), 3 completed, 3 verified; mean score"), "\(result.stdout)")
    #expect(result.stdout.contains("  fee-change: 1 session(s), 1 completed, 1 verified"))
    #expect(result.stdout.contains("Agreement: no grader has rated an episode yet"))
  }

  @Test func transcriptsAndFoldersCanBeMixed() throws {
    let cohort = try Cohort()
    let result = try cohort.grade(paths: [cohort.fee, cohort.repaired])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2 transcript(s), 0 not verified"))
    let fee = try #require(result.stdout.range(of: cohort.fee))
    let repaired = try #require(result.stdout.range(of: cohort.repaired))
    #expect(fee.lowerBound < repaired.lowerBound, "in the order given")
  }

  @Test func aMissingPathIsAClearError() throws {
    let files = try TranscriptFixtures()
    let missing = files.path("no-such-folder")
    let result = try files.run(["grade", missing])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("\(missing): does not exist; check the path"), "\(result.stderr)")

    let empty = files.path("empty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let none = try files.run(["grade", empty])
    #expect(none.status != 0)
    #expect(none.stderr.contains("no transcripts found in \(empty)"))
  }

  @Test func untrustedTextCannotBreakOrColourTheTable() throws {
    let files = try TranscriptFixtures()
    let forged = "evil\nt9              tiny-rupture           practice   yes  yes      100"
    try files.play("cohort/a.jsonl", trainee: forged)
    try files.play("cohort/b.jsonl", trainee: "\u{1B}[31mred\u{1B}[0m\u{9B}2J")
    let result = try files.run(["grade", files.path("cohort"), "--scenario", fixture])
    #expect(result.status == 0, "\(result.stderr)")
    for control in ["\u{1B}", "\u{9B}"] { #expect(!result.stdout.contains(control)) }
    let lines = result.stdout.components(separatedBy: "\n")
    #expect(lines[1].hasPrefix("evilt9"), "\(result.stdout)")
    #expect(lines[1].hasSuffix("a.jsonl"), "one line per transcript:\n\(result.stdout)")
    #expect(lines[2].hasPrefix("red2J "), "\(result.stdout)")
    #expect(lines[2].hasSuffix("b.jsonl"))
    #expect(lines[3].isEmpty)
  }

  // MARK: - CSV

  @Test func csvParsesBackWithOneRowPerTranscript() throws {
    let cohort = try Cohort()
    let result = try cohort.grade(["--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CSV.parse(result.stdout)
    #expect(records.count == 6, "a header and five rows")
    let header = try #require(records.first)
    #expect(Array(header.prefix(3)) == ["file", "trainee", "scenario"])
    #expect(header.contains("headline"))
    #expect(header.contains("first_finding"))
    #expect(records.allSatisfy { $0.count == header.count }, "every record has every column")
    let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    #expect(rows.map { $0["file"] } == cohort.all)
    let repaired = try #require(rows.first { $0["file"] == cohort.repaired })
    #expect(repaired["trainee"] == "t1")
    #expect(repaired["headline"] == "90")
    #expect(repaired["verified"] == "yes")
    #expect(repaired["completed"] == "yes")
    let tampered = try #require(rows.first { $0["file"] == cohort.tampered })
    #expect(tampered["verified"] == "no")
    #expect(tampered["headline"] == "")
    #expect(tampered["first_finding"]?.hasPrefix("line 8: the recorded score differs") == true)
    let incomplete = try #require(rows.first { $0["file"] == cohort.incomplete })
    #expect(incomplete["completed"] == "no")
  }

  @Test func hostileTraineeIdsAreNeutralisedInCSV() throws {
    let hostile = [
      #"=HYPERLINK("http://x.example","x")"#, "+1+1", "-2+3", "@SUM(A1:A2)", "a, \"b\"\nc",
    ]
    let files = try TranscriptFixtures()
    for (index, trainee) in hostile.enumerated() {
      try files.play("cohort/\(index).jsonl", trainee: trainee)
    }
    // One more whose header was edited by hand after the session (the trainee is not part of
    // what replaying checks, so it may still verify); it is listed like any other.
    let edited = try files.tamper(files.path("cohort/0.jsonl"), to: "cohort/9-edited.jsonl") {
      var header = try! JSONSerialization.jsonObject(with: Data($0[0].utf8)) as! [String: Any]
      header["trainee"] = "=cmd|' /C calc'!A0"
      $0[0] = String(decoding: try! JSONSerialization.data(withJSONObject: header), as: UTF8.self)
    }
    let result = try files.run(
      ["grade", files.path("cohort"), "--scenario", fixture, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CSV.parse(result.stdout)
    let header = try #require(records.first)
    #expect(records.count == hostile.count + 2)
    #expect(records.allSatisfy { $0.count == header.count })
    let trainees = records.dropFirst().map { $0[1] }
    #expect(
      trainees == hostile.map { "=+-@".contains($0.first!) ? "'" + $0 : $0 }
        + ["'=cmd|' /C calc'!A0"], "\(trainees)")
    #expect(records.last?[0] == edited)
    // No cell, quoted or not, starts with a formula character.
    for record in records.dropFirst() {
      for cell in record where !cell.isEmpty {
        #expect(!"=+@\t\r".contains(cell.first!), "\(cell)")
        if cell.first == "-" { #expect(Double(cell) != nil, "only numbers start with -: \(cell)") }
      }
    }

    let gradebook = try files.run(
      [
        "grade", files.path("cohort"), "--scenario", fixture, "--format", "csv", "--layout",
        "gradebook",
      ])
    #expect(gradebook.status == 0, "\(gradebook.stderr)")
    let book = try CSV.parse(gradebook.stdout)
    for record in book.dropFirst() {
      #expect(!"=+-@".contains(record[0].first!), "\(record)")
      #expect(record[0] == record[1])
    }
  }

  @Test func theScenariosLayoutHasARowOfTotalsPerScenario() throws {
    let cohort = try Cohort()
    let result = try cohort.grade(["--format", "csv", "--layout", "scenarios"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CSV.parse(result.stdout)
    let header = try #require(records.first)
    #expect(
      header.prefix(6) == ["scenario", "versions", "sessions", "completed", "verified", "scored"])
    #expect(records.allSatisfy { $0.count == header.count })
    let rows = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
    #expect(rows.keys.sorted() == ["fee-change", "tiny-rupture"])
    let tiny = try #require(rows["tiny-rupture"])
    // Four transcripts: repaired, dropout, the tampered copy (complete, not verified) and the
    // incomplete one (verified); only the two verified, completed sessions are scored.
    #expect(Array(tiny[2...5]) == ["4", "3", "3", "2"], "\(tiny)")
    let outcomes = tiny.suffix(4).compactMap { Int($0) }
    #expect(outcomes.reduce(0, +) == 2, "every scored session has one outcome: \(tiny)")
    #expect(rows["fee-change"]?[2...5].joined(separator: ",") == "1,1,1,1")

    let refused = try cohort.grade(["--layout", "scenarios"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("--layout scenarios is a CSV layout"))
  }

  @Test func theGradebookHasARowPerTraineeAndAColumnPerScenario() throws {
    let cohort = try Cohort(mode: "assessment")
    // A second, better attempt by t2 at the fixture.
    try cohort.files.play(
      "cohort/f-second-try.jsonl", trainee: "t2", arguments: ["--mode", "assessment"])
    let result = try cohort.grade(
      ["--format", "csv", "--layout", "gradebook", "--attempt", "best"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CSV.parse(result.stdout)
    #expect(
      records.first == ["Student", "SIS Login ID", "Attune: fee-change", "Attune: tiny-rupture"])
    #expect(records.allSatisfy { $0.count == 4 })
    let rows = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
    #expect(rows.keys.sorted() == ["t1", "t2", "t3", "t4"])
    #expect(rows["t1"]?[3] == "90", "the tampered copy does not count")
    #expect(rows["t2"]?[3] == "90", "the best attempt counts")
    #expect(rows["t3"]?[3] == "")
    #expect(rows["t3"]?[2].isEmpty == false)
    #expect(rows["t4"]?[3] == "", "an incomplete session does not count")

    let latest = try cohort.grade(
      ["--format", "csv", "--layout", "gradebook", "--attempt", "latest"])
    let latestRows = try CSV.parse(latest.stdout)
    let t2 = try #require(latestRows.first { $0[0] == "t2" })
    #expect(t2[3] == "90", "the second try started last")

    let misuse = try cohort.grade(["--layout", "gradebook"])
    #expect(misuse.status != 0)
    #expect(misuse.stderr.contains("--layout gradebook is a CSV layout"))
  }

  // MARK: - JSON and xAPI

  @Test func jsonHasSessionsScenariosAndAgreement() throws {
    let cohort = try Cohort()
    let result = try cohort.grade(["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let sessions = try #require(document["sessions"] as? [[String: Any]])
    #expect(sessions.map { $0["file"] as? String } == cohort.all)
    #expect(sessions.map { $0["verified"] as? Bool } == [true, true, true, false, true])
    #expect(sessions.allSatisfy { $0["script"] == nil }, "no scripts in the cohort report")
    let tampered = sessions[3]
    #expect((tampered["findings"] as? [[String: Any]])?.first?["line"] as? Int == 8)
    let scenarios = try #require(document["scenarios"] as? [[String: Any]])
    #expect(
      Set(scenarios.compactMap { $0["scenario"] as? String }) == ["tiny-rupture", "fee-change"])
    let tiny = try #require(scenarios.first { $0["scenario"] as? String == "tiny-rupture" })
    #expect(tiny["sessions"] as? Int == 4)
    #expect(tiny["verified"] as? Int == 3)
    let agreement = try #require(document["agreement"] as? [String: Any])
    #expect(agreement["episodes"] as? Int == 0)
    #expect((agreement["pairs"] as? [Any])?.isEmpty == true)
  }

  @Test func xapiIsAnArrayOfStatementsWithADLVerbs() throws {
    let cohort = try Cohort()
    let result = try cohort.grade(["--format", "xapi", "--home-page", "https://lms.example"])
    #expect(result.status == 0, "\(result.stderr)")
    let statements = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(!statements.isEmpty)
    let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }
    #expect(verbs.count == statements.count)
    let adl = "http://adlnet.gov/expapi/verbs/"
    #expect(
      Set(verbs).isSubset(
        of: ["answered", "completed", "passed", "failed", "terminated"].map { adl + $0 }))
    #expect(verbs.filter { $0 == adl + "completed" }.count == 3)
    #expect(verbs.filter { $0 == adl + "terminated" }.count == 1)
    #expect(verbs.contains(adl + "passed"))
    #expect(verbs.contains(adl + "failed"), "the dropout scores under the pass mark")
    for statement in statements {
      #expect(statement["id"] is String)
      let actor = try #require(statement["actor"] as? [String: Any])
      let account = try #require(actor["account"] as? [String: Any])
      #expect(account["homePage"] as? String == "https://lms.example")
      #expect(["t1", "t2", "t3", "t4"].contains(account["name"] as? String ?? ""))
      #expect((statement["object"] as? [String: Any])?["id"] is String)
    }
    #expect(result.stderr.contains("\(cohort.tampered) is not verified"))
  }

  // MARK: - HTML

  @Test func htmlWritesAnIndexAndAPagePerTranscriptWithTextEscaped() throws {
    let files = try TranscriptFixtures()
    let note = "<script>alert(1)</script>"
    let transcript = try files.play(
      "cohort/a.jsonl", trainee: "<b>t1</b>", input: "1\n:note \(note)\n2\n1\n")
    try files.play("cohort/b.jsonl", trainee: "t2", input: "3\n1\n")
    let graded = try files.run(
      ["replay", transcript, "--scenario", fixture, "--step", "--grader", "alice"],
      input: "rate 1 4 \(note)\ncomment \(note)\nquit\n")
    #expect(graded.status == 0, "\(graded.stderr)")
    let report = files.path("report")
    let result = try files.run(
      [
        "grade", files.path("cohort"), "--scenario", fixture, "--format", "html", "--output",
        report,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let index = try String(contentsOfFile: report + "/index.html", encoding: .utf8)
    let pages = try FileManager.default.contentsOfDirectory(atPath: report + "/sessions").sorted()
    #expect(pages == ["a.html", "b.html"])
    #expect(index.contains("sessions/a.html"))
    #expect(index.contains("sessions/b.html"))
    let page = try String(contentsOfFile: report + "/sessions/a.html", encoding: .utf8)
    for html in [index, page] {
      #expect(!html.contains(note))
      #expect(!html.contains("<b>t1</b>"))
      #expect(html.contains("&lt;b&gt;t1&lt;/b&gt;"))
    }
    #expect(page.contains("Note: &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.lowercased().components(separatedBy: "<script").count == 1, "no script at all")

    let again = try files.run(
      [
        "grade", files.path("cohort"), "--scenario", fixture, "--format", "html", "--output",
        report,
      ])
    #expect(again.status != 0, "an existing report is not overwritten")
    #expect(again.stderr.contains("--force"))
    let forced = try files.run(
      [
        "grade", files.path("cohort"), "--scenario", fixture, "--format", "html", "--output",
        report,
        "--force",
      ])
    #expect(forced.status == 0, "\(forced.stderr)")

    let withoutFolder = try files.run(["grade", files.path("cohort"), "--format", "html"])
    #expect(withoutFolder.status != 0)
    #expect(withoutFolder.stderr.contains("name a folder with --output"))
  }

  @Test func unreadableFilesAreListedAndPagesNeverCollide() throws {
    let files = try TranscriptFixtures()
    try files.play("cohort/x/s.jsonl", trainee: "t1")
    try files.play("cohort/y/s.jsonl", trainee: "t2")
    try TranscriptFixtures.write("garbage\n{\"x\":1}\n", to: files.path("cohort/z.jsonl"))
    try TranscriptFixtures.write("", to: files.path("cohort/empty.jsonl"))
    let text = try files.run(["grade", files.path("cohort"), "--scenario", fixture])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("4 transcript(s), 2 not verified"))
    #expect(text.stdout.contains("    unreadable: line 1: the file is empty"))
    #expect(
      text.stdout.contains("    unreadable: line 1: the first line is not a transcript header"))
    let csv = try CSV.parse(
      try files.run(["grade", files.path("cohort"), "--scenario", fixture, "--format", "csv"])
        .stdout)
    #expect(csv.count == 5)
    #expect(csv.allSatisfy { $0.count == csv[0].count })
    let report = files.path("report")
    let html = try files.run(
      [
        "grade", files.path("cohort"), "--scenario", fixture, "--format", "html", "--output",
        report,
      ])
    #expect(html.status == 0, "\(html.stderr)")
    let pages = try FileManager.default.contentsOfDirectory(atPath: report + "/sessions").sorted()
    #expect(pages == ["empty.html", "s-2.html", "s.html", "z.html"])
  }

  // MARK: - --output

  @Test func outputRefusesToReplaceAFileWithoutForce() throws {
    let files = try TranscriptFixtures()
    try files.play("cohort/a.jsonl")
    let output = files.path("grades.csv")
    try TranscriptFixtures.write("precious\n", to: output)
    let refused = try files.run(
      ["grade", files.path("cohort"), "--scenario", fixture, "--format", "csv", "--output", output])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("cannot write \(output): it exists already"))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "precious\n")

    let forced = try files.run(
      [
        "grade", files.path("cohort"), "--scenario", fixture, "--format", "csv", "--output", output,
        "--force",
      ])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.isEmpty, "the report went to the file")
    let records = try CSV.parse(try String(contentsOfFile: output, encoding: .utf8))
    #expect(records.count == 2)

    let fresh = files.path("fresh.txt")
    let text = try files.run([
      "grade", files.path("cohort"), "--scenario", fixture, "--output", fresh,
    ])
    #expect(text.status == 0)
    #expect(try String(contentsOfFile: fresh, encoding: .utf8).hasPrefix("TRAINEE"))
  }

  // MARK: - Graders' ratings and agreement

  @Test func gradingFilesArePickedUpAndAgreementIsReported() throws {
    let cohort = try Cohort()
    // Two graders rate the repaired session (engine 5) and the dropout's episodes.
    for (grader, ratings) in [("alice", "rate 1 4\n"), ("bob", "rate 1 5\n")] {
      let graded = try cohort.files.run(
        ["replay", cohort.repaired, "--scenario", fixture, "--step", "--grader", grader],
        input: ratings + "quit\n")
      #expect(graded.status == 0, "\(graded.stdout)\(graded.stderr)")
    }
    let dropout = try cohort.files.run(
      ["replay", cohort.dropout, "--scenario", fixture, "--step", "--grader", "alice"],
      input: "episodes\nrate 1 2\nrate 2 1\nquit\n")
    #expect(dropout.status == 0, "\(dropout.stdout)\(dropout.stderr)")
    let gradingFiles = try FileManager.default.contentsOfDirectory(atPath: cohort.folder)
      .filter { $0.hasSuffix(".grading.jsonl") }.sorted()
    #expect(gradingFiles == ["a-repaired.grading.jsonl", "b-dropout.grading.jsonl"])

    let text = try cohort.grade()
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("5 transcript(s), 1 not verified"), "grading files are no rows")
    #expect(text.stdout.contains("Agreement on 1-5 resolution ratings"), "\(text.stdout)")
    #expect(text.stdout.contains("  engine vs alice: "))
    #expect(text.stdout.contains("  engine vs bob: 1 episode(s), exact 100%"))
    #expect(text.stdout.contains("  alice vs bob: 1 episode(s), exact 0%"))

    let json = try cohort.grade(["--format", "json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let agreement = try #require(document["agreement"] as? [String: Any])
    let pairs = try #require(agreement["pairs"] as? [[String: Any]])
    let names = pairs.map { "\($0["first"] as? String ?? "") vs \($0["second"] as? String ?? "")" }
    #expect(names == ["engine vs alice", "engine vs bob", "alice vs bob"])
    let engineBob = try #require(
      pairs.first { $0["second"] as? String == "bob" && $0["first"] as? String == "engine" })
    #expect(engineBob["exactAgreement"] as? Double == 1)
    #expect((agreement["episodes"] as? Int ?? 0) >= 2)
    let sessions = try #require(document["sessions"] as? [[String: Any]])
    let graders = sessions[0]["graders"] as? [String: Any]
    #expect(Set(graders?.keys.map { $0 } ?? []) == ["alice", "bob"])

    let csv = try CSV.parse(try cohort.grade(["--format", "csv"]).stdout)
    let header = try #require(csv.first)
    let row = try #require(csv.first { $0[0] == cohort.repaired })
    #expect(row[header.firstIndex(of: "graders")!] == "2")
    #expect(row[header.firstIndex(of: "grader_mean_rating")!] == "4.50")
  }

  @Test func ratingsOfATamperedTranscriptDoNotCountTowardsAgreement() throws {
    let cohort = try Cohort()
    let graded = try cohort.files.run(
      ["replay", cohort.repaired, "--scenario", fixture, "--step", "--grader", "alice"],
      input: "rate 1 4\nquit\n")
    #expect(graded.status == 0)
    // The same ratings beside the tampered copy.
    try FileManager.default.copyItem(
      atPath: cohort.folder + "/a-repaired.grading.jsonl",
      toPath: cohort.folder + "/d-tampered.grading.jsonl")
    let json = try cohort.grade(["--format", "json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let agreement = try #require(document["agreement"] as? [String: Any])
    #expect(agreement["episodes"] as? Int == 1, "only the verified transcript's episode")
  }
  @Test func aGradingFileOfAnotherVersionOfTheTranscriptIsLeftOut() throws {
    let files = try TranscriptFixtures()
    let transcript = try files.play("cohort/a.jsonl")
    let graded = try files.run(
      ["replay", transcript, "--scenario", fixture, "--step", "--grader", "alice"],
      input: "rate 1 1 not resolved at all\ncomment weak\nquit\n")
    #expect(graded.status == 0, "\(graded.stderr)")
    // Another session saved under the same name later: the ratings were not given to it.
    try FileManager.default.removeItem(atPath: transcript)
    try files.play("cohort/a.jsonl", seed: 8)
    let json = try files.run(
      ["grade", files.path("cohort"), "--scenario", fixture, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let session = try #require((document["sessions"] as? [[String: Any]])?.first)
    #expect(session["verified"] as? Bool == true)
    #expect((session["graders"] as? [String: Any])?.isEmpty == true, "\(session)")
    #expect((session["comments"] as? [Any])?.isEmpty == true, "\(session)")
    let agreement = try #require(document["agreement"] as? [String: Any])
    #expect(agreement["episodes"] as? Int == 0)
    let replay = try files.run(["replay", transcript, "--scenario", fixture])
    #expect(!replay.stdout.contains("alice"), "\(replay.stdout)")
    #expect(replay.stderr.contains("belongs to another version of this transcript"))
  }
}

/// Reads RFC 4180 CSV strictly: records end with CRLF, fields are separated by commas, a quoted
/// field may hold commas, CR, LF and doubled quotes, and an unquoted field holds none of those.
enum CSV {
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var atFieldStart = true
    var quoted = false
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append(scalars.removeFirst())
          } else {
            quoted = false
            guard [",", "\r", nil].contains(scalars.first) else {
              throw Malformed(description: "text after a closing quote in \(record)")
            }
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"":
        guard atFieldStart else { throw Malformed(description: "a quote inside \(field)") }
        quoted = true
        atFieldStart = false
      case ",":
        record.append(field)
        field = ""
        atFieldStart = true
      case "\r":
        guard scalars.popFirst() == "\n" else {
          throw Malformed(description: "CR without LF after \(record)")
        }
        record.append(field)
        records.append(record)
        record = []
        field = ""
        atFieldStart = true
      case "\n":
        throw Malformed(description: "a bare LF after \(record) \(field)")
      default:
        field.unicodeScalars.append(scalar)
        atFieldStart = false
      }
    }
    guard !quoted else { throw Malformed(description: "an unterminated quoted field") }
    guard record.isEmpty && field.isEmpty else {
      throw Malformed(description: "the last record does not end with CRLF")
    }
    return records
  }
}

extension String {
  /// The text's words, split on spaces.
  fileprivate var words: [String] { split(separator: " ").map(String.init) }
}
