/// Recovery from tokens out of place: bare words as values, separators and closers where a
/// value belongs, and closers that do not match the innermost open container.
extension JSONParseSession {
  /// The value of a bare word where a value belongs (`True`, `None`, `tru`, `hello`), as the
  /// author most likely meant it, after reporting it.
  mutating func recoveredWordValue() -> JSONValue.Kind {
    let word = Self.shortened(tokenText)
    let lower = tokenText.lowercased()
    let literal: String
    if ["true", "false", "null"].contains(lower) {
      literal = lower
      error(
        .jsonSyntax, "'\(word)' is not a JSON value; write \(lower) in lower case",
        at: token.location, scope: .slot, suggestion: lower)
    } else if ["none", "nil", "undefined"].contains(lower) {
      literal = "null"
      error(
        .jsonSyntax, "'\(word)' is not a JSON value; write null", at: token.location,
        scope: .slot, suggestion: "null")
    } else if let close = NameSuggestion.closest(to: lower, among: ["true", "false", "null"]) {
      literal = close
      error(
        .jsonSyntax,
        "'\(word)' is not a JSON value; write \(close) if you meant that, or \"\(word)\" in"
          + " double quotes for text",
        at: token.location, scope: .slot, suggestion: close)
    } else {
      error(
        .jsonSyntax,
        "text must be in double quotes; write \"\(word)\" instead of \(word)",
        at: token.location, scope: .slot, suggestion: word == tokenText ? "\"\(word)\"" : nil)
      return .string(tokenText)
    }
    switch literal {
    case "true": return .bool(true)
    case "false": return .bool(false)
    default: return .null
    }
  }

  /// Handles `,`, `:`, `]` or `}` where a value belongs.
  mutating func misplacedInsteadOfValue() -> GrammarState {
    guard let top = stack.last else {
      error(
        .jsonSyntax,
        "expected a JSON value such as { } or [ ], found \(describeToken()); delete it",
        at: token.location, scope: .none)
      return .failed
    }
    if top.isObject {
      let key = Self.shortened(top.pendingKey ?? "")
      if token.kind == .colon {
        error(
          .jsonSyntax, "a second ':' after the key \"\(key)\"; delete it",
          at: token.location, scope: .slot)
        nextToken()
        return .value
      }
      error(
        .jsonSyntax,
        "the key \"\(key)\" has no value: expected a value after ':', found"
          + " \(describeToken()); write a value such as \"\", 0 or null",
        at: token.location, scope: .slot)
      stack[stack.count - 1].pendingKey = nil
      return .afterValue
    }
    switch token.kind {
    case .comma:
      error(
        .jsonSyntax,
        openElements.count == top.firstIndex
          ? "a comma before the first element of the array; delete it"
          : "two commas in a row: an element is missing between them; delete one comma",
        at: token.location, scope: .container)
      skipCommas()
      return .value
    case .endArray:
      if let comma = pendingComma { reportTrailingComma(at: comma, closer: "]") }
      return closeContainer()
    case .colon:
      error(
        .jsonSyntax,
        "':' is not allowed in an array; separate elements with ',', or use { } for an object"
          + " with keys",
        at: token.location, scope: .container)
      nextToken()
      return .value
    default:
      return closeMismatched()
    }
  }

  // MARK: - Closing containers

  /// Closes the innermost container with the current token, its closer.
  mutating func closeContainer() -> GrammarState {
    let state = complete(popContainer(endLocation: token.endLocation))
    nextToken()
    return state
  }

  /// Removes the innermost container from the stack and makes its value.
  mutating func popContainer(endLocation: SourceLocation) -> JSONValue {
    let container = stack.removeLast()
    let kind: JSONValue.Kind
    // The first container in a buffer takes the whole buffer, without copying: the largest
    // arrays of a document are usually there.
    if container.isObject {
      if container.firstIndex == 0 {
        kind = .object(openMembers)
        openMembers = []
      } else {
        kind = .object(Array(openMembers[container.firstIndex...]))
        openMembers.removeSubrange(container.firstIndex...)
      }
    } else {
      if container.firstIndex == 0 {
        kind = .array(openElements)
        openElements = []
      } else {
        kind = .array(Array(openElements[container.firstIndex...]))
        openElements.removeSubrange(container.firstIndex...)
      }
    }
    return JSONValue(kind, location: container.location, endLocation: endLocation)
  }

  /// Handles a `]` or `}` that does not match the innermost container: when an outer one
  /// matches, the ones inside it are closed here (their closers are missing); otherwise the
  /// closer is stray and skipped.
  mutating func closeMismatched() -> GrammarState {
    let closesObject = token.kind == .endObject
    let closer = closesObject ? "}" : "]"
    let top = stack[stack.count - 1]
    guard let index = stack.lastIndex(where: { $0.isObject == closesObject }) else {
      error(
        .jsonSyntax,
        "unexpected '\(closer)': no '\(closesObject ? "{" : "[")' is open here (the '\(top.opener)'"
          + " opened at \(top.location) is closed by '\(top.closer)'); delete it",
        at: token.location, scope: .container)
      nextToken()
      return .afterValue
    }
    error(
      .jsonSyntax,
      "'\(closer)' cannot close the '\(top.opener)' opened at \(top.location); add"
        + " '\(top.closer)' before it",
      at: token.location, scope: .container)
    while stack.count - 1 > index {
      _ = complete(popContainer(endLocation: token.location))
    }
    return .afterValue
  }

  /// Skips the comma at hand and any that follow it.
  mutating func skipCommas() {
    repeat { nextToken() } while token.kind == .comma
  }
}
