/// A problem found in a condition: a syntax error from ``ExpressionParser`` or an unknown name or
/// type error from ``ExpressionScope/check(_:)``.
///
/// The range counts Unicode scalars from the start of the condition's text, so that the loader
/// can place the problem exactly inside the JSON string that holds the condition.
public struct ExpressionProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of problem: ``DiagnosticCode/expressionSyntax``,
  /// ``DiagnosticCode/unknownVariable``, ``DiagnosticCode/unknownVisitTarget``,
  /// ``DiagnosticCode/expressionType`` or ``DiagnosticCode/expressionTooComplex``.
  public var code: DiagnosticCode
  /// What is wrong and what to do, in plain words, starting in lower case so that it can follow
  /// a prefix such as `in the condition "...": `. It does not repeat the suggestion.
  public var message: String
  /// The offending part of the text, in Unicode scalars from the start of the condition. Empty
  /// (`n..<n`) when the problem is a missing piece at offset `n`, such as an empty condition.
  public var range: Range<Int>
  /// A known name close to the one written, offered as "did you mean ...?".
  public var suggestion: String?

  /// Creates a problem.
  public init(
    _ code: DiagnosticCode, _ message: String, at range: Range<Int>, suggestion: String? = nil
  ) {
    self.code = code
    self.message = message
    self.range = range
    self.suggestion = suggestion
  }

  public var description: String {
    var text = "\(range.lowerBound)..<\(range.upperBound): \(message) [\(code)]"
    if let suggestion { text += " (did you mean \"\(suggestion)\"?)" }
    return text
  }

  /// A piece of a condition as messages show it: in single quotes (double quotes if it holds a
  /// single quote), shortened with "..." beyond 30 characters.
  static func quote(_ text: String) -> String {
    let shown =
      text.unicodeScalars.count > 30
      ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(27))) + "..." : text
    return shown.contains("'") ? "\"\(shown)\"" : "'\(shown)'"
  }
}
