/// The token the parser looks at, as found by the lexer of `JSONParseSession`.
///
/// Strings, words and numbers keep their content in the session (`tokenText`,
/// `tokenNumber`), so that a token stays a small plain value.
struct JSONToken {
  /// What a token is.
  enum Kind: Equatable {
    case beginArray, endArray, beginObject, endObject, colon, comma
    /// A string; its decoded content is in `tokenText`.
    case string
    /// A number; it is in `tokenNumber`.
    case number
    case literalTrue, literalFalse, literalNull
    /// A bare word that is not a JSON literal (`True`, `title`, `undefined`); it is in
    /// `tokenText`.
    case word
    /// Characters that start no token (`@`, a non-breaking space, invalid UTF-8 bytes); they
    /// are in `tokenText`.
    case junk
    /// The end of the text.
    case end
    /// An error the lexer cannot recover from (an unterminated string); it was reported.
    case failed
  }

  /// The token's kind.
  var kind = Kind.end
  /// The byte offset of the token's first character.
  var start = 0
  /// Where the token starts.
  var location = SourceLocation.start
  /// Just after the token's last character.
  var endLocation = SourceLocation.start
  /// Whether the lexer has already reported this token as an error.
  var reported = false

  /// Whether the token can start a value (used to spot a missing comma or colon).
  var startsValue: Bool {
    switch kind {
    case .beginArray, .beginObject, .string, .number, .literalTrue, .literalFalse, .literalNull,
      .word:
      true
    default: false
    }
  }

  /// Whether the token closes an array or an object.
  var isCloser: Bool { kind == .endArray || kind == .endObject }
}

/// An array or object the parser has opened and not yet closed.
struct JSONOpenContainer {
  /// Whether this is an object (otherwise an array).
  var isObject: Bool
  /// Where its `[` or `{` stands.
  var location: SourceLocation
  /// Where its elements (in `JSONParseSession.openElements`) or members (in
  /// `openMembers`) start.
  var firstIndex: Int
  /// The key of the member whose value comes next, once its key has been read.
  var pendingKey: String?
  /// Where the pending key starts.
  var pendingKeyLocation = SourceLocation.start
  /// Just after the pending key.
  var pendingKeyEnd = SourceLocation.start

  /// The opening bracket, for messages.
  var opener: String { isObject ? "{" : "[" }
  /// The closing bracket, for messages.
  var closer: String { isObject ? "}" : "]" }

  /// Creates the record of a container just opened.
  init(isObject: Bool, location: SourceLocation, firstIndex: Int) {
    self.isObject = isObject
    self.location = location
    self.firstIndex = firstIndex
  }
}
