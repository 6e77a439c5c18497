import AttuneCore
import AttuneGrading

/// A session's script as text for a terminal: the client's turns, the trainee's answers with
/// their codes, alliance change, latency and feedback, and the notes and hints between them.
/// Every piece of transcript and scenario text is sanitised.
struct ScriptText {
  let screen: Screen
  /// What the client is called.
  let client: String
  /// The episodes, by the turn number that opened them.
  let onsets: [Int: RuptureEpisode]

  init(screen: Screen, client: String, score: SessionScore?) {
    self.screen = screen
    self.client = client
    onsets = Dictionary(
      (score?.episodes ?? []).map { ($0.onsetTurnNumber, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The lines of one entry.
  func lines(_ entry: ScriptEntry) -> [String] {
    let style = screen.style
    switch entry.content {
    case .clientTurn(let shown, let words):
      var lines = [
        "",
        style.bold("── turn \(shown.number) ")
          + style.dim(
            "(line \(entry.line)) · "
              + screen.alliance(shown.alliance)),
      ]
      guard let words else {
        return lines + [
          style.dim(
            "  (turn \"\(screen.clean(shown.turn))\"; its words are not"
              + " available without the scenario)")
        ]
      }
      lines += words.cues.map { style.dim(screen.wrap("(\($0))", indent: "  ")) }
      lines.append(screen.wrap("\(client): \u{201C}\(words.says)\u{201D}"))
      if let marker = words.marker {
        var line = "  rupture marker: \(marker.type.rawValue), \(marker.subtype.rawValue)"
        if let episode = onsets[shown.number] {
          line += " · episode \(episode.number) begins (engine rating \(episode.rating) of 5)"
        }
        lines.append(style.red(line))
      }
      if let stage = words.stage { lines.append(style.green("  resolution stage: \(stage.title)")) }
      if let thoughts = words.thoughts {
        lines.append(style.dim(screen.wrap("thinks: \(thoughts)", indent: "  ")))
      }
      let offered = shown.offered.enumerated().map {
        "\($0.offset + 1). \(screen.clean($0.element))"
      }
      lines.append(
        style.dim(
          screen.wrap("offered, as displayed: " + offered.joined(separator: "  "), indent: "  ")))
      return lines
    case .response(let choice, let words):
      var lines: [String] = []
      if let reflection = choice.reflection {
        lines.append(screen.wrap("own words first: \"\(reflection)\"", indent: "  "))
      }
      lines.append(
        screen.wrap("Trainee: \u{201C}\(words.text ?? choice.option)\u{201D} [\(choice.option)]"))
      var facts = [screen.codes(choice.codes)]
      if let change = words.change { facts.append(screen.change(change)) }
      facts.append(DecimalText.formatted(Double(choice.latencyMs) / 1000, places: 1) + " s")
      lines.append(style.dim("  " + facts.joined(separator: " · ")))
      for adjustment in choice.fit {
        lines.append(style.dim(screen.wrap("fit: \(adjustment.reason)", indent: "  ")))
      }
      if let feedback = words.feedback {
        lines.append(screen.wrap("feedback: \(feedback)", indent: "  "))
      }
      return lines
    case .undo(let undo):
      return [style.yellow("  undid \"\(screen.clean(undo.option))\"")]
    case .note(let note):
      return [style.yellow(screen.wrap("note: \(note.text)", indent: "  "))]
    case .hint(let hint):
      return [style.dim(screen.wrap("hint shown: \(hint.text)", indent: "  "))]
    case .markerGuess(let guess):
      let said = [guess.guessType?.rawValue, guess.guessSubtype?.rawValue].compactMap { $0 }
      return [
        "  noticed: \(said.isEmpty ? "no rupture" : said.joined(separator: ", "))"
          + " (\(guess.typeCorrect ? "right" : "not right"))"
      ]
    case .ending(let end, let ending):
      var lines = [
        "",
        style.bold("── ending: \(screen.clean(ending?.title ?? end.ending))")
          + " (\(end.outcome.title))",
      ]
      if let says = ending?.says { lines.append(screen.wrap("\(client): \u{201C}\(says)\u{201D}")) }
      return lines
    case .stopped(let quit):
      return ["", style.yellow("── the session stopped here (\(screen.clean(quit.reason)))")]
    }
  }
}
