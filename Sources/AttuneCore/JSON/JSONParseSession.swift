/// The state of one parse: the text, the read position, the line bookkeeping that turns byte
/// offsets into locations, the open containers and the diagnostics found so far.
///
/// The lexer (`+Lexer`, `+Strings`, `+Numbers`) and the grammar (`+Grammar`) are extensions.
/// Nothing recurses: open arrays and objects live on `stack`.
struct JSONParseSession {
  /// Which JSON Pointer a diagnostic gets.
  enum PointerScope {
    /// The value being read at the current position (a string, a number, ...).
    case slot
    /// The innermost open array or object.
    case container
    /// None: the problem concerns the text as a whole.
    case none
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let limits: JSONLimits
  let file: String?

  /// The offset of the next byte to read.
  var pos = 0
  /// The current line (1-based).
  var line = 1
  /// The offset of the current line's first character.
  var lineStart = 0
  /// A remembered column on the current line, so that locations cost time linear in the
  /// distance from the previous one rather than from the line start.
  private var columnCacheOffset = 0
  private var columnCacheColumn = 1
  /// Every byte the lexer has passed from here up to `pos` is ASCII, so that columns there
  /// need no counting. Whatever passes a non-ASCII byte moves this past it.
  var asciiFrom = 0
  /// Where line 1 starts: 0, or 3 after a byte-order mark (which editors do not show).
  private var firstLineStart = 0

  var diagnostics: [Diagnostic] = []
  private var errorCount = 0
  /// Set once the error limit or the value limit is reached: nothing more is reported and
  /// parsing ends without a tree.
  var stopped = false

  /// The arrays and objects opened and not yet closed, outermost first.
  var stack: [JSONOpenContainer] = []
  /// The elements of all open arrays, and the members of all open objects, each container's
  /// after those of the containers around it. A container's own are copied out into an array
  /// of exact size when it closes, so that no array grows step by step.
  var openElements: [JSONValue] = []
  var openMembers: [JSONMember] = []
  /// How many values have been completed, against `limits.maximumValues`.
  var valueCount = 0
  /// The top-level value, once complete.
  var root: JSONValue?
  /// Just after the value completed last, where a missing comma belongs.
  var lastValueEnd = SourceLocation.start
  /// The separating comma read last, until a value follows it: a closer then makes it a
  /// trailing comma.
  var pendingComma: SourceLocation?

  /// The current token, and the content of a string, word or number token.
  var token = JSONToken()
  var tokenText = ""
  var tokenNumber = JSONNumber.zero
  /// Reused buffer for strings with escapes.
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits, file: String?) {
    self.bytes = bytes
    self.limits = limits
    self.file = file
  }

  // MARK: - Locations

  /// The location of the byte at `offset`, which must be on the current line.
  mutating func location(at offset: Int) -> SourceLocation {
    guard offset >= lineStart else { return slowLocation(at: offset) }
    if offset < columnCacheOffset {
      columnCacheOffset = lineStart
      columnCacheColumn = 1
    }
    if columnCacheOffset >= asciiFrom && offset <= pos {
      let column = columnCacheColumn + (offset - columnCacheOffset)
      columnCacheOffset = offset
      columnCacheColumn = column
      return SourceLocation(line: line, column: column, offset: offset)
    }
    var continuationBytes = 0
    var index = columnCacheOffset
    while index < offset {
      if bytes[index] & 0xC0 == 0x80 { continuationBytes += 1 }
      index += 1
    }
    let column = columnCacheColumn + (offset - columnCacheOffset) - continuationBytes
    columnCacheOffset = offset
    columnCacheColumn = column
    return SourceLocation(line: line, column: column, offset: offset)
  }

  /// The location of any offset, counted from the start of the text; only for positions
  /// behind the current line, which the parser does not normally ask for.
  private func slowLocation(at offset: Int) -> SourceLocation {
    var line = 1
    var start = firstLineStart
    var index = firstLineStart
    while index < offset {
      let byte = bytes[index]
      index += 1
      if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
        line += 1
        start = index
      }
    }
    var column = 1
    for byte in bytes[start..<max(start, offset)] where byte & 0xC0 != 0x80 { column += 1 }
    return SourceLocation(line: line, column: column, offset: offset)
  }

  /// Notes that a new line starts at `offset`.
  mutating func startLine(at offset: Int) {
    line += 1
    lineStart = offset
    columnCacheOffset = offset
    columnCacheColumn = 1
  }

  /// Steps over the line break at `pos` (`\n`, `\r\n` or a lone `\r`).
  mutating func consumeLineBreak() {
    if bytes[pos] == 0x0D && pos + 1 < bytes.count && bytes[pos + 1] == 0x0A { pos += 1 }
    pos += 1
    startLine(at: pos)
  }

  /// Skips a UTF-8 byte-order mark at the start, so that line 1 starts after it.
  mutating func skipByteOrderMark() {
    pos = 3
    firstLineStart = 3
    lineStart = 3
    columnCacheOffset = 3
  }

  // MARK: - Diagnostics

  /// Records an error, unless the error limit has been reached; the limit's note is added
  /// once, and `stopped` is set.
  mutating func error(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
    scope: PointerScope, suggestion: String? = nil
  ) {
    guard !stopped else { return }
    guard errorCount < max(1, limits.maximumErrors) else {
      stopped = true
      diagnostics.append(
        Diagnostic(
          .note, .jsonTooManyErrors,
          "more than \(errorCount) errors; the rest of the file was not checked: fix the"
            + " errors above and check again",
          at: location, file: file))
      return
    }
    errorCount += 1
    let pointer: String? =
      switch scope {
      case .slot: slotPointer
      case .container: containerPointer
      case .none: nil
      }
    diagnostics.append(
      Diagnostic(
        .error, code, message, at: location, pointer: pointer, suggestion: suggestion,
        file: file))
  }

  /// The JSON Pointer of the value being read: the innermost container's current element or
  /// member, or the container itself while a key is awaited.
  var slotPointer: String { pointer(includingSlot: true) }

  /// The JSON Pointer of the innermost open container, nil outside all containers.
  var containerPointer: String? { stack.isEmpty ? nil : pointer(includingSlot: false) }

  private func pointer(includingSlot: Bool) -> String {
    // An array's element count is where the next array inside it starts its elements, or the
    // end of `openElements`; so walk from the innermost container outwards.
    var components: [String] = []
    var elementsEnd = openElements.count
    for (index, container) in stack.enumerated().reversed() {
      if container.isObject {
        if let key = container.pendingKey {
          components.append(Self.escapePointerToken(key))
        } else {
          components.removeAll()
        }
      } else {
        components.append(String(elementsEnd - container.firstIndex))
        elementsEnd = container.firstIndex
      }
      if index == stack.count - 1 && !includingSlot { components.removeAll() }
    }
    return components.reversed().map { "/" + $0 }.joined()
  }

  /// Escapes `~` and `/` in one JSON Pointer reference token (RFC 6901).
  static func escapePointerToken(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
    else { return token }
    var escaped = ""
    for character in token.unicodeScalars {
      switch character {
      case "~": escaped += "~0"
      case "/": escaped += "~1"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }

  // MARK: - Whitespace and comments

  /// Skips whitespace, and comments with an error for each.
  mutating func skipWhitespace() {
    let count = bytes.count
    while pos < count {
      switch bytes[pos] {
      case 0x20, 0x09: pos += 1
      case 0x0A, 0x0D: consumeLineBreak()
      case UInt8(ascii: "/"):
        guard skipComment() else { return }
      default: return
      }
    }
  }

  /// Skips a `//` or `/* */` comment at `pos`, reporting it; false when `pos` holds a `/`
  /// that starts no comment.
  private mutating func skipComment() -> Bool {
    guard pos + 1 < bytes.count else { return false }
    let kind = bytes[pos + 1]
    guard kind == UInt8(ascii: "/") || kind == UInt8(ascii: "*") else { return false }
    let start = location(at: pos)
    error(
      .jsonComment,
      "JSON has no comments; move the remark into a \"note\" field or delete it",
      at: start, scope: .container)
    pos += 2
    let count = bytes.count
    defer { asciiFrom = max(asciiFrom, pos) }
    if kind == UInt8(ascii: "/") {
      while pos < count && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
      return true
    }
    while pos < count {
      switch bytes[pos] {
      case UInt8(ascii: "*") where pos + 1 < count && bytes[pos + 1] == UInt8(ascii: "/"):
        pos += 2
        return true
      case 0x0A, 0x0D: consumeLineBreak()
      default: pos += 1
      }
    }
    asciiFrom = pos
    error(
      .jsonSyntax,
      "the comment that starts at \(start) is never closed with */; delete it (JSON has no"
        + " comments)",
      at: location(at: pos), scope: .container)
    return true
  }
}
