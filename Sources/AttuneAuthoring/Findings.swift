import AttuneCore

/// Collects findings as diagnostics with positions.
struct Findings {
  let scenario: Scenario
  var diagnostics: [Diagnostic] = []

  /// Adds a finding: a warning, or an error for a defect that stops a session (a trainee stuck
  /// with no option, or in a loop that never ends).
  mutating func add(
    _ code: DiagnosticCode, _ pointer: String, severity: Severity = .warning, _ message: String
  ) {
    diagnostics.append(
      Diagnostic(
        severity, code, message, at: scenario.sourceMap.location(of: pointer),
        pointer: pointer, file: scenario.sourceMap.file))
  }

  /// How many findings of one code are listed; the rest are counted in one more.
  static let maximumPerCode = 20

  /// The findings in source order, at most `maximumPerCode` of each code, then, where there
  /// were more, one finding of that code that counts the rest (a ring of a thousand turns is
  /// one problem, not a thousand lines).
  func reported() -> [Diagnostic] {
    var shown: [DiagnosticCode: Int] = [:]
    var kept: [Diagnostic] = []
    var extra: [DiagnosticCode: (first: Diagnostic, count: Int)] = [:]
    for diagnostic in diagnostics.sortedByLocation() {
      let count = shown[diagnostic.code, default: 0]
      if count < Self.maximumPerCode {
        shown[diagnostic.code] = count + 1
        kept.append(diagnostic)
      } else {
        extra[diagnostic.code] = (
          extra[diagnostic.code]?.first ?? diagnostic,
          (extra[diagnostic.code]?.count ?? 0) + 1
        )
      }
    }
    for (_, more) in extra.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      var summary = more.first
      summary.message =
        "and \(more.count) more place(s) like the ones above, from here on; fix those first"
        + " and check again"
      summary.suggestion = nil
      kept.append(summary)
    }
    return kept
  }

  mutating func unusedVariables() {
    var read = Set<String>()
    func scan(_ condition: Condition?) {
      guard let condition else { return }
      Self.variables(in: condition.expression, into: &read)
    }
    for turn in scenario.turns {
      for variant in turn.variants { scan(variant.condition) }
      for option in turn.options {
        scan(option.condition)
        for branch in option.next.branches { scan(branch.condition) }
      }
    }
    for variable in scenario.variables where !read.contains(variable.name) {
      add(
        .unusedVariable, "/variables/\(variable.name)",
        "variable \"\(variable.name)\" is never read by a condition; use it or remove it")
    }
  }

  static func variables(in expression: Expression, into names: inout Set<String>) {
    switch expression {
    case .variable(let name, _): names.insert(name)
    case .not(let operand, _): variables(in: operand, into: &names)
    case .comparison(let lhs, _, let rhs, _), .and(let lhs, let rhs, _), .or(let lhs, let rhs, _):
      variables(in: lhs, into: &names)
      variables(in: rhs, into: &names)
    case .number, .boolean, .alliance, .visits: break
    }
  }

  /// Options that lead from the turn where a rupture episode opens straight to a turn marked
  /// collaboration restored. A marker inside an episode already open is a re-rupture, whose
  /// repair is that of the whole episode.
  mutating func oneMoveRepairs() {
    let reRuptures = ScenarioGraph(scenario).reRuptures(in: scenario)
    for (t, turn) in scenario.turns.enumerated()
    where turn.marker != nil && !reRuptures.contains(turn.id) {
      for (o, option) in turn.options.enumerated() {
        let direct = option.next.targets.filter {
          scenario.turn($0)?.stage == .collaborationRestored
        }
        guard let target = direct.first else { continue }
        add(
          .oneMoveRepair, "/turns/\(t)/options/\(o)/next",
          "option \"\(option.id)\" resolves the rupture of turn \"\(turn.id)\" in one move: it"
            + " leads straight to \"\(target)\", marked collaboration-restored; clients rarely give"
            + " in at once, so let the repair take a few turns")
      }
    }
  }

  mutating func staticReachability() {
    let reachable = ScenarioGraph(scenario).reachableFromStart()
    for (t, turn) in scenario.turns.enumerated() where !reachable.contains(turn.id) {
      add(
        .unreachableTurn, "/turns/\(t)",
        "turn \"\(turn.id)\" can never be shown: nothing leads to it")
    }
    for (e, ending) in scenario.endings.enumerated() where !reachable.contains(ending.id) {
      add(
        .unreachedEnding, "/endings/\(e)",
        "ending \"\(ending.id)\" is never reached: nothing leads to it")
    }
  }
}
