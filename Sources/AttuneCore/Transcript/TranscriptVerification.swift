/// The result of replaying a transcript against its scenario.
public struct TranscriptVerification: Sendable {
  /// What disagreed, in the order found; the first names the line where the transcript
  /// diverges.
  public var findings: [TranscriptProblem]
  /// The session rebuilt from the transcript's choices, as far as it agreed.
  public var session: Session?
  /// Whether the transcript reached an ending.
  public var isComplete: Bool
  /// Whether the scenario file's SHA-256 matches the one recorded.
  public var scenarioUnchanged: Bool

  /// Whether every recorded number was reproduced and nothing is missing or out of order.
  public var isVerified: Bool { findings.isEmpty }

  /// Replays `transcript` against `scenario` (loaded from `scenarioBytes`) and checks every
  /// recorded number.
  public init(transcript: Transcript, scenario: Scenario, scenarioBytes: [UInt8]) {
    self.init(
      transcript: transcript, scenario: scenario,
      scenarioSha256: ScenarioFingerprint.sha256(of: scenarioBytes))
  }

  /// Replays `transcript` against `scenario`, whose file has the SHA-256 `digest` (lower-case
  /// hex), and checks every recorded number. Graders verifying many transcripts of one
  /// scenario hash its file once.
  public init(transcript: Transcript, scenario: Scenario, scenarioSha256 digest: String) {
    findings = transcript.problems
    session = nil
    isComplete = transcript.isComplete
    scenarioUnchanged = true
    guard let header = transcript.header else {
      findings.append(
        TranscriptProblem(line: 1, code: .transcriptHeader, message: "the transcript has no header")
      )
      return
    }
    guard let rules = header.rules else {
      let known = SessionRules.supported.map { "\($0.engine) with \($0.rules.scoring.rawValue)" }
      findings.insert(
        TranscriptProblem(
          line: 1, code: .engineChanged,
          message:
            "the session was recorded by engine \(header.engine) with scoring model"
            + " \(header.scoringModel); this build replays "
            + known.joined(separator: " or ") + ", so its numbers cannot be checked here:"
            + " replay it with a build of that version"), at: 0)
      return
    }
    guard header.scenario.id == scenario.id else {
      findings.append(
        TranscriptProblem(
          line: 1, code: .transcriptMismatch,
          message:
            "this is a transcript of scenario \"\(header.scenario.id)\", not of"
            + " \"\(scenario.id)\""))
      return
    }
    if digest != header.scenario.sha256 {
      scenarioUnchanged = false
      findings.append(
        TranscriptProblem(
          line: 1, code: .scenarioChanged,
          message:
            "the scenario file has changed since the session (recorded version"
            + " \(header.scenario.version), SHA-256 \(header.scenario.sha256.prefix(12))...; now"
            + " version \(scenario.version), \(digest.prefix(12))...)"))
      let missing = Self.missingIDs(in: transcript, scenario: scenario)
      if !missing.isEmpty {
        findings.append(
          TranscriptProblem(
            line: 1, code: .scenarioChanged,
            message:
              "ids used in the transcript no longer exist in the scenario: "
              + missing.sorted().joined(separator: ", ")))
      }
    }
    var replay = Replay(session: Session(scenario: scenario, seed: header.seed, rules: rules))
    var expectedSequence = 1
    for (index, located) in transcript.events.enumerated() {
      if located.event.sequence != expectedSequence {
        // An event from further on: reordered if the expected one still comes, else dropped.
        let what =
          located.event.sequence < expectedSequence
          ? "duplicated or reordered"
          : transcript.events[(index + 1)...].contains { $0.event.sequence == expectedSequence }
            ? "out of order (events were reordered)" : "missing (an event was dropped)"
        findings.append(
          TranscriptProblem(
            line: located.line, code: .transcriptMismatch,
            message:
              "event number \(located.event.sequence) where \(expectedSequence) was expected:"
              + " an event is \(what)"))
        break
      }
      expectedSequence += 1
      if let problem = replay.apply(located.event) {
        findings.append(
          TranscriptProblem(line: located.line, code: .transcriptMismatch, message: problem))
        break
      }
      if case .quit = located.event, located.line != transcript.events.last?.line {
        findings.append(
          TranscriptProblem(
            line: located.line, code: .transcriptMismatch,
            message: "events follow the end of the session"))
        break
      }
    }
    session = replay.session
  }

  static func missingIDs(in transcript: Transcript, scenario: Scenario) -> Set<String> {
    var missing: Set<String> = []
    for located in transcript.events {
      switch located.event {
      case .turn(let event):
        if scenario.turn(event.turn) == nil { missing.insert(event.turn) }
      case .choice(let event):
        if scenario.option(event.option) == nil { missing.insert(event.option) }
      case .end(let event):
        if scenario.ending(event.ending) == nil { missing.insert(event.ending) }
      default: break
      }
    }
    return missing
  }
}

/// Re-runs a session event by event, comparing each recorded value with the engine's.
private struct Replay {
  var session: Session
  var ended = false

  /// Applies one event; returns what disagreed, if anything.
  mutating func apply(_ event: TranscriptEvent) -> String? {
    if ended { return "events follow the end of the session" }
    switch event {
    case .turn(let recorded):
      guard case .turn(let shown) = session.presentation else {
        return "turn \"\(recorded.turn)\" is recorded, but the session has ended"
      }
      if shown.turn.id != recorded.turn {
        return "turn \"\(recorded.turn)\" is recorded, but the scenario shows \"\(shown.turn.id)\""
      }
      return compare(
        [
          ("turn number", shown.number, recorded.number),
          ("variant", shown.variant ?? -1, recorded.variant ?? -1),
        ], alliance: session.state.alliance, recorded.alliance)
        ?? (shown.availableOptions.map(\.id) == recorded.offered
          ? nil
          : "the options offered differ: recorded \(recorded.offered), replayed"
            + " \(shown.availableOptions.map(\.id))")
    case .choice(let recorded):
      guard let turn = session.currentTurn, turn.id == recorded.turn else {
        return "a choice on turn \"\(recorded.turn)\" is recorded where the session is elsewhere"
      }
      let step: Step
      do {
        step = try session.choose(recorded.option)
      } catch {
        return "the recorded choice \"\(recorded.option)\" cannot be made: \(error)"
      }
      if step.codes != recorded.codes { return "the codes of \"\(recorded.option)\" differ" }
      if step.authored != recorded.authored || step.fit != recorded.fit {
        return "the alliance change of \"\(recorded.option)\" differs from the scenario's"
      }
      if step.draw != recorded.draw { return "the random draw differs" }
      if step.destination != recorded.to {
        return "the choice led to \"\(step.destination)\", but \"\(recorded.to)\" is recorded"
      }
      return compare([], alliance: step.after, recorded.alliance)
    case .undo(let recorded):
      guard let step = session.undo() else { return "an undo is recorded with nothing to undo" }
      if step.option != recorded.option || step.turn != recorded.turn {
        return "the undo is recorded for \"\(recorded.option)\", but the last choice was"
          + " \"\(step.option)\""
      }
      return compare([], alliance: session.state.alliance, recorded.alliance)
    case .note, .hint:
      return nil
    case .markerGuess(let recorded):
      guard let turn = session.currentTurn, turn.id == recorded.turn else {
        return "a marker guess on turn \"\(recorded.turn)\" is recorded where the session is"
          + " elsewhere"
      }
      if turn.marker?.type != recorded.actualType || turn.marker?.subtype != recorded.actualSubtype
      {
        return "the marker recorded for turn \"\(turn.id)\" differs from the scenario's"
      }
      session.identify(NoticingAnswer(type: recorded.guessType))
      return nil
    case .end(let recorded):
      guard let ending = session.ending else {
        return "the session is recorded as ended, but the replay has not reached an ending"
      }
      if ending.id != recorded.ending {
        return "the ending recorded is \"\(recorded.ending)\", but the replay reaches"
          + " \"\(ending.id)\""
      }
      ended = true
      let score = session.score
      if score != recorded.score {
        return score.headline != recorded.score.headline
          ? "the recorded score differs from the replayed one (headline"
            + " \(recorded.score.headline) recorded, \(score.headline) replayed)"
          : "the recorded score's details (components, episodes or per-turn figures) differ from"
            + " the replayed ones, though both give headline \(score.headline)"
      }
      return nil
    case .quit:
      ended = true
      return nil
    }
  }

  func compare(_ pairs: [(String, Int, Int)], alliance: Alliance, _ recorded: Alliance) -> String? {
    for (name, replayed, recordedValue) in pairs where replayed != recordedValue {
      return "the \(name) is \(recordedValue) in the transcript but \(replayed) in the replay"
    }
    if alliance != recorded {
      return "the alliance is bond \(recorded.bond), task \(recorded.task), goal \(recorded.goal)"
        + " in the transcript but bond \(alliance.bond), task \(alliance.task), goal"
        + " \(alliance.goal) in the replay"
    }
    return nil
  }
}
