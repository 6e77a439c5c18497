import AttuneCore

extension Findings {
  /// Words and phrases that show a client raising risk to self or others; a turn whose lines
  /// contain one is read as raising risk unless its author says `"risk": false`.
  static let riskPhrases = [
    "suicid", "kill myself", "killing myself", "end it all", "end my life", "not be here",
    "not wake up", "hurt myself", "harm myself", "self-harm", "self harm", "cutting myself",
    "overdose", "urges", "better off without me", "hurt him", "hurt her", "kill him",
    "kill her", "hurt someone", "hurt the kids",
  ]

  /// Whether the client raises risk at `turn`: the author's word, else the phrase list read
  /// over everything the client may say there.
  static func raisesRisk(_ turn: Turn) -> Bool {
    if let word = turn.raisesRisk { return word }
    let lines = ([turn.says] + turn.variants.compactMap(\.says)).map { $0.lowercased() }
    return lines.contains { line in riskPhrases.contains { line.contains($0) } }
  }

  /// The safety lints: a turn that raises risk must require a risk check and offer one, and a
  /// required safety task must be one some option carries out.
  mutating func safetyLints() {
    let carried = Set(scenario.turns.flatMap(\.options).flatMap(\.safetyTasks))
    for (t, turn) in scenario.turns.enumerated() {
      if Self.raisesRisk(turn) {
        if turn.safety == nil {
          add(
            .riskWithoutSafety, "/turns/\(t)",
            "turn \"\(turn.id)\" raises risk but requires no safety task; add \"safety\":"
              + " {\"task\": \"risk-check\", \"why\": ...} so that a session that never asks"
              + " fails whatever its points (or \"risk\": false if the words mislead)")
        }
        if !turn.options.contains(where: { $0.safetyTasks.contains(.riskCheck) }) {
          add(
            .riskWithoutSafety, "/turns/\(t)/options",
            "turn \"\(turn.id)\" raises risk but none of its options asks about it; offer a"
              + " credible risk check (ideation, intent, plan, means, timing, the safety plan)"
              + " marked \"safety\": [\"risk-check\"]")
        }
      }
      if let requirement = turn.safety, !carried.contains(requirement.task) {
        add(
          .safetyTaskNeverOffered, "/turns/\(t)/safety", severity: .error,
          "turn \"\(turn.id)\" requires the safety task \"\(requirement.task.rawValue)\", but no"
            + " option of the scenario carries it out, so every session fails; mark the option"
            + " that does with \"safety\": [\"\(requirement.task.rawValue)\"]")
      }
    }
  }

  /// The cue lints: the best option is too often the longest, or a skill-free policy scores
  /// too high, naming the turns that leak most.
  mutating func cueLints(_ cues: CueAnalysis, thresholds: CueThresholds) {
    let longest = cues.longestIsBest.sorted {
      ($0.bestLength - $0.otherLength) > ($1.bestLength - $1.otherLength)
    }
    func listing(_ leaks: ArraySlice<CueAnalysis.Leak>) -> String {
      leaks.map { "\"\($0.turn)\" (\($0.bestLength) characters against \($0.otherLength))" }
        .joined(separator: ", ")
    }
    if cues.longestBestShare > thresholds.longestBestShare, let first = longest.first {
      add(
        .cueLongestBest, first.pointer,
        "the best option is the longest on offer in \(cues.longestIsBest.count) of"
          + " \(cues.bestPathTurns) best-path turns (more than"
          + " \(Int((thresholds.longestBestShare * 100).rounded()))%), so length gives the key"
          + " away; shorten the key or lengthen a plausible distractor at "
          + listing(longest.prefix(5)))
    }
    // A policy that plays as random play is reported once, as random play.
    for figure in cues.figures where !figure.isRandomPlay {
      guard figure.expected > thresholds.textPolicyHeadline else { continue }
      let at = longest.first?.pointer ?? "/turns"
      add(
        .cueTextPolicy, at,
        "a trainee \(figure.description), without reading the client, scores"
          + " \(figure.expected)\(Self.estimateNote(figure)), above"
          + " \(Self.number(thresholds.textPolicyHeadline)); vary the wording so that the key does"
          + " not share that feature"
          + (figure.policy == TextPolicy.longest.name && !longest.isEmpty
            ? "; the longest keys: " + listing(longest.prefix(5))
            : figure.keyTurns.isEmpty
              ? ""
              : "; it finds the key at "
                + figure.keyTurns.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")))
    }
    if let random = cues.figure(.random), random.expected > thresholds.randomHeadline {
      add(
        .cueRandomPlay, "/turns",
        "uniform random play scores \(random.expected)\(Self.estimateNote(random)), above"
          + " \(Self.number(thresholds.randomHeadline)): too many answers are safe whatever the"
          + " client shows; make more distractors plausible but costly, and let wrong moves"
          + " lead toward worse endings")
    }
  }

  static func estimateNote(_ figure: CueAnalysis.Figure) -> String {
    guard !figure.exact, let interval = figure.interval, interval.count == 2 else {
      return " (exact)"
    }
    return " (estimate from \(figure.samples ?? 0) seeded playthroughs, 95% interval"
      + " \(interval[0])-\(interval[1]))"
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
