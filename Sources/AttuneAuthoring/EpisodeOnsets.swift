import AttuneCore

// Where rupture episodes open. A marker turn opens an episode only when none is open on arrival;
// a marker inside an open episode is a re-rupture of that episode, which the episode's repair
// covers (scoring model, section 3). The clinical lints judge one-move repairs and unresolvable
// ruptures at the turns where an episode opens.

extension ScenarioGraph {
  /// The ids of the marker turns that, conditions aside, are only ever reached inside an open
  /// rupture episode: re-ruptures. A marker turn that is never reached is not among them.
  func reRuptures(in scenario: Scenario) -> Set<String> {
    // A turn id with whether an episode is open on arrival.
    struct Arrival: Hashable {
      var id: String
      var open: Bool
    }
    var seen: Set<Arrival> = [Arrival(id: start, open: false)]
    var queue = Array(seen)
    while let arrival = queue.popLast() {
      guard let turn = scenario.turn(arrival.id) else { continue }
      let open = (arrival.open || turn.marker != nil) && turn.stage != .collaborationRestored
      for next in successors(of: turn.id) where scenario.turn(next) != nil {
        let arrival = Arrival(id: next, open: open)
        if seen.insert(arrival).inserted { queue.append(arrival) }
      }
    }
    return Set(
      scenario.turns.filter {
        $0.marker != nil && seen.contains(Arrival(id: $0.id, open: true))
          && !seen.contains(Arrival(id: $0.id, open: false))
      }.map(\.id))
  }
}

extension StateSpace {
  /// For each state, whether some way of play reaches it with no rupture episode open.
  func reachedWithoutOpenEpisode() -> [Bool] {
    var closed = [Bool](repeating: false, count: stateCount)
    var open = [Bool](repeating: false, count: stateCount)
    var queue: [(state: Int, open: Bool)] = [(0, false)]
    closed[0] = true
    while let (s, isOpen) = queue.popLast() {
      let p = Int(position(of: s))
      guard p >= 0 else { continue }
      let turn = compiled.turns[p]
      let after = (isOpen || turn.hasMarker) && turn.stage != .collaborationRestored
      for e in Int(edgeStart[s])..<Int(edgeStart[s + 1]) {
        let t = Int(edgeTarget[e])
        if after {
          if !open[t] {
            open[t] = true
            queue.append((t, true))
          }
        } else if !closed[t] {
          closed[t] = true
          queue.append((t, false))
        }
      }
    }
    return closed
  }
}
