import AttuneCore
import AttuneGrading
import Foundation

/// The grade sheet for a person: a table of sessions, the totals of each scenario, and how far
/// graders and the engine agree.
struct TextGradeReport: GradeReport {
  private static let widths = [16, 22, 10, 4, 8, 5, 8, 6]

  func begin(_ output: ReportOutput) throws {
    try output.append(
      Self.row(["TRAINEE", "SCENARIO", "MODE", "DONE", "VERIFIED", "SCORE", "RESOLVED", "RATING"])
        + "FILE\n")
  }

  func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {
    let score = report.score
    try output.append(
      Self.row([
        report.header?.trainee ?? "?", report.header?.scenario.id ?? "?",
        report.header?.mode.rawValue ?? "?", report.isComplete ? "yes" : "no",
        report.verification.isVerified ? "yes" : "NO", score.map { String($0.headline) } ?? "-",
        score.map { "\($0.rupturesResolved)/\($0.episodes.count)" } ?? "-",
        score?.meanResolutionRating.map { DecimalText.formatted($0, places: 1) } ?? "-",
      ]) + oneLine(report.file) + "\n")
    for line in score?.safety?.problems ?? [] {
      try output.append("    \(oneLine(line))\n")
    }
    if let finding = report.findings.first, !report.verification.isVerified {
      try output.append(
        "    \(report.verification.rawValue): line \(finding.line):"
          + " \(oneLine(finding.message))\n")
    } else if report.verification == .scenarioNotFound {
      try output.append(
        "    scenario \"\(oneLine(report.header?.scenario.id ?? ""))\" not found;"
          + " name it with --scenario PATH or --scenarios FOLDER\n")
    }
  }

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws {
    try output.append("\n\(totals.sessions) transcript(s), \(totals.unverified) not verified\n")
    for scenario in totals.cohort.sortedScenarios {
      let mean = scenario.meanHeadline.map { DecimalText.formatted($0, places: 1) } ?? "-"
      let range =
        scenario.lowestHeadline.map { "\($0)-\(scenario.highestHeadline ?? $0)" } ?? "-"
      let rating =
        scenario.meanResolutionRating.map { DecimalText.formatted($0, places: 2) } ?? "-"
      try output.append(
        "  \(oneLine(scenario.scenario)): \(scenario.sessions) session(s),"
          + " \(scenario.completed) completed, \(scenario.verified) verified; mean score \(mean)"
          + " (range \(range)); ruptures resolved \(scenario.rupturesResolved) of"
          + " \(scenario.ruptures), mean rating \(rating)\n")
    }
    try output.append(AgreementText.render(totals.agreement))
  }

  private static func row(_ cells: [String]) -> String {
    zip(cells, widths).map { cell, width in
      let clean = oneLine(cell)
      let cut = clean.count > width ? String(clean.prefix(width - 1)) + "…" : clean
      return cut + String(repeating: " ", count: max(1, width + 1 - cut.count))
    }.joined()
  }
}

/// Rating agreement in words, for the text report and the replay summary.
enum AgreementText {
  static func render(_ agreement: RatingAgreement) -> String {
    guard !agreement.episodes.isEmpty else {
      return "\nAgreement: no grader has rated an episode yet (`attune replay --step` records"
        + " ratings).\n"
    }
    var text =
      "\nAgreement on 1-5 resolution ratings (\(agreement.episodes.count) episode(s) rated by"
      + " graders):\n"
    for pair in agreement.pairs {
      text +=
        "  \(oneLine(pair.first)) vs \(oneLine(pair.second)):"
        + " \(pair.episodes) episode(s), exact \(Int((pair.exactAgreement * 100).rounded()))%,"
        + " weighted kappa \(describe(pair.kappa.value, pair.kappa.strength?.label)),"
        + " ICC(A,1) \(describe(pair.icc.value, pair.icc.reliability?.label))\n"
    }
    for group in agreement.groups {
      text +=
        "  \(group.name) (\(group.raters.count)): ICC(A,1)"
        + " \(describe(group.icc.value, group.icc.reliability?.label)) over \(group.icc.subjects)"
        + " episode(s) rated by all\n"
    }
    return text
  }

  private static func describe(_ value: Double?, _ label: String?) -> String {
    guard let value else { return "undefined (too few or identical ratings)" }
    return DecimalText.formatted(value, places: 2) + (label.map { " (\($0))" } ?? "")
  }
}

/// Untrusted text made safe for the terminal and kept on one line, so that a trainee id, file
/// name or message with a line break cannot break the table or forge a row.
private func oneLine(_ text: String) -> String {
  TerminalText.sanitized(text, keepNewlines: false)
}
