import AttuneCore
import Foundation

/// Turns a verified session into xAPI statements: `answered` for each choice that stood (the
/// option as the response), then `completed` with the score and `passed` or `failed` for a
/// session that reached an ending, or `terminated` for one that stopped early.
///
/// Activity ids live under a configurable base IRI: the scenario is `BASE/scenarios/ID` and
/// each client turn `BASE/scenarios/ID/turns/TURN`. Statement ids and the session's
/// registration are UUIDs derived from the transcript, so the same transcript always exports
/// the same statements.
public struct XAPIExport: Hashable, Sendable {
  /// The base IRI of activity ids and extensions, without a trailing slash.
  public var base: String
  /// The home page of the system on which trainees' ids are accounts.
  public var homePage: String
  /// The headline at or above which a session is passed.
  public var passMark: Int

  /// Creates an export under `base`.
  public init(base: String, homePage: String? = nil, passMark: Int) {
    let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
    self.base = trimmed
    self.homePage = homePage ?? trimmed
    self.passMark = passMark
  }

  /// The statements of `report`; none unless it is verified.
  public func statements(for report: SessionReport) -> [XAPIStatement] {
    guard report.verification.isVerified, let header = report.header else { return [] }
    let registration = Self.uuid(
      "registration \(header.scenario.sha256) \(header.trainee) \(header.startedAt) \(header.seed)")
    let scenarioActivity = XAPIStatement.Activity(
      id: "\(base)/scenarios/\(Self.segment(header.scenario.id))",
      definition: XAPIStatement.Definition(
        type: "http://adlnet.gov/expapi/activities/simulation",
        name: ["en-US": report.scenarioTitle ?? header.scenario.id],
        description: nil, interactionType: nil, choices: nil))
    let context = XAPIStatement.Context(
      registration: registration, revision: header.scenario.version,
      contextActivities: XAPIStatement.ContextActivities(
        parent: [XAPIStatement.Activity(id: scenarioActivity.id, definition: nil)],
        category: [
          XAPIStatement.Activity(
            id: "\(base)/scoring-models/\(Self.segment(header.scoringModel))", definition: nil)
        ]),
      extensions: [
        "\(base)/extensions/mode": .string(header.mode.rawValue),
        "\(base)/extensions/seed": .string(String(header.seed)),
        "\(base)/extensions/scenario-sha256": .string(header.scenario.sha256),
      ])
    let actor = XAPIStatement.Actor(
      name: header.trainee,
      account: XAPIStatement.Account(homePage: homePage, name: header.trainee))
    let start = Timestamp.date(fromISO8601: header.startedAt) ?? Date(timeIntervalSince1970: 0)
    // The time answering up to each choice, undone answers included (they took time too).
    var elapsedBySequence: [Int: Int] = [:]
    var elapsed = 0
    for entry in report.script.entries {
      guard case .response(let choice, _) = entry.content else { continue }
      let (sum, overflow) = elapsed.addingReportingOverflow(max(0, choice.latencyMs))
      elapsed = overflow ? Int.max : sum
      elapsedBySequence[choice.seq] = elapsed
    }
    var statements: [XAPIStatement] = []
    for (index, entry) in Self.standingChoices(report.script).enumerated() {
      guard case .response(let choice, let words) = entry.content else { continue }
      let turn = Self.turn(of: choice, in: report.script)
      statements.append(
        XAPIStatement(
          id: Self.uuid("\(registration) answered \(index) \(choice.seq)"), actor: actor,
          verb: .answered,
          object: XAPIStatement.Activity(
            id: "\(scenarioActivity.id)/turns/\(Self.segment(choice.turn))",
            definition: XAPIStatement.Definition(
              type: "http://adlnet.gov/expapi/activities/cmi.interaction",
              name: [
                "en-US": "\(scenarioActivity.definition?.name["en-US"] ?? ""): \(choice.turn)"
              ],
              description: turn.map { ["en-US": $0] }, interactionType: "choice",
              choices: Self.choices(before: choice, in: report.script))),
          result: XAPIStatement.Result(
            score: nil, success: nil, completion: nil, response: choice.option,
            duration: Self.duration(milliseconds: choice.latencyMs),
            extensions: [
              "\(base)/extensions/codes": .strings(choice.codes.map(\.rawValue)),
              "\(base)/extensions/response-text": .string(words.text ?? choice.option),
            ]),
          context: context,
          timestamp: Self.timestamp(start, plus: elapsedBySequence[choice.seq] ?? 0)))
    }
    // The session's length by the clock where the transcript records its end; before that was
    // recorded, the time spent answering.
    let total = Self.duration(
      milliseconds: report.durationMilliseconds ?? report.answeringMilliseconds)
    let end =
      report.endedAt.flatMap { Timestamp.date(fromISO8601: $0) }.map(Timestamp.iso8601)
      ?? Self.timestamp(start, plus: report.answeringMilliseconds)
    guard report.isComplete, let score = report.score else {
      statements.append(
        XAPIStatement(
          id: Self.uuid("\(registration) terminated"), actor: actor, verb: .terminated,
          object: scenarioActivity,
          result: XAPIStatement.Result(
            score: nil, success: nil, completion: false, response: nil, duration: total,
            extensions: nil),
          context: context, timestamp: end))
      return statements
    }
    // A session that fails the safety layer fails whatever its points.
    let passed = score.headline >= passMark && score.safety?.passed != false
    var extensions: [String: XAPIStatement.ExtensionValue] = [
      "\(base)/extensions/outcome": .string(score.outcome?.rawValue ?? ""),
      "\(base)/extensions/ruptures-resolved": .integer(score.rupturesResolved),
      "\(base)/extensions/ruptures": .integer(score.episodes.count),
    ]
    if let safety = score.safety {
      extensions["\(base)/extensions/safety"] = .string(safety.passed ? "passed" : "failed")
      extensions["\(base)/extensions/safety-lines"] = .strings(safety.lines)
    }
    let result = XAPIStatement.Result(
      score: XAPIStatement.Score(
        scaled: Double(score.headline) / 100, raw: Double(score.headline), min: 0, max: 100),
      success: passed, completion: true, response: nil, duration: total,
      extensions: extensions)
    for verb in [XAPIStatement.Verb.completed, passed ? .passed : .failed] {
      statements.append(
        XAPIStatement(
          id: Self.uuid("\(registration) \(verb.id)"), actor: actor, verb: verb,
          object: scenarioActivity, result: result, context: context, timestamp: end))
    }
    return statements
  }

  /// The responses that were not taken back, in order.
  static func standingChoices(_ script: SessionScript) -> [ScriptEntry] {
    var standing: [ScriptEntry] = []
    for entry in script.entries {
      switch entry.content {
      case .response: standing.append(entry)
      case .undo:
        if let last = standing.lastIndex(where: {
          if case .response = $0.content { return true }
          return false
        }) {
          standing.remove(at: last)
        }
      default: break
      }
    }
    return standing
  }

  /// What the client said on the turn `choice` answered.
  static func turn(of choice: ChoiceMade, in script: SessionScript) -> String? {
    offeredTurn(before: choice, in: script)?.1?.says
  }

  /// The options offered on the turn `choice` answered, with their words.
  static func choices(before choice: ChoiceMade, in script: SessionScript) -> [XAPIStatement.Choice]
  {
    guard let (shown, words) = offeredTurn(before: choice, in: script) else {
      return [XAPIStatement.Choice(id: choice.option, description: ["en-US": choice.option])]
    }
    return shown.offered.map { id in
      XAPIStatement.Choice(id: id, description: ["en-US": words?.options[id] ?? id])
    }
  }

  static func offeredTurn(
    before choice: ChoiceMade, in script: SessionScript
  ) -> (TurnShown, ClientWords?)? {
    var found: (TurnShown, ClientWords?)?
    for entry in script.entries {
      if case .clientTurn(let shown, let words) = entry.content, shown.seq < choice.seq,
        shown.turn == choice.turn
      {
        found = (shown, words)
      }
    }
    return found
  }

  /// An ISO 8601 duration to the hundredth of a second: `PT1M4.25S`.
  public static func duration(milliseconds: Int) -> String {
    let clamped = max(0, milliseconds)
    let hundredths = clamped / 10 + (clamped % 10 >= 5 ? 1 : 0)
    let hours = hundredths / 360_000
    let minutes = hundredths / 6_000 % 60
    let seconds = hundredths % 6_000
    let fraction = seconds % 100
    var text = "PT"
    if hours > 0 { text += "\(hours)H" }
    if minutes > 0 { text += "\(minutes)M" }
    text += "\(seconds / 100)"
    if fraction > 0 { text += fraction < 10 ? ".0\(fraction)" : ".\(fraction)" }
    return text + "S"
  }

  /// A name-based UUID (RFC 9562 version 8) from the SHA-256 of `name`.
  public static func uuid(_ name: String) -> String {
    var hex = Array(ScenarioFingerprint.sha256(of: Array(name.utf8)).prefix(32))
    hex[12] = "8"
    let variant = Int(String(hex[16]), radix: 16)! & 0x3 | 0x8
    hex[16] = Character(String(variant, radix: 16))
    let text = String(hex)
    let cuts = [8, 12, 16, 20]
    var parts: [Substring] = []
    var start = text.startIndex
    for cut in cuts {
      let end = text.index(text.startIndex, offsetBy: cut)
      parts.append(text[start..<end])
      start = end
    }
    parts.append(text[start...])
    return parts.joined(separator: "-")
  }

  /// An IRI path segment: characters outside the unreserved set are percent-encoded.
  static func segment(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", ".", "_", "~"]))
      ?? text
  }

  static func timestamp(_ start: Date, plus milliseconds: Int) -> String {
    Timestamp.iso8601(start.addingTimeInterval(Double(milliseconds) / 1000))
  }
}
