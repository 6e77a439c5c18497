/// A stable, documented name for one kind of problem, such as `unknown-field`.
///
/// Codes are declared as static members in extensions grouped by the part of Attune that
/// reports them (`DiagnosticCode+JSON.swift`, `DiagnosticCode+Scenario.swift`, ...). Every code
/// is documented in `Scenarios/README.md` with its meaning, an example and the fix.
public struct DiagnosticCode: Hashable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The code as written in messages, for example `unknown-field`.
  public var rawValue: String

  /// Creates a code from its written form.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public init(stringLiteral value: String) { self.rawValue = value }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }
}
