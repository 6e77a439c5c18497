/// A strict RFC 8259 JSON parser that keeps the exact source position of every value.
///
/// It rejects everything outside the grammar, but reads past the usual hand-editing mistakes
/// (comments, trailing or missing commas, single quotes, unquoted keys, bad numbers and
/// escapes, stray characters) so that one run reports every problem of a file, each with its
/// line, column and JSON Pointer and a message saying what to do. It never traps, never
/// recurses, and runs in time linear in the input.
///
/// Positions: lines and columns are 1-based, and columns count Unicode scalars (precisely,
/// the bytes that are not UTF-8 continuation bytes `10xxxxxx`); offsets count bytes from 0.
/// A line ends at `\n`, `\r\n` or a lone `\r`. After a byte-order mark, which editors do
/// not show, line 1 starts at offset 3.
///
///     let result = JSONParser().parse(bytes, file: "intake.json")
///     for diagnostic in result.diagnostics { print(diagnostic.location, diagnostic.message) }
public struct JSONParser: Sendable {
  /// The limits enforced.
  public var limits: JSONLimits

  /// Creates a parser that enforces `limits`.
  public init(limits: JSONLimits = .default) {
    self.limits = limits
  }

  /// Parses the UTF-8 text in `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: The text; contiguous storage such as `[UInt8]` is read in place.
  ///   - file: The file name as the user gave it, copied into every diagnostic.
  /// - Returns: The tree, recovered where possible, and every problem found. The value is nil
  ///   only when the text could not be recovered into a tree (too large, too deep, cut off,
  ///   or hopelessly malformed).
  public func parse(_ bytes: some Collection<UInt8>, file: String? = nil) -> JSONParseResult {
    let count = bytes.count
    if count > limits.maximumBytes { return tooLarge(count, file: file) }
    if let result = bytes.withContiguousStorageIfAvailable({ parse(buffer: $0, file: file) }) {
      return result
    }
    return Array(bytes).withUnsafeBufferPointer { parse(buffer: $0, file: file) }
  }

  /// Parses the UTF-8 text in `bytes`; see `parse(_:file:)` for collections.
  public func parse(_ bytes: [UInt8], file: String? = nil) -> JSONParseResult {
    if bytes.count > limits.maximumBytes { return tooLarge(bytes.count, file: file) }
    return bytes.withUnsafeBufferPointer { parse(buffer: $0, file: file) }
  }

  /// Parses a text given as a string.
  public func parse(_ text: String, file: String? = nil) -> JSONParseResult {
    var text = text
    let count = text.utf8.count
    if count > limits.maximumBytes { return tooLarge(count, file: file) }
    return text.withUTF8 { parse(buffer: $0, file: file) }
  }

  private func parse(buffer: UnsafeBufferPointer<UInt8>, file: String?) -> JSONParseResult {
    var session = JSONParseSession(bytes: buffer, limits: limits, file: file)
    let value = session.run()
    return JSONParseResult(value: value, diagnostics: session.diagnostics)
  }

  private func tooLarge(_ count: Int, file: String?) -> JSONParseResult {
    let diagnostic = Diagnostic(
      .error, .jsonTooLarge,
      "the file is \(count) bytes long, more than the limit of \(limits.maximumBytes) bytes;"
        + " split it into smaller files",
      at: .start, file: file)
    return JSONParseResult(value: nil, diagnostics: [diagnostic])
  }
}

/// What `JSONParser.parse` found: the tree, if one could be made, and the problems.
public struct JSONParseResult: Sendable {
  /// The top-level value, recovered from mistakes where possible; nil when the text could not
  /// be made into a tree. A value may come with errors: check `diagnostics`.
  public var value: JSONValue?
  /// Every problem found, in the order found (nearly the order in the text; use
  /// `sortedByLocation()` for display).
  public var diagnostics: [Diagnostic]

  /// Creates a result.
  public init(value: JSONValue?, diagnostics: [Diagnostic]) {
    self.value = value
    self.diagnostics = diagnostics
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.containsErrors }
}
