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

  /// Loads a scenario from the bytes of a file named `file` (as the user gave it).
  public func load(_ bytes: [UInt8], file: String? = nil) -> ScenarioLoadResult {
    let parsed = JSONParser(limits: limits.json).parse(bytes, file: file)
    guard let root = parsed.value else {
      return ScenarioLoadResult(scenario: nil, diagnostics: parsed.diagnostics)
    }
    var decoder = ScenarioDecoder(root: root, file: file, limits: limits)
    let scenario = decoder.decode()
    let diagnostics = (parsed.diagnostics + decoder.context.diagnostics).sortedByLocation()
    return ScenarioLoadResult(
      scenario: diagnostics.containsErrors ? nil : scenario, diagnostics: diagnostics)
  }
}

/// The outcome of loading a scenario.
public struct ScenarioLoadResult: Sendable {
  /// The scenario, present when no error was found.
  public var scenario: Scenario?
  /// Every error and warning, in the order of their position in the file.
  public var diagnostics: [Diagnostic]
}
