import AttuneCore

/// Totals per scenario over a cohort's transcripts, gathered one report at a time so that
/// memory stays flat however many transcripts there are.
public struct CohortSummary: Hashable, Sendable {
  /// The totals of each scenario, by scenario id.
  public private(set) var scenarios: [String: ScenarioTotals] = [:]
  /// Transcripts without a readable header, which belong to no scenario.
  public private(set) var unreadable = 0

  /// An empty summary.
  public init() {}

  /// Counts one session.
  public mutating func add(_ report: SessionReport) {
    guard let header = report.header else {
      unreadable += 1
      return
    }
    scenarios[header.scenario.id, default: ScenarioTotals(scenario: header.scenario.id)].add(
      report)
  }

  /// The totals of every scenario, sorted by id.
  public var sortedScenarios: [ScenarioTotals] {
    scenarios.values.sorted { $0.scenario < $1.scenario }
  }
}

/// What a cohort did in one scenario.
public struct ScenarioTotals: Hashable, Sendable, Codable {
  /// The scenario's id.
  public var scenario: String
  /// The versions played.
  public var versions: Set<String> = []
  /// Transcripts, completed sessions and verified transcripts.
  public var sessions = 0
  public var completed = 0
  public var verified = 0
  /// Over verified, completed sessions: the sum of headlines, for the mean, and the lowest and
  /// highest.
  public var scored = 0
  public var headlineSum = 0
  public var lowestHeadline: Int?
  public var highestHeadline: Int?
  /// Over the same sessions: ruptures met and resolved, and the sum of resolution ratings.
  public var ruptures = 0
  public var rupturesResolved = 0
  public var ratingSum = 0
  /// Outcomes reached, by outcome.
  public var outcomes: [String: Int] = [:]

  /// Empty totals for `scenario`.
  public init(scenario: String) { self.scenario = scenario }

  /// Counts one session of this scenario.
  public mutating func add(_ report: SessionReport) {
    sessions += 1
    if let version = report.header?.scenario.version { versions.insert(version) }
    if report.isComplete { completed += 1 }
    guard report.verification.isVerified else { return }
    verified += 1
    guard report.isComplete, let score = report.score else { return }
    scored += 1
    headlineSum += score.headline
    lowestHeadline = min(lowestHeadline ?? score.headline, score.headline)
    highestHeadline = max(highestHeadline ?? score.headline, score.headline)
    ruptures += score.episodes.count
    rupturesResolved += score.rupturesResolved
    ratingSum += score.episodes.reduce(0) { $0 + $1.rating }
    if let outcome = score.outcome { outcomes[outcome.rawValue, default: 0] += 1 }
  }

  /// The mean headline of verified, completed sessions.
  public var meanHeadline: Double? { scored == 0 ? nil : Double(headlineSum) / Double(scored) }

  /// The mean resolution rating over every episode of those sessions.
  public var meanResolutionRating: Double? {
    ruptures == 0 ? nil : Double(ratingSum) / Double(ruptures)
  }
}
