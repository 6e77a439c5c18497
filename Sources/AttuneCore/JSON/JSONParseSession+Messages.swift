/// Diagnostics and the descriptions of tokens that several grammar states share.
extension JSONParseSession {
  /// Reports the comma at `location` as trailing before `closer`.
  mutating func reportTrailingComma(at location: SourceLocation, closer: String) {
    error(
      .jsonTrailingComma,
      "trailing comma before '\(closer)': JSON does not allow a comma after the last"
        + " \(closer == "]" ? "element" : "member"); delete it",
      at: location, scope: .container)
  }

  /// Reports the current stray token, unless the lexer already has (invalid UTF-8).
  mutating func reportStray(expected: String) {
    guard !token.reported else { return }
    let (what, fix) = describeStray(tokenText)
    error(
      .jsonSyntax, "unexpected \(what) where \(expected) belongs; \(fix)",
      at: token.location, scope: .slot)
  }

  /// Reports the end of the text inside open containers, naming where they were opened.
  mutating func reportUnexpectedEnd(expected: String) {
    var message = "unexpected end of the file: expected \(expected)"
    let open = stack.reversed().map { "the '\($0.opener)' opened at \($0.location)" }
    if !open.isEmpty {
      var names = open.prefix(3).joined(separator: ", ")
      if open.count > 3 { names += " and \(open.count - 3) more" }
      message += "; \(names) \(open.count == 1 ? "is" : "are") not closed"
      if open.count <= 10 {
        message += ": add \"\(stack.reversed().map(\.closer).joined())\" at the end"
      }
    }
    error(.jsonSyntax, message, at: token.location, scope: .container)
  }

  /// Text from the file as quoted in a message: cut to its first 27 characters and "..."
  /// when longer than 30.
  static func shortened(_ text: String) -> String {
    guard text.utf8.count > 30, text.unicodeScalars.count > 30 else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(27))) + "..."
  }

  /// The current token, for messages: "'}'", "the string \"abc\"", "the end of the file".
  func describeToken() -> String {
    let shorten = Self.shortened
    switch token.kind {
    case .beginArray: return "'['"
    case .endArray: return "']'"
    case .beginObject: return "'{'"
    case .endObject: return "'}'"
    case .colon: return "':'"
    case .comma: return "','"
    case .string: return "the string \"\(shorten(tokenText))\""
    case .number: return "the number \(shorten(tokenNumber.text))"
    case .literalTrue: return "'true'"
    case .literalFalse: return "'false'"
    case .literalNull: return "'null'"
    case .word: return "the word '\(shorten(tokenText))'"
    case .junk: return "the " + describeStray(tokenText).what
    case .end: return "the end of the file"
    case .failed: return "an unreadable token"
    }
  }
}
