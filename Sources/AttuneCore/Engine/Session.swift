/// A deterministic run through a scenario: the state machine every front end drives.
///
/// Start a session with a scenario and a seed, read `presentation` to show the client's turn
/// and the options, call `choose` with the trainee's option, and `undo` to take the last
/// response back in practice. The same scenario, seed and choices always give the same
/// session: the only randomness comes from `SeededRandom`, whose state is part of the
/// session's state.
public struct Session: Sendable {
  /// The scenario being played.
  public let scenario: Scenario
  /// The seed of the session's random draws.
  public let seed: UInt64
  /// The engine and scoring rules the session is played under.
  public let rules: SessionRules
  /// The state now.
  public private(set) var state: SessionState
  /// The responses so far, oldest first (undo removes the last).
  public private(set) var steps: [Step] = []
  private var previousStates: [SessionState] = []

  /// The trainee's identification of the marker on the current turn, if they gave one; it is
  /// attached to the next response.
  private var pendingIdentification: NoticingAnswer?

  /// Starts a session at the scenario's first turn, under this build's rules unless others
  /// are given (a replay uses the rules its transcript was recorded under).
  public init(scenario: Scenario, seed: UInt64, rules: SessionRules = .current) {
    self.scenario = scenario
    self.seed = seed
    self.rules = rules
    let start = scenario.turnIndex(of: scenario.start) ?? 0
    var state = SessionState(
      position: .turn(start), alliance: scenario.startingAlliance,
      variables: scenario.variables.map(\.initialValue),
      turnVisits: Array(repeating: 0, count: scenario.turns.count), optionVisits: [:],
      random: SeededRandom(seed: seed), responses: 0)
    state.turnVisits[start] = 1
    self.state = state
  }

  /// What to show now.
  public var presentation: Presentation {
    switch state.position {
    case .ending(let index): .ending(scenario.endings[index])
    case .turn(let index): .turn(present(scenario.turns[index]))
    }
  }

  /// Whether the session has reached an ending.
  public var isOver: Bool {
    if case .ending = state.position { return true }
    return false
  }

  /// The ending reached, if the session is over.
  public var ending: Ending? {
    if case .ending(let index) = state.position { return scenario.endings[index] }
    return nil
  }

  /// The turn the trainee is answering, unless the session is over.
  public var currentTurn: Turn? {
    if case .turn(let index) = state.position { return scenario.turns[index] }
    return nil
  }

  /// Records what the trainee says they notice on the current turn (a rupture type, or nil
  /// for none); scoring model `attune-repair/3` counts it toward noticing.
  public mutating func identify(_ identification: NoticingAnswer) {
    pendingIdentification = identification
  }

  /// Answers the current turn with the option `id`.
  ///
  /// - Throws: `SessionError` when the session is over, the option does not belong to the
  ///   current turn, or it is not available now.
  @discardableResult
  public mutating func choose(_ id: String) throws(SessionError) -> Step {
    try choose(id, forcing: nil)
  }

  /// Every way answering with `id` can go, each with its probability: one session when the
  /// destination is fixed, one per outcome of a weighted random choice otherwise. An analysis
  /// that follows all of them computes exact expectations with the engine's own step.
  public func outcomes(ofChoosing id: String) throws(SessionError) -> [(
    probability: Double, session: Session
  )] {
    var probe = self
    try probe.choose(id, forcing: nil)
    guard let weights = probe.lastDrawWeights else { return [(1, probe)] }
    let total = Double(weights.reduce(0, +))
    var result: [(probability: Double, session: Session)] = []
    for (index, weight) in weights.enumerated() where weight > 0 {
      var next = self
      try next.choose(id, forcing: index)
      result.append((Double(weight) / total, next))
    }
    return result
  }

  /// The weights of the random choice the last response drew from, if it drew.
  private var lastDrawWeights: [Int]?

  @discardableResult
  private mutating func choose(_ id: String, forcing forced: Int?) throws(SessionError) -> Step {
    guard case .turn(let turnIndex) = state.position else { throw .sessionIsOver }
    let turn = scenario.turns[turnIndex]
    guard let option = turn.options.first(where: { $0.id == id }) else {
      throw .noSuchOption(id, turn: turn.id)
    }
    let shown = present(turn)
    guard shown.availableOptions.contains(where: { $0.id == id }) else {
      throw .optionUnavailable(id)
    }
    let before = state.alliance
    let isEarly = state.responses < FitModel.earlyResponses || turn.marker != nil
    let fit =
      scenario.appliesFitAdjustments
      ? FitModel.adjustments(for: option, client: scenario.client, isEarly: isEarly) : []
    let total = fit.reduce(option.alliance) { $0 + $1.change }

    previousStates.append(state)
    var next = state
    next.alliance = before.applying(total)
    for assignment in option.sets {
      if let index = scenario.variableIndex(of: assignment.name) {
        next.variables[index] = assignment.value
      }
    }
    for assignment in option.adds {
      if let index = scenario.variableIndex(of: assignment.name) {
        next.variables[index] = .number(
          next.variables[index].numericValue + assignment.value.numericValue)
      }
    }
    next.optionVisits[option.id, default: 0] += 1
    next.responses += 1
    let (destination, draw, weights) = resolve(option.next, in: &next, forcing: forced)
    lastDrawWeights = weights
    if let index = scenario.turnIndex(of: destination) {
      next.position = .turn(index)
      next.turnVisits[index] += 1
    } else if let index = scenario.endingIndex(of: destination) {
      next.position = .ending(index)
    }
    state = next
    let step = Step(
      turn: turn.id, option: option.id, codes: option.codes, before: before,
      authored: option.alliance, fit: fit, after: next.alliance, destination: destination,
      draw: draw, identification: pendingIdentification)
    pendingIdentification = nil
    steps.append(step)
    return step
  }

  /// Takes back the last response, restoring the state before it (random source included).
  /// Returns the step undone, or nil at the start of the session.
  @discardableResult
  public mutating func undo() -> Step? {
    guard let previous = previousStates.popLast() else { return nil }
    state = previous
    pendingIdentification = nil
    return steps.popLast()
  }

  /// Whether there is a response to undo.
  public var canUndo: Bool { !previousStates.isEmpty }

  private func present(_ turn: Turn) -> TurnPresentation {
    let environment = StateEnvironment(scenario: scenario, state: state)
    let variant = turn.variants.firstIndex { $0.condition.expression.evaluate(in: environment) }
    let chosen = variant.map { turn.variants[$0] }
    var options: [OptionPresentation] = []
    for option in turn.options where option.kind != .fallback {
      if option.kind == .once, state.optionVisits[option.id, default: 0] > 0 { continue }
      if let condition = option.condition, !condition.expression.evaluate(in: environment) {
        if case .disabled(let reason) = option.whenUnavailable {
          options.append(
            OptionPresentation(option: option, isAvailable: false, disabledReason: reason))
        }
        continue
      }
      options.append(OptionPresentation(option: option, isAvailable: true, disabledReason: nil))
    }
    if !options.contains(where: \.isAvailable) {
      for option in turn.options where option.kind == .fallback {
        if let condition = option.condition, !condition.expression.evaluate(in: environment) {
          continue
        }
        options.append(OptionPresentation(option: option, isAvailable: true, disabledReason: nil))
      }
    }
    let turnIndex = scenario.turnIndex(of: turn.id) ?? 0
    let order = rules.optionOrder.permutation(
      count: options.count, seed: seed, turn: turn.id, visit: state.turnVisits[turnIndex])
    options = order.map { options[$0] }
    return TurnPresentation(
      turn: turn, variant: variant, says: chosen?.says ?? turn.says,
      cues: chosen?.cues ?? turn.cues, thoughts: chosen?.thoughts ?? turn.thoughts,
      options: options, number: steps.count + 1)
  }

  /// Where `transition` leads from `state`, drawing from its random source for a weighted
  /// choice (or taking the choice `forced`, for an analysis that follows every outcome).
  private func resolve(
    _ transition: Transition, in state: inout SessionState, forcing forced: Int?
  ) -> (String, RandomDraw?, [Int]?) {
    let environment = StateEnvironment(scenario: scenario, state: state)
    let branch =
      transition.branches.first {
        $0.condition.map { $0.expression.evaluate(in: environment) } ?? true
      } ?? transition.branches[transition.branches.count - 1]
    switch branch.destination {
    case .target(let id):
      return (id, nil, nil)
    case .random(let choices):
      let weights = choices.map(\.weight)
      let total = weights.reduce(0, +)
      var roll = state.random.roll(below: total)
      if let forced { roll = weights[..<forced].reduce(0, +) }
      var remaining = roll
      for choice in choices {
        if remaining < choice.weight {
          return (choice.target, RandomDraw(roll: roll, total: total), weights)
        }
        remaining -= choice.weight
      }
      return (choices[choices.count - 1].target, RandomDraw(roll: roll, total: total), weights)
    }
  }
}

/// Why a choice could not be applied.
public enum SessionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The session has already reached an ending.
  case sessionIsOver
  /// The current turn has no option with this id.
  case noSuchOption(String, turn: String)
  /// The option exists but cannot be chosen now (used up, or its condition fails).
  case optionUnavailable(String)

  public var description: String {
    switch self {
    case .sessionIsOver: "the session is over"
    case .noSuchOption(let id, let turn): "turn \"\(turn)\" has no option \"\(id)\""
    case .optionUnavailable(let id): "option \"\(id)\" is not available now"
    }
  }
}
