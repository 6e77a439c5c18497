import AttuneCore
import Foundation

/// Everything a grader needs to know about one transcript: who played what and how, whether
/// the transcript could be trusted, the score, and the session as a script.
public struct SessionReport: Hashable, Sendable {
  /// The transcript as the grader named it.
  public var file: String
  /// The transcript's header, if it had a readable one.
  public var header: TranscriptHeader?
  /// The scenario's title, when the scenario was found.
  public var scenarioTitle: String?
  /// The scenario's instructor notes, when the scenario was found.
  public var instructorNotes: String?
  /// Whether the transcript could be trusted, and if not, why.
  public var verification: VerificationStatus
  /// What disagreed or could not be read, in order; the first names the line where the
  /// transcript diverges.
  public var findings: [TranscriptProblem]
  /// The line number of a torn last line, if the session was cut off while writing it.
  public var tornLine: Int?
  /// Whether the session reached an ending.
  public var isComplete: Bool
  /// The score, computed by replaying the choices; only when the transcript is verified, so
  /// that an edited transcript never earns a grade. It covers the turns played when the session
  /// is incomplete.
  public var score: SessionScore?
  /// The headline score the transcript itself claims, verified or not.
  public var claimedHeadline: Int?
  /// How well the trainee named the rupture markers, when `--identify-markers` was on.
  public var markerIdentification: MarkerIdentification?
  /// The time the trainee spent answering: the sum of the latencies of every choice, undone
  /// ones included, in milliseconds.
  public var answeringMilliseconds: Int
  /// When the session ended or stopped, as recorded (ISO 8601), if it was.
  public var endedAt: String?
  /// The session's length by the clock, from its start to its end or stop, in milliseconds;
  /// nil when the transcript records no end time or the times cannot be read.
  public var durationMilliseconds: Int?
  /// How many choices the trainee made (undone ones included) and took back.
  public var choices: Int
  public var undos: Int
  /// The session as a script.
  public var script: SessionScript

  /// Reports on `transcript`, read from `file`, verified against `scenario` (with the bytes it
  /// was loaded from) when one was found.
  public init(file: String, transcript: Transcript, scenario: ScenarioSource?) {
    self.file = file
    header = transcript.header
    scenarioTitle = scenario?.scenario.title
    instructorNotes = scenario?.scenario.metadata.instructorNotes
    tornLine = transcript.tornLine
    isComplete = transcript.isComplete
    claimedHeadline = transcript.end?.score.headline
    switch transcript.events.last?.event {
    case .end(let end)?: endedAt = end.at
    case .quit(let quit)?: endedAt = quit.at
    default: endedAt = nil
    }
    durationMilliseconds = Self.milliseconds(from: transcript.header?.startedAt, to: endedAt)
    script = SessionScript(transcript: transcript, scenario: scenario?.scenario)
    var latency = 0
    var choices = 0
    var undos = 0
    var guesses: [MarkerGuess] = []
    var practiceOnlyLine: Int?
    for located in transcript.events {
      switch located.event {
      case .choice(let choice):
        // Latencies are not replayed, so an edited transcript may hold any number: the sum
        // saturates rather than overflowing.
        let (sum, overflow) = latency.addingReportingOverflow(max(0, choice.latencyMs))
        latency = overflow ? Int.max : sum
        choices += 1
      case .undo:
        undos += 1
        practiceOnlyLine = practiceOnlyLine ?? located.line
      case .hint: practiceOnlyLine = practiceOnlyLine ?? located.line
      case .markerGuess(let guess): guesses.append(guess)
      default: break
      }
    }
    answeringMilliseconds = latency
    self.choices = choices
    self.undos = undos
    markerIdentification = guesses.isEmpty ? nil : MarkerIdentification(guesses: guesses)
    guard transcript.header != nil else {
      verification = .unreadable
      findings =
        transcript.problems.isEmpty
        ? [
          TranscriptProblem(
            line: 1, code: .transcriptHeader, message: "the transcript has no header")
        ] : transcript.problems
      score = nil
      return
    }
    guard let scenario else {
      verification = .scenarioNotFound
      findings = transcript.problems
      score = nil
      return
    }
    let verified = TranscriptVerification(
      transcript: transcript, scenario: scenario.scenario, scenarioSha256: scenario.sha256)
    findings = verified.findings
    // Assessment mode allows no undo and no hint: either in an assessment transcript means the
    // recorded mode was changed.
    if let line = practiceOnlyLine, transcript.header?.mode == .assessment {
      findings.append(
        TranscriptProblem(
          line: line, code: .transcriptMismatch,
          message:
            "an undo or a hint is recorded, but assessment mode allows neither: the mode was"
            + " changed"))
    }
    verification = findings.isEmpty ? .verified : .failed
    score = findings.isEmpty ? verified.session?.score : nil
  }

  /// The milliseconds from `start` to `end`, both ISO 8601; nil unless both read and the end
  /// is not before the start.
  static func milliseconds(from start: String?, to end: String?) -> Int? {
    guard let start = start.flatMap(Timestamp.date(fromISO8601:)),
      let end = end.flatMap(Timestamp.date(fromISO8601:)), end >= start
    else { return nil }
    return Int((end.timeIntervalSince(start) * 1000).rounded())
  }

  /// The trainee, as recorded.
  public var trainee: String? { header?.trainee }

  /// The ruptures resolved and the ruptures met, when the session was scored.
  public var rupturesResolved: (resolved: Int, total: Int)? {
    score.map { ($0.rupturesResolved, $0.episodes.count) }
  }
}

/// A scenario found for a transcript, with the SHA-256 of the file it was loaded from.
public struct ScenarioSource: Sendable {
  /// The scenario.
  public var scenario: Scenario
  /// The lower-case hex SHA-256 of its file's bytes.
  public var sha256: String

  /// Pairs a scenario with the SHA-256 of its file.
  public init(scenario: Scenario, sha256: String) {
    self.scenario = scenario
    self.sha256 = sha256
  }

  /// Pairs a scenario with its file's bytes, hashing them.
  public init(scenario: Scenario, bytes: [UInt8]) {
    self.init(scenario: scenario, sha256: ScenarioFingerprint.sha256(of: bytes))
  }
}

/// Whether a transcript could be trusted.
public enum VerificationStatus: String, Hashable, Sendable, Codable {
  /// Every recorded number was reproduced by replaying the choices.
  case verified
  /// Something disagreed: see the findings.
  case failed
  /// No scenario with the transcript's id was found, so nothing could be checked.
  case scenarioNotFound = "scenario-not-found"
  /// The transcript has no readable header.
  case unreadable

  /// Whether the transcript can be trusted.
  public var isVerified: Bool { self == .verified }
}

/// How well a trainee named the rupture markers they met.
public struct MarkerIdentification: Hashable, Sendable, Codable {
  /// How many turns the trainee was asked about.
  public var guesses: Int
  /// How many times the rupture type (or "none") was right.
  public var typesCorrect: Int
  /// How many turns had a subtype to name, and how many were named right.
  public var subtypesAsked: Int
  public var subtypesCorrect: Int

  /// Counts `guesses`, comparing each guess with the marker the replay checked (the recorded
  /// `typeCorrect` and `subtypeCorrect` are not replayed, so they are not trusted).
  public init(guesses: [MarkerGuess]) {
    self.guesses = guesses.count
    typesCorrect = guesses.count { $0.guessType == $0.actualType }
    subtypesAsked = guesses.count { $0.actualSubtype != nil }
    subtypesCorrect = guesses.count {
      $0.actualSubtype != nil && $0.guessSubtype == $0.actualSubtype
    }
  }

  /// The share of types named right, 0 to 1.
  public var typeAccuracy: Double? {
    guesses == 0 ? nil : Double(typesCorrect) / Double(guesses)
  }
}
