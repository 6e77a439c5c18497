import AttuneCore

/// Draws bond, task and goal over the turns of a session as a small text chart.
struct TrajectoryChart {
  /// The alliance at the start and after each response.
  let points: [Alliance]
  /// The 0-based indices of points that fall inside a rupture episode.
  var ruptureColumns: Set<Int> = []

  /// The chart's lines: twelve rows spanning the range the values take (rounded out to tens),
  /// one column per point, `b`, `t`, `g` for the three parts (`*` where two meet), and a row
  /// of markers under the turns that fall inside a rupture episode.
  func render(style: Style, maximumColumns: Int) -> [String] {
    guard !points.isEmpty else { return [] }
    let step = max(1, (points.count + maximumColumns - 1) / maximumColumns)
    let sampled = stride(from: 0, to: points.count, by: step).map { ($0, points[$0]) }
    let values = sampled.flatMap { [$0.1.bond, $0.1.task, $0.1.goal] }
    let low = max(0, (values.min()! - 1) / 10 * 10)
    let high = min(100, ((values.max()! + 10) / 10) * 10)
    let rows = 12
    let span = Double(high - low) / Double(rows)
    func row(of value: Int) -> Int {
      min(rows - 1, Int((Double(value - low) / span).rounded(.down)))
    }
    var lines: [String] = []
    for current in (0..<rows).reversed() {
      let label =
        current == rows - 1 ? String(high) : current == 0 ? String(low) : ""
      var line = label.leftPadded(to: 3) + " ┤"
      for (_, alliance) in sampled {
        let marks = [("b", alliance.bond), ("t", alliance.task), ("g", alliance.goal)]
          .filter { row(of: $0.1) == current }
        switch marks.count {
        case 0: line += "  "
        case 1: line += " " + colour(marks[0].0, style)
        default: line += " " + style.bold("*")
        }
      }
      lines.append(line)
    }
    var axis = "    └"
    var ruptures = "     "
    for (index, _) in sampled {
      axis += "──"
      ruptures += ruptureColumns.contains(index) ? " " + style.red("▲") : "  "
    }
    lines.append(axis)
    if !ruptureColumns.isEmpty { lines.append(ruptures + style.dim("  ▲ rupture episode")) }
    lines.append(
      "      " + colour("b", style) + " bond  " + colour("t", style) + " task  "
        + colour("g", style) + " goal  " + style.bold("*") + " two or more meet;"
        + " one column per turn, the first is the start"
        + (step > 1 ? " (every \(step)th turn)" : ""))
    return lines
  }

  private func colour(_ mark: String, _ style: Style) -> String {
    switch mark {
    case "b": style.magenta(mark)
    case "t": style.blue(mark)
    default: style.green(mark)
    }
  }
}

extension String {
  func leftPadded(to length: Int) -> String {
    String(repeating: " ", count: max(0, length - count)) + self
  }
}
