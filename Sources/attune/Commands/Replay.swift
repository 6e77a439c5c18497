import ArgumentParser
import AttuneCore
import AttuneGrading
import Foundation
import LineEditor

/// `attune replay`: verifies a transcript against its scenario and shows the session as a
/// readable script; with `--step`, a grader walks it and rates its rupture episodes.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Verify a transcript and show the session as a script, or grade it step by step.",
    discussion: """
      Finds the scenario (the file named with --scenario, a file with the recorded id in a \
      --scenarios folder, or the bundled one), compares its SHA-256, re-runs every choice and \
      checks every recorded number. A torn or unfinished transcript is reported as incomplete; \
      a changed scenario, an edited choice or score, a dropped, duplicated or reordered event \
      fail verification with the line where the transcript diverges. Exits 1 when verification \
      fails.

      --step opens a grader's prompt to walk the session, rate each rupture episode 1-5 and \
      comment; entries go to NAME.grading.jsonl beside the transcript, which is never changed.
      """)

  @Argument(help: "The transcript (.jsonl) to verify.")
  var transcript: String

  @Option(help: "The scenario file, if it is not a bundled one.")
  var scenario: String?

  @Option(name: .customLong("scenarios"), help: "A folder of scenario files to search.")
  var scenarioFolder: String?

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Flag(help: "Print only the verdict and the score, not the script.")
  var brief = false

  @Flag(help: "Walk the session at a grader's prompt and record ratings and comments.")
  var step = false

  @Option(help: "The grader's name, recorded with each rating (default: $USER).")
  var grader: String?

  func validate() throws {
    if step && format == .json {
      throw ValidationError("--step is interactive; it cannot be combined with --format json")
    }
    if let grader, !GraderName.isValid(grader) {
      throw ValidationError(
        "--grader takes a name of 1-64 letters, digits, '.', '-', '_' or '@', not \"\(grader)\"")
    }
  }

  func run() throws {
    try Output.run {
      let bytes = try FileInput.read(
        transcript, displayPath: transcript, limit: TranscriptLimits.maximumBytes)
      let read = Transcript(bytes: bytes)
      let source: ScenarioSource?
      if let scenario {
        let loaded = try LoadedScenario.load(path: scenario, displayPath: scenario)
        source = ScenarioSource(scenario: loaded.scenario, sha256: loaded.sha256)
      } else {
        source = ScenarioCatalog(files: [], folders: scenarioFolder.map { [$0] } ?? [])
          .source(for: read.header)
      }
      let report = SessionReport(file: transcript, transcript: read, scenario: source)
      let log = GradingFile.log(forTranscript: transcript, bytes: bytes)
      if !step {
        for problem in log.problems {
          Output.err("attune: warning: " + TerminalText.sanitized(problem.message))
        }
      }
      let client = source?.scenario.client.name ?? "Client"
      if step {
        guard report.verification.isVerified else {
          printText(report, log: log, client: client, brief: true)
          throw CommandFailure(
            "\(transcript) is not verified, so it cannot be graded; see the findings above")
        }
        let name = grader ?? GraderName.fromEnvironment()
        var prompt = GraderPrompt(
          report: report, transcriptPath: transcript, transcriptBytes: bytes, grader: name,
          client: client, log: log)
        try prompt.run()
        return
      }
      switch format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let document = SessionDocument(report: report, log: log, includesScript: true)
        Output.out(SafeJSON.text(try encoder.encode(document)))
      case .text:
        printText(report, log: log, client: client, brief: brief)
      }
      if !report.verification.isVerified { throw ExitCode(1) }
    }
  }

  private func printText(_ report: SessionReport, log: GradingLog, client: String, brief: Bool) {
    let screen = Screen(
      style: Style.forOutput(STDOUT_FILENO), width: Terminal.width() ?? 80)
    let summary = ReplaySummary(screen: screen)
    for line in summary.head(report) { Output.out(line) }
    guard !brief else { return }
    let script = ScriptText(screen: screen, client: client, score: report.score)
    for entry in report.script.entries {
      for line in script.lines(entry) { Output.out(line) }
    }
    for line in summary.foot(report, log: log) { Output.out(line) }
  }
}

/// Graders' names as recorded in grading files.
enum GraderName {
  /// Whether `name` is 1-64 letters, digits, `.`, `-`, `_` or `@`.
  static func isValid(_ name: String) -> Bool {
    (1...64).contains(name.count)
      && name.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_@".unicodeScalars.contains($0)
      }
  }

  /// `$USER`, or "grader" when it is unset or not a valid name.
  static func fromEnvironment() -> String {
    let user = ProcessInfo.processInfo.environment["USER"] ?? ""
    return isValid(user) ? user : "grader"
  }
}
