import AttuneCore

/// A scenario flattened into arrays for the state-space explorer: conditions compiled, fit
/// adjustments precomputed, ids turned into indices.
struct CompiledScenario {
  /// A condition with where it is written.
  struct Site {
    var pointer: String
    var condition: CompiledCondition
    var text: String
  }

  struct Outcome {
    /// A turn index (>= 0) or `-(ending index + 1)`.
    var position: Int32
    var weight: Int
  }

  struct Branch {
    var site: Int?
    var outcomes: [Outcome]
    var totalWeight: Int
  }

  struct Option {
    var id: String
    var turn: Int
    var index: Int
    var pointer: String
    var kind: OptionKind
    var site: Int?
    /// The alliance change including fit, for a late and an early response.
    var change: [AllianceChange]
    /// Favourable and unfavourable fit adjustments, late and early.
    var favourable: [Int32]
    var unfavourable: [Int32]
    var sets: [(Int, Double)]
    var adds: [(Int, Double)]
    var branches: [Branch]
    var visitSlot: Int?
    var contraindicated: Bool
    var attends: Bool
    /// The safety tasks the option carries out, one bit per `SafetyTask` case.
    var safetyTasks: UInt8
    /// Whether the option breaches a safety duty.
    var breach: Bool
  }

  struct Turn {
    var id: String
    var options: [Int]
    var variantSites: [Int]
    var visitSlot: Int?
    var hasMarker: Bool
    var stage: ResolutionStage?
    /// The safety task the turn requires, as a bit of `SafetyTask`'s cases (0: none).
    var safetyTask: UInt8
  }

  var turns: [Turn] = []
  var options: [Option] = []
  var sites: [Site] = []
  /// The ids whose visits are tracked, with the cap of each count.
  var visitIDs: [String] = []
  var visitCaps: [Int] = []
  var variableCount: Int
  var start: Int32
  var startAlliance: Alliance
  var startVariables: [Double]

  init(_ scenario: Scenario) {
    variableCount = scenario.variables.count
    start = Int32(scenario.turnIndex(of: scenario.start) ?? 0)
    startAlliance = scenario.startingAlliance
    startVariables = scenario.variables.map(\.initialValue.numericValue)
    var variableIndices: [String: Int] = [:]
    for (index, variable) in scenario.variables.enumerated() {
      variableIndices[variable.name] = index
    }

    // Visit counts a condition reads, capped at the largest threshold plus one; `once` options
    // need only know whether they were chosen.
    var caps: [String: Int] = [:]
    func scan(_ condition: Condition?) {
      guard let condition else { return }
      Self.visitThresholds(condition.expression) { id, cap in caps[id] = max(caps[id] ?? 0, cap) }
    }
    for turn in scenario.turns {
      for variant in turn.variants { scan(variant.condition) }
      for option in turn.options {
        scan(option.condition)
        for branch in option.next.branches { scan(branch.condition) }
        if option.kind == .once { caps[option.id] = max(caps[option.id] ?? 0, 1) }
      }
    }
    visitIDs = caps.keys.sorted()
    visitCaps = visitIDs.map { caps[$0]! }
    var visitIndices: [String: Int] = [:]
    for (index, id) in visitIDs.enumerated() { visitIndices[id] = index }

    func site(_ condition: Condition?, _ pointer: String) -> Int? {
      guard let condition else { return nil }
      sites.append(
        Site(
          pointer: pointer,
          condition: CompiledCondition(
            condition.expression, variableIndices: variableIndices, visitIndices: visitIndices),
          text: condition.text))
      return sites.count - 1
    }
    func position(_ id: String) -> Int32 {
      if let index = scenario.turnIndex(of: id) { return Int32(index) }
      return -Int32((scenario.endingIndex(of: id) ?? 0) + 1)
    }

    for (t, turn) in scenario.turns.enumerated() {
      let turnPointer = "/turns/\(t)"
      var compiledTurn = Turn(
        id: turn.id, options: [], variantSites: [], visitSlot: visitIndices[turn.id],
        hasMarker: turn.marker != nil, stage: turn.stage,
        safetyTask: turn.safety.map { Self.bit(of: $0.task) } ?? 0)
      for (v, variant) in turn.variants.enumerated() {
        compiledTurn.variantSites.append(
          site(variant.condition, "\(turnPointer)/variants/\(v)/if")!)
      }
      for (o, option) in turn.options.enumerated() {
        let pointer = "\(turnPointer)/options/\(o)"
        var changes: [AllianceChange] = []
        var favourable: [Int32] = []
        var unfavourable: [Int32] = []
        for early in [false, true] {
          let fit =
            scenario.appliesFitAdjustments
            ? FitModel.adjustments(for: option, client: scenario.client, isEarly: early) : []
          changes.append(fit.reduce(option.alliance) { $0 + $1.change })
          let verdicts = fit.map {
            FitModel.verdict(of: $0, option: option, model: ScoringModel.current)
          }
          favourable.append(Int32(verdicts.filter { $0 == .favourable }.count))
          unfavourable.append(Int32(verdicts.filter { $0 == .unfavourable }.count))
        }
        var branches: [Branch] = []
        let isArray = option.next.branches.count > 1 || option.next.branches.first?.condition != nil
        for (b, branch) in option.next.branches.enumerated() {
          let branchPointer = isArray ? "\(pointer)/next/\(b)" : "\(pointer)/next"
          let outcomes: [Outcome] =
            switch branch.destination {
            case .target(let id): [Outcome(position: position(id), weight: 1)]
            case .random(let choices):
              choices.map { Outcome(position: position($0.target), weight: $0.weight) }
            }
          branches.append(
            Branch(
              site: site(branch.condition, "\(branchPointer)/if"), outcomes: outcomes,
              totalWeight: outcomes.reduce(0) { $0 + $1.weight }))
        }
        let siteIndex = site(option.condition, "\(pointer)/if")
        options.append(
          Option(
            id: option.id, turn: t, index: o, pointer: pointer, kind: option.kind, site: siteIndex,
            change: changes, favourable: favourable, unfavourable: unfavourable,
            sets: option.sets.compactMap { a in
              variableIndices[a.name].map { ($0, a.value.numericValue) }
            },
            adds: option.adds.compactMap { a in
              variableIndices[a.name].map { ($0, a.value.numericValue) }
            },
            branches: branches, visitSlot: visitIndices[option.id],
            contraindicated: !option.contraindicatedCodes.isEmpty,
            attends: option.attendsToMarker,
            safetyTasks: option.safetyTasks.reduce(0) { $0 | Self.bit(of: $1) },
            breach: !option.safetyBreaches.isEmpty))
        compiledTurn.options.append(options.count - 1)
      }
      turns.append(compiledTurn)
    }
  }

  /// Calls `body` with each visited id and the cap its count needs: one more than the largest
  /// number it is compared with (64 when it is compared with something that is not a number).
  static func visitThresholds(_ expression: Expression, _ body: (String, Int) -> Void) {
    switch expression {
    case .visits(let id, _, _): body(id, 1)
    case .comparison(let lhs, _, let rhs, _):
      if case .visits(let id, _, _) = lhs {
        if case .number(let value, _) = rhs {
          body(id, max(1, Int(min(1e6, value.rounded(.down))) + 1))
        } else {
          body(id, 64)
        }
      }
      if case .visits(let id, _, _) = rhs {
        if case .number(let value, _) = lhs {
          body(id, max(1, Int(min(1e6, value.rounded(.down))) + 1))
        } else {
          body(id, 64)
        }
      }
      if case .visits = lhs {} else { visitThresholds(lhs, body) }
      if case .visits = rhs {} else { visitThresholds(rhs, body) }
    case .not(let operand, _): visitThresholds(operand, body)
    case .and(let lhs, let rhs, _), .or(let lhs, let rhs, _):
      visitThresholds(lhs, body)
      visitThresholds(rhs, body)
    case .number, .boolean, .alliance, .variable: break
    }
  }

  /// The bit that stands for a safety task in the compiled masks.
  static func bit(of task: SafetyTask) -> UInt8 {
    UInt8(1) << UInt8(SafetyTask.allCases.firstIndex(of: task)!)
  }
}
