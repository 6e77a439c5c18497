import AttuneCore

/// Every state a session of a scenario can reach, explored once each (memoized), with the
/// moves between them.
///
/// A state is what decides the rest of a session: the position, the alliance, the variables,
/// whether the session is still in its first three responses (fit adjustments look at that),
/// and the visit counts that conditions or `once` options can observe, each capped at one more
/// than the largest number it is compared with, so that states that cannot be told apart
/// merge.
struct StateSpace {
  let compiled: CompiledScenario
  /// The words of each state: position, bond, task, goal, early responses, variables (as bit
  /// patterns), capped visit counts.
  private(set) var states: [[Int64]] = []
  /// Outgoing moves of state `s`: `edgeStart[s] ..< edgeStart[s + 1]`.
  private(set) var edgeStart: [Int32] = [0]
  private(set) var edgeTarget: [Int32] = []
  private(set) var edgeOption: [Int32] = []
  /// The probability of the move under uniform random play.
  private(set) var edgeProbability: [Double] = []
  /// How each state was first reached: the previous state and the option (-1 at the start).
  private(set) var parent: [(state: Int32, option: Int32)] = []
  /// States at a turn where no option is available.
  private(set) var deadEnds: [Int32] = []
  /// For each condition site, whether it was seen true and seen false.
  private(set) var siteTrue: [Bool]
  private(set) var siteFalse: [Bool]
  private(set) var optionAvailable: [Bool]
  private(set) var turnReached: [Bool]
  private(set) var endingReached: [Bool]
  /// Whether exploration stopped at the budget before finishing.
  private(set) var exceededBudget = false

  static let earlyResponses = Int64(FitModel.earlyResponses)

  var stateCount: Int { states.count }
  var isComplete: Bool { !exceededBudget }

  init(_ compiled: CompiledScenario, endings: Int, budget: Int) {
    self.compiled = compiled
    siteTrue = Array(repeating: false, count: compiled.sites.count)
    siteFalse = siteTrue
    optionAvailable = Array(repeating: false, count: compiled.options.count)
    turnReached = Array(repeating: false, count: compiled.turns.count)
    endingReached = Array(repeating: false, count: endings)
    explore(budget: budget)
  }

  func position(of state: Int) -> Int32 { Int32(states[state][0]) }

  func alliance(of state: Int) -> Alliance {
    let words = states[state]
    return Alliance(bond: Int(words[1]), task: Int(words[2]), goal: Int(words[3]))
  }

  func isEnding(_ state: Int) -> Bool { states[state][0] < 0 }

  private var variableBase: Int { 5 }
  private var visitBase: Int { 5 + compiled.variableCount }

  private mutating func explore(budget: Int) {
    var index: [[Int64]: Int32] = [:]
    var start: [Int64] = [
      Int64(compiled.start), Int64(compiled.startAlliance.bond),
      Int64(compiled.startAlliance.task), Int64(compiled.startAlliance.goal), 0,
    ]
    start += compiled.startVariables.map { Int64(bitPattern: $0.bitPattern) }
    start += compiled.visitCaps.map { _ in 0 }
    if let slot = compiled.turns[Int(compiled.start)].visitSlot {
      start[visitBase + slot] = 1
    }
    index[start] = 0
    states.append(start)
    parent.append((-1, -1))
    var variables = [Double](repeating: 0, count: compiled.variableCount)
    var visits = [Int](repeating: 0, count: compiled.visitCaps.count)
    var available: [Int] = []
    var next = 0
    while next < states.count {
      let current = next
      next += 1
      let words = states[current]
      let position = Int(words[0])
      if position < 0 {
        endingReached[-position - 1] = true
        edgeStart.append(Int32(edgeTarget.count))
        continue
      }
      turnReached[position] = true
      let turn = compiled.turns[position]
      for v in 0..<compiled.variableCount {
        variables[v] = Double(bitPattern: UInt64(bitPattern: words[variableBase + v]))
      }
      for v in 0..<visits.count { visits[v] = Int(words[visitBase + v]) }
      let alliance = (Double(words[1]), Double(words[2]), Double(words[3]))
      for site in turn.variantSites {
        if evaluate(site, alliance, variables, visits) { break }
      }
      available.removeAll(keepingCapacity: true)
      for o in turn.options {
        let option = compiled.options[o]
        if option.kind == .fallback { continue }
        if option.kind == .once, let slot = option.visitSlot, visits[slot] > 0 { continue }
        if let site = option.site, !evaluate(site, alliance, variables, visits) { continue }
        available.append(o)
      }
      if available.isEmpty {
        for o in turn.options where compiled.options[o].kind == .fallback {
          if let site = compiled.options[o].site, !evaluate(site, alliance, variables, visits) {
            continue
          }
          available.append(o)
        }
      }
      if available.isEmpty { deadEnds.append(Int32(current)) }
      let early = words[4] < Self.earlyResponses || turn.hasMarker ? 1 : 0
      let share = 1 / Double(max(1, available.count))
      for o in available {
        optionAvailable[o] = true
        let option = compiled.options[o]
        var after = words
        let change = option.change[early]
        after[1] = min(100, max(0, after[1] + Int64(change.bond)))
        after[2] = min(100, max(0, after[2] + Int64(change.task)))
        after[3] = min(100, max(0, after[3] + Int64(change.goal)))
        after[4] = min(Self.earlyResponses, after[4] + 1)
        var newVariables = variables
        for (slot, value) in option.sets { newVariables[slot] = value }
        for (slot, value) in option.adds { newVariables[slot] += value }
        for v in 0..<compiled.variableCount {
          after[variableBase + v] = Int64(bitPattern: newVariables[v].bitPattern)
        }
        var newVisits = visits
        if let slot = option.visitSlot {
          newVisits[slot] = min(compiled.visitCaps[slot], newVisits[slot] + 1)
          after[visitBase + slot] = Int64(newVisits[slot])
        }
        let newAlliance = (Double(after[1]), Double(after[2]), Double(after[3]))
        var taken = option.branches.count - 1
        for (b, branch) in option.branches.enumerated() {
          guard let site = branch.site else {
            taken = b
            break
          }
          if evaluate(site, newAlliance, newVariables, newVisits) {
            taken = b
            break
          }
        }
        let branch = option.branches[taken]
        for outcome in branch.outcomes {
          var target = after
          target[0] = Int64(outcome.position)
          if outcome.position >= 0, let slot = compiled.turns[Int(outcome.position)].visitSlot {
            target[visitBase + slot] = min(
              Int64(compiled.visitCaps[slot]), target[visitBase + slot] + 1)
          }
          let id: Int32
          if let known = index[target] {
            id = known
          } else {
            if states.count >= budget {
              exceededBudget = true
              while edgeStart.count <= states.count { edgeStart.append(Int32(edgeTarget.count)) }
              return
            }
            id = Int32(states.count)
            index[target] = id
            states.append(target)
            parent.append((Int32(current), Int32(o)))
          }
          edgeTarget.append(id)
          edgeOption.append(Int32(o))
          edgeProbability.append(share * Double(outcome.weight) / Double(branch.totalWeight))
        }
      }
      edgeStart.append(Int32(edgeTarget.count))
    }
  }

  private mutating func evaluate(
    _ site: Int, _ alliance: (Double, Double, Double), _ variables: [Double], _ visits: [Int]
  ) -> Bool {
    let result = compiled.sites[site].condition.evaluate(
      alliance: alliance, variables: variables, visits: visits)
    if result { siteTrue[site] = true } else { siteFalse[site] = true }
    return result
  }

  /// The options chosen from the start to reach `state`, along the way it was first found.
  func choices(to state: Int) -> [String] {
    let options = compiled.options
    var result: [String] = []
    var current = state
    while parent[current].state >= 0 {
      result.append(options[Int(parent[current].option)].id)
      current = Int(parent[current].state)
    }
    return result.reversed()
  }

  /// The states in an order where every move goes forward, or nil if some reachable states
  /// lie on a cycle; `ordered` then holds those that do not.
  func topologicalOrder() -> (order: [Int32], isAcyclic: Bool) {
    var indegree = [Int32](repeating: 0, count: states.count)
    for target in edgeTarget { indegree[Int(target)] += 1 }
    var order: [Int32] = []
    order.reserveCapacity(states.count)
    for s in 0..<states.count where indegree[s] == 0 { order.append(Int32(s)) }
    var head = 0
    while head < order.count {
      let s = Int(order[head])
      head += 1
      for e in Int(edgeStart[s])..<Int(edgeStart[s + 1]) {
        let t = Int(edgeTarget[e])
        indegree[t] -= 1
        if indegree[t] == 0 { order.append(Int32(t)) }
      }
    }
    return (order, order.count == states.count)
  }

  /// Whether each state can reach a state satisfying `goal`.
  func canReach(_ goal: (Int) -> Bool) -> [Bool] {
    var reverseStart = [Int32](repeating: 0, count: states.count + 1)
    for target in edgeTarget { reverseStart[Int(target) + 1] += 1 }
    for s in 0..<states.count { reverseStart[s + 1] += reverseStart[s] }
    var fill = reverseStart
    var reverse = [Int32](repeating: 0, count: edgeTarget.count)
    for s in 0..<states.count {
      for e in Int(edgeStart[s])..<Int(edgeStart[s + 1]) {
        let t = Int(edgeTarget[e])
        reverse[Int(fill[t])] = Int32(s)
        fill[t] += 1
      }
    }
    var result = [Bool](repeating: false, count: states.count)
    var stack: [Int] = []
    for s in 0..<states.count where goal(s) {
      result[s] = true
      stack.append(s)
    }
    while let s = stack.popLast() {
      for r in Int(reverseStart[s])..<Int(reverseStart[s + 1]) {
        let p = Int(reverse[r])
        if !result[p] {
          result[p] = true
          stack.append(p)
        }
      }
    }
    return result
  }
}
