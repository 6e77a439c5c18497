/// The safety layer of a scored session (`attune-repair/3`): the safety tasks its turns
/// required, whether each was carried out, and any response that breached a safety duty. A
/// session passes only if every item was met and nothing was breached, whatever its points.
public struct SafetyResult: Hashable, Sendable, Codable {
  /// The safety tasks required by the turns the session reached, in order.
  public var items: [SafetyItem]
  /// The responses that used a safety-breach code (`collude`, `false-promise`, `dismiss-risk`).
  public var breaches: [SafetyBreach]

  /// Whether every item was met and no duty was breached.
  public var passed: Bool { items.allSatisfy(\.met) && breaches.isEmpty }

  /// One line per item and breach, such as "safety: not met, turn 4 (risk check)".
  public var lines: [String] { items.map(\.line) + breaches.map(\.line) }

  /// The lines of the items not met and of the breaches: what fails the session.
  public var problems: [String] {
    items.filter { !$0.met }.map(\.line) + breaches.map(\.line)
  }

  /// Finds the safety items and breaches of a sequence of responses.
  public init(scenario: Scenario, steps: [Step]) {
    let done = steps.enumerated().flatMap { index, step in
      (scenario.option(step.option)?.option.safetyTasks ?? []).map { (task: $0, number: index + 1) }
    }
    var items: [SafetyItem] = []
    var breaches: [SafetyBreach] = []
    for (index, step) in steps.enumerated() {
      if let requirement = scenario.turn(step.turn)?.safety,
        !items.contains(where: { $0.turn == step.turn && $0.task == requirement.task })
      {
        let metAt = done.first { $0.task == requirement.task }?.number
        items.append(
          SafetyItem(
            task: requirement.task, turn: step.turn, number: index + 1, why: requirement.why,
            met: metAt != nil, metAt: metAt))
      }
      let breached = step.codes.filter(\.isSafetyBreach)
      if !breached.isEmpty {
        breaches.append(
          SafetyBreach(turn: step.turn, number: index + 1, option: step.option, codes: breached))
      }
    }
    self.items = items
    self.breaches = breaches
  }
}

/// A safety task a turn required, and whether the session carried it out.
public struct SafetyItem: Hashable, Sendable, Codable {
  /// The task.
  public var task: SafetyTask
  /// The turn that required it.
  public var turn: String
  /// That turn's 1-based number in the session.
  public var number: Int
  /// Why the turn requires it.
  public var why: String
  /// Whether any response of the session carried it out.
  public var met: Bool
  /// The number of the first turn whose response carried it out, if any.
  public var metAt: Int?

  /// "safety: met, turn 1 (risk check)", or "safety: not met, turn 1 (risk check): why".
  public var line: String {
    met
      ? "safety: met, turn \(number) (\(task.title))"
        + (metAt.map { $0 == number ? "" : ", at turn \($0)" } ?? "")
      : "safety: not met, turn \(number) (\(task.title)): \(why)"
  }
}

/// A response that breached a safety duty.
public struct SafetyBreach: Hashable, Sendable, Codable {
  /// The turn answered.
  public var turn: String
  /// Its 1-based number in the session.
  public var number: Int
  /// The option chosen.
  public var option: String
  /// The breach codes it used.
  public var codes: [Code]

  /// "safety: breached, turn 2 (collude ...)".
  public var line: String {
    "safety: breached, turn \(number) (\(codes.map(\.title).joined(separator: ", ")))"
  }
}
