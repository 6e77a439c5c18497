import AttuneCore
import AttuneGrading
import Foundation

/// Finds the scenario a transcript was played on: among the files named with `--scenario`,
/// the folders named with `--scenarios`, and the bundled library, in that order; the file whose
/// SHA-256 matches the transcript's wins, else the first with the right id (so that
/// verification can say the scenario changed). Each file is read and loaded once.
final class ScenarioCatalog {
  private let files: [String]
  private let folders: [String]
  private let library: ScenarioLibrary
  private var loaded: [String: LoadedScenario?] = [:]
  private var pathsByID: [String: [String]]?
  /// Files that could not be loaded, with why, to tell the user once.
  private(set) var skipped: [String] = []

  /// A catalog over `files`, `folders` and the bundled library.
  init(files: [String], folders: [String], library: ScenarioLibrary = .locate()) {
    self.files = files
    self.folders = folders
    self.library = library
  }

  /// The scenario with `id`, preferring the file with SHA-256 `sha256`.
  func find(id: String, sha256: String) -> LoadedScenario? {
    let candidates = (index()[id] ?? []).compactMap(load)
    return candidates.first { $0.sha256 == sha256 } ?? candidates.first
  }

  /// The scenario of `header`, as the grading library wants it.
  func source(for header: TranscriptHeader?) -> ScenarioSource? {
    guard let header, let found = find(id: header.scenario.id, sha256: header.scenario.sha256)
    else { return nil }
    return ScenarioSource(scenario: found.scenario, sha256: found.sha256)
  }

  private func index() -> [String: [String]] {
    if let pathsByID { return pathsByID }
    var paths = files
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      paths += names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted()
        .map { (folder as NSString).appendingPathComponent($0) }
    }
    paths += library.bundledPaths()
    var index: [String: [String]] = [:]
    for path in paths {
      if let scenario = load(path) { index[scenario.scenario.id, default: []].append(path) }
    }
    pathsByID = index
    return index
  }

  private func load(_ path: String) -> LoadedScenario? {
    if let cached = loaded[path] { return cached }
    var result: LoadedScenario?
    do {
      result = try LoadedScenario.load(path: path, displayPath: path)
    } catch {
      skipped.append("\(path): it does not load; run `attune check \(path)`")
    }
    loaded[path] = result
    return result
  }
}
