import Glibc
import Testing

@testable import LineEditor

/// A pipe, close-on-exec (a child spawned by another test must not keep an end open).
private func makePipe() -> (read: Int32, write: Int32) {
  var ends: [Int32] = [0, 0]
  precondition(pipe(&ends) == 0)
  for end in ends {
    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
  }
  return (ends[0], ends[1])
}

/// A pipe whose write end received `bytes` and was closed; returns the read end.
private func input(_ bytes: [UInt8]) -> Int32 {
  let ends = makePipe()
  bytes.withUnsafeBytes { _ = write(ends.write, $0.baseAddress, $0.count) }
  close(ends.write)
  return ends.read
}

private func input(_ text: String) -> Int32 {
  input(Array(text.utf8))
}

/// A pipe to write to, and a way to collect what was written once done.
private final class Output {
  let readEnd: Int32
  let writeEnd: Int32

  init() {
    (readEnd, writeEnd) = makePipe()
  }

  /// Closes the write end and returns everything written.
  func collect() -> String {
    close(writeEnd)
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = block.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
      guard count > 0 else {
        break
      }
      bytes += block[..<count]
    }
    close(readEnd)
    return String(decoding: bytes, as: UTF8.self)
  }
}

private func readAll(_ reader: PlainLineReader, prompt: String = "> ") -> [LineInput] {
  var results: [LineInput] = []
  while true {
    let result = reader.readLine(prompt: prompt)
    results.append(result)
    if result == .endOfInput {
      return results
    }
  }
}

struct PlainLineReaderTests {
  @Test func readsLinesThenEndOfInputAndPrintsEachPrompt() {
    let output = Output()
    let source = input("first\nsecond\n\nlast\n")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd)
    #expect(
      readAll(reader) == [.line("first"), .line("second"), .line(""), .line("last"), .endOfInput])
    #expect(reader.readLine(prompt: "> ") == .endOfInput)
    #expect(output.collect() == String(repeating: "> ", count: 6))
  }

  @Test func dropsTheCarriageReturnOfCRLF() {
    let output = Output()
    let source = input("one\r\ntwo\r\nin\rside\n")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd)
    #expect(readAll(reader) == [.line("one"), .line("two"), .line("in\rside"), .endOfInput])
    _ = output.collect()
  }

  @Test func keepsALastLineWithoutNewline() {
    let output = Output()
    let source = input("one\ntwo\r")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd)
    #expect(readAll(reader) == [.line("one"), .line("two"), .endOfInput])
    _ = output.collect()
  }

  @Test func emptyInputIsEndOfInput() {
    let output = Output()
    let source = input("")
    defer { close(source) }
    #expect(readAll(PlainLineReader(input: source, output: output.writeEnd)) == [.endOfInput])
    #expect(output.collect() == "> ")
  }

  @Test func decodesUTF8AndReplacesInvalidBytes() {
    let output = Output()
    let source = input(Array("ça · va\n".utf8) + [0x61, 0xFF, 0x62, 0xC3, 0x0A])
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd)
    #expect(readAll(reader) == [.line("ça · va"), .line("a\u{FFFD}b\u{FFFD}"), .endOfInput])
    _ = output.collect()
  }

  @Test func readsLinesLongerThanOneBlock() {
    let long = String(repeating: "é", count: 5000)  // 10,000 bytes
    let output = Output()
    let source = input(long + "\nshort\n")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd)
    #expect(readAll(reader) == [.line(long), .line("short"), .endOfInput])
    _ = output.collect()
  }

  @Test func echoInputMakesTheOutputReadLikeATerminalSession() {
    let output = Output()
    let source = input("hello\nbye")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd, echoInput: true)
    #expect(readAll(reader, prompt: "turn 1 · you › ").count == 3)
    #expect(output.collect() == "turn 1 · you › hello\nturn 1 · you › bye\nturn 1 · you › \n")
  }

  @Test func theEchoLeavesOutControlCharacters() {
    let output = Output()
    let source = input("\u{1B}[31mred\u{1B}[0m\u{7}\u{9B}2J\n")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd, echoInput: true)
    #expect(readAll(reader, prompt: "› ").first == .line("\u{1B}[31mred\u{1B}[0m\u{7}\u{9B}2J"))
    #expect(output.collect() == "› [31mred[0m2J\n› \n")
  }

  @Test func rememberDoesNothing() {
    let output = Output()
    let source = input("x\n")
    defer { close(source) }
    let reader = PlainLineReader(input: source, output: output.writeEnd)
    reader.remember("something")
    #expect(readAll(reader) == [.line("x"), .endOfInput])
    _ = output.collect()
  }
}
