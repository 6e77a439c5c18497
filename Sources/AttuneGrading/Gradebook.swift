import AttuneCore

/// One row per trainee and one score column per scenario, in the shape learning-management
/// systems import: Canvas matches the `SIS Login ID` column, Moodle lets the importer map it
/// to a user field; each scenario column becomes a grade item scored out of 100.
///
/// Only verified, completed assessment sessions count: practice allows hints and undo, so a
/// practice score says what a trainee could find by trying, not what they did. A trainee with
/// several attempts at a scenario gets the attempt chosen by `policy`, and the first by default:
/// a retake meets the same client and the same options again, so later attempts measure memory
/// of the key as much as skill, and "best of N" rewards retaking until chance favours one.
/// Memory grows with trainees times scenarios, not with transcripts.
public struct Gradebook: Hashable, Sendable {
  /// Which attempt counts when a trainee played a scenario more than once.
  public enum AttemptPolicy: String, CaseIterable, Hashable, Sendable, Codable {
    /// The session that started first (the default).
    case first
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
    /// How many verified, completed assessment attempts the trainee made at the scenario.
    public var attempts = 1
    /// Whether the counted attempt passed the safety layer (nil: scored before it existed).
    public var safetyPassed: Bool?
  }

  /// An empty gradebook.
  public init(policy: AttemptPolicy = .first) { self.policy = policy }

  /// Counts one session.
  public mutating func add(_ report: SessionReport) {
    guard let header = report.header else { return }
    scenarios.insert(header.scenario.id)
    if cells[header.trainee] == nil { cells[header.trainee] = [:] }
    guard report.verification.isVerified, report.isComplete, header.mode == .assessment,
      let score = report.score
    else {
      return
    }
    var attempt = Attempt(
      headline: score.headline, startedAt: header.startedAt, safetyPassed: score.safety?.passed)
    let existing = cells[header.trainee]?[header.scenario.id]
    attempt.attempts = (existing?.attempts ?? 0) + 1
    let replaces: Bool =
      switch (existing, policy) {
      case (nil, _): true
      case (let old?, .first): attempt.startedAt < old.startedAt
      case (let old?, .best): attempt.headline > old.headline
      case (let old?, .latest): attempt.startedAt >= old.startedAt
      }
    if replaces {
      cells[header.trainee, default: [:]][header.scenario.id] = attempt
    } else {
      cells[header.trainee, default: [:]][header.scenario.id]?.attempts = attempt.attempts
    }
  }

  /// Lines that say, for each trainee and scenario with more than one attempt, how many there
  /// were and which counted; for the report's notes (the sheet itself keeps the LMS's shape).
  public var attemptNotes: [String] {
    cells.keys.sorted().flatMap { trainee in
      cells[trainee]!.keys.sorted().compactMap { scenario in
        let cell = cells[trainee]![scenario]!
        guard cell.attempts > 1 else { return nil }
        return "\(trainee), \(scenario): \(cell.attempts) assessment attempts; the"
          + " \(policy.rawValue) (started \(cell.startedAt)) counts"
      }
    }
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
