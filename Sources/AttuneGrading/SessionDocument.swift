import AttuneCore

/// A session report as JSON for other programs: what `attune grade --format json` lists and
/// `attune replay --format json` prints (the latter with the script).
public struct SessionDocument: Encodable, Sendable {
  var report: SessionReport
  var log: GradingLog
  var includesScript: Bool

  /// The document of `report`, with the graders' entries of `log`.
  public init(report: SessionReport, log: GradingLog, includesScript: Bool) {
    self.report = report
    self.log = log
    self.includesScript = includesScript
  }

  private enum Key: String, CodingKey {
    case file, trainee, scenario, mode, seed, startedAt, features, scoringModel, completed
    case verified, verification, findings, tornLine, claimedHeadline, score
    case markerIdentification, durationSeconds, endedAt, answeringSeconds, choices, undos, graders,
      comments, script
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    let header = report.header
    try container.encode(report.file, forKey: .file)
    try container.encodeIfPresent(header?.trainee, forKey: .trainee)
    if let header {
      try container.encode(
        ScenarioField(
          id: header.scenario.id, version: header.scenario.version,
          sha256: header.scenario.sha256, title: report.scenarioTitle),
        forKey: .scenario)
      try container.encode(header.mode, forKey: .mode)
      try container.encode(String(header.seed), forKey: .seed)
      try container.encode(header.startedAt, forKey: .startedAt)
      try container.encode(header.features, forKey: .features)
      try container.encode(header.scoringModel, forKey: .scoringModel)
    }
    try container.encode(report.isComplete, forKey: .completed)
    try container.encode(report.verification.isVerified, forKey: .verified)
    try container.encode(report.verification, forKey: .verification)
    try container.encode(
      report.findings.map {
        FindingField(line: $0.line, code: $0.code.rawValue, message: $0.message)
      },
      forKey: .findings)
    try container.encodeIfPresent(report.tornLine, forKey: .tornLine)
    try container.encodeIfPresent(report.claimedHeadline, forKey: .claimedHeadline)
    try container.encodeIfPresent(report.score, forKey: .score)
    try container.encodeIfPresent(report.markerIdentification, forKey: .markerIdentification)
    try container.encode(Double(report.answeringMilliseconds) / 1000, forKey: .answeringSeconds)
    try container.encodeIfPresent(
      report.durationMilliseconds.map { Double($0) / 1000 }, forKey: .durationSeconds)
    try container.encodeIfPresent(report.endedAt, forKey: .endedAt)
    try container.encode(report.choices, forKey: .choices)
    try container.encode(report.undos, forKey: .undos)
    try container.encode(
      log.ratings.mapValues { byEpisode in
        Dictionary(uniqueKeysWithValues: byEpisode.map { (String($0.key), $0.value) })
      }, forKey: .graders)
    try container.encode(log.comments, forKey: .comments)
    if includesScript {
      try container.encode(report.script.entries.map(ScriptEntryField.init), forKey: .script)
    }
  }

  private struct ScenarioField: Encodable {
    var id: String
    var version: String
    var sha256: String
    var title: String?
  }

  private struct FindingField: Encodable {
    var line: Int
    var code: String
    var message: String
  }
}

/// One script entry as JSON: the transcript's event with the scenario's words beside it.
struct ScriptEntryField: Encodable {
  var entry: ScriptEntry

  private enum Key: String, CodingKey {
    case line, turnNumber, kind, event, says, cues, thoughts, marker, stage, text, feedback
    case change, ending
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(entry.line, forKey: .line)
    try container.encodeIfPresent(entry.turnNumber, forKey: .turnNumber)
    switch entry.content {
    case .clientTurn(let shown, let words):
      try container.encode("client-turn", forKey: .kind)
      try container.encode(TranscriptEvent.turn(shown), forKey: .event)
      try container.encodeIfPresent(words?.says, forKey: .says)
      try container.encodeIfPresent(words?.cues, forKey: .cues)
      try container.encodeIfPresent(words?.thoughts, forKey: .thoughts)
      try container.encodeIfPresent(words?.marker, forKey: .marker)
      try container.encodeIfPresent(words?.stage, forKey: .stage)
    case .response(let choice, let words):
      try container.encode("response", forKey: .kind)
      try container.encode(TranscriptEvent.choice(choice), forKey: .event)
      try container.encodeIfPresent(words.text, forKey: .text)
      try container.encodeIfPresent(words.feedback, forKey: .feedback)
      try container.encodeIfPresent(words.change, forKey: .change)
    case .undo(let undo):
      try container.encode("undo", forKey: .kind)
      try container.encode(TranscriptEvent.undo(undo), forKey: .event)
    case .note(let note):
      try container.encode("note", forKey: .kind)
      try container.encode(TranscriptEvent.note(note), forKey: .event)
    case .hint(let hint):
      try container.encode("hint", forKey: .kind)
      try container.encode(TranscriptEvent.hint(hint), forKey: .event)
    case .markerGuess(let guess):
      try container.encode("marker-guess", forKey: .kind)
      try container.encode(TranscriptEvent.markerGuess(guess), forKey: .event)
    case .ending(let end, let ending):
      try container.encode("ending", forKey: .kind)
      try container.encode(TranscriptEvent.end(end), forKey: .event)
      try container.encodeIfPresent(
        ending.map { EndingField(title: $0.title, says: $0.says, debrief: $0.debrief) },
        forKey: .ending)
    case .stopped(let quit):
      try container.encode("stopped", forKey: .kind)
      try container.encode(TranscriptEvent.quit(quit), forKey: .event)
    }
  }

  private struct EndingField: Encodable {
    var title: String
    var says: String?
    var debrief: String
  }
}
