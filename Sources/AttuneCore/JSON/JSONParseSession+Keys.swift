/// The grammar inside objects: keys, with recovery from unquoted ones, and the `:` after them.
extension JSONParseSession {
  /// Reads a key after `{` or `,`: a string, or a bare word or number reported as an unquoted
  /// key; or `}`, which makes a comma just before it a trailing comma.
  mutating func readKey() -> GrammarState {
    switch token.kind {
    case .string:
      return acceptKey(tokenText)
    case .word, .literalTrue, .literalFalse, .literalNull, .number:
      let name: String =
        switch token.kind {
        case .word: tokenText
        case .literalTrue: "true"
        case .literalFalse: "false"
        case .literalNull: "null"
        default: tokenNumber.text
        }
      let shown = Self.shortened(name)
      error(
        .jsonUnquotedKey, "the key \(shown) must be in double quotes; write \"\(shown)\"",
        at: token.location, scope: .container, suggestion: shown == name ? "\"\(shown)\"" : nil)
      return acceptKey(name)
    case .endObject:
      if let comma = pendingComma { reportTrailingComma(at: comma, closer: "}") }
      return closeContainer()
    case .comma:
      error(
        .jsonSyntax,
        openMembers.count == stack[stack.count - 1].firstIndex
          ? "a comma before the first member of the object; delete it"
          : "two commas in a row: a member is missing between them; delete one comma",
        at: token.location, scope: .container)
      skipCommas()
      return .key
    case .endArray:
      return closeMismatched()
    case .colon, .beginArray, .beginObject:
      error(
        .jsonSyntax,
        "expected a key in double quotes, found \(describeToken()); in an object every value"
          + " needs a key: write \"key\": value",
        at: token.location, scope: .container)
      return .failed
    case .junk:
      reportStray(expected: "a key in double quotes")
      nextToken()
      return .key
    case .end:
      reportUnexpectedEnd(expected: "a key in double quotes or '}'")
      return .failed
    case .failed:
      return .failed
    }
  }

  /// Records the key of the member whose value comes next.
  mutating func acceptKey(_ key: String) -> GrammarState {
    let last = stack.count - 1
    stack[last].pendingKey = key
    stack[last].pendingKeyLocation = token.location
    stack[last].pendingKeyEnd = token.endLocation
    nextToken()
    return .colon
  }

  /// Reads the `:` after a key; a missing one is reported and assumed when a value follows,
  /// and a key followed by `,` or `}` is reported and dropped.
  mutating func readColon() -> GrammarState {
    let last = stack.count - 1
    var key: String { Self.shortened(stack[last].pendingKey ?? "") }
    switch token.kind {
    case .colon:
      nextToken()
      return .value
    case .comma, .endObject, .endArray:
      error(
        .jsonSyntax,
        "the key \"\(key)\" has no value; add ':' and a value after it, or delete the key",
        at: stack[last].pendingKeyEnd, scope: .slot)
      stack[last].pendingKey = nil
      return .afterValue
    case .junk:
      reportStray(expected: "':'")
      nextToken()
      return .colon
    case .end:
      reportUnexpectedEnd(expected: "':' after the key \"\(key)\"")
      return .failed
    case .failed:
      return .failed
    default:
      error(
        .jsonSyntax,
        "expected ':' after the key \"\(key)\"; add ':' between the key and its value",
        at: stack[last].pendingKeyEnd, scope: .slot)
      return .value
    }
  }
}
