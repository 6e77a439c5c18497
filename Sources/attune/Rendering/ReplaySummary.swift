import AttuneCore
import AttuneGrading

/// The head and foot of a replayed session: whether it verified and why not, who played what,
/// and the score with every rupture episode and the graders' ratings beside the engine's.
struct ReplaySummary {
  let screen: Screen

  /// How many findings are listed before the rest are counted.
  static let shownFindings = 10

  /// The verification verdict and the session's particulars.
  func head(_ report: SessionReport) -> [String] {
    let style = screen.style
    var lines = report.findings.prefix(Self.shownFindings).map { finding in
      "\(screen.clean(report.file)):\(finding.line): \(screen.clean(finding.message)) [\(finding.code)]"
    }
    if report.findings.count > Self.shownFindings {
      lines.append(
        "\(screen.clean(report.file)): and \(report.findings.count - Self.shownFindings) more"
          + " finding(s) like these; is this an Attune transcript?")
    }
    if let torn = report.tornLine {
      lines.append(
        "\(screen.clean(report.file)):\(torn): the last line is torn (the session stopped while"
          + " writing it); it is left out")
    }
    let verdict: String =
      switch report.verification {
      case .verified: style.green("verified")
      case .failed: style.red("NOT verified")
      case .scenarioNotFound: style.red("NOT verified (scenario not found)")
      case .unreadable: style.red("NOT verified (unreadable)")
      }
    let state = report.isComplete ? "complete" : "incomplete"
    var line = "\(screen.clean(report.file)): \(verdict), \(state)"
    if let header = report.header {
      line +=
        "; trainee \(screen.clean(header.trainee)), scenario \(screen.clean(header.scenario.id))"
        + " \(screen.clean(header.scenario.version)), \(header.mode.rawValue), seed \(header.seed)"
      if let score = report.score { line += "; headline \(score.headline)" }
    }
    lines.append(line)
    for safety in report.score?.safety?.problems ?? [] {
      lines.append("  " + style.bold(safety))
    }
    if report.verification == .scenarioNotFound {
      lines.append(
        "  no scenario with the id \"\(screen.clean(report.header?.scenario.id ?? ""))\" was"
          + " found; name it with --scenario PATH or --scenarios FOLDER")
    }
    return lines
  }

  /// The score, components and episodes, with the graders' ratings from `log`.
  func foot(_ report: SessionReport, log: GradingLog) -> [String] {
    guard let score = report.score else { return [] }
    let style = screen.style
    var lines = [
      "",
      style.bold("Alliance repair score \(score.headline) of 100")
        + (score.completed ? "" : " (so far: the session is incomplete)"),
    ]
    if let bound = score.headlineBound, let unbounded = score.unboundedHeadline {
      lines.append(
        "  bounded at \(bound) (the components add up to \(unbounded)): "
          + (score.safety?.passed == false
            ? "the session failed the safety layer"
            : "the session ended \(score.outcome?.title ?? "")"))
    }
    for safety in score.safety?.lines ?? [] { lines.append("  " + safety) }
    lines += screen.components(of: score)
    if let notes = report.instructorNotes {
      lines.append(screen.wrap("  instructor notes: " + screen.clean(notes), indent: "    "))
    }
    lines.append(
      "  "
        + (report.durationMilliseconds.map {
          "session length \(DecimalText.formatted(Double($0) / 1000, places: 0)) s; "
        } ?? "")
        + "answering time \(DecimalText.formatted(Double(report.answeringMilliseconds) / 1000, places: 1)) s"
        + " over \(report.choices) choice(s), \(report.undos) undone")
    if let marker = report.markerIdentification {
      lines.append(
        "  noticing ruptures: \(marker.typesCorrect) of \(marker.guesses) turns read right;"
          + " \(marker.subtypesCorrect) of \(marker.subtypesAsked) markers named exactly")
    }
    guard !score.episodes.isEmpty else { return lines + ["  no rupture episodes"] }
    lines.append(style.bold("Rupture episodes") + " (engine rating; graders' ratings)")
    for episode in score.episodes {
      let markers = episode.markers.map { "\($0.type.rawValue): \($0.subtype.rawValue)" }
      let graders = log.graders.compactMap { grader in
        log.ratings[grader]?[episode.number].map { "\(screen.clean(grader)) \($0.rating)" }
      }
      lines.append(
        "  \(episode.number). turns \(episode.onsetTurnNumber)-"
          + "\(episode.onsetTurnNumber + max(1, episode.turnsTaken) - 1), "
          + markers.joined(separator: " → ") + "; engine \(episode.rating)"
          + (graders.isEmpty ? "" : "; " + graders.joined(separator: ", ")))
      lines.append(style.dim(screen.wrap(episode.ratingReason, indent: "     ")))
    }
    for comment in log.comments {
      lines.append(
        screen.wrap(
          "comment by \(comment.grader)\(comment.turn.map { " on turn \($0)" } ?? ""): \(comment.text)",
          indent: "  "))
    }
    return lines
  }
}
