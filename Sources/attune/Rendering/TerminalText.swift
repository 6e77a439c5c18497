/// Makes untrusted text safe to print to a terminal: control characters and escape sequences
/// from scenarios or transcripts never reach it.
enum TerminalText {
  /// `text` with escape sequences removed, tabs turned into spaces, other control characters
  /// (C0, DEL, C1) and bidirectional overrides dropped. Newlines are kept when
  /// `keepNewlines` is set.
  static func sanitized(_ text: String, keepNewlines: Bool = true) -> String {
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x1B:
        // Skip an escape sequence: ESC [ ... final byte, ESC ] ... BEL/ST, or ESC + one.
        guard let next = scalars.next() else { break }
        if next == "[" {
          while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
        } else if next == "]" || next == "P" || next == "_" || next == "^" {
          var previous: Unicode.Scalar?
          while let c = scalars.next() {
            if c.value == 0x07 || (previous?.value == 0x1B && c == "\\") { break }
            previous = c
          }
        }
      case 0x0A where keepNewlines:
        result.append(scalar)
      case 0x09:
        result.append(" ")
      case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
        continue
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Wraps `text` to `width` columns, with `indent` before every line.
  static func wrapped(_ text: String, width: Int, indent: String = "") -> String {
    let available = max(20, width - indent.count)
    var lines: [String] = []
    for paragraph in sanitized(text).split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= available {
          line += " " + word
        } else {
          lines.append(indent + line)
          line = String(word)
        }
        while line.count > available {
          lines.append(indent + String(line.prefix(available)))
          line = String(line.dropFirst(available))
        }
      }
      lines.append(indent + line)
    }
    return lines.joined(separator: "\n")
  }
}
