import AttuneCore

/// One transcript as a self-contained HTML page: who played what, whether it verified, the
/// scores, the rupture episodes with the engine's and the graders' ratings, the alliance chart
/// and the script. Every piece of text from a transcript or scenario is escaped.
public enum SessionPageHTML {
  /// The page of `report`, with the graders' entries of `log`; `index` is the relative link
  /// back to the cohort's index, if there is one.
  public static func page(_ report: SessionReport, log: GradingLog, index: String?) -> String {
    let header = report.header
    let title =
      "\(header?.trainee ?? "unknown trainee") · \(report.scenarioTitle ?? header?.scenario.id ?? "unknown scenario")"
    var html = HTMLPage.head(title: "Attune: \(title)")
    if let index { html += "<p><a href=\"\(HTMLText.escaped(index))\">← all sessions</a></p>\n" }
    html += "<h1>\(HTMLText.escaped(title))</h1>\n"
    html += summary(report)
    if let notes = report.instructorNotes {
      html += "<h2>Instructor notes</h2>\n<p>\(HTMLText.escaped(notes))</p>\n"
    }
    if let score = report.score {
      html += scores(score)
      html += "<h2>Alliance</h2>\n" + AllianceChart(report: report).svg() + "\n"
      html += episodes(score, log: log)
    }
    html += comments(log)
    html += "<h2>Script</h2>\n" + script(report)
    return html + HTMLPage.tail
  }

  static func summary(_ report: SessionReport) -> String {
    let header = report.header
    let status: String =
      switch report.verification {
      case .verified: "<span class=\"badge ok\">verified</span>"
      case .failed: "<span class=\"badge bad\">NOT verified</span>"
      case .scenarioNotFound: "<span class=\"badge warn\">scenario not found</span>"
      case .unreadable: "<span class=\"badge bad\">unreadable</span>"
      }
    var html = "<p class=\"meta\">\(status) "
    html +=
      report.isComplete
      ? "<span class=\"badge ok\">completed</span>" : "<span class=\"badge warn\">incomplete</span>"
    html += "</p>\n<table>\n"
    let rows: [(String, String?)] = [
      ("File", report.file), ("Trainee", header?.trainee),
      ("Scenario", header.map { "\($0.scenario.id) \($0.scenario.version)" }),
      ("Mode", header?.mode.rawValue), ("Seed", header.map { String($0.seed) }),
      ("Started", header?.startedAt), ("Ended", report.endedAt),
      (
        "Duration",
        report.durationMilliseconds.map {
          DecimalText.formatted(Double($0) / 1000, places: 0) + " s"
        }
      ), ("Scoring model", header?.scoringModel),
      (
        "Time answering",
        DecimalText.formatted(Double(report.answeringMilliseconds) / 1000, places: 1) + " s"
      ),
    ]
    for (name, value) in rows {
      html += "<tr><th>\(name)</th><td>\(HTMLText.escaped(value ?? "-"))</td></tr>\n"
    }
    html += "</table>\n"
    for finding in report.findings {
      html +=
        "<p class=\"badge bad\">line \(finding.line): \(HTMLText.escaped(finding.message))"
        + " [\(HTMLText.escaped(finding.code.rawValue))]</p>\n"
    }
    return html
  }

  static func scores(_ score: SessionScore) -> String {
    var html = "<h2>Score</h2>\n<p><strong>Alliance repair score \(score.headline) of 100</strong>"
    if let outcome = score.outcome { html += ", outcome: \(HTMLText.escaped(outcome.title))" }
    if let bound = score.headlineBound, let unbounded = score.unboundedHeadline {
      html += " (bounded at \(bound); the components add up to \(unbounded))"
    }
    html += "</p>\n"
    if let safety = score.safety {
      let problems = Set(safety.problems)
      for line in safety.lines {
        let badge = problems.contains(line) ? "bad" : "ok"
        html += "<p class=\"badge \(badge)\">\(HTMLText.escaped(line))</p>\n"
      }
    }
    html += "<table>\n<tr><th>Component</th><th class=\"num\">Value</th>"
    html += "<th class=\"num\">Weight</th><th class=\"num\">Adds</th><th>How</th></tr>\n"
    for component in score.components {
      html +=
        "<tr><td>\(HTMLText.escaped(component.kind.title))</td>"
        + "<td class=\"num\">\(DecimalText.formatted(component.value, places: 1))</td>"
        + "<td class=\"num\">\(DecimalText.formatted(component.weight, places: 2))</td>"
        + "<td class=\"num\">\(DecimalText.formatted(component.contribution, places: 1))</td>"
        + "<td>\(HTMLText.escaped(component.explanation))</td></tr>\n"
    }
    let final = score.finalAlliance
    html += "</table>\n<p class=\"meta\">Final alliance: bond \(final.bond), task \(final.task),"
    html += " goal \(final.goal). Ruptures resolved \(score.rupturesResolved) of"
    html += " \(score.episodes.count); contraindicated moves \(score.contraindicatedMoves).</p>\n"
    return html
  }

  static func episodes(_ score: SessionScore, log: GradingLog) -> String {
    guard !score.episodes.isEmpty else { return "<h2>Rupture episodes</h2>\n<p>None.</p>\n" }
    let graders = log.graders
    var html = "<h2>Rupture episodes</h2>\n<table>\n<tr><th>#</th><th>Turns</th><th>Markers</th>"
    html += "<th>Furthest stage</th><th class=\"num\">Engine</th>"
    for grader in graders { html += "<th class=\"num\">\(HTMLText.escaped(grader))</th>" }
    html += "<th>Why</th></tr>\n"
    for episode in score.episodes {
      let markers = episode.markers.map { "\($0.type.rawValue): \($0.subtype.rawValue)" }
      html +=
        "<tr><td>\(episode.number)</td><td>\(episode.onsetTurnNumber)-"
        + "\(episode.onsetTurnNumber + max(1, episode.turnsTaken) - 1)</td>"
        + "<td>\(HTMLText.escaped(markers.joined(separator: " → ")))</td>"
        + "<td>\(HTMLText.escaped(episode.furthestStage?.title ?? "none"))</td>"
        + "<td class=\"num\">\(episode.rating)</td>"
      for grader in graders {
        let rating = log.ratings[grader]?[episode.number]
        html +=
          "<td class=\"num\" title=\"\(HTMLText.escaped(rating?.comment ?? ""))\">"
          + "\(rating.map { String($0.rating) } ?? "-")</td>"
      }
      html += "<td>\(HTMLText.escaped(episode.ratingReason))</td></tr>\n"
    }
    return html + "</table>\n"
  }

  static func comments(_ log: GradingLog) -> String {
    let rated = log.ratings.values.flatMap(\.values).filter { $0.comment != nil }
    guard !log.comments.isEmpty || !rated.isEmpty else { return "" }
    var html = "<h2>Graders' comments</h2>\n<ul>\n"
    for rating in rated.sorted(by: { ($0.grader, $0.episode) < ($1.grader, $1.episode) }) {
      html +=
        "<li><strong>\(HTMLText.escaped(rating.grader))</strong> on episode \(rating.episode)"
        + " (rating \(rating.rating)): \(HTMLText.escaped(rating.comment ?? ""))</li>\n"
    }
    for comment in log.comments {
      let place = comment.turn.map { " on turn \($0)" } ?? ""
      html +=
        "<li><strong>\(HTMLText.escaped(comment.grader))</strong>\(place):"
        + " \(HTMLText.escaped(comment.text))</li>\n"
    }
    return html + "</ul>\n"
  }

  static func script(_ report: SessionReport) -> String {
    let onsets = Dictionary(
      (report.score?.episodes ?? []).map { ($0.onsetTurnNumber, $0.number) },
      uniquingKeysWith: { first, _ in first })
    var html = ""
    // A turn shown again after an undo gets no second anchor: ids stay unique.
    var anchored: Set<Int> = []
    for entry in report.script.entries {
      switch entry.content {
      case .clientTurn(let shown, let words):
        let rupture = words?.marker != nil
        let anchor = anchored.insert(shown.number).inserted ? " id=\"turn-\(shown.number)\"" : ""
        html += "<div class=\"turn\(rupture ? " rupture" : "")\"\(anchor)>"
        html += "<div class=\"meta\">Turn \(shown.number) · bond \(shown.alliance.bond), task"
        html += " \(shown.alliance.task), goal \(shown.alliance.goal)</div>"
        if let episode = onsets[shown.number], words?.marker != nil {
          html += "<div class=\"episode-start\">Rupture episode \(episode) begins</div>"
        }
        if let words {
          if !words.cues.isEmpty {
            html +=
              "<div class=\"cues\">\(HTMLText.escaped(words.cues.joined(separator: "; ")))</div>"
          }
          html += "<div class=\"says\">“\(HTMLText.escaped(words.says))”</div>"
          if let marker = words.marker {
            html +=
              "<div class=\"meta\">Marker: \(HTMLText.escaped(marker.type.rawValue)),"
              + " \(HTMLText.escaped(marker.subtype.rawValue))</div>"
          }
          if let stage = words.stage {
            html += "<div class=\"meta\">Resolution stage: \(HTMLText.escaped(stage.title))</div>"
          }
          if let thoughts = words.thoughts {
            html += "<div class=\"thought\">Thinks: \(HTMLText.escaped(thoughts))</div>"
          }
        } else {
          html += "<div class=\"says\">(turn \(HTMLText.escaped(shown.turn)))</div>"
        }
        let offered = shown.offered.enumerated().map { "\($0.offset + 1). \($0.element)" }
        html +=
          "<div class=\"meta\">Offered, as displayed: "
          + HTMLText.escaped(offered.joined(separator: ", ")) + "</div>"
        html += "</div>\n"
      case .response(let choice, let words):
        html += "<div class=\"response\">"
        if let reflection = choice.reflection {
          html += "<div class=\"meta\">Own words first: “\(HTMLText.escaped(reflection))”</div>"
        }
        html += "<div>“\(HTMLText.escaped(words.text ?? choice.option))”</div>"
        html += "<div class=\"codes\">"
        html += choice.codes.map { "<code>\(HTMLText.escaped($0.rawValue))</code>" }.joined()
        if let change = words.change {
          html +=
            " bond \(signed(change.bond)), task \(signed(change.task)), goal \(signed(change.goal))"
        }
        html += " · \(DecimalText.formatted(Double(choice.latencyMs) / 1000, places: 1)) s</div>"
        if let feedback = words.feedback {
          html += "<div class=\"feedback\">\(HTMLText.escaped(feedback))</div>"
        }
        html += "</div>\n"
      case .undo(let undo):
        html += "<div class=\"note\">Undid “\(HTMLText.escaped(undo.option))”</div>\n"
      case .note(let note):
        html += "<div class=\"note\">Note: \(HTMLText.escaped(note.text))</div>\n"
      case .hint(let hint):
        html += "<div class=\"note\">Hint shown: \(HTMLText.escaped(hint.text))</div>\n"
      case .markerGuess(let guess):
        let said = [guess.guessType?.rawValue, guess.guessSubtype?.rawValue].compactMap { $0 }
        html +=
          "<div class=\"note\">Noticed: \(HTMLText.escaped(said.isEmpty ? "no rupture" : said.joined(separator: ", ")))"
          + " (\(guess.guessType == guess.actualType ? "right" : "not right"))</div>\n"
      case .ending(let end, let ending):
        html +=
          "<div class=\"turn\"><div class=\"meta\">Ending: \(HTMLText.escaped(ending?.title ?? end.ending))"
        html += " (\(HTMLText.escaped(end.outcome.title)))</div>"
        if let says = ending?.says {
          html += "<div class=\"says\">“\(HTMLText.escaped(says))”</div>"
        }
        if let debrief = ending?.debrief { html += "<div>\(HTMLText.escaped(debrief))</div>" }
        html += "</div>\n"
      case .stopped(let quit):
        html +=
          "<div class=\"note\">The session stopped here (\(HTMLText.escaped(quit.reason))).</div>\n"
      }
    }
    return html
  }

  static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
