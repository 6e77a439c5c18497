import ArgumentParser
import AttuneAuthoring
import AttuneCore
import Foundation

/// `attune check`: reports everything wrong with scenario files.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files and report every problem with its exact position.",
    discussion: """
      Diagnostics follow the compiler convention `path:line:column: severity: message [code]`; \
      every code is documented in Scenarios/README.md. Exits 1 when any error is found.
      """)

  @Argument(help: "Scenario files or folders of them.")
  var paths: [String]

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Flag(name: .customLong("paths"), help: "Show a highest- and a lowest-scoring path (option ids).")
  var showPaths = false

  @Option(help: "Also play N seeded random playthroughs and report what they reached.")
  var random: Int?

  @Option(help: "The seed of --random.")
  var seed: UInt64 = 1

  @Option(
    name: .customLong("longest-share"),
    help: "Warn when the best option is the longest in more than this share of best-path turns.")
  var longestShare: Double = CueThresholds().longestBestShare

  @Option(
    name: .customLong("policy-max"),
    help: "Warn when a skill-free text policy's expected headline exceeds this.")
  var policyMaximum: Double = CueThresholds().textPolicyHeadline

  @Option(
    name: .customLong("random-max"),
    help: "Warn when uniform random play's expected headline exceeds this.")
  var randomMaximum: Double = CueThresholds().randomHeadline

  /// The analyser with the thresholds given on the command line.
  var analyzer: ScenarioAnalyzer {
    var analyzer = ScenarioAnalyzer()
    analyzer.cueThresholds.longestBestShare = longestShare
    analyzer.cueThresholds.textPolicyHeadline = policyMaximum
    analyzer.cueThresholds.randomHeadline = randomMaximum
    return analyzer
  }

  func run() throws {
    try Output.run {
      var files: [String] = []
      for path in paths { files += try Self.expand(path) }
      var all: [Diagnostic] = []
      var sources: [String: [UInt8]] = [:]
      var analyses: [FileAnalysis] = []
      for file in files {
        do {
          let bytes = try FileInput.read(
            file, displayPath: file, limit: ScenarioLimits.default.json.maximumBytes)
          sources[file] = bytes
          let result = ScenarioLoader().load(bytes, file: file)
          all += result.diagnostics
          if let scenario = result.scenario, !result.diagnostics.containsErrors {
            let analysis = analyzer.analyze(scenario)
            all += analysis.diagnostics
            var report = FileAnalysis(
              file: file, notes: scenario.metadata.instructorNotes, analysis: analysis)
            if let random, random > 0 {
              report.random = RandomPlay.run(scenario, count: random, seed: seed)
            }
            analyses.append(report)
          }
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
        let report = CheckReport(
          files: files, errors: errors, warnings: warnings, diagnostics: all, analyses: analyses)
        Output.out(SafeJSON.text(try encoder.encode(report)))
      case .text:
        let renderer = DiagnosticRenderer(style: Style.forOutput(STDOUT_FILENO))
        for diagnostic in all {
          Output.out(renderer.render(diagnostic, source: diagnostic.file.flatMap { sources[$0] }))
        }
        for report in analyses {
          Output.out(report.text(showPaths: showPaths))
        }
        Output.out(
          "\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors)"
            + " error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
      }
      if errors > 0 { throw ExitCode(1) }
    }
  }

  /// A choice sequence for a message: whole when short, otherwise its first and last 20
  /// choices around a count of those left out (the JSON output keeps them all).
  static func abbreviated(_ choices: [String]) -> String {
    guard choices.count > 50 else { return choices.joined(separator: " ") }
    return (choices.prefix(20) + ["... \(choices.count - 40) more ..."] + choices.suffix(20))
      .joined(separator: " ")
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
  var analyses: [FileAnalysis]
}

/// The analysis of one file, as reported.
struct FileAnalysis: Encodable {
  var file: String
  /// The scenario's instructor notes.
  var notes: String?
  var analysis: ScenarioAnalysis
  var random: RandomPlayReport?

  func percent(_ share: Double) -> String { "\((share * 1000).rounded() / 10)%" }

  /// A readable summary.
  func text(showPaths: Bool) -> String {
    let a = analysis
    var lines = ["\(file): analysis"]
    if let notes {
      lines.append("  instructor notes: " + TerminalText.sanitized(notes, keepNewlines: false))
    }
    lines.append(
      "  states explored: \(a.states)"
        + (a.isExhaustive
          ? " (all reachable states)" : " (budget exceeded: figures below are estimates)"))
    if let count = a.playthroughs {
      let note =
        count == "unbounded"
        ? " (a loop can be repeated any number of times)"
        : (a.playthroughsExact ? "" : " (beyond 128 bits: approximate)")
      lines.append("  distinct playthroughs: \(count)\(note)")
    } else {
      lines.append("  distinct playthroughs: unknown (estimated from \(a.samples ?? 0) samples)")
    }
    let label = a.probabilitiesExact ? "exact" : "estimated"
    lines.append("  endings under uniform random play (\(label)):")
    for ending in a.endings {
      let share = (ending.probability * 10000).rounded() / 100
      lines.append(
        "    \(ending.id): \(share)%" + (ending.playthroughs.map { ", \($0) playthroughs" } ?? ""))
    }
    if a.stuckProbability > 0 {
      lines.append("    (never ends: \((a.stuckProbability * 10000).rounded() / 100)%)")
    }
    if let low = a.scoreMinimum, let high = a.scoreMaximum {
      lines.append(
        "  headline score: \(low) to \(high)"
          + (a.scoreExact
            ? " (exact)" : " (observed in \(a.samples ?? 0) random playthroughs: an inner bound)"))
    }
    if let cues = a.cues {
      let share = Int((cues.longestBestShare * 100).rounded())
      lines.append(
        "  skill-free play, expected headline (best option longest in"
          + " \(cues.longestIsBest.count) of \(cues.bestPathTurns) best-path turns, \(share)%):")
      for figure in cues.figures {
        let how =
          figure.exact
          ? "exact"
          : "estimate, 95% interval \(figure.interval?.map { String($0) }.joined(separator: "-") ?? "")"
        let unsafe =
          figure.safetyFailure > 0 ? ", safety failed \(percent(figure.safetyFailure))" : ""
        lines.append("    \(figure.policy): \(figure.expected) (\(how)\(unsafe))")
      }
    }
    if showPaths {
      lines.append("  best path: " + (a.bestPath?.joined(separator: " ") ?? "none"))
      lines.append("  worst path: " + (a.worstPath?.joined(separator: " ") ?? "none"))
    }
    if let random {
      lines.append("  \(random.runs) random playthroughs (seed \(random.seed)):")
      lines.append(
        "    endings: "
          + random.endings.map { "\($0.key) \($0.value)" }.sorted().joined(separator: ", "))
      let never = random.turnsNeverReached
      if !never.isEmpty {
        lines.append("    turns never reached: " + never.joined(separator: ", "))
      }
      for failure in random.errors.prefix(5) {
        lines.append(
          "    error: \(failure.message) after choosing: \(Check.abbreviated(failure.choices))")
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// The formats of command output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
