import Foundation
import Testing

/// One run of the `attune` binary that must end by itself: how it ended, what it printed and
/// how long it took. A run still going at its time limit is killed and recorded as an issue,
/// so that a hang fails the test instead of stalling the suite.
struct BoundedRun {
  /// The exit status, or the number of the signal that ended the process.
  var status: Int32
  /// Whether a signal ended the process (a crash, or the kill at the time limit).
  var killedBySignal: Bool
  var stdout: String
  var stderr: String
  /// Wall-clock seconds from start to exit.
  var seconds: Double

  /// Both outputs, for messages that may go to either.
  var output: String { stdout + stderr }

  /// Whether the process exited by itself with a non-zero status (a refusal, not a crash).
  var refusedCleanly: Bool { !killedBySignal && status != 0 }

  /// Whether the tests run as root and can run the binary as "nobody" (setpriv is there, and
  /// every folder above the binary lets others in), so that file permissions can be tested.
  static let canRunAsNobody: Bool = {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    else { return false }
    guard let probe = try? attune(["--version"], limit: 20, asNobody: true) else { return false }
    return probe.status == 0 && !probe.killedBySignal
  }()

  /// Runs `attune arguments` with nothing on standard input, killing it after `limit` seconds.
  static func attune(
    _ arguments: [String], directory: URL? = nil, limit: Double = 20, asNobody: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> BoundedRun {
    let process = Process()
    if asNobody {
      // Root reads any file; run as the unprivileged user "nobody" to meet permissions.
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", "--", AttuneBinary.url.path]
        + arguments
    } else {
      process.executableURL = AttuneBinary.url
      process.arguments = arguments
    }
    let home = try AttuneBinary.makeHome()
    defer { try? FileManager.default.removeItem(at: home) }
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
    environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
    environment["NO_COLOR"] = "1"
    environment["COLUMNS"] = "80"
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    let start = Date()
    try process.run()
    let outputs = OutputCollector(stdout: stdout, stderr: stderr)
    let deadline = start.addingTimeInterval(limit)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      Issue.record(
        "attune \(arguments.joined(separator: " ")) hung: killed after \(limit) s",
        sourceLocation: sourceLocation)
    }
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    let (out, err) = outputs.finish()
    return BoundedRun(
      status: process.terminationStatus,
      killedBySignal: process.terminationReason == .uncaughtSignal, stdout: out, stderr: err,
      seconds: seconds)
  }
}
