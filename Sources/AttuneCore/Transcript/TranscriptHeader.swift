/// The first line of a transcript: what was played, by whom, how, and with which seed.
public struct TranscriptHeader: Hashable, Sendable, Codable {
  /// The transcript format version this build writes and reads.
  public static let currentFormat = 1
  /// The engine version recorded in new transcripts.
  public static var engineVersion: String { SessionRules.current.engineVersion }

  /// The transcript format version.
  public var transcriptFormat: Int
  /// The scenario played.
  public var scenario: ScenarioReference
  /// The scoring model version.
  public var scoringModel: String
  /// The engine version.
  public var engine: String
  /// Who played.
  public var trainee: String
  /// Practice or assessment.
  public var mode: SessionMode
  /// The seed of the session's random draws.
  public var seed: UInt64
  /// When the session started, in ISO 8601 (UTC).
  public var startedAt: String
  /// The training features switched on.
  public var features: SessionFeatures

  /// The rules the session was recorded under, or nil when this build cannot replay them.
  public var rules: SessionRules? {
    SessionRules.recorded(engine: engine, scoringModel: scoringModel)
  }

  /// Creates a header for a new session.
  public init(
    scenario: ScenarioReference, trainee: String, mode: SessionMode, seed: UInt64,
    startedAt: String, features: SessionFeatures = SessionFeatures()
  ) {
    self.transcriptFormat = Self.currentFormat
    self.scenario = scenario
    self.scoringModel = ScoringModel.version
    self.engine = Self.engineVersion
    self.trainee = trainee
    self.mode = mode
    self.seed = seed
    self.startedAt = startedAt
    self.features = features
  }
}

/// Which scenario a transcript belongs to, exactly.
public struct ScenarioReference: Hashable, Sendable, Codable {
  /// The scenario's id.
  public var id: String
  /// The scenario's version.
  public var version: String
  /// The SHA-256 of the scenario file's bytes, in lower-case hex.
  public var sha256: String

  /// Creates a reference.
  public init(id: String, version: String, sha256: String) {
    self.id = id
    self.version = version
    self.sha256 = sha256
  }
}

/// How a session is run.
public enum SessionMode: String, CaseIterable, Hashable, Sendable, Codable {
  /// Feedback after each choice; hints and undo allowed.
  case practice
  /// No feedback, hints or undo until the debrief.
  case assessment
}

/// The optional training features of a session.
public struct SessionFeatures: Hashable, Sendable, Codable {
  /// The trainee writes a free-text response before the options appear.
  public var reflect: Bool
  /// The trainee says what marker they notice before answering.
  public var identifyMarkers: Bool

  /// Creates a feature set; all off by default.
  public init(reflect: Bool = false, identifyMarkers: Bool = false) {
    self.reflect = reflect
    self.identifyMarkers = identifyMarkers
  }
}
