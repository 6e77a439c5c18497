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
    if let source, let line = Self.line(diagnostic.line, of: source) {
      let number = String(diagnostic.line)
      let gutter = String(repeating: " ", count: number.count)
      let shown = TerminalText.sanitized(line, keepNewlines: false)
      let caretColumn = min(max(diagnostic.column - 1, 0), shown.count)
      let padding = String(repeating: " ", count: caretColumn)
      text += "\n \(number) | \(shown)\n \(gutter) | \(padding)\(style.green("^"))"
    }
    return text
  }

  /// The 1-based `number`th line of `source`, if it exists and is of a sane length to show.
  static func line(_ number: Int, of source: [UInt8]) -> String? {
    var current = 1
    var start = 0
    var index = 0
    while index < source.count && current < number {
      if source[index] == UInt8(ascii: "\n") {
        current += 1
        start = index + 1
      }
      index += 1
    }
    guard current == number else { return nil }
    var end = start
    while end < source.count && source[end] != UInt8(ascii: "\n") && end - start < 400 { end += 1 }
    var line = String(decoding: source[start..<end], as: UTF8.self)
    if line.hasSuffix("\r") { line.removeLast() }
    return line
  }
}
