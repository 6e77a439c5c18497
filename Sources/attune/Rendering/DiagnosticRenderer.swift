import AttuneCore

/// Renders diagnostics in the compiler convention, with the offending line and a caret:
///
///     Scenarios/x.json:12:5: error: the turn has no field "sayz"; did you mean "says"? [unknown-field]
///        12 |     "sayz": "Hello",
///           |     ^
struct DiagnosticRenderer {
  var style: Style

  func render(_ diagnostic: Diagnostic, source: [UInt8]?) -> String {
    let place = "\(diagnostic.file ?? "<input>"):\(diagnostic.line):\(diagnostic.column)"
    let label: String
    switch diagnostic.severity {
    case .error: label = style.red(style.bold("error:"))
    case .warning: label = style.yellow(style.bold("warning:"))
    case .note: label = style.cyan(style.bold("note:"))
    }
    var text =
      "\(style.bold(place + ":")) \(label) \(TerminalText.sanitized(diagnostic.message, keepNewlines: false))"
      + " [\(diagnostic.code)]"
    if let source, let line = Self.line(around: diagnostic.location.offset, of: source) {
      let number = String(diagnostic.line)
      let gutter = String(repeating: " ", count: number.count)
      let shown = TerminalText.sanitized(line, keepNewlines: false)
      let caretColumn = min(max(diagnostic.column - 1, 0), shown.count)
      let padding = String(repeating: " ", count: caretColumn)
      text += "\n \(number) | \(shown)\n \(gutter) | \(padding)\(style.green("^"))"
    }
    return text
  }

  /// The line of `source` that holds the byte at `offset`, up to its first 400 bytes; nil
  /// when the offset is outside the text or more than 4,096 bytes into its line.
  ///
  /// It looks only near the offset, so that rendering many diagnostics of a large file takes
  /// time linear in their number, not in the size of the file.
  static func line(around offset: Int, of source: [UInt8]) -> String? {
    guard offset >= 0 && offset <= source.count else { return nil }
    func isBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
    var start = offset
    while start > 0 && !isBreak(source[start - 1]) {
      guard offset - start < 4096 else { return nil }
      start -= 1
    }
    var end = start
    while end < source.count && !isBreak(source[end]) && end - start < 400 { end += 1 }
    return String(decoding: source[start..<end], as: UTF8.self)
  }

}
