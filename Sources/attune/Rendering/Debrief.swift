import AttuneCore
import AttuneGrading

/// The end of a session: outcome, score and its parts, each rupture episode, the turns that
/// helped and harmed most, the alliance trajectory, and where the transcript is.
struct Debrief {
  let session: Session
  let guesses: [MarkerGuess]
  let transcriptPath: String
  let screen: Screen

  func show() {
    let style = screen.style
    let score = session.score
    screen.print("")
    if let ending = session.ending {
      for cue in ending.cues {
        screen.print(style.italic(screen.wrap("(" + cue + ")", indent: "  ")))
      }
      if let says = ending.says {
        screen.print(
          screen.wrap(
            "\(style.bold(screen.clean(session.scenario.client.name) + ":")) \u{201C}\(says)\u{201D}"
          ))
      }
      screen.print("")
      screen.print(
        style.bold("══ Debrief: \(screen.clean(ending.title)) (\(ending.outcome.title)) ══"))
      screen.print(screen.wrap(ending.debrief))
    }
    screen.print("")
    screen.print(
      style.bold("Alliance repair score: \(score.headline) / 100") + style.dim("  (\(score.model))")
    )
    if let bound = score.headlineBound, let unbounded = score.unboundedHeadline {
      screen.print(
        screen.wrap(
          "  Bounded at \(bound): the components add up to \(unbounded), but "
            + (score.safety?.passed == false
              ? "a safety item was not met, and that fails the session whatever the points"
              : "a session that ends \(score.outcome.map(Self.ending) ?? "so") can score at most"
                + " \(bound)"),
          indent: "  "))
    }
    if let safety = score.safety, !(safety.items.isEmpty && safety.breaches.isEmpty) {
      let problems = Set(safety.problems)
      for line in safety.lines {
        screen.print("  " + (problems.contains(line) ? style.bold(line) : line))
      }
    }
    for line in screen.components(of: score) { screen.print(line) }
    screen.print(
      "  Alliance: \(screen.alliance(score.startingAlliance)) → \(screen.alliance(score.finalAlliance));"
        + " simulated WAI-SR-style total \(score.simulatedWAISR.total) of 60 (simulated, not a"
        + " questionnaire)")
    screen.print(
      "  Strategies: \(score.exploratoryResponses) exploratory, \(score.immediateResponses)"
        + " immediate; reflections \(score.reflections), questions \(score.questions)"
        + (score.reflectionToQuestionRatio.map { " (ratio \($0))" } ?? "")
        + "; contraindicated moves \(score.contraindicatedMoves)")
    episodes(score)
    markerAccuracy()
    turnsThatMattered(score)
    aboutTheClient()
    screen.print("")
    screen.print(style.bold("Alliance over the session"))
    var columns: Set<Int> = []
    for episode in score.episodes {
      for turn in episode.onsetTurnNumber..<(episode.onsetTurnNumber + episode.turnsTaken) {
        columns.insert(turn - 1)
      }
    }
    let chart = TrajectoryChart(
      points: [score.startingAlliance] + score.turns.map(\.allianceAfter), ruptureColumns: columns)
    for line in chart.render(style: style, maximumColumns: (screen.width - 8) / 2) {
      screen.print(line)
    }
    screen.print("")
    screen.print("Transcript saved: \(transcriptPath)")
  }

  func episodes(_ score: SessionScore) {
    guard !score.episodes.isEmpty else { return }
    screen.print("")
    screen.print(
      screen.style.bold(
        "Rupture episodes: \(score.rupturesResolved) of \(score.episodes.count) resolved,"
          + " \(score.markersNoticed) of \(score.markersNoticed + score.markersMissed) markers"
          + " noticed"
          + (score.meanResolutionRating.map { ", mean rating \($0) of 5" } ?? "")))
    for episode in score.episodes {
      let markers = episode.markers.map { "\($0.type.rawValue): \($0.subtype.title)" }
      screen.print(
        "  \(episode.number). turn \(episode.onsetTurnNumber), \(markers.joined(separator: " → "))"
          + " — rating \(screen.style.bold(String(episode.rating))) of 5")
      screen.print(
        screen.style.dim(
          "     markers attended to: \(episode.markersAttended.filter { $0 }.count) of"
            + " \(episode.markersAttended.count);"
            + " furthest stage: \(episode.furthestStage?.title ?? "none"); \(episode.turnsTaken)"
            + " turn(s); alliance \(episode.allianceAtOnset) → trough \(episode.trough) →"
            + " \(episode.allianceAtClose); contraindicated moves \(episode.contraindicatedMoves)"))
      screen.print(screen.wrap(episode.ratingReason, indent: "     "))
    }
  }

  /// "in dropout", "unrepaired": how a session ends, for a sentence.
  static func ending(_ outcome: Outcome) -> String {
    outcome == .dropout ? "in dropout" : outcome.title
  }

  /// What the session kept hidden: the client's attachment and reactance, and the scenario's
  /// instructor notes.
  func aboutTheClient() {
    let scenario = session.scenario
    let attachment = scenario.client.attachment
    screen.print("")
    screen.print(screen.style.bold("About this client"))
    screen.print(
      screen.wrap(
        "Attachment: \(attachment.category.rawValue) (ECR-R-style anxiety"
          + " \(screen.format(attachment.anxiety)), avoidance \(screen.format(attachment.avoidance))"
          + " of 7); reactance \(scenario.client.reactance.rawValue).", indent: "  "))
    screen.print(
      screen.wrap("Instructor notes: " + scenario.metadata.instructorNotes, indent: "  "))
  }

  func markerAccuracy() {
    guard !guesses.isEmpty else { return }
    let counts = MarkerIdentification(guesses: guesses)
    screen.print("")
    screen.print(
      screen.style.bold("Noticing ruptures: ")
        + "\(counts.typesCorrect) of \(counts.guesses) turns read right (rupture or not, and its"
        + " type); \(counts.subtypesCorrect) of \(counts.subtypesAsked) markers named exactly")
  }

  func turnsThatMattered(_ score: SessionScore) {
    let ranked = score.turns.sorted {
      ($0.applied.total, $1.number) > ($1.applied.total, $0.number)
    }
    let helped = ranked.prefix(2).filter { $0.applied.total > 0 }
    let harmed = ranked.reversed().prefix(2).filter { $0.applied.total < 0 }
    for (title, turns) in [("Helped most", Array(helped)), ("Harmed most", Array(harmed))]
    where !turns.isEmpty {
      screen.print("")
      screen.print(screen.style.bold(title))
      for turn in turns {
        guard let option = session.scenario.option(turn.option)?.option else { continue }
        screen.print(
          screen.wrap(
            "turn \(turn.number): \u{201C}\(option.text)\u{201D} (\(screen.change(turn.applied)))",
            indent: "  "))
        if let feedback = option.feedback {
          screen.print(screen.style.dim(screen.wrap(feedback, indent: "    ")))
        }
      }
    }
  }
}

extension String {
  func padding(_ length: Int) -> String {
    self + String(repeating: " ", count: max(0, length - count))
  }
}
