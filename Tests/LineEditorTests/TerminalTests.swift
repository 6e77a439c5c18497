import Glibc
import Testing

@testable import LineEditor

struct TerminalTests {
  @Test func pipesAreNotInteractiveAndHaveNoWidth() {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    #expect(!Terminal.isInteractive(input: ends[0], output: ends[1]))
    #expect(Terminal.width(of: ends[1]) == nil)
  }

  @Test func aPseudoTerminalIsInteractiveWithItsWidth() throws {
    let pty = try PseudoTerminal(columns: 132, rows: 40)
    #expect(Terminal.isInteractive(input: pty.slave, output: pty.slave))
    #expect(Terminal.width(of: pty.slave) == 132)
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    #expect(!Terminal.isInteractive(input: pty.slave, output: ends[1]))
    #expect(!Terminal.isInteractive(input: ends[0], output: pty.slave))
  }
}

/// ``Terminal/restoreOnTermination()`` on its own, without libedit: the state saved is put
/// back when the process is killed or exits.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TerminalRestorationTests {
  @Test func sigtermRestoresTheSavedStateAndStillKills() async throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = pty.slaveAttributes()
    await #expect(processExitsWith: .signal(SIGTERM)) { [path = pty.slavePath as String] in
      exit(ChildProcess.rawThenDie(terminal: path, by: SIGTERM))
    }
    #expect(pty.slaveAttributes() == before)
  }

  @Test func sighupRestoresTheSavedStateAndStillKills() async throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = pty.slaveAttributes()
    await #expect(processExitsWith: .signal(SIGHUP)) { [path = pty.slavePath as String] in
      exit(ChildProcess.rawThenDie(terminal: path, by: SIGHUP))
    }
    #expect(pty.slaveAttributes() == before)
  }

  @Test func normalExitRestoresTheSavedState() async throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = pty.slaveAttributes()
    await #expect(processExitsWith: .exitCode(0)) { [path = pty.slavePath as String] in
      exit(ChildProcess.rawThenDie(terminal: path, by: nil))
    }
    #expect(pty.slaveAttributes() == before)
  }
}
