/// The grammar: a loop over tokens driven by an explicit stack of open containers, so that
/// nesting costs no recursion.
extension JSONParseSession {
  /// Where the grammar stands between two tokens.
  enum GrammarState {
    /// A value must come (at the top, after `[`, `,` in an array, or `:`).
    case value
    /// A value has just been completed.
    case afterValue
    /// A key (or `}`) must come, after `{` or `,` in an object.
    case key
    /// The `:` after a key must come.
    case colon
    /// The top-level value is complete.
    case done
    /// Parsing cannot go on; there is no tree.
    case failed
  }

  /// Parses the whole text: the optional byte-order mark, one value, and nothing after it.
  mutating func run() -> JSONValue? {
    let count = bytes.count
    if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      error(
        .jsonByteOrderMark,
        "the file starts with a byte-order mark (BOM), which JSON does not allow; remove the"
          + " byte-order mark: save the file as UTF-8 without BOM",
        at: .start, scope: .none)
      skipByteOrderMark()
    } else if Self.looksLikeUTF16or32(bytes) {
      error(
        .jsonInvalidUTF8,
        "the file is not UTF-8 (it looks like UTF-16 or UTF-32 text); save it as UTF-8",
        at: .start, scope: .none)
      return nil
    }
    return parseDocument()
  }

  /// Whether the text starts with a UTF-16 byte-order mark, or with an ASCII character
  /// encoded in UTF-16 or UTF-32 (zero bytes beside it).
  private static func looksLikeUTF16or32(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    if count >= 2 && ((bytes[0], bytes[1]) == (0xFE, 0xFF) || (bytes[0], bytes[1]) == (0xFF, 0xFE))
    {
      return true
    }
    guard count >= 4 else { return false }
    let bigEndian = bytes[0] == 0 && bytes[2] == 0 && bytes[3] != 0
    let littleEndian = bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0
    return bigEndian || littleEndian
  }

  /// Runs the grammar over the tokens until the top-level value is complete or parsing
  /// cannot go on.
  private mutating func parseDocument() -> JSONValue? {
    let textStart = pos
    nextToken()
    if token.kind == .end {
      error(
        .jsonEmpty,
        textStart == bytes.count
          ? "the file is empty; a JSON file holds one value, such as { } for an object"
          : "the file holds no JSON value, only whitespace or comments; write a value such as"
            + " { } for an object",
        at: SourceLocation(line: 1, column: 1, offset: textStart), scope: .none)
      return nil
    }
    var state = GrammarState.value
    while !stopped {
      switch state {
      case .value: state = readValue()
      case .afterValue:
        if stack.isEmpty {
          state = finishDocument()
        } else if stack[stack.count - 1].isObject {
          state = afterMember()
        } else {
          state = afterElement()
        }
      case .key: state = readKey()
      case .colon: state = readColon()
      case .done: return root
      case .failed: return nil
      }
    }
    return nil
  }

  // MARK: - Values

  /// Reads a value: a scalar is complete at once; `[` and `{` open a container.
  private mutating func readValue() -> GrammarState {
    switch token.kind {
    case .beginArray, .beginObject:
      guard stack.count < limits.maximumDepth else {
        error(
          .jsonTooDeep,
          "arrays and objects are nested more than \(limits.maximumDepth) levels deep here,"
            + " the most allowed; flatten the structure",
          at: token.location, scope: .slot)
        return .failed
      }
      let isObject = token.kind == .beginObject
      stack.append(
        JSONOpenContainer(
          isObject: isObject, location: token.location,
          firstIndex: isObject ? openMembers.count : openElements.count))
      pendingComma = nil
      nextToken()
      if isObject { return .key }
      if token.kind == .endArray { return closeContainer() }
      return .value
    case .string: return completeScalar(.string(tokenText))
    case .number: return completeScalar(.number(tokenNumber))
    case .literalTrue: return completeScalar(.bool(true))
    case .literalFalse: return completeScalar(.bool(false))
    case .literalNull: return completeScalar(.null)
    case .word: return completeScalar(recoveredWordValue())
    case .junk:
      reportStray(expected: "a value")
      pendingComma = nil
      nextToken()
      return .value
    case .end:
      reportUnexpectedEnd(expected: "a value")
      return .failed
    case .failed:
      return .failed
    case .comma, .colon, .endArray, .endObject:
      return misplacedInsteadOfValue()
    }
  }

  /// Completes the current token as a scalar value and moves on.
  mutating func completeScalar(_ kind: JSONValue.Kind) -> GrammarState {
    let state = complete(
      JSONValue(kind, location: token.location, endLocation: token.endLocation))
    nextToken()
    return state
  }

  /// Adds a finished value to the innermost open container, or makes it the root.
  mutating func complete(_ value: JSONValue) -> GrammarState {
    valueCount += 1
    guard valueCount <= limits.maximumValues else {
      error(
        .jsonTooManyValues,
        "the file holds more than \(limits.maximumValues) values (strings, numbers, lists and"
          + " objects), the most allowed; no scenario needs so many: is this the right file?",
        at: value.location, scope: .slot)
      stopped = true
      return .failed
    }
    lastValueEnd = value.endLocation
    pendingComma = nil
    guard !stack.isEmpty else {
      root = value
      return .afterValue
    }
    let last = stack.count - 1
    if stack[last].isObject {
      openMembers.append(
        JSONMember(
          key: stack[last].pendingKey ?? "", keyLocation: stack[last].pendingKeyLocation,
          value: value))
      stack[last].pendingKey = nil
    } else {
      openElements.append(value)
    }
    return .afterValue
  }

  // MARK: - After a value

  /// After an array element: `,` or `]`; a value here means a missing comma.
  private mutating func afterElement() -> GrammarState {
    switch token.kind {
    case .comma:
      pendingComma = token.location
      nextToken()
      return .value
    case .endArray:
      return closeContainer()
    case .endObject:
      return closeMismatched()
    case .colon:
      error(
        .jsonSyntax,
        "':' is not allowed in an array; separate elements with ',', or use { } for an object"
          + " with keys",
        at: token.location, scope: .container)
      nextToken()
      return .value
    case .junk:
      reportStray(expected: "',' or ']'")
      nextToken()
      return .afterValue
    case .end:
      reportUnexpectedEnd(expected: "',' or ']' after an array element")
      return .failed
    case .failed:
      return .failed
    default:
      error(
        .jsonMissingComma,
        "missing ',' between array elements; add a comma after the previous element",
        at: lastValueEnd, scope: .container)
      return .value
    }
  }

  /// After a member's value: `,` or `}`; a key here means a missing comma.
  private mutating func afterMember() -> GrammarState {
    var after: String {
      openMembers.count > stack[stack.count - 1].firstIndex
        ? "after the member \"\(Self.shortened(openMembers[openMembers.count - 1].key))\""
        : "here"
    }
    switch token.kind {
    case .comma:
      pendingComma = token.location
      nextToken()
      return .key
    case .endObject:
      return closeContainer()
    case .endArray:
      return closeMismatched()
    case .string, .word:
      error(
        .jsonMissingComma, "missing ',' \(after); add a comma before the next key",
        at: lastValueEnd, scope: .container)
      return .key
    case .colon, .number, .literalTrue, .literalFalse, .literalNull:
      error(
        .jsonSyntax,
        "expected ',' or '}' \(after), found \(describeToken()); delete it, or write a new"
          + " member as \"key\": value after a comma",
        at: token.location, scope: .container)
      nextToken()
      return .afterValue
    case .beginArray, .beginObject:
      error(
        .jsonSyntax,
        "expected ',' or '}' \(after), found \(describeToken()); in an object every value"
          + " needs a key: write \"key\": before it",
        at: token.location, scope: .container)
      return .failed
    case .junk:
      reportStray(expected: "',' or '}'")
      nextToken()
      return .afterValue
    case .end:
      reportUnexpectedEnd(expected: "',' or '}' \(after)")
      return .failed
    case .failed:
      return .failed
    }
  }

  /// After the top-level value: only the end of the text may follow.
  private mutating func finishDocument() -> GrammarState {
    switch token.kind {
    case .end, .failed:
      return .done
    default:
      if !token.reported {
        error(
          .jsonTrailingContent,
          "more text after the end of the JSON value, starting with \(describeToken()); a file"
            + " holds exactly one value: delete the extra text, or put all values in one array"
            + " [ ... ]",
          at: token.location, scope: .none)
      }
      return .done
    }
  }
}
