import AttuneCore
import Foundation
import Testing

/// Hostile input through the built binary (issue #7): every file is refused with a message
/// that names it (with line and column where the JSON is at fault), a non-zero exit and no
/// crash or hang. The inputs are generated in a fresh folder at test time.
///
/// The time limit of each run is a hang guard only; the real timings are in the report of
/// issue #7, since these machines are too noisy for timed tests.
@Suite(.serialized) final class HostileInputTests {
  let folder: URL

  init() throws {
    folder = try AttuneBinary.makeHome()
  }

  /// Removes the test's folder: some inputs are a hundred megabytes.
  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Writes `bytes` to `name` in the test's folder.
  func write(_ name: String, _ bytes: some Sequence<UInt8>) throws {
    try Data(bytes).write(to: folder.appendingPathComponent(name))
  }

  func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

  /// Writes `count` copies of `byte` to `name` in 1 MiB chunks.
  func write(_ name: String, repeating byte: UInt8, count: Int) throws {
    let url = folder.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    let chunk = Data(repeating: byte, count: 1 << 20)
    var left = count
    while left > 0 {
      let part = min(left, chunk.count)
      try handle.write(contentsOf: part == chunk.count ? chunk : chunk.prefix(part))
      left -= part
    }
  }

  /// Runs `attune check name` in the test's folder.
  func check(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> BoundedRun
  {
    try BoundedRun.attune(["check", name], directory: folder, sourceLocation: sourceLocation)
  }

  /// Expects `attune check name` to report `code` as an error at `line`:`column` (or
  /// anywhere, without them), and to exit with status 1.
  func expectError(
    _ name: String, _ code: String, at position: (line: Int, column: Int)? = nil,
    mentioning phrase: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let run = try check(name, sourceLocation: sourceLocation)
    #expect(!run.killedBySignal, "crashed: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.status == 1, "\(run.output.prefix(2000))", sourceLocation: sourceLocation)
    let prefix = position.map { "\(name):\($0.line):\($0.column): error: " } ?? "\(name):"
    let line = run.stdout.split(separator: "\n").first {
      $0.hasPrefix(prefix) && $0.contains(" error: ") && $0.hasSuffix("[\(code)]")
    }
    #expect(
      line != nil, "no \(prefix)... [\(code)] in:\n\(run.output.prefix(2000))",
      sourceLocation: sourceLocation)
    if let phrase, let line {
      #expect(line.contains(phrase), "\(line)", sourceLocation: sourceLocation)
    }
  }

  // MARK: - Files that are not JSON

  @Test func anEmptyFile() throws {
    try write("empty.json", [])
    try expectError("empty.json", "json-empty", at: (1, 1), mentioning: "the file is empty")
  }

  @Test func binaryJunk() throws {
    var generator = SeededRandom(seed: 7)
    try write("junk.json", (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
    let run = try check("junk.json")
    #expect(run.refusedCleanly, "\(run.output.prefix(2000))")
    let first = run.stdout.split(separator: "\n").first ?? ""
    #expect(first.hasPrefix("junk.json:"), "\(first)")
    #expect(first.contains(" error: ") && first.contains("[json-"), "\(first)")
  }

  @Test func invalidUTF8() throws {
    try write("latin1.json", Array("{ \"title\": \"caf".utf8) + [0xE9] + Array("\" }".utf8))
    try expectError("latin1.json", "json-invalid-utf8", at: (1, 16))
  }

  @Test func utf16() throws {
    try write("utf16.json", [0xFF, 0xFE] + Array("{}".utf16.flatMap { [UInt8($0), 0] }))
    try expectError("utf16.json", "json-invalid-utf8", at: (1, 1), mentioning: "UTF-16")
  }

  @Test func aByteOrderMarkBeforeAValidScenario() throws {
    let scenario = try Data(
      contentsOf: URL(fileURLWithPath: AttuneBinary.fixture("tiny-rupture.json")))
    try write("bom.json", [0xEF, 0xBB, 0xBF] + Array(scenario))
    try expectError("bom.json", "json-byte-order-mark", at: (1, 1))
  }

  // MARK: - Sizes

  @Test func oneHundredMegabytesOfWhitespaceAreNotRead() throws {
    try write("spaces.json", repeating: 0x20, count: 100_000_000)
    try expectError(
      "spaces.json", "unreadable-file", at: (1, 1), mentioning: "more than the limit of 16777216")
  }

  @Test func whitespaceUpToTheByteLimit() throws {
    try write("blank.json", repeating: 0x0A, count: JSONLimits.default.maximumBytes)
    try expectError("blank.json", "json-empty", at: (1, 1), mentioning: "only whitespace")
  }

  @Test func oneHundredThousandOpeningBrackets() throws {
    try write("deep.json", repeating: UInt8(ascii: "["), count: 100_000)
    try expectError("deep.json", "json-too-deep", at: (1, 129))
  }

  @Test func oneHundredThousandNestedObjects() throws {
    let levels = 100_000
    let text =
      String(repeating: "{\"a\":", count: levels) + "1" + String(repeating: "}", count: levels)
    try write("deep-objects.json", text)
    try expectError("deep-objects.json", "json-too-deep", at: (1, 5 * 128 + 1))
  }

  @Test func aHugeString() throws {
    try write("string.json", "{ \"note\": \"" + String(repeating: "x", count: 2 << 20) + "\" }")
    try expectError("string.json", "json-string-too-long", at: (1, 11))
  }

  @Test func aHugeStringOfEscapes() throws {
    try write(
      "escapes.json", "[\"" + String(repeating: "\\u00e9", count: 2_500_000) + "\"]")
    try expectError("escapes.json", "json-string-too-long", at: (1, 2))
  }

  @Test func aHugeNumber() throws {
    try write("number.json", "{ \"n\": " + String(repeating: "9", count: 1_000_000) + " }")
    try expectError("number.json", "json-number-too-long", at: (1, 8))
  }

  @Test func aNumberTooLargeForItsField() throws {
    let text = HostileScenarioText.chain(1).replacingOccurrences(
      of: "\"bond\": 50", with: "\"bond\": 1e999999999")
    try write("overflow.json", text)
    try expectError("overflow.json", "wrong-type", at: (14, 25), mentioning: "1e999999999")
  }

  @Test func millionsOfEmptyArrays() throws {
    // 16 MiB of `[],[],...`: without the cap on values this built about 1 GB of tree.
    let count = (JSONLimits.default.maximumBytes - 2) / 3
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    bytes.reserveCapacity(count * 3 + 2)
    for index in 0..<count {
      bytes += index == 0 ? [0x5B, 0x5D] : [0x2C, 0x5B, 0x5D]
    }
    bytes.append(UInt8(ascii: "]"))
    try write("arrays.json", bytes)
    let first = JSONLimits.default.maximumValues + 1
    try expectError("arrays.json", "json-too-many-values", at: (1, 2 + 3 * (first - 1)))
  }

  // MARK: - Scenario structure

  @Test func duplicateKeys() throws {
    let text = HostileScenarioText.chain(1).replacingOccurrences(
      of: "\"title\": \"T\",", with: "\"title\": \"T\", \"title\": \"U\",")
    try write("duplicate.json", text)
    try expectError("duplicate.json", "duplicate-key", at: (4, 17))
  }

  @Test func aHundredThousandDuplicateKeys() throws {
    let members = Array(repeating: "\"note\": \"n\"", count: 100_000).joined(separator: ",\n")
    try write("duplicates.json", "{\n" + members + "\n}")
    let run = try check("duplicates.json")
    #expect(run.refusedCleanly, "\(run.output.prefix(2000))")
    #expect(run.stdout.contains("duplicates.json:3:1: error: "), "\(run.stdout.prefix(2000))")
  }

  @Test func aHundredThousandUnknownFieldsOnSeparateLines() throws {
    let members = (0..<100_000).map { "\"field\($0)\": 1" }.joined(separator: ",\n")
    try write("fields.json", "{\n" + members + "\n}")
    let run = try check("fields.json")
    #expect(run.refusedCleanly, "\(run.output.prefix(2000))")
    #expect(run.stdout.contains("fields.json:2:1: error: "), "\(run.stdout.prefix(2000))")
  }

  /// A loop of turns is valid JSON, but a session in it could never end: an error.
  @Test func aReferenceCycleIsReportedAsALoopWithoutExit() throws {
    try write(
      "cycle.json",
      HostileScenarioText.scenario(turns: [
        HostileScenarioText.turn("a", next: "b"), HostileScenarioText.turn("b", next: "a"),
      ]))
    let run = try check("cycle.json")
    #expect(!run.killedBySignal)
    #expect(run.stdout.contains("cycle.json:"), "\(run.output)")
    #expect(run.stdout.contains("[loop-without-exit]"), "\(run.output)")
    #expect(run.stdout.contains("error: from turn"), "\(run.output)")
    #expect(run.stdout.contains("[unreached-ending]"), "\(run.output)")
    #expect(run.status == 1, "a scenario a trainee can never finish fails the check")
  }

  @Test func aRingOfTheMostTurnsAllowedDoesNotExhaustTheStack() throws {
    try write("ring.json", HostileScenarioText.ring(ScenarioLimits.default.maximumTurns))
    let run = try BoundedRun.attune(["check", "ring.json"], directory: folder, limit: 60)
    #expect(!run.killedBySignal, "\(run.stderr)")
    #expect(run.stdout.contains("[loop-without-exit]"), "\(run.output.prefix(2000))")
    // One problem, not five thousand lines: 20 listed, and one that counts the rest.
    let loops = run.stdout.components(separatedBy: "\n").filter {
      $0.hasSuffix("[loop-without-exit]")
    }
    #expect(loops.count == 21, "\(loops.count)")
    #expect(loops.last?.contains("more place(s) like the ones above") == true)
  }

  @Test func aChainOfTheMostTurnsAllowedDoesNotExhaustTheStack() throws {
    try write("chain.json", HostileScenarioText.chain(ScenarioLimits.default.maximumTurns))
    let run = try check("chain.json")
    #expect(!run.killedBySignal, "\(run.stderr)")
    #expect(run.status == 0, "\(run.output.prefix(2000))")
  }

  // MARK: - Not a readable file

  @Test func aMissingFile() throws {
    try expectError("missing.json", "unreadable-file", at: (1, 1), mentioning: "does not exist")
  }

  @Test func aFolderNamedLikeAScenarioFile() throws {
    let outer = folder.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(
      at: outer.appendingPathComponent("inner.json"), withIntermediateDirectories: true)
    // Checking the outer folder checks each *.json in it, and inner.json is no file.
    let outerRun = try check("scenarios")
    #expect(outerRun.refusedCleanly)
    #expect(
      outerRun.stdout.contains(
        "scenarios/inner.json:1:1: error: cannot check this file: it is a folder, not a file"),
      "\(outerRun.output)")
    // Named directly, a folder is a folder of scenarios to check, and this one has none.
    let run = try check("scenarios/inner.json")
    #expect(run.refusedCleanly)
    #expect(
      run.stderr.contains("scenarios/inner.json: the folder holds no scenario files"),
      "\(run.output)")
  }

  @Test func anEmptyFolder() throws {
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("nothing"), withIntermediateDirectories: true)
    let run = try check("nothing")
    #expect(run.refusedCleanly)
    #expect(run.stderr.contains("nothing: the folder holds no scenario files"), "\(run.output)")
  }

  /// Run as root, where `setpriv` can drop to "nobody" so that permissions apply.
  @Test(.enabled(if: BoundedRun.canRunAsNobody, "needs root, setpriv and a binary others reach"))
  func anUnreadableFileAsAnUnprivilegedUser() throws {
    try write("secret.json", "{}")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: folder.path)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0], ofItemAtPath: folder.appendingPathComponent("secret.json").path)
    let run = try BoundedRun.attune(["check", "secret.json"], directory: folder, asNobody: true)
    #expect(run.refusedCleanly, "\(run.output)")
    #expect(
      run.stdout.contains("secret.json:1:1: error: cannot check this file: it cannot be read"),
      "\(run.output)")
    #expect(run.stdout.contains("permission"), "\(run.output)")
    #expect(run.stdout.contains("[unreadable-file]"), "\(run.output)")
  }

  @Test(.disabled(if: geteuid() == 0, "root can read any file"))
  func anUnreadableFile() throws {
    try write("secret.json", "{}")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0], ofItemAtPath: folder.appendingPathComponent("secret.json").path)
    try expectError("secret.json", "unreadable-file", at: (1, 1), mentioning: "permission")
  }

  @Test func aNamedPipeWithNoWriterDoesNotHang() throws {
    let path = folder.appendingPathComponent("pipe.json").path
    #expect(mkfifo(path, 0o600) == 0)
    try expectError("pipe.json", "json-empty", at: (1, 1))
  }

  @Test func anEndlessDevice() throws {
    let run = try BoundedRun.attune(["check", "/dev/zero"])
    #expect(run.refusedCleanly)
    #expect(run.stdout.contains("/dev/zero:1:1: error: "), "\(run.output)")
    #expect(run.stdout.contains("[unreadable-file]"), "\(run.output)")
  }

  // MARK: - Transcripts

  /// Expects `attune replay name` to refuse the transcript, naming it. Only the exit and the
  /// name are checked: the wording of `replay` is not settled.
  func expectReplayRefused(
    _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let run = try BoundedRun.attune(
      ["replay", name, "--scenario", AttuneBinary.fixture("tiny-rupture.json")],
      directory: folder, sourceLocation: sourceLocation)
    #expect(run.refusedCleanly, "\(run.output)", sourceLocation: sourceLocation)
    #expect(run.output.contains(name), "\(run.output)", sourceLocation: sourceLocation)
  }

  @Test func transcriptsThatAreNotTranscripts() throws {
    try write("empty.jsonl", [])
    var generator = SeededRandom(seed: 11)
    try write("junk.jsonl", (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("folder.jsonl"), withIntermediateDirectories: true)
    for name in ["empty.jsonl", "junk.jsonl", "folder.jsonl", "missing.jsonl"] {
      try expectReplayRefused(name)
    }
  }

  @Test func twentyMillionJunkLinesAsATranscript() throws {
    // Just under replay's 64 MiB limit; reading every line once took a minute and 4.6 GB.
    try write("lines.jsonl", repeating: UInt8(ascii: "\n"), count: 60_000_000)
    try expectReplayRefused("lines.jsonl")
    let transcript = Transcript(bytes: Array(repeating: UInt8(ascii: "\n"), count: 1_000))
    #expect(transcript.problems.count == Transcript.maximumProblems + 1)
    #expect(transcript.problems.last?.message.contains("not read") == true)
  }

  @Test(.enabled(if: BoundedRun.canRunAsNobody, "needs root, setpriv and a binary others reach"))
  func anUnreadableTranscriptAsAnUnprivilegedUser() throws {
    try write("secret.jsonl", "{}\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0], ofItemAtPath: folder.appendingPathComponent("secret.jsonl").path)
    let run = try BoundedRun.attune(
      ["replay", "secret.jsonl", "--scenario", AttuneBinary.fixture("tiny-rupture.json")],
      directory: folder, asNobody: true)
    #expect(run.refusedCleanly, "\(run.output)")
    #expect(run.stderr.contains("secret.jsonl: cannot be read"), "\(run.output)")
  }

  @Test(.disabled(if: geteuid() == 0, "root can read any file"))
  func anUnreadableTranscript() throws {
    try write("secret.jsonl", "{}\n")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0], ofItemAtPath: folder.appendingPathComponent("secret.jsonl").path)
    try expectReplayRefused("secret.jsonl")
  }

  @Test func aTranscriptOfAnotherScenarioIsNotVerified() throws {
    let path = folder.appendingPathComponent("other.jsonl").path
    let play = try AttuneBinary.run(
      ["play", AttuneBinary.fixture("tiny-rupture.json"), "--seed", "1", "--transcript", path],
      input: "1\n")
    #expect(play.status == 3, "the script ends before the session: \(play.stderr)")
    let other = AttuneBinary.fixture("guide-example.json")
    let otherBytes = Array(try Data(contentsOf: URL(fileURLWithPath: other)))
    let scenario = try #require(ScenarioLoader().load(otherBytes, file: other).scenario)
    let transcript = Transcript(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    let verification = TranscriptVerification(
      transcript: transcript, scenario: scenario, scenarioBytes: otherBytes)
    #expect(!verification.isVerified)
    let finding = try #require(verification.findings.first)
    #expect(finding.code == .transcriptMismatch)
    #expect(finding.line == 1)
    #expect(finding.message.contains("tiny-rupture"), "\(finding.message)")
  }
}
