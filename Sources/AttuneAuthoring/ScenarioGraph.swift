import AttuneCore

/// A scenario as a directed graph: each option is an edge from its turn to every turn or
/// ending it may lead to, whatever the conditions say. Structural checks and drawings start
/// from it.
public struct ScenarioGraph: Sendable {
  /// One way from a turn to a turn or an ending.
  public struct Edge: Hashable, Sendable {
    /// The turn the option belongs to.
    public var from: String
    /// The option.
    public var option: String
    /// The turn or ending it may lead to.
    public var to: String
    /// Whether reaching `to` depends on a condition of the option or of the branch.
    public var isConditional: Bool
    /// Whether `to` is one outcome of a weighted random choice.
    public var isRandom: Bool
  }

  /// The scenario's id of its first turn.
  public let start: String
  /// Every edge, in the order of turns, options and branches.
  public let edges: [Edge]
  private let successors: [String: [String]]

  /// Builds the graph of a scenario.
  public init(_ scenario: Scenario) {
    start = scenario.start
    var edges: [Edge] = []
    for turn in scenario.turns {
      for option in turn.options {
        for branch in option.next.branches {
          let conditional = option.condition != nil || branch.condition != nil
          switch branch.destination {
          case .target(let id):
            edges.append(
              Edge(
                from: turn.id, option: option.id, to: id, isConditional: conditional,
                isRandom: false))
          case .random(let choices):
            for choice in choices {
              edges.append(
                Edge(
                  from: turn.id, option: option.id, to: choice.target,
                  isConditional: conditional, isRandom: true))
            }
          }
        }
      }
    }
    self.edges = edges
    self.successors = Dictionary(grouping: edges, by: \.from).mapValues { $0.map(\.to) }
  }

  /// The turns and endings an option may lead to from `id`.
  public func successors(of id: String) -> [String] { successors[id] ?? [] }

  /// Every turn and ending reachable from the start, conditions aside.
  public func reachableFromStart() -> Set<String> {
    var seen: Set<String> = [start]
    var queue = [start]
    while let id = queue.popLast() {
      for next in successors(of: id) where seen.insert(next).inserted {
        queue.append(next)
      }
    }
    return seen
  }
}
