extension DiagnosticCode {
  /// No reachable state of play shows this turn.
  public static let unreachableTurn: DiagnosticCode = "unreachable-turn"
  /// A turn that is not an ending can be reached in a state where no option is available.
  public static let deadEnd: DiagnosticCode = "dead-end"
  /// No reachable state of play reaches this ending.
  public static let unreachedEnding: DiagnosticCode = "unreached-ending"
  /// A turn can be reached in a state from which no ending can ever be reached (a loop with no
  /// way out).
  public static let loopWithoutExit: DiagnosticCode = "loop-without-exit"
  /// A declared variable is never read by any condition.
  public static let unusedVariable: DiagnosticCode = "unused-variable"
  /// A condition holds in every reachable state where it is evaluated.
  public static let conditionAlwaysTrue: DiagnosticCode = "condition-always-true"
  /// A condition fails in every reachable state where it is evaluated.
  public static let conditionAlwaysFalse: DiagnosticCode = "condition-always-false"
  /// A marker turn where a rupture episode opens, from which no turn marked
  /// `collaboration-restored` can be reached (re-ruptures inside an open episode are exempt).
  public static let ruptureNeverResolved: DiagnosticCode = "rupture-never-resolved"
  /// An option of a marker turn where a rupture episode opens leads straight to a
  /// `collaboration-restored` turn: the client gives in after one good line.
  public static let oneMoveRepair: DiagnosticCode = "one-move-repair"
  /// A highest-scoring path, even one tied with a clean path, uses a contraindicated move.
  public static let bestPathContraindicated: DiagnosticCode = "best-path-contraindicated"
  /// The state space exceeds the analysis budget; figures are estimates from sampling, and the
  /// checks that need every state are skipped (the message lists them).
  public static let stateSpaceTooLarge: DiagnosticCode = "state-space-too-large"
}

extension DiagnosticCode {
  /// A turn raises risk but requires no safety task, or offers no option that asks about it.
  public static let riskWithoutSafety: DiagnosticCode = "risk-without-safety"
  /// A turn requires a safety task that no option of the scenario carries out.
  public static let safetyTaskNeverOffered: DiagnosticCode = "safety-task-never-offered"
  /// The best option is the longest on offer in too many best-path turns.
  public static let cueLongestBest: DiagnosticCode = "cue-longest-best"
  /// A skill-free text policy's expected headline is above its threshold.
  public static let cueTextPolicy: DiagnosticCode = "cue-text-policy"
  /// Uniform random play's expected headline is above its threshold.
  public static let cueRandomPlay: DiagnosticCode = "cue-random-play"
}
