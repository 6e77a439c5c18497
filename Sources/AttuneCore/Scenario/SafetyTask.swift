/// A duty that a response must carry out whatever it does for the alliance: the safety layer
/// that points cannot buy (`../shared/domain.md` §9; `Docs/scoring-model.md` §9).
public enum SafetyTask: String, CaseIterable, Hashable, Sendable, Codable {
  /// Ask about risk when the client raises it: ideation and its change, intent, plan, means,
  /// timing, protective factors, the safety plan (Stanley & Brown 2012; Posner et al. 2011).
  case riskCheck = "risk-check"
  /// State the limits of confidentiality, and with a third-party referral who will be told
  /// what (APA Ethics Code 4.02 and 3.07).
  case confidentialityLimits = "confidentiality-limits"
  /// Act on a duty to warn, protect or report.
  case dutyToProtect = "duty-to-protect"

  /// A short human name.
  public var title: String {
    switch self {
    case .riskCheck: "risk check"
    case .confidentialityLimits: "limits of confidentiality"
    case .dutyToProtect: "duty to warn, protect or report"
    }
  }
}

/// A safety task that a turn requires: the response to the turn, or a later one in the same
/// session, must carry it out, or the session fails whatever its points.
public struct SafetyRequirement: Hashable, Sendable {
  /// The task.
  public var task: SafetyTask
  /// Why this turn requires it, shown in the debrief and to graders.
  public var why: String

  /// Creates a requirement.
  public init(task: SafetyTask, why: String) {
    self.task = task
    self.why = why
  }
}
