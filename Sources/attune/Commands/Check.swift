import ArgumentParser
import AttuneCore
import Foundation

/// `attune check`: reports everything wrong with scenario files.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files and report every problem with its exact position.",
    discussion: """
      Diagnostics follow the compiler convention `path:line:column: severity: message [code]`;
      every code is documented in Scenarios/README.md. Exits 1 when any error is found.
      """)

  @Argument(help: "Scenario files or folders of them.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() throws {
    try Output.run {
      var files: [String] = []
      for path in paths { files += try Self.expand(path) }
      var all: [Diagnostic] = []
      var sources: [String: [UInt8]] = [:]
      for file in files {
        do {
          let bytes = try FileInput.read(
            file, displayPath: file, limit: ScenarioLimits.default.json.maximumBytes)
          sources[file] = bytes
          all += ScenarioLoader().load(bytes, file: file).diagnostics
        } catch let failure as FileInputError {
          all.append(
            Diagnostic(
              .error, .unreadableFile, "cannot check this file: it " + failure.problem, at: .start,
              file: file))
        }
      }
      let errors = all.filter { $0.severity == .error }.count
      let warnings = all.filter { $0.severity == .warning }.count
      switch format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let report = CheckReport(files: files, errors: errors, warnings: warnings, diagnostics: all)
        Output.out(String(decoding: try encoder.encode(report), as: UTF8.self))
      case .text:
        let renderer = DiagnosticRenderer(style: Style.forOutput(STDOUT_FILENO))
        for diagnostic in all {
          Output.out(renderer.render(diagnostic, source: diagnostic.file.flatMap { sources[$0] }))
        }
        Output.out(
          "\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors)"
            + " error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
      }
      if errors > 0 { throw ExitCode(1) }
    }
  }

  /// The scenario files a path names: the file itself, or the JSON files in a folder.
  static func expand(_ path: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return [path] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    let prefix = path.hasSuffix("/") ? path : path + "/"
    let files = names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().map
    {
      prefix + $0
    }
    if files.isEmpty {
      throw CommandFailure("\(path): the folder holds no scenario files (*.json) to check")
    }
    return files
  }
}

/// A machine-readable check report.
struct CheckReport: Encodable {
  var files: [String]
  var errors: Int
  var warnings: Int
  var diagnostics: [Diagnostic]
}

/// The formats of command output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
