import Foundation
import Glibc
import Testing

@testable import LineEditor

/// A reader on the slave side of `pty`, without the user's ~/.editrc.
func makeReader(
  _ pty: PseudoTerminal, historyFile: String? = nil, completer: LineCompleter? = nil
) -> EditLineReader {
  EditLineReader(
    programName: "attune-test", historyFile: historyFile, completer: completer,
    input: pty.slave, output: pty.slave, sourcesEditrc: false)
}

/// EditLineReader driven through a pseudo-terminal inside the test process: the reader runs
/// on a thread of its own, the test types on the master side. (Signals are tested in child
/// processes, see EditLineReaderSignalTests.)
@Suite(.serialized, .timeLimit(.minutes(1)))
struct EditLineReaderTests {
  @Test func displaysANonASCIIPromptAndEditsByCharacter() throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let run = Background { [pty] in
      let reader = makeReader(pty)
      return [reader.readLine(prompt: "turn 3 · practice › "), reader.readLine(prompt: "» ")]
    }
    try pty.expect("turn 3 · practice › ")
    // Four backspaces remove "ollé" (é is one character, two bytes).
    pty.send("héllo\u{7F}\u{7F}\u{7F}\u{7F}i\r")
    try pty.expect("» ")
    // Three left arrows move over "e", "v" and "ï".
    pty.send("naïve\u{1B}[D\u{1B}[D\u{1B}[DX\r")
    #expect(try run.result() == [.line("hi"), .line("naXïve")])
  }

  @Test func promptColoursAreSentWithoutMarkers() throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let run = Background { [pty] in
      makeReader(pty).readLine(prompt: "\u{1B}[1mturn 1\u{1B}[0m › ")
    }
    try pty.expect("\u{1B}[1mturn 1\u{1B}[0m › ")
    pty.send("ok\r")
    #expect(try run.result() == .line("ok"))
    #expect(!pty.transcript.contains(1))
  }

  @Test func upArrowRecallsRememberedLines() throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let run = Background { [pty] in
      let reader = makeReader(pty)
      reader.remember("first")
      reader.remember("second")
      reader.remember("second")
      reader.remember("")
      return [reader.readLine(prompt: "1> "), reader.readLine(prompt: "2> ")]
    }
    try pty.expect("1> ")
    // "second" was remembered once: two Ups reach "first".
    pty.send("\u{1B}[A\u{1B}[A\r")
    try pty.expect("2> ")
    pty.send("\u{1B}[A\r")
    #expect(try run.result() == [.line("first"), .line("second")])
  }

  @Test func historyFileIsPrivateAndLoadedByTheNextReader() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/attune/state/history"

    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let first = Background { [pty] in
      let reader = makeReader(pty, historyFile: path)
      reader.remember("tell me about the weekend")
      reader.remember("ça va ?")
      return true
    }
    #expect(try first.result())
    #expect(try permissions(root + "/attune") == 0o700)
    #expect(try permissions(root + "/attune/state") == 0o700)
    #expect(try permissions(path) == 0o600)

    let second = Background { [pty] in
      makeReader(pty, historyFile: path).readLine(prompt: "again> ")
    }
    try pty.expect("again> ")
    pty.send("\u{1B}[A\u{1B}[A\r")
    #expect(try second.result() == .line("tell me about the weekend"))
  }

  @Test func tabInsertsUniqueCompletionThenPrefixThenLists() throws {
    let words = ["/hint", "/help", "émotion", "émoi"]
    let completer = LineCompleter { before in
      let word = LineCompleter.word(beforeCursorIn: before)
      return words.filter { $0.hasPrefix(word) }
    }
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let run = Background { [pty] in
      let reader = makeReader(pty, completer: completer)
      return [reader.readLine(prompt: "1> "), reader.readLine(prompt: "2> ")]
    }
    try pty.expect("1> ")
    pty.send("say /hi\t\r")
    try pty.expect("2> ")
    // First Tab: the common prefix "émo"; second Tab: the list; then a unique completion.
    pty.send("ém\t\t")
    try pty.expect("émotion  émoi")
    pty.send("t\t\r")
    #expect(try run.result() == [.line("say /hint "), .line("émotion ")])
  }

  @Test func sigintIsTrappedOnlyWhileAReaderLives() throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = currentSIGINTHandler()
    let during = try Background { [pty] in
      let reader = makeReader(pty)
      return withExtendedLifetime(reader) { currentSIGINTHandler() }
    }.result()
    #expect(during != before)
    #expect(currentSIGINTHandler() == before)
  }

  @Test func ctrlDDeletesUnderTheCursorAndEndsInputOnAnEmptyLine() throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let run = Background { [pty] in
      let reader = makeReader(pty)
      return ["1> ", "2> ", "3> "].map { reader.readLine(prompt: $0) }
    }
    try pty.expect("1> ")
    pty.send("ab\u{1B}[D\u{04}\r")
    try pty.expect("2> ")
    pty.send("\r")
    try pty.expect("3> ")
    pty.send("\u{04}")
    #expect(try run.result() == [.line("a"), .line(""), .endOfInput])
    try pty.expect("^D")
  }

  @Test func hangupEndsInput() throws {
    let pty = try PseudoTerminal()
    let run = Background { [pty] in
      makeReader(pty).readLine(prompt: "> ")
    }
    try pty.expect("> ")
    pty.hangUp()
    #expect(try run.result() == .endOfInput)
  }

  @Test func terminalIsRawWhileReadingAndRestoredAfterwards() throws {
    let pty = try PseudoTerminal()
    defer { pty.hangUp() }
    let before = pty.slaveAttributes()
    let run = Background { [pty] in
      let reader = makeReader(pty, completer: LineCompleter { _ in [] })
      reader.remember("x")
      return reader.readLine(prompt: "> ")
    }
    try pty.expect("> ")
    #expect(!pty.slaveIsCanonical())
    pty.send("done\r")
    #expect(try run.result() == .line("done"))
    #expect(pty.slaveAttributes() == before)
    #expect(pty.slaveIsCanonical())
  }
}

/// The address of the SIGINT handler (0 for SIG_DFL).
func currentSIGINTHandler() -> Int {
  var action = sigaction()
  sigaction(SIGINT, nil, &action)
  return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
}

func temporaryDirectory() throws -> String {
  var template = Array("/tmp/lineeditor-test-XXXXXX".utf8CString)
  guard let made = mkdtemp(&template) else {
    throw HarnessError(description: "mkdtemp failed: errno \(errno)")
  }
  return String(cString: made)
}

func permissions(_ path: String) throws -> mode_t {
  var status = stat()
  guard stat(path, &status) == 0 else {
    throw HarnessError(description: "cannot stat \(path)")
  }
  return status.st_mode & 0o777
}
