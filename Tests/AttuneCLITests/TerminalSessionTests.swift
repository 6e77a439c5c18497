import Foundation
import Testing

/// `attune play` at a real prompt: each case runs `Terminal/terminal_session.py`, which drives
/// the binary through a pseudo-terminal with pexpect (installed by `.ci/install-dependencies`).
@Suite(.serialized) struct TerminalSessionTests {
  static let script = AttuneBinary.packageRoot.appendingPathComponent(
    "Tests/AttuneCLITests/Terminal/terminal_session.py")

  @Test(
    arguments: [
      "tab_completion", "history_recall", "utf8_editing", "ctrl_c_cancels_the_line",
      "ctrl_d_ends_cleanly", "sigterm_restores_the_terminal", "sighup_restores_the_terminal",
      "sigkill_leaves_an_incomplete_transcript", "colour_only_without_no_color", "replay_step",
    ])
  func atThePrompt(_ name: String) throws {
    let workdir = try AttuneBinary.makeHome()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.script.path, AttuneBinary.url.path, AttuneBinary.fixture("tiny-rupture.json"),
      workdir.path, name,
    ]
    let answers = DisplayedAnswers.rewrite(
      "1\n2\n1", arguments: ["play", AttuneBinary.fixture("tiny-rupture.json"), "--seed", "7"])
    process.environment = ProcessInfo.processInfo.environment.merging([
      "ATTUNE_TEST_ANSWERS": answers.split(separator: "\n").joined(separator: ",")
    ]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(name):\n\(text)")
    #expect(text.hasSuffix("ok\n"), "\(text)")
  }
}
