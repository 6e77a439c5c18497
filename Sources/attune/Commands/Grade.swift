import ArgumentParser
import AttuneCore
import AttuneGrading
import Foundation

/// `attune grade`: verifies and grades a cohort's transcripts and exports the grades.
struct Grade: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Verify and grade transcripts, and export the grades.",
    discussion: """
      Takes transcripts and folders of them (every *.jsonl below a folder, grading files \
      excepted). Each transcript is verified against its scenario before it is graded: an \
      edited, torn or foreign transcript gets no score. Graders' ratings are read from each \
      transcript's grading file (NAME.grading.jsonl, written by `attune replay --step`), and \
      agreement between graders and the engine is reported where ratings exist.

      Formats: text (a table for people), csv (RFC 4180; --layout gradebook gives one row per \
      trainee and one column per scenario for Canvas or Moodle; --layout scenarios, one row per \
      scenario with its totals), json, xapi (xAPI 1.0.3 \
      statements as one JSON array), html (a page per transcript and an index; needs
      --output FOLDER). Output goes to standard output unless --output names a file.
      """)

  @Argument(help: "Transcripts, or folders of them.")
  var paths: [String]

  @Option(help: "Output format: text, csv, json, xapi or html.")
  var format: GradeFormat = .text

  @Option(help: "CSV layout: sessions, gradebook (a row per trainee) or scenarios (their totals).")
  var layout: CSVLayout = .sessions

  @Option(
    help: "Which assessment attempt counts in the gradebook: first (the default), best or latest.")
  var attempt: Gradebook.AttemptPolicy = .first

  @Option(name: .customLong("scenario"), help: "A scenario file to verify against (repeatable).")
  var scenarioFiles: [String] = []

  @Option(name: .customLong("scenarios"), help: "A folder of scenario files (repeatable).")
  var scenarioFolders: [String] = []

  @Option(help: "Write to this file (or, for html, this folder) instead of standard output.")
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var force = false

  @Option(help: "The base IRI of xAPI activity ids and extensions.")
  var activityBase = "https://attune.dev/xapi"

  @Option(help: "The home page of the system whose accounts trainee ids are (xAPI actor).")
  var homePage: String?

  @Option(help: "The headline score, 0-100, at or above which a session is passed (xAPI).")
  var passMark = 70

  func validate() throws {
    guard (0...100).contains(passMark) else {
      throw ValidationError("--pass-mark must be between 0 and 100, not \(passMark)")
    }
    if format == .html && output == nil {
      throw ValidationError("--format html writes several files: name a folder with --output")
    }
    if layout != .sessions && format != .csv {
      throw ValidationError("--layout \(layout.rawValue) is a CSV layout: add --format csv")
    }
  }

  func run() throws {
    try Output.run {
      let catalog = ScenarioCatalog(files: scenarioFiles, folders: scenarioFolders)
      var report = try makeReport()
      let destination =
        try format == .html
        ? ReportOutput(file: HTMLGradeReport.indexPath(in: output!), replacing: force)
        : output.map { try ReportOutput(file: $0, replacing: force) } ?? ReportOutput()
      var totals = GradeTotals()
      var progress = ProgressBar(
        total: ProgressBar.canShow
          ? TranscriptFiles(arguments: paths).reduce(0) { n, _ in n + 1 } : 0)
      try report.begin(destination)
      var failures = 0
      var files = TranscriptFiles(arguments: paths).makeIterator()
      // Transcripts are read, parsed and verified on all cores a batch at a time, then reported
      // in order; memory holds one batch, however many transcripts there are.
      while true {
        var batch: [String] = []
        while batch.count < Self.batchSize, let path = files.next() { batch.append(path) }
        if batch.isEmpty { break }
        let read = batch.parallelMap { path in
          Result {
            try FileInput.read(path, displayPath: path, limit: TranscriptLimits.maximumBytes)
          }
          .map { bytes in (bytes: bytes, transcript: Transcript(bytes: bytes)) }
        }
        let sources = read.map { try? catalog.source(for: $0.get().transcript.header) }
        let reports = Array(zip(batch, zip(read, sources))).parallelMap {
          path, pair -> Result<(SessionReport, GradingLog), any Error> in
          pair.0.map { read in
            (
              SessionReport(file: path, transcript: read.transcript, scenario: pair.1),
              GradingFile.log(forTranscript: path, bytes: read.bytes)
            )
          }
        }
        for result in reports {
          defer { progress.advance() }
          switch result {
          case .failure(let failure):
            Output.err("attune: error: " + TerminalText.sanitized(String(describing: failure)))
            failures += 1
          case .success(let (session, log)):
            totals.sessions += 1
            if !session.verification.isVerified { totals.unverified += 1 }
            totals.cohort.add(session)
            totals.agreement.add(session, log: log)
            try report.add(session, log: log, to: destination)
          }
        }
      }
      progress.finish()
      try report.finish(totals, to: destination)
      try destination.finish()
      for skipped in catalog.skipped {
        Output.err("attune: warning: " + TerminalText.sanitized(skipped))
      }
      if totals.sessions == 0 && failures == 0 {
        throw CommandFailure(
          "no transcripts found in \(paths.joined(separator: ", ")); transcripts end in .jsonl")
      }
      if failures > 0 { throw ExitCode(1) }
    }
  }

  /// How many transcripts are verified at once.
  static let batchSize = 256

  private func makeReport() throws -> any GradeReport {
    switch (format, layout) {
    case (.text, _): TextGradeReport()
    case (.csv, .sessions): CSVSessionsReport()
    case (.csv, .gradebook): CSVGradebookReport(gradebook: Gradebook(policy: attempt))
    case (.csv, .scenarios): CSVScenariosReport()
    case (.json, _): JSONGradeReport()
    case (.xapi, _):
      XAPIGradeReport(
        export: XAPIExport(base: activityBase, homePage: homePage, passMark: passMark))
    case (.html, _): try HTMLGradeReport(folder: output!, replacing: force)
    }
  }
}

/// The formats of `attune grade`.
enum GradeFormat: String, ExpressibleByArgument, CaseIterable {
  case text, csv, json, xapi, html
}

/// The layouts of `attune grade --format csv`.
enum CSVLayout: String, ExpressibleByArgument, CaseIterable {
  case sessions, gradebook, scenarios
}

extension Gradebook.AttemptPolicy: ExpressibleByArgument {}

/// The largest transcript read, in bytes.
enum TranscriptLimits {
  static let maximumBytes = 64 << 20
}
