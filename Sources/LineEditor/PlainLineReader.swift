import Glibc

/// Reads lines from a descriptor that is not a terminal (a pipe, a file, CI), printing the
/// prompt itself; keeps no history.
///
/// Lines end at `\n`; a `\r` before it is dropped, a last line without newline is still a
/// line, and bytes that are not UTF-8 decode to U+FFFD. Input is read in blocks, so one
/// descriptor must be read by one reader only.
public final class PlainLineReader: LineReader {
  private let input: Int32
  private let output: Int32
  private let echoInput: Bool
  private var buffer: [UInt8] = []
  private var reachedEnd = false

  /// - Parameters:
  ///   - input: the descriptor lines are read from.
  ///   - output: the descriptor prompts (and echoed lines) are written to.
  ///   - echoInput: print each line read after its prompt (and a newline at the end of the
  ///     input), so that a transcript of the output looks like a terminal session.
  public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, echoInput: Bool = false) {
    self.input = input
    self.output = output
    self.echoInput = echoInput
  }

  public func readLine(prompt: String) -> LineInput {
    write(prompt)
    guard let bytes = nextLine() else {
      if echoInput {
        write("\n")
      }
      return .endOfInput
    }
    let line = String(decoding: bytes, as: UTF8.self)
    if echoInput {
      // The echo is for people reading the output: control characters (an escape sequence
      // in piped input, say) are left out of it, never of the line returned.
      let shown = line.unicodeScalars.filter {
        $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value)
      }
      write(String(String.UnicodeScalarView(shown)) + "\n")
    }
    return .line(line)
  }

  /// Plain input has no history: does nothing.
  public func remember(_ line: String) {}

  /// The next line's bytes without its line ending, or nil at the end of the input.
  private func nextLine() -> [UInt8]? {
    var scanned = 0
    while true {
      if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        return Self.droppingCarriageReturn(line)
      }
      scanned = buffer.count
      if reachedEnd || !fill() {
        reachedEnd = true
        guard !buffer.isEmpty else {
          return nil
        }
        defer { buffer.removeAll() }
        return Self.droppingCarriageReturn(buffer)
      }
    }
  }

  private static func droppingCarriageReturn(_ line: [UInt8]) -> [UInt8] {
    line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line
  }

  /// Appends the next block of input to `buffer`; false at the end of the input or on error.
  private func fill() -> Bool {
    var block = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = block.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: block[..<count])
        return true
      }
      if count < 0 && errno == EINTR {
        continue
      }
      return false
    }
  }

  /// Writes everything, after flushing C stdio so that text printed with `print` comes first.
  private func write(_ text: String) {
    fflush(nil)
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR {
          continue
        }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }
}
