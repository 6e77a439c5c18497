/// Turns the bytes of a scenario file into a validated `Scenario`, or into diagnostics that
/// say exactly what is wrong and where.
///
/// The loader reports every problem it can find in one pass: JSON syntax (with recovery from
/// the usual hand-editing mistakes), wrong types, missing and unknown fields, unknown codes,
/// dangling references, duplicate ids and bad conditions. A scenario is returned only when
/// there are no errors; warnings may accompany it.
public struct ScenarioLoader: Sendable {
  /// The sizes the loader accepts.
  public var limits: ScenarioLimits

  /// Creates a loader.
  public init(limits: ScenarioLimits = .default) { self.limits = limits }

  /// JSON mistakes after which the parsed tree is still exactly what the author meant.
  static let treePreservingCodes: Set<DiagnosticCode> = [
    .jsonComment, .jsonTrailingComma, .jsonSingleQuotes, .jsonUnquotedKey, .jsonInvalidNumber,
    .jsonControlCharacter, .jsonInvalidEscape, .jsonLoneSurrogate, .jsonByteOrderMark,
    .jsonInvalidUTF8,
  ]

  /// Loads a scenario from the bytes of a file named `file` (as the user gave it).
  public func load(_ bytes: [UInt8], file: String? = nil) -> ScenarioLoadResult {
    let parsed = JSONParser(limits: limits.json).parse(bytes, file: file)
    guard let root = parsed.value else {
      return ScenarioLoadResult(scenario: nil, diagnostics: parsed.diagnostics)
    }
    var decoder = ScenarioDecoder(root: root, file: file, limits: limits)
    let scenario = decoder.decode()
    // After a structural syntax error the tree may be misread, and what the decoder says
    // about it would mislead: report the syntax alone. Mistakes the parser reads past
    // exactly (a comment, a trailing comma, single quotes, ...) leave the tree sound.
    let structural = parsed.diagnostics.contains {
      $0.severity == .error && !Self.treePreservingCodes.contains($0.code)
    }
    // Syntax first, as compilers report a parse error before the checks that depend on it;
    // and a value that failed to parse is not also reported as being of the wrong type.
    let syntax = parsed.diagnostics.sortedByLocation()
    let unparsed = Set(syntax.filter { $0.severity == .error }.map(\.location))
    let structure =
      structural ? [] : decoder.context.diagnostics.filter { !unparsed.contains($0.location) }
    let diagnostics = capped(syntax + structure.sortedByLocation())
    return ScenarioLoadResult(
      scenario: diagnostics.containsErrors ? nil : scenario, diagnostics: diagnostics)
  }

  /// The diagnostics up to the error limit (`limits.json.maximumErrors`), then a note where
  /// the first error left out stands, so that no file, however broken, floods the output.
  func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    let limit = max(1, limits.json.maximumErrors)
    var errors = 0
    for (index, diagnostic) in diagnostics.enumerated() where diagnostic.severity == .error {
      errors += 1
      guard errors > limit else { continue }
      let total = diagnostics.filter { $0.severity == .error }.count
      let note = Diagnostic(
        .note, .jsonTooManyErrors,
        "\(total) errors in all; only the first \(limit) are shown: fix them and check again",
        at: diagnostic.location, file: diagnostic.file)
      return Array(diagnostics[..<index]) + [note]
    }
    return diagnostics
  }
}

/// The outcome of loading a scenario.
public struct ScenarioLoadResult: Sendable {
  /// The scenario, present when no error was found.
  public var scenario: Scenario?
  /// Every error and warning, in the order of their position in the file.
  public var diagnostics: [Diagnostic]
}
