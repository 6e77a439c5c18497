import Foundation
import Testing

/// The public JSONTestSuite corpus (`test_parsing`, at `../shared/json-test-suite` beside the
/// package) through `attune check`, as issue #7 asks: every `n_` file rejected with a JSON
/// error, every `y_` file parsed (and then refused as a scenario, since none is one), and no
/// `i_` file crashing. Each group is one run of `attune check --format json` over all its files.
@Suite struct ConformanceCheckTests {
  /// The corpus folder, found from the folder that holds `Package.swift`.
  static let corpus = AttuneBinary.packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/json-test-suite/test_parsing")

  /// The corpus files whose names start with `prefix`, as paths.
  static func files(_ prefix: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
    return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted().map {
      corpus.appendingPathComponent($0).path
    }
  }

  /// A diagnostic of the JSON report, as far as these tests read it.
  struct Reported: Decodable {
    var file: String
    var code: String
    var severity: String
    var line: Int
    var column: Int
  }

  struct Report: Decodable {
    var files: [String]
    var diagnostics: [Reported]
  }

  /// Checks `files` in one run and returns each file's error diagnostics.
  static func check(_ files: [String]) throws -> [String: [Reported]] {
    let run = try BoundedRun.attune(["check", "--format", "json"] + files, limit: 120)
    #expect(!run.killedBySignal, "attune check crashed: \(run.stderr)")
    #expect(run.status == 1, "\(run.stderr)")
    let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
    #expect(report.files == files)
    return Dictionary(grouping: report.diagnostics.filter { $0.severity == "error" }, by: \.file)
  }

  /// Whether `code` is one of the JSON syntax codes (`json-...`).
  static func isSyntax(_ code: String) -> Bool { code.hasPrefix("json-") }

  @Test func everyNoFileIsASyntaxError() throws {
    let files = try Self.files("n_")
    try #require(files.count >= 180, "JSONTestSuite corpus not found at \(Self.corpus.path)")
    let errors = try Self.check(files)
    for file in files {
      let codes = errors[file, default: []].map(\.code)
      #expect(codes.contains(where: Self.isSyntax), "\(file): \(codes)")
    }
  }

  @Test func everyYesFileParsesAndFailsOnlyAsAScenario() throws {
    let files = try Self.files("y_")
    try #require(files.count >= 90, "JSONTestSuite corpus not found at \(Self.corpus.path)")
    let errors = try Self.check(files)
    for file in files {
      let codes = errors[file, default: []].map(\.code)
      #expect(!codes.isEmpty, "\(file) was accepted as a scenario")
      #expect(!codes.contains(where: Self.isSyntax), "\(file): \(codes)")
    }
  }

  @Test func noImplementationDefinedFileCrashes() throws {
    let files = try Self.files("i_")
    try #require(files.count >= 30, "JSONTestSuite corpus not found at \(Self.corpus.path)")
    let errors = try Self.check(files)
    for (file, diagnostics) in errors {
      #expect(files.contains(file), "a diagnostic for \(file), which was not checked")
      #expect(diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(file)")
    }
  }
}
