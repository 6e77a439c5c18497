import AttuneCore
import Foundation

/// Finds scenarios: the bundled ones, wherever the binary is run from, and files the user
/// names.
struct ScenarioLibrary {
  /// The folder of bundled scenarios; nil when none was found, and the copy embedded in the
  /// binary serves instead.
  let folder: URL?

  /// The prefix of the paths of the scenarios embedded in the binary.
  static let embeddedPrefix = "bundled:"

  /// Looks for the bundled scenarios: `$ATTUNE_SCENARIOS`, then a `Scenarios` folder beside
  /// the executable or in any folder above it (so a build inside the repository finds the
  /// repository's), then `share/attune/Scenarios` beside an installed binary, then the
  /// current folder's `Scenarios`; without any of them, the copy embedded in the binary.
  static func locate() -> ScenarioLibrary {
    let fileManager = FileManager.default
    func isLibrary(_ url: URL) -> Bool {
      fileManager.fileExists(atPath: url.appendingPathComponent("scenario.schema.json").path)
    }
    if let path = ProcessInfo.processInfo.environment["ATTUNE_SCENARIOS"], !path.isEmpty {
      return ScenarioLibrary(folder: URL(fileURLWithPath: path))
    }
    var candidates: [URL] = []
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    if let real = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      candidates.append(real.deletingLastPathComponent())
    }
    candidates.append(executable.deletingLastPathComponent())
    for start in candidates {
      var folder = start
      for _ in 0..<8 {
        let library = folder.appendingPathComponent("Scenarios")
        if isLibrary(library) { return ScenarioLibrary(folder: library) }
        let shared = folder.appendingPathComponent("share/attune/Scenarios")
        if isLibrary(shared) { return ScenarioLibrary(folder: shared) }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
    }
    let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent(
      "Scenarios")
    return ScenarioLibrary(folder: isLibrary(local) ? local : nil)
  }

  /// The paths of the bundled scenario files, sorted by name: files of the folder, or
  /// `bundled:NAME` for the copies embedded in the binary.
  func bundledPaths() -> [String] {
    guard let folder else { return EmbeddedScenarios.files.map { Self.embeddedPrefix + $0.name } }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return []
    }
    return names.filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }.sorted().map {
      folder.appendingPathComponent($0).path
    }
  }

  /// Loads every bundled scenario that loads without errors.
  func bundledScenarios() -> [LoadedScenario] {
    bundledPaths().compactMap { try? LoadedScenario.load(path: $0, displayPath: $0) }
  }

  /// The bytes of an embedded scenario, by its `bundled:NAME` path.
  static func embeddedBytes(_ path: String) -> [UInt8]? {
    guard path.hasPrefix(embeddedPrefix) else { return nil }
    let name = String(path.dropFirst(embeddedPrefix.count))
    guard let file = EmbeddedScenarios.files.first(where: { $0.name == name }),
      let data = Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters)
    else { return nil }
    return Array(data)
  }

  /// Resolves what the user typed: a path to a file, or the id of a bundled scenario.
  func resolve(_ argument: String) throws -> LoadedScenario {
    if argument.contains("/") || argument.hasSuffix(".json")
      || FileManager.default.fileExists(atPath: argument)
    {
      return try LoadedScenario.load(path: argument, displayPath: argument)
    }
    for path in bundledPaths() {
      let name = (path as NSString).lastPathComponent
      if name == argument + ".json" || name == Self.embeddedPrefix + argument + ".json",
        let loaded = try? LoadedScenario.load(path: path, displayPath: path)
      {
        return loaded
      }
    }
    let all = bundledScenarios()
    if let match = all.first(where: { $0.scenario.id == argument }) { return match }
    let suggestion = NameSuggestion.closest(to: argument, among: all.map(\.scenario.id))
    throw CommandFailure(
      "no bundled scenario has the id \"\(argument)\""
        + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        + " Run `attune list` to see them, or give the path of a scenario file.")
  }
}

/// A scenario with the bytes it was loaded from.
struct LoadedScenario {
  var scenario: Scenario
  var bytes: [UInt8]
  var path: String
  var warnings: [Diagnostic]
  /// The SHA-256 of `bytes`, in lower-case hex.
  var sha256: String

  /// Reads and loads a scenario file; throws a failure that renders every diagnostic.
  static func load(path: String, displayPath: String) throws -> LoadedScenario {
    let bytes =
      try ScenarioLibrary.embeddedBytes(path)
      ?? FileInput.read(
        path, displayPath: displayPath, limit: ScenarioLimits.default.json.maximumBytes)
    let result = ScenarioLoader().load(bytes, file: displayPath)
    guard let scenario = result.scenario else {
      throw DiagnosticFailure(diagnostics: result.diagnostics, sources: [displayPath: bytes])
    }
    return LoadedScenario(
      scenario: scenario, bytes: bytes, path: displayPath,
      warnings: result.diagnostics.filter { $0.severity != .error },
      sha256: ScenarioFingerprint.sha256(of: bytes))
  }
}
