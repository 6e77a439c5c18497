import AttuneCore

/// The one-row-per-transcript grade sheet: its columns, and each report's row.
public enum GradeSheet {
  /// The column names, in order.
  public static let columns: [String] =
    [
      "file", "trainee", "scenario", "scenario_version", "mode", "seed", "started_at",
      "completed", "verified", "verification", "outcome", "headline", "unbounded_headline",
      "safety", "safety_detail",
    ] + ScoreComponent.Kind.allCases.map { "\($0.rawValue)_component" }
    + [
      "ruptures_resolved", "ruptures_total", "mean_resolution_rating", "contraindicated_moves",
      "final_bond", "final_task", "final_goal", "marker_type_accuracy", "marker_subtype_accuracy",
      "duration_seconds", "answering_seconds", "graders", "grader_mean_rating", "first_finding",
    ]

  /// The row of `report`, with what graders entered in `log`.
  public static func row(_ report: SessionReport, log: GradingLog) -> [CSVTable.Cell] {
    let header = report.header
    let score = report.score
    let components = ScoreComponent.Kind.allCases.map { kind in
      CSVTable.Cell.decimal(score?.components.first { $0.kind == kind }?.value)
    }
    let marker = report.markerIdentification
    let graderRatings = log.ratings.values.flatMap(\.values).map(\.rating)
    var cells: [CSVTable.Cell] = [
      .text(report.file), .optional(header?.trainee), .optional(header?.scenario.id),
      .optional(header?.scenario.version), .optional(header?.mode.rawValue),
      .number(header.map { String($0.seed) } ?? ""), .optional(header?.startedAt),
      .flag(report.isComplete), .flag(report.verification.isVerified),
      .text(report.verification.rawValue), .optional(score?.outcome?.rawValue),
      .integer(score?.headline), .integer(score?.unboundedHeadline),
      .optional(score?.safety.map { $0.passed ? "passed" : "failed" }),
      .optional(
        score?.safety.flatMap { $0.lines.isEmpty ? nil : $0.lines.joined(separator: "; ") }),
    ]
    cells += components
    cells += [
      .integer(score?.rupturesResolved), .integer(score?.episodes.count),
      .decimal(score?.meanResolutionRating, places: 2), .integer(score?.contraindicatedMoves),
      .integer(score?.finalAlliance.bond), .integer(score?.finalAlliance.task),
      .integer(score?.finalAlliance.goal),
      .decimal(marker?.typeAccuracy, places: 2),
      .decimal(
        marker.flatMap {
          $0.subtypesAsked == 0 ? nil : Double($0.subtypesCorrect) / Double($0.subtypesAsked)
        },
        places: 2),
      .decimal(report.durationMilliseconds.map { Double($0) / 1000 }, places: 1),
      .decimal(Double(report.answeringMilliseconds) / 1000, places: 1),
      .integer(log.graders.count),
      .decimal(
        graderRatings.isEmpty
          ? nil : Double(graderRatings.reduce(0, +)) / Double(graderRatings.count), places: 2),
      .optional(report.findings.first.map { "line \($0.line): \($0.message)" }),
    ]
    return cells
  }
}
