import Foundation
import Testing

@testable import AttuneCore

/// Runs the parser over the public JSONTestSuite corpus (`test_parsing`), which the project
/// keeps at `../shared/json-test-suite` beside the package: every `y_` file must parse without
/// errors, every `n_` file must yield an error, and every `i_` file must come back without a
/// crash or hang, whatever it yields.
@Suite struct JSONConformanceTests {
  /// The longest number literal of a `y_` file: `y_number_double_close_to_zero.json` holds one
  /// of 81 characters, which the default limit (128) must admit, since `attune check` parses
  /// every `y_` file with the default limits.
  static let longestYesNumber = 81

  /// The corpus folder: walk up from this file (symbolic links resolved) to the folder that
  /// holds `Package.swift`, then `../shared/json-test-suite/test_parsing`.
  static func corpusDirectory() -> URL? {
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while directory.path != "/" {
      if FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("Package.swift").path)
      {
        let corpus = directory.deletingLastPathComponent()
          .appendingPathComponent("shared/json-test-suite/test_parsing")
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? corpus : nil
      }
      directory.deleteLastPathComponent()
    }
    return nil
  }

  static let expectedLocation =
    "../shared/json-test-suite/test_parsing, next to the folder that holds Package.swift"

  /// The corpus files whose names start with `prefix`, with their bytes.
  static func files(_ prefix: String) throws -> [(name: String, bytes: [UInt8])] {
    let directory = try #require(
      corpusDirectory(), "JSONTestSuite corpus not found at \(expectedLocation)")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    return try names.map { name in
      (name, Array(try Data(contentsOf: directory.appendingPathComponent(name))))
    }
  }

  @Test func acceptsEveryYesFile() throws {
    let files = try Self.files("y_")
    #expect(files.count >= 90, "expected the 95 y_ files of JSONTestSuite, found \(files.count)")
    for (name, bytes) in files {
      let result = JSONParser().parse(bytes, file: name)
      #expect(result.value != nil, "\(name) gave no value")
      #expect(
        !result.diagnostics.containsErrors,
        "\(name): \(result.diagnostics.map { "\($0.location) \($0.code): \($0.message)" })")
    }
  }

  @Test func theDefaultLimitsAdmitEveryYesFile() throws {
    #expect(JSONLimits.default.maximumNumberLength >= Self.longestYesNumber)
    let files = try Self.files("y_")
    let bytes = try #require(
      files.first { $0.name == "y_number_double_close_to_zero.json" }?.bytes)
    let tight = JSONLimits(maximumNumberLength: Self.longestYesNumber - 1)
    #expect(JSONParser(limits: tight).parse(bytes).diagnostics.map(\.code) == [.jsonNumberTooLong])
  }

  @Test func rejectsEveryNoFile() throws {
    let files = try Self.files("n_")
    #expect(files.count >= 180, "expected the 188 n_ files of JSONTestSuite, found \(files.count)")
    for (name, bytes) in files {
      let result = JSONParser().parse(bytes, file: name)
      #expect(result.diagnostics.containsErrors, "\(name) was accepted")
      for diagnostic in result.diagnostics {
        #expect(diagnostic.file == name)
        #expect(!diagnostic.message.isEmpty)
      }
    }
  }

  @Test func survivesEveryImplementationDefinedFile() throws {
    let files = try Self.files("i_")
    #expect(files.count >= 30, "expected the 35 i_ files of JSONTestSuite, found \(files.count)")
    for (name, bytes) in files {
      let result = JSONParser().parse(bytes, file: name)
      // Either outcome is allowed; a value without errors must be a complete tree.
      if !result.diagnostics.containsErrors { #expect(result.value != nil, "\(name)") }
    }
  }
}
