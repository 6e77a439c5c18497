import Foundation
import Testing

/// Runs the built `attune` binary, as a user would from a shell.
struct AttuneBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The binary SwiftPM built next to the tests.
  static var url: URL {
    if let path = ProcessInfo.processInfo.environment["ATTUNE_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    let build = packageRoot.appendingPathComponent(".build")
    for configuration in ["debug", "release"] {
      let candidate = build.appendingPathComponent(configuration).appendingPathComponent("attune")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return build.appendingPathComponent("debug/attune")
  }

  static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/AttuneCoreTests/Fixtures").appendingPathComponent(
      name
    ).path
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A fresh home folder for one test, so that transcripts and history stay apart.
  static func makeHome() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "attune-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `attune` with `arguments`, feeding `input` on standard input, with a time limit.
  /// Answers to a seeded `play` are written in file order (see `DisplayedAnswers`).
  static func run(
    _ arguments: [String], input: String = "", home: URL? = nil,
    environment extra: [String: String] = [:], directory: URL? = nil, timeout: Double = 60
  ) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    let home = try home ?? makeHome()
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
    environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
    environment["ATTUNE_TRANSCRIPTS"] = nil
    environment["NO_COLOR"] = nil
    environment["USER"] = "trainee-one"
    environment["COLUMNS"] = "80"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let outputs = OutputCollector(stdout: stdout, stderr: stderr)
    stdin.fileHandleForWriting.write(
      Data(DisplayedAnswers.rewrite(input, arguments: arguments).utf8))
    try? stdin.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      process.terminate()
      Issue.record("attune \(arguments) did not finish within \(timeout) s")
    }
    process.waitUntilExit()
    let (out, err) = outputs.finish()
    return Result(status: process.terminationStatus, stdout: out, stderr: err)
  }
}

/// Reads a process's two outputs on background threads so that neither pipe fills up.
final class OutputCollector: @unchecked Sendable {
  private var out = Data()
  private var err = Data()
  private let group = DispatchGroup()

  init(stdout: Pipe, stderr: Pipe) {
    group.enter()
    DispatchQueue.global().async {
      self.out = stdout.fileHandleForReading.readDataToEndOfFile()
      self.group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      self.err = stderr.fileHandleForReading.readDataToEndOfFile()
      self.group.leave()
    }
  }

  func finish() -> (String, String) {
    group.wait()
    return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }
}
