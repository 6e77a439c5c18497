import AttuneCore
import AttuneGrading
import Foundation

/// One output format of `attune grade`: it sees each session as it is graded, then the
/// totals, and writes as it goes so that memory stays flat.
protocol GradeReport {
  /// Writes what comes before the first session.
  mutating func begin(_ output: ReportOutput) throws
  /// Writes (or notes) one session.
  mutating func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws
  /// Writes what comes after the last session.
  mutating func finish(_ totals: GradeTotals, to output: ReportOutput) throws
}

/// What `attune grade` gathers over all sessions.
struct GradeTotals {
  var cohort = CohortSummary()
  var agreement = RatingAgreement()
  /// Sessions graded, and how many were not verified.
  var sessions = 0
  var unverified = 0
}

/// The grade sheet as CSV: one row per transcript.
struct CSVSessionsReport: GradeReport {
  func begin(_ output: ReportOutput) throws {
    try output.append(CSVTable.record(GradeSheet.columns.map(CSVTable.Cell.text)))
  }

  func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {
    try output.append(CSVTable.record(GradeSheet.row(report, log: log)))
  }

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws {}
}

/// The gradebook as CSV: one row per trainee, one column per scenario.
struct CSVGradebookReport: GradeReport {
  var gradebook: Gradebook

  func begin(_ output: ReportOutput) throws {}

  mutating func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {
    gradebook.add(report)
  }

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws {
    try output.append(CSVTable.record(gradebook.columns.map(CSVTable.Cell.text)))
    for row in gradebook.rows { try output.append(CSVTable.record(row)) }
    for note in gradebook.attemptNotes {
      Output.err("attune: note: " + TerminalText.sanitized(note))
    }
  }
}

/// The totals of each scenario as CSV: one row per scenario.
struct CSVScenariosReport: GradeReport {
  static let columns = [
    "scenario", "versions", "sessions", "completed", "verified", "scored", "mean_headline",
    "lowest_headline", "highest_headline", "ruptures", "ruptures_resolved",
    "mean_resolution_rating", "repaired", "partly_repaired", "unrepaired", "dropout",
  ]

  func begin(_ output: ReportOutput) throws {}

  func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {}

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws {
    try output.append(CSVTable.record(Self.columns.map(CSVTable.Cell.text)))
    for scenario in totals.cohort.sortedScenarios {
      let cells: [CSVTable.Cell] =
        [
          .text(scenario.scenario), .text(scenario.versions.sorted().joined(separator: " ")),
          .integer(scenario.sessions), .integer(scenario.completed), .integer(scenario.verified),
          .integer(scenario.scored), .decimal(scenario.meanHeadline),
          .integer(scenario.lowestHeadline), .integer(scenario.highestHeadline),
          .integer(scenario.ruptures), .integer(scenario.rupturesResolved),
          .decimal(scenario.meanResolutionRating, places: 2),
        ] + Outcome.allCases.map { .integer(scenario.outcomes[$0.rawValue] ?? 0) }
      try output.append(CSVTable.record(cells))
    }
  }
}

/// Everything as one JSON document, the sessions streamed into its `sessions` array.
struct JSONGradeReport: GradeReport {
  private var first = true
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  func begin(_ output: ReportOutput) throws { try output.append("{\"sessions\":[\n") }

  mutating func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {
    let document = SessionDocument(report: report, log: log, includesScript: false)
    try output.append(
      (first ? "" : ",\n") + SafeJSON.text(try encoder.encode(document)))
    first = false
  }

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws {
    let scenarios = try encoder.encode(totals.cohort.sortedScenarios.map(ScenarioTotalsField.init))
    let agreement = try encoder.encode(AgreementField(totals.agreement))
    try output.append(
      "\n],\"scenarios\":\(SafeJSON.text(scenarios)),\"agreement\":"
        + "\(SafeJSON.text(agreement)),\"unreadable\":\(totals.cohort.unreadable)}\n"
    )
  }
}

/// xAPI statements, as one JSON array an LRS accepts in a single POST.
struct XAPIGradeReport: GradeReport {
  var export: XAPIExport
  private var first = true
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  init(export: XAPIExport) { self.export = export }

  func begin(_ output: ReportOutput) throws { try output.append("[\n") }

  mutating func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {
    guard report.verification.isVerified else {
      Output.err(
        "attune: \(TerminalText.sanitized(report.file)) is not verified"
          + " (\(report.verification.rawValue)); no statements are exported for it")
      return
    }
    for statement in export.statements(for: report) {
      try output.append(
        (first ? "" : ",\n") + SafeJSON.text(try encoder.encode(statement)))
      first = false
    }
  }

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws { try output.append("\n]\n") }
}

/// A scenario's totals as JSON.
struct ScenarioTotalsField: Encodable {
  var totals: ScenarioTotals

  private enum Key: String, CodingKey {
    case scenario, versions, sessions, completed, verified, scored, meanHeadline
    case lowestHeadline, highestHeadline, ruptures, rupturesResolved, meanResolutionRating
    case outcomes
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(totals.scenario, forKey: .scenario)
    try container.encode(totals.versions.sorted(), forKey: .versions)
    try container.encode(totals.sessions, forKey: .sessions)
    try container.encode(totals.completed, forKey: .completed)
    try container.encode(totals.verified, forKey: .verified)
    try container.encode(totals.scored, forKey: .scored)
    try container.encodeIfPresent(
      totals.meanHeadline.map { ScoringModel.roundedToTenth($0) }, forKey: .meanHeadline)
    try container.encodeIfPresent(totals.lowestHeadline, forKey: .lowestHeadline)
    try container.encodeIfPresent(totals.highestHeadline, forKey: .highestHeadline)
    try container.encode(totals.ruptures, forKey: .ruptures)
    try container.encode(totals.rupturesResolved, forKey: .rupturesResolved)
    try container.encodeIfPresent(
      totals.meanResolutionRating.map { (($0 * 100).rounded()) / 100 },
      forKey: .meanResolutionRating)
    try container.encode(totals.outcomes, forKey: .outcomes)
  }
}

/// Rating agreement as JSON.
struct AgreementField: Encodable {
  var pairs: [PairField]
  var groups: [GroupField]
  var episodes: Int

  init(_ agreement: RatingAgreement) {
    episodes = agreement.episodes.count
    pairs = agreement.pairs.map(PairField.init)
    groups = agreement.groups.map(GroupField.init)
  }

  struct PairField: Encodable {
    var first: String
    var second: String
    var episodes: Int
    var exactAgreement: Double
    var weightedKappa: Double?
    var icc: Double?

    init(_ pair: PairAgreement) {
      first = pair.first
      second = pair.second
      episodes = pair.episodes
      exactAgreement = rounded(pair.exactAgreement)
      weightedKappa = pair.kappa.value.map(rounded)
      icc = pair.icc.value.map(rounded)
    }
  }

  struct GroupField: Encodable {
    var name: String
    var raters: [String]
    var episodes: Int
    var icc: Double?

    init(_ group: GroupAgreement) {
      name = group.name
      raters = group.raters
      episodes = group.icc.subjects
      icc = group.icc.value.map(rounded)
    }
  }
}

/// `value` to three decimals, for agreement statistics.
private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
