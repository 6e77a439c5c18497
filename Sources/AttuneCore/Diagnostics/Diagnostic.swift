/// One problem found in a file, as plain data: what, where, and what to do about it.
///
/// Diagnostics are never printed by the code that finds them; front ends render them
/// (for example as `path:line:column: error: message [code]` with a caret).
public struct Diagnostic: Hashable, Sendable, Codable {
  /// How serious the problem is.
  public var severity: Severity
  /// The stable code naming the kind of problem.
  public var code: DiagnosticCode
  /// A one-sentence description of this occurrence, saying what to do where that is not obvious.
  public var message: String
  /// The file as the user named it, if the text came from a file.
  public var file: String?
  /// Where in the text the problem is.
  public var location: SourceLocation
  /// The JSON Pointer (RFC 6901) of the value concerned, where there is one.
  public var pointer: String?
  /// A known name close to the one written, offered as "did you mean ...?".
  public var suggestion: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity,
    _ code: DiagnosticCode,
    _ message: String,
    at location: SourceLocation,
    pointer: String? = nil,
    suggestion: String? = nil,
    file: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.pointer = pointer
    self.suggestion = suggestion
    self.file = file
  }

  /// The line of the problem (1-based).
  public var line: Int { location.line }
  /// The column of the problem (1-based, in Unicode scalars).
  public var column: Int { location.column }

  private enum CodingKeys: String, CodingKey {
    case severity, code, message, file, line, column, offset, pointer, suggestion
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    severity = try container.decode(Severity.self, forKey: .severity)
    code = try container.decode(DiagnosticCode.self, forKey: .code)
    message = try container.decode(String.self, forKey: .message)
    file = try container.decodeIfPresent(String.self, forKey: .file)
    location = SourceLocation(
      line: try container.decode(Int.self, forKey: .line),
      column: try container.decode(Int.self, forKey: .column),
      offset: try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0)
    pointer = try container.decodeIfPresent(String.self, forKey: .pointer)
    suggestion = try container.decodeIfPresent(String.self, forKey: .suggestion)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(severity, forKey: .severity)
    try container.encode(code, forKey: .code)
    try container.encode(message, forKey: .message)
    try container.encodeIfPresent(file, forKey: .file)
    try container.encode(location.line, forKey: .line)
    try container.encode(location.column, forKey: .column)
    try container.encode(location.offset, forKey: .offset)
    try container.encodeIfPresent(pointer, forKey: .pointer)
    try container.encodeIfPresent(suggestion, forKey: .suggestion)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic here is an error.
  public var containsErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in the order of their position in the text, errors before warnings at
  /// the same spot.
  public func sortedByLocation() -> [Diagnostic] {
    sorted { lhs, rhs in
      if lhs.location.offset != rhs.location.offset {
        return lhs.location.offset < rhs.location.offset
      }
      if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
      return lhs.code.rawValue < rhs.code.rawValue
    }
  }
}
