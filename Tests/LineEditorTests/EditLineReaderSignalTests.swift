import Foundation
import Glibc
import Testing

@testable import LineEditor

/// Signals reach a reader only through a terminal it controls, and libedit re-sends them to
/// the whole process group (`kill(0, sig)`): so these tests run the reader in a child process
/// (an exit test) that starts a session of its own and takes the pseudo-terminal's slave as
/// its controlling terminal and standard streams, as `attune` has at a real terminal. The
/// test types on the master side; Ctrl-C is the 0x03 byte, turned into SIGINT by the line
/// discipline.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct EditLineReaderSignalTests {
  @Test func ctrlCCancelsTheLineInsideAndOutsideReadsAndTheProcessGoesOn() async throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = pty.slaveAttributes()
    let driver = Background { [pty] () -> String? in
      do {
        try pty.expect("one> ")
        pty.send("abc")
        try pty.expect("abc")
        pty.send("\u{03}")
        try pty.expect("^C\r\n")
        try pty.expect("between reads")
        pty.send("\u{03}")
        try pty.expect("three> ")
        pty.send("still here\r")
        try pty.expect("child done")
        return nil
      } catch {
        pty.hangUp()
        return "\(error)"
      }
    }
    await #expect(processExitsWith: .success) { [path = pty.slavePath as String] in
      exit(ChildProcess.ctrlC(terminal: path))
    }
    let failure = try driver.result(timeout: 40)
    #expect(failure == nil, "\(failure ?? "")")
    #expect(pty.slaveAttributes() == before)
  }

  @Test func sigtermWhileReadingRestoresTheTerminalAndStillKills() async throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = pty.slaveAttributes()
    let driver = Background { [pty] () -> String? in
      do {
        try pty.expect("term> ")
        pty.send("half a sentence")
        try pty.expect("sentence")
        let group = tcgetpgrp(pty.master)
        guard group > 0 else {
          throw HarnessError(description: "no foreground process group: errno \(errno)")
        }
        kill(group, SIGTERM)
        return nil
      } catch {
        pty.hangUp()
        return "\(error)"
      }
    }
    await #expect(processExitsWith: .signal(SIGTERM)) { [path = pty.slavePath as String] in
      exit(ChildProcess.sigterm(terminal: path))
    }
    let failure = try driver.result(timeout: 40)
    #expect(failure == nil, "\(failure ?? "")")
    #expect(pty.slaveAttributes() == before)
  }
}

/// What the child processes of the exit tests run. Failures are exit codes (10...).
enum ChildProcess {
  /// Makes the terminal at `path` the controlling terminal and the standard streams of a new
  /// session; false on failure.
  static func attach(terminal path: String) -> Bool {
    guard setsid() >= 0 else {
      return false
    }
    let descriptor = open(path, O_RDWR)
    guard descriptor >= 0, ioctl(descriptor, UInt(TIOCSCTTY), 0) == 0 else {
      return false
    }
    for standard in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      dup2(descriptor, standard)
    }
    close(descriptor)
    return true
  }

  static func say(_ text: String) {
    _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
  }

  static func ctrlC(terminal path: String) -> Int32 {
    guard attach(terminal: path) else {
      return 10
    }
    do {
      let reader = makeLineReader(programName: "attune-test", historyFile: nil, completer: nil)
      guard reader is EditLineReader else {
        return 11
      }
      guard reader.readLine(prompt: "one> ") == .interrupted else {
        return 12
      }
      say("between reads\r\n")
      // Cooked mode: the terminal turns the next Ctrl-C into SIGINT while no line is read.
      var waited = 0
      while !InterruptTrap.isPending && waited < 1000 {
        usleep(10_000)
        waited += 1
      }
      guard reader.readLine(prompt: "two> ") == .interrupted else {
        return 13
      }
      guard reader.readLine(prompt: "three> ") == .line("still here") else {
        return 14
      }
    }
    say("child done\r\n")
    return 0
  }

  static func sigterm(terminal path: String) -> Int32 {
    guard attach(terminal: path) else {
      return 10
    }
    Terminal.restoreOnTermination()
    let reader = EditLineReader(programName: "attune-test", historyFile: nil, completer: nil)
    _ = reader.readLine(prompt: "term> ")
    return 20  // SIGTERM should have ended the process
  }

  /// Saves the terminal, puts it in raw mode, then dies of `signal` (or exits normally).
  static func rawThenDie(terminal path: String, by signal: Int32?) -> Int32 {
    guard attach(terminal: path) else {
      return 10
    }
    Terminal.restoreOnTermination()
    Terminal.restoreOnTermination()  // idempotent
    var state = termios()
    tcgetattr(STDIN_FILENO, &state)
    cfmakeraw(&state)
    guard tcsetattr(STDIN_FILENO, TCSANOW, &state) == 0 else {
      return 11
    }
    if let signal {
      // kill, not raise: this thread (of the test runner's pool) blocks signals.
      kill(getpid(), signal)
      sleep(5)
      return 12  // the signal should have ended the process
    }
    return 0
  }
}
