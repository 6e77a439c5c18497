/// What the decoder accumulates while it walks a scenario: the diagnostics and the source map.
struct DecodingContext {
  let file: String?
  let limits: ScenarioLimits
  private(set) var diagnostics: [Diagnostic] = []
  var sourceMap: SourceMap

  init(file: String?, limits: ScenarioLimits) {
    self.file = file
    self.limits = limits
    self.sourceMap = SourceMap(file: file)
  }

  mutating func report(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
    pointer: String?, suggestion: String? = nil
  ) {
    var message = message
    if let suggestion, !message.contains("did you mean"), !message.contains("'\(suggestion)'") {
      message += "; did you mean \"\(suggestion)\"?"
    }
    diagnostics.append(
      Diagnostic(
        severity, code, message, at: location, pointer: pointer, suggestion: suggestion,
        file: file))
  }

  mutating func error(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation, pointer: String?,
    suggestion: String? = nil
  ) {
    report(.error, code, message, at: location, pointer: pointer, suggestion: suggestion)
  }

  mutating func warning(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation, pointer: String?,
    suggestion: String? = nil
  ) {
    report(.warning, code, message, at: location, pointer: pointer, suggestion: suggestion)
  }

  mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }
}
