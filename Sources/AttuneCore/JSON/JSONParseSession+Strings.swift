/// The lexer for strings: escapes, surrogate pairs, control characters and invalid bytes.
extension JSONParseSession {
  /// Reads the string whose opening quote (`"`, or `'` after an error) is at `pos` into
  /// `tokenText`; false when the string is unterminated (reported; parsing cannot go on).
  ///
  /// Runs without escapes are decoded in one piece straight from the buffer; only strings
  /// with escapes or invalid bytes go through `scratch`.
  mutating func lexString(quote: UInt8) -> Bool {
    let startLocation = token.location
    let count = bytes.count
    pos += 1
    var segmentStart = pos
    var usesScratch = false
    var firstLineBreak: SourceLocation?
    scanning: while true {
      while pos < count {
        let byte = bytes[pos]
        if byte == quote || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
        pos += 1
      }
      guard pos < count else {
        reportUnterminatedString(from: startLocation, firstLineBreak: firstLineBreak)
        return false
      }
      let byte = bytes[pos]
      switch byte {
      case quote:
        break scanning
      case 0x80...:
        let length = utf8Sequence(at: pos).length
        if length > 0 {
          pos += length
          asciiFrom = pos
          continue scanning
        }
        flush(from: segmentStart, into: &usesScratch)
        skipInvalidUTF8(scope: .slot)
        scratch.append(contentsOf: [0xEF, 0xBF, 0xBD])
        segmentStart = pos
      case UInt8(ascii: "\\"):
        flush(from: segmentStart, into: &usesScratch)
        lexEscape(quote: quote)
        segmentStart = pos
      case 0x0A, 0x0D:
        let here = location(at: pos)
        if firstLineBreak == nil {
          firstLineBreak = here
          if quote == UInt8(ascii: "\""),
            let end = missingClosingQuote(lineBreak: pos, segmentStart: segmentStart)
          {
            error(
              .jsonSyntax,
              "the string that starts at \(startLocation) is not closed on its line; add the"
                + " closing \" at the end of its text",
              at: location(at: end), scope: .slot)
            pos = end
            finishString(
              segmentStart: segmentStart, usesScratch: usesScratch, start: startLocation)
            return true
          }
        }
        error(
          .jsonControlCharacter,
          "a line break is not allowed inside a string; write \\n for a new line, or add the"
            + " closing \" if it is missing",
          at: here, scope: .slot)
        consumeLineBreak()
      default:
        if !stopped {
          reportControlCharacter(byte)
        }
        pos += 1
      }
    }
    finishString(segmentStart: segmentStart, usesScratch: usesScratch, start: startLocation)
    pos += 1
    return true
  }

  private mutating func reportControlCharacter(_ byte: UInt8) {
    error(
      .jsonControlCharacter,
      byte == 0x09
        ? "a tab is not allowed inside a string; write \\t instead"
        : "the control character \(Self.codePoint(UInt32(byte))) is not allowed inside a"
          + " string; write it as \\u\(Self.codePoint(UInt32(byte)).dropFirst(2)) or delete it",
      at: location(at: pos), scope: .slot)
  }

  /// Moves the plain run `segmentStart..<pos` into `scratch`, starting `scratch` afresh the
  /// first time a string needs it.
  private mutating func flush(from segmentStart: Int, into usesScratch: inout Bool) {
    if !usesScratch {
      scratch.removeAll(keepingCapacity: true)
      usesScratch = true
    }
    if segmentStart < pos {
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]))
    }
  }

  /// Sets `tokenText` to the string read, ending at `pos`, and checks its length.
  private mutating func finishString(segmentStart: Int, usesScratch: Bool, start: SourceLocation) {
    let length: Int
    if usesScratch {
      if segmentStart < pos {
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]))
      }
      tokenText = String(decoding: scratch, as: UTF8.self)
      length = scratch.count
    } else {
      tokenText = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]), as: UTF8.self)
      length = pos - segmentStart
    }
    if length > limits.maximumStringLength {
      error(
        .jsonStringTooLong,
        "this string is \(length) bytes long, more than the limit of"
          + " \(limits.maximumStringLength) bytes; shorten it or split it",
        at: start, scope: .slot)
    }
  }

  /// Where a string that meets a raw line break most likely lacks its closing quote: before
  /// a trailing comma when the next line starts a key or closes a container, or at the line
  /// break when the next line closes a container. Nil when the break may be meant as text.
  private func missingClosingQuote(lineBreak: Int, segmentStart: Int) -> Int? {
    var last = lineBreak
    while last > segmentStart && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) {
      last -= 1
    }
    var next = lineBreak
    while next < bytes.count {
      let byte = bytes[next]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
      next += 1
    }
    guard next < bytes.count else { return nil }
    let following = bytes[next]
    let closes = following == UInt8(ascii: "}") || following == UInt8(ascii: "]")
    if last > segmentStart && bytes[last - 1] == UInt8(ascii: ",")
      && (closes || following == UInt8(ascii: "\""))
    {
      return last - 1
    }
    return closes ? last : nil
  }

  private mutating func reportUnterminatedString(
    from start: SourceLocation, firstLineBreak: SourceLocation?
  ) {
    var message =
      "unterminated string that starts at \(start); add the closing \" at the end of its text"
    if let firstLineBreak {
      message +=
        " (it runs on past the line break at \(firstLineBreak), where the closing \" is"
        + " probably missing)"
    }
    error(.jsonSyntax, message, at: location(at: pos), scope: .slot)
  }

  // MARK: - Escapes

  /// Decodes the escape whose backslash is at `pos` into `scratch`. An invalid escape is
  /// reported and its backslash dropped, so that the character after it is read as text.
  private mutating func lexEscape(quote: UInt8) {
    guard pos + 1 < bytes.count else {
      pos += 1
      return
    }
    let kind = bytes[pos + 1]
    var decoded: UInt8?
    switch kind {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = kind
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "u"): return lexUnicodeEscape()
    case UInt8(ascii: "'") where quote == UInt8(ascii: "'"): decoded = kind
    default: break
    }
    if let decoded {
      scratch.append(decoded)
      pos += 2
      return
    }
    guard !stopped else {
      pos += 1
      return
    }
    let message: String
    switch kind {
    case UInt8(ascii: "'"):
      message = #"\' is not a JSON escape: a single quote needs no backslash; write ' alone"#
    case UInt8(ascii: "x"):
      message =
        #"\x is not a JSON escape; write a character as \u and four hexadecimal digits"#
        + #" (\u00e9 for é), or write \\ for a backslash"#
    case 0x21...0x7E:
      message =
        #"\\#(Character(Unicode.Scalar(kind))) is not a JSON escape; the escapes are \" \\ \/"#
        + #" \b \f \n \r \t and \uXXXX: write \\ for a backslash"#
    default:
      message = #"a backslash must be followed by an escape letter; write \\ for a backslash"#
    }
    error(.jsonInvalidEscape, message, at: location(at: pos), scope: .slot)
    pos += 1
  }

  /// Decodes a `\uXXXX` escape at `pos`, joining a surrogate pair written as two escapes.
  private mutating func lexUnicodeEscape() {
    let escapeLocation = location(at: pos)
    guard let unit = hexQuad(at: pos + 2) else {
      error(
        .jsonInvalidEscape,
        #"\u must be followed by four hexadecimal digits, as in \u00e9; write \\ for a"#
          + " backslash",
        at: escapeLocation, scope: .slot)
      pos += 2
      return
    }
    pos += 6
    var value = unit
    if unit >= 0xD800 && unit < 0xDC00 {
      if pos + 1 < bytes.count && bytes[pos] == UInt8(ascii: "\\")
        && bytes[pos + 1] == UInt8(ascii: "u"), let low = hexQuad(at: pos + 2),
        low >= 0xDC00 && low < 0xE000
      {
        value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        pos += 6
      } else {
        reportLoneSurrogate(unit, first: true, at: escapeLocation)
        value = 0xFFFD
      }
    } else if unit >= 0xDC00 && unit < 0xE000 {
      reportLoneSurrogate(unit, first: false, at: escapeLocation)
      value = 0xFFFD
    }
    appendUTF8(value)
  }

  private mutating func reportLoneSurrogate(
    _ unit: UInt32, first: Bool, at location: SourceLocation
  ) {
    let written = "\\u" + Self.codePoint(unit).dropFirst(2)
    error(
      .jsonLoneSurrogate,
      "\(written) is the \(first ? "first" : "second") half of a surrogate pair, but the"
        + " \(first ? "second" : "first") half is missing; write the whole pair"
        + #" (such as \uD83D\uDE00) or the character itself"#,
      at: location, scope: .slot)
  }

  /// The value of four hexadecimal digits at `offset`, if there are four.
  private func hexQuad(at offset: Int) -> UInt32? {
    guard offset + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for index in offset..<offset + 4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
