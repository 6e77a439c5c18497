/// The lexer: punctuation, literals and bare words, and everything that starts no token.
extension JSONParseSession {
  /// Reads the next token into `token`, skipping whitespace and comments.
  ///
  /// Lexical mistakes that can be read past (single quotes, bad numbers, bad escapes, ...) are
  /// reported here and the token is delivered as the author most likely meant it.
  mutating func nextToken() {
    skipWhitespace()
    token.start = pos
    token.location = location(at: pos)
    token.reported = false
    guard pos < bytes.count else {
      token.kind = .end
      token.endLocation = token.location
      return
    }
    let byte = bytes[pos]
    switch byte {
    case UInt8(ascii: "["): punctuation(.beginArray)
    case UInt8(ascii: "]"): punctuation(.endArray)
    case UInt8(ascii: "{"): punctuation(.beginObject)
    case UInt8(ascii: "}"): punctuation(.endObject)
    case UInt8(ascii: ":"): punctuation(.colon)
    case UInt8(ascii: ","): punctuation(.comma)
    case UInt8(ascii: "\""):
      token.kind = lexString(quote: byte) ? .string : .failed
    case UInt8(ascii: "'"):
      error(
        .jsonSingleQuotes,
        "strings must be in double quotes, not single quotes; replace the ' around this text"
          + " with \"",
        at: token.location, scope: .slot)
      token.kind = lexString(quote: byte) ? .string : .failed
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."):
      lexNumber()
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "_"), UInt8(ascii: "$"):
      lexWord()
    default:
      lexOther()
    }
    token.endLocation = location(at: pos)
  }

  private mutating func punctuation(_ kind: JSONToken.Kind) {
    token.kind = kind
    pos += 1
  }

  // MARK: - Words

  /// Reads a bare word: `true`, `false`, `null`, or an error such as an unquoted key, `True`,
  /// `NaN` or `Infinity`.
  private mutating func lexWord() {
    let start = pos
    let count = bytes.count
    while pos < count {
      let byte = bytes[pos]
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"),
        UInt8(ascii: "-"):
        pos += 1
      case 0x80...:
        let (value, length) = utf8Sequence(at: pos)
        guard length > 0, Self.isLetter(value) else { return finishWord(from: start) }
        pos += length
        asciiFrom = pos
      default:
        return finishWord(from: start)
      }
    }
    finishWord(from: start)
  }

  private mutating func finishWord(from start: Int) {
    let length = pos - start
    if length == 4 && matches("true", at: start) {
      token.kind = .literalTrue
    } else if length == 5 && matches("false", at: start) {
      token.kind = .literalFalse
    } else if length == 4 && matches("null", at: start) {
      token.kind = .literalNull
    } else {
      tokenText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
      if tokenText == "NaN" || tokenText == "Infinity" {
        token.kind = .number
        let (message, fix) = Self.numberProblem(tokenText)
        error(.jsonInvalidNumber, message, at: token.location, scope: .slot, suggestion: fix)
        tokenNumber = .recovered(from: tokenText)
      } else {
        token.kind = .word
      }
    }
  }

  private func matches(_ literal: StaticString, at start: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard start + length <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for index in 0..<length where bytes[start + index] != pointer[index] { return false }
    return true
  }

  /// Whether a non-ASCII scalar may be part of a bare word (a letter such as é).
  private static func isLetter(_ value: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.isAlphabetic
  }

  // MARK: - Everything else

  /// Reads what starts no JSON token: invalid UTF-8, typographic quotes, a non-ASCII word,
  /// or a run of stray characters.
  private mutating func lexOther() {
    let start = pos
    let first = bytes[pos]
    if first >= 0x80 {
      let (value, length) = utf8Sequence(at: pos)
      if length == 0 {
        skipInvalidUTF8(scope: .slot)
        token.kind = .junk
        token.reported = true
        tokenText = ""
        return
      }
      if value == 0x201C || value == 0x201D { return lexTypographicString() }
      if Self.isLetter(value) { return lexWord() }
      pos += length
    } else {
      pos += 1
    }
    // Take the stray characters that follow, so that a run of them is one error.
    let count = bytes.count
    while pos < count {
      let byte = bytes[pos]
      if byte < 0x80 {
        guard Self.isStrayASCII(byte) else { break }
        pos += 1
      } else {
        let (value, length) = utf8Sequence(at: pos)
        guard length > 0, value != 0x201C, value != 0x201D, !Self.isLetter(value) else { break }
        pos += length
      }
    }
    asciiFrom = pos
    tokenText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    token.kind = .junk
  }

  /// Whether an ASCII byte starts no token and is no whitespace (`@`, `#`, `;`, a control
  /// character, ...).
  private static func isStrayASCII(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D: false
    case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"),
      UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "$"):
      false
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"):
      false
    default: true
    }
  }

  /// Reads a string written between typographic quotes (“ ”), as word processors type them,
  /// up to the next typographic or straight double quote, or the end of the line.
  private mutating func lexTypographicString() {
    let startLocation = token.location
    let count = bytes.count
    pos += 3
    let contentStart = pos
    while pos < count {
      let byte = bytes[pos]
      if byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D { break }
      if byte == 0xE2 && pos + 2 < count && bytes[pos + 1] == 0x80
        && (bytes[pos + 2] == 0x9C || bytes[pos + 2] == 0x9D)
      {
        break
      }
      pos += 1
    }
    tokenText = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]), as: UTF8.self)
    if pos < count && bytes[pos] == UInt8(ascii: "\"") {
      pos += 1
    } else if pos < count && bytes[pos] == 0xE2 {
      pos += 3
    }
    asciiFrom = pos
    error(
      .jsonSyntax,
      "typographic quotes (“ ”) do not delimit JSON strings; replace them with straight double"
        + " quotes (\"), and turn off smart quotes in your editor",
      at: startLocation, scope: .slot)
    token.kind = .string
  }

  /// What a stray token is, without an article ("character '@'"), and what to do about it,
  /// for messages.
  func describeStray(_ text: String) -> (what: String, fix: String) {
    guard let first = text.unicodeScalars.first else {
      return ("bytes that are not UTF-8", "save the file as UTF-8")
    }
    switch first.value {
    case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
      return (
        "special space (\(Self.codePoint(first.value)))",
        "replace it with an ordinary space"
      )
    case 0xFEFF, 0x200B...0x200D, 0x2060:
      return (
        "invisible character (\(Self.codePoint(first.value)))",
        "delete it"
      )
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x201E, 0x201F, 0xAB, 0xBB:
      return ("typographic quote '\(first)'", "use straight double quotes (\") around strings")
    case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029:
      return ("control character \(Self.codePoint(first.value))", "delete it")
    default:
      let shown = Self.shortened(text)
      return (
        text.unicodeScalars.count == 1 ? "character '\(shown)'" : "characters '\(shown)'",
        "delete it, or put text in double quotes"
      )
    }
  }
}
