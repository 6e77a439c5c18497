import AttuneCore

/// The alliance over a session as an SVG line chart: bond, task and goal at each client turn
/// and at the end, with rupture episodes shaded. Self-contained (no scripts, fonts or external
/// references), for the HTML report.
public struct AllianceChart: Hashable, Sendable {
  /// One point of the chart: the alliance when a turn was shown (or at the end).
  public struct Point: Hashable, Sendable {
    /// The turn number, or one past the last turn for the end.
    public var turn: Int
    public var alliance: Alliance
  }

  /// The points, in turn order.
  public var points: [Point]
  /// A rupture episode to shade: its number, first and last turn, and its rating.
  public struct ShadedEpisode: Hashable, Sendable {
    public var number: Int
    public var first: Int
    public var last: Int
    public var rating: Int
  }

  /// The episodes to shade.
  public var episodes: [ShadedEpisode]

  /// The chart of `report`: the alliance at each turn shown (the last showing of a turn number
  /// when choices were undone) and after the last choice.
  public init(report: SessionReport) {
    var byTurn: [Int: Alliance] = [:]
    var last: Alliance?
    for entry in report.script.entries {
      switch entry.content {
      case .clientTurn(let shown, _):
        byTurn[shown.number] = shown.alliance
        last = shown.alliance
      case .response(let choice, _): last = choice.alliance
      case .undo(let undo): last = undo.alliance
      default: break
      }
    }
    points = byTurn.keys.sorted().map { Point(turn: $0, alliance: byTurn[$0]!) }
    if let last, let final = points.last?.turn {
      points.append(Point(turn: final + 1, alliance: report.score?.finalAlliance ?? last))
    }
    episodes = (report.score?.episodes ?? []).map {
      ShadedEpisode(
        number: $0.number, first: $0.onsetTurnNumber,
        last: $0.onsetTurnNumber + max(1, $0.turnsTaken) - 1, rating: $0.rating)
    }
  }

  /// The SVG markup, `width` by `height` user units, with a title for screen readers.
  public func svg(width: Int = 640, height: Int = 260) -> String {
    let left = 40.0
    let right = 16.0
    let top = 16.0
    let bottom = 40.0
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let firstTurn = points.first?.turn ?? 1
    let lastTurn = max(points.last?.turn ?? 1, firstTurn + 1)
    func x(_ turn: Double) -> Double {
      left + (turn - Double(firstTurn)) / Double(lastTurn - firstTurn) * plotWidth
    }
    func y(_ value: Double) -> Double { top + (100 - value) / 100 * plotHeight }
    func number(_ value: Double) -> String { DecimalText.formatted(value, places: 1) }
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\""
      + " width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"chart-title\">"
      + "<title id=\"chart-title\">Alliance (bond, task, goal) at each client turn, rupture"
      + " episodes shaded</title>"
    for episode in episodes {
      let start = x(max(Double(episode.first) - 0.5, Double(firstTurn)))
      let end = x(min(Double(episode.last) + 0.5, Double(lastTurn)))
      svg +=
        "<rect class=\"episode\" x=\"\(number(start))\" y=\"\(number(top))\""
        + " width=\"\(number(max(2, end - start)))\" height=\"\(number(plotHeight))\""
        + " fill=\"#f4c7c3\" fill-opacity=\"0.6\"><title>Rupture episode \(episode.number):"
        + " turns \(episode.first)-\(episode.last), rating \(episode.rating) of 5</title></rect>"
        + "<text x=\"\(number(start + 3))\" y=\"\(number(top + 12))\" font-size=\"11\""
        + " fill=\"#8a1c12\">R\(episode.number)</text>"
    }
    for value in stride(from: 0, through: 100, by: 25) {
      svg +=
        "<line x1=\"\(number(left))\" x2=\"\(number(left + plotWidth))\" y1=\"\(number(y(Double(value))))\""
        + " y2=\"\(number(y(Double(value))))\" stroke=\"#ddd\"/>"
        + "<text x=\"\(number(left - 6))\" y=\"\(number(y(Double(value)) + 4))\" font-size=\"11\""
        + " text-anchor=\"end\" fill=\"#555\">\(value)</text>"
    }
    for point in points {
      let label = point.turn == points.last?.turn && points.count > 1 ? "end" : String(point.turn)
      svg +=
        "<text x=\"\(number(x(Double(point.turn))))\" y=\"\(number(top + plotHeight + 16))\""
        + " font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">\(label)</text>"
    }
    svg +=
      "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(Double(height) - 4))\""
      + " font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">client turn</text>"
    let series: [(String, String, KeyPath<Alliance, Int>)] = [
      ("bond", "#1f77b4", \.bond), ("task", "#2ca02c", \.task), ("goal", "#9467bd", \.goal),
    ]
    for (index, (name, colour, path)) in series.enumerated() {
      let coordinates = points.map {
        "\(number(x(Double($0.turn)))),\(number(y(Double($0.alliance[keyPath: path]))))"
      }
      svg +=
        "<polyline class=\"\(name)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
        + " points=\"\(coordinates.joined(separator: " "))\"/>"
      for point in points {
        svg +=
          "<circle cx=\"\(number(x(Double(point.turn))))\""
          + " cy=\"\(number(y(Double(point.alliance[keyPath: path]))))\" r=\"2.5\""
          + " fill=\"\(colour)\"><title>\(name) \(point.alliance[keyPath: path])</title></circle>"
      }
      let legendX = left + 8 + Double(index) * 70
      svg +=
        "<rect x=\"\(number(legendX))\" y=\"\(number(top + plotHeight - 14))\" width=\"10\""
        + " height=\"10\" fill=\"\(colour)\"/><text x=\"\(number(legendX + 14))\""
        + " y=\"\(number(top + plotHeight - 5))\" font-size=\"11\" fill=\"#333\">\(name)</text>"
    }
    return svg + "</svg>"
  }
}
