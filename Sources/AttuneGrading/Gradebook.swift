import AttuneCore

/// One row per trainee and one score column per scenario, in the shape learning-management
/// systems import: Canvas matches the `SIS Login ID` column, Moodle lets the importer map it
/// to a user field; each scenario column becomes a grade item scored out of 100.
///
/// Only verified, completed sessions count. A trainee with several attempts at a scenario gets
/// the attempt chosen by `policy`. Memory grows with trainees times scenarios, not with
/// transcripts.
public struct Gradebook: Hashable, Sendable {
  /// Which attempt counts when a trainee played a scenario more than once.
  public enum AttemptPolicy: String, CaseIterable, Hashable, Sendable, Codable {
    /// The highest headline.
    case best
    /// The session that started last.
    case latest
  }

  /// The policy in force.
  public var policy: AttemptPolicy
  /// The chosen attempt per trainee and scenario: `cells[trainee][scenario]`.
  public private(set) var cells: [String: [String: Attempt]] = [:]
  /// Every scenario seen, including ones without a counted session.
  public private(set) var scenarios: Set<String> = []

  /// One counted attempt.
  public struct Attempt: Hashable, Sendable {
    public var headline: Int
    public var startedAt: String
  }

  /// An empty gradebook.
  public init(policy: AttemptPolicy = .best) { self.policy = policy }

  /// Counts one session.
  public mutating func add(_ report: SessionReport) {
    guard let header = report.header else { return }
    scenarios.insert(header.scenario.id)
    if cells[header.trainee] == nil { cells[header.trainee] = [:] }
    guard report.verification.isVerified, report.isComplete, let score = report.score else {
      return
    }
    let attempt = Attempt(headline: score.headline, startedAt: header.startedAt)
    let existing = cells[header.trainee]?[header.scenario.id]
    let replaces: Bool =
      switch (existing, policy) {
      case (nil, _): true
      case (let old?, .best): attempt.headline > old.headline
      case (let old?, .latest): attempt.startedAt >= old.startedAt
      }
    if replaces { cells[header.trainee, default: [:]][header.scenario.id] = attempt }
  }

  /// The column names of the gradebook.
  public var columns: [String] {
    ["Student", "SIS Login ID"] + scenarios.sorted().map { "Attune: \($0)" }
  }

  /// The rows, sorted by trainee.
  public var rows: [[CSVTable.Cell]] {
    let order = scenarios.sorted()
    return cells.keys.sorted().map { trainee in
      [.text(trainee), .text(trainee)]
        + order.map { CSVTable.Cell.integer(cells[trainee]?[$0]?.headline) }
    }
  }
}
