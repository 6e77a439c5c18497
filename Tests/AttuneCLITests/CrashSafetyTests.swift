import AttuneCore
import Foundation
import Testing

/// Crash safety of `attune play` (issue #7): a session killed with SIGKILL at any moment leaves
/// a transcript that reads back as a valid, incomplete session; a full disk and a read-only
/// folder are refused before the first client turn; an existing file is never overwritten.
///
/// The pseudo-terminal suite (`TerminalSessionTests`) kills one session at a prompt, and
/// `PlayCommandTests` covers an existing transcript path and an unwritable folder as a normal
/// user; these add kills at seeded moments, and the disk and folder cases as root.
@Suite(.serialized) struct CrashSafetyTests {
  static let fixture = AttuneBinary.fixture("tiny-rupture.json")

  /// A running `attune play` whose output is read as it comes, fed one choice at a time.
  final class LiveSession: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var output = Data()
    private let done = DispatchGroup()

    init(arguments: [String], home: URL) throws {
      process.executableURL = AttuneBinary.url
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["HOME"] = home.path
      environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
      environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
      environment["NO_COLOR"] = "1"
      process.environment = environment
      let pipe = Pipe()
      process.standardInput = input
      process.standardOutput = pipe
      process.standardError = pipe
      try process.run()
      done.enter()
      DispatchQueue.global().async {
        let reader = pipe.fileHandleForReading
        while true {
          let chunk = reader.availableData
          if chunk.isEmpty { break }
          self.lock.withLock { self.output.append(chunk) }
        }
        self.done.leave()
      }
    }

    var text: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    /// Waits until the output holds `count` occurrences of `marker`, at most `limit` seconds.
    func wait(for marker: String, count: Int = 1, limit: Double = 20) -> Bool {
      let deadline = Date().addingTimeInterval(limit)
      while Date() < deadline {
        if text.components(separatedBy: marker).count > count { return true }
        if !process.isRunning { return text.components(separatedBy: marker).count > count }
        usleep(2_000)
      }
      return false
    }

    func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    func kill() {
      if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      done.wait()
    }
  }

  /// The choices of a complete session of the fixture with seed 7 (see `PlayCommandTests`).
  static let choices = ["1", "2", "1"]

  /// Kills sessions at moments drawn from a fixed seed: after `fed` choices (0 to all), and
  /// 0 to 40 ms after the last one was sent, while it is being handled and written.
  @Test(arguments: 0..<8)
  func aSessionKilledAtAnyMomentReadsBackAsValid(trial: Int) throws {
    var random = SeededRandom(seed: 2026 + UInt64(trial))
    let fed = Int.random(in: 0...Self.choices.count, using: &random)
    let delay = UInt32.random(in: 0..<40_000, using: &random)
    let moment = "trial \(trial): killed \(delay / 1000) ms after choice \(fed) was sent"
    let home = try AttuneBinary.makeHome()
    let path = home.appendingPathComponent("killed.jsonl").path
    let session = try LiveSession(
      arguments: ["play", Self.fixture, "--seed", "7", "--transcript", path], home: home)
    #expect(session.wait(for: "Robin:"), "\(moment): no first turn: \(session.text)")
    for (index, choice) in Self.choices.prefix(fed).enumerated() {
      // Each answer is sent only once its prompt is there, as a trainee would.
      #expect(session.wait(for: "practice ›", count: index + 1), "\(moment): \(session.text)")
      session.send(choice)
    }
    usleep(delay)
    session.kill()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let transcript = Transcript(bytes: bytes)
    #expect(transcript.header != nil, "\(moment)")
    #expect(transcript.problems.isEmpty, "\(moment): \(transcript.problems)")
    #expect(transcript.tornLine == nil, "\(moment): every line is written whole")
    let scenarioBytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
    let scenario = try #require(ScenarioLoader().load(scenarioBytes).scenario)
    let verification = TranscriptVerification(
      transcript: transcript, scenario: scenario, scenarioBytes: scenarioBytes)
    #expect(verification.isVerified, "\(moment): \(verification.findings)")
    if fed < Self.choices.count {
      #expect(!verification.isComplete, "\(moment)")
    }
    let replay = try AttuneBinary.run(["replay", path, "--scenario", Self.fixture])
    #expect(replay.status == 0, "\(moment): \(replay.stdout)\(replay.stderr)")
  }

  /// Kills sessions while they start, 0 to 40 ms after launch (seeded): the transcript is
  /// created with its header in one step, so there is either none or one with a header.
  @Test func aSessionKilledWhileStartingLeavesNoEmptyTranscript() throws {
    var random = SeededRandom(seed: 7)
    for trial in 0..<12 {
      let delay = UInt32.random(in: 0..<40_000, using: &random)
      let home = try AttuneBinary.makeHome()
      let path = home.appendingPathComponent("early.jsonl").path
      let session = try LiveSession(
        arguments: ["play", Self.fixture, "--seed", "7", "--transcript", path], home: home)
      usleep(delay)
      session.kill()
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let transcript = Transcript(bytes: Array(data))
      let moment = "trial \(trial): killed \(delay / 1000) ms after launch"
      #expect(transcript.header != nil, "\(moment): \(transcript.problems)")
      #expect(transcript.problems.isEmpty, "\(moment): \(transcript.problems)")
    }
  }

  @Test func aTranscriptPathThatIsTakenIsNeverOverwritten() throws {
    let home = try AttuneBinary.makeHome()
    let taken = home.appendingPathComponent("taken.jsonl")
    let link = home.appendingPathComponent("link.jsonl")
    try Data("precious\n".utf8).write(to: taken)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: taken)
    for path in [taken.path, link.path, "/dev/full", "/dev/null"] {
      let result = try AttuneBinary.run(
        ["play", Self.fixture, "--transcript", path], input: "1\n", home: home)
      #expect(result.status != 0, "\(path)")
      #expect(result.stderr.contains("never overwritten"), "\(path): \(result.stderr)")
      #expect(!result.stdout.contains("Robin:"), "\(path): refused before the session")
    }
    #expect(try String(contentsOf: taken, encoding: .utf8) == "precious\n")
  }

  @Test func defaultTranscriptNamesNeverCollide() throws {
    let home = try AttuneBinary.makeHome()
    for _ in 0..<3 {
      let result = try AttuneBinary.run(
        ["play", Self.fixture, "--seed", "7"], input: "1\n2\n1\n", home: home)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let folder = home.appendingPathComponent("data/attune/transcripts")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(files.count == 3, "\(files)")
  }

  // MARK: - Full disks and read-only folders (root only: they mount a small tmpfs)

  /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in CI containers).
  static let canMount: Bool = {
    guard geteuid() == 0 else { return false }
    guard let folder = try? AttuneBinary.makeHome() else { return false }
    defer { try? FileManager.default.removeItem(at: folder) }
    guard mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) else { return false }
    return mount(["-l", folder.path], command: "/bin/umount")
  }()

  /// Runs `mount` (or `command`) with `arguments`; true on success.
  @discardableResult
  static func mount(_ arguments: [String], command: String = "/bin/mount") -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// A fresh tmpfs with `options`, unmounted after `body`.
  static func withTmpfs(options: String, _ body: (URL) throws -> Void) throws {
    let folder = try AttuneBinary.makeHome()
    try #require(mount(["-t", "tmpfs", "-o", options, "tmpfs", folder.path]))
    defer {
      mount(["-l", folder.path], command: "/bin/umount")
      try? FileManager.default.removeItem(at: folder)
    }
    try body(folder)
  }

  @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
  func aFullDiskIsReportedBeforeTheFirstTurn() throws {
    try Self.withTmpfs(options: "size=1m") { disk in
      // Fill the disk to the last block.
      let filler = disk.appendingPathComponent("filler")
      _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
      let handle = try FileHandle(forWritingTo: filler)
      let block = Data(repeating: 0, count: 4096)
      while (try? handle.write(contentsOf: block)) != nil {}
      try? handle.close()
      let path = disk.appendingPathComponent("t.jsonl").path
      let result = try AttuneBinary.run(
        ["play", Self.fixture, "--transcript", path], input: "1\n2\n1\n")
      #expect(result.status != 0)
      #expect(result.stderr.contains("full"), "\(result.stderr)")
      #expect(!result.stdout.contains("Robin:"), "refused before the session: \(result.stdout)")
      #expect(!FileManager.default.fileExists(atPath: path), "no empty transcript is left")
    }
  }

  @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
  func aReadOnlyFolderIsReportedBeforeTheFirstTurn() throws {
    try Self.withTmpfs(options: "ro,size=64k") { folder in
      for path in [
        folder.appendingPathComponent("t.jsonl").path,
        folder.appendingPathComponent("new/t.jsonl").path,
      ] {
        let result = try AttuneBinary.run(
          ["play", Self.fixture, "--transcript", path], input: "1\n2\n1\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot be written"), "\(path): \(result.stderr)")
        #expect(result.stderr.contains(path), "\(path): \(result.stderr)")
        #expect(!result.stdout.contains("Robin:"), "refused before the session: \(result.stdout)")
      }
    }
  }
}
