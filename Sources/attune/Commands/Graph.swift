import ArgumentParser
import AttuneCore
import Foundation

/// `attune graph`: the scenario as a graph for Graphviz or Mermaid.
struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a scenario as a graph (dot or mermaid) on standard output.")

  enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot
    case mermaid
  }

  @Argument(help: "The scenario file.")
  var scenario: String

  @Option(help: "Output format: dot or mermaid.")
  var format: GraphFormat = .dot

  func run() throws {
    try Output.run {
      let bytes = try FileInput.read(
        scenario, displayPath: scenario, limit: ScenarioLimits.default.json.maximumBytes)
      let result = ScenarioLoader().load(bytes, file: scenario)
      guard let loaded = result.scenario, !result.diagnostics.containsErrors else {
        throw DiagnosticFailure(
          diagnostics: result.diagnostics.filter { $0.severity == .error },
          sources: [scenario: bytes])
      }
      Output.out(format == .dot ? Self.dot(loaded) : Self.mermaid(loaded))
    }
  }

  static func excerpt(_ text: String, _ limit: Int = 40) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
  }

  /// `text` with each scalar in `table` replaced by its entry.
  static func escape(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if let replacement = table[scalar] {
        out += replacement
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text made safe inside a quoted Graphviz string or record label.
  static func dotEscape(_ text: String) -> String {
    escape(
      text,
      [
        "\"": "\\\"", "\\": "\\\\", "\n": " ", "\r": " ", "<": "\\<", ">": "\\>", "{": "\\{",
        "}": "\\}", "|": "\\|",
      ])
  }

  static func effect(_ option: TherapistOption) -> (colour: String, dashed: Bool) {
    if !option.contraindicatedCodes.isEmpty { return ("red", true) }
    let total = option.alliance.total
    return (total > 0 ? "darkgreen" : total < 0 ? "red" : "grey50", false)
  }

  static func dot(_ scenario: Scenario) -> String {
    var lines = [
      "digraph \"\(dotEscape(scenario.id))\" {", "  rankdir=LR;", "  node [fontsize=10];",
    ]
    for turn in scenario.turns {
      var attributes = "shape=box"
      if turn.marker != nil { attributes = "shape=octagon, style=filled, fillcolor=\"#f4cccc\"" }
      if turn.stage == .collaborationRestored {
        attributes = "shape=box, style=filled, fillcolor=\"#d9ead3\""
      }
      let label = dotEscape(turn.id) + "\\n" + dotEscape(excerpt(turn.says))
      lines.append("  \"\(dotEscape(turn.id))\" [label=\"\(label)\", \(attributes)];")
    }
    for ending in scenario.endings {
      let label = dotEscape(ending.id) + "\\n" + dotEscape(ending.outcome.title)
      lines.append(
        "  \"\(dotEscape(ending.id))\" [label=\"\(label)\", shape=doublecircle, style=filled,"
          + " fillcolor=\"#cfe2f3\"];")
    }
    for turn in scenario.turns {
      for option in turn.options {
        let (colour, dashed) = effect(option)
        let label =
          dotEscape(option.id) + "\\n"
          + dotEscape(option.codes.map(\.rawValue).joined(separator: ", "))
        for target in Set(option.next.targets).sorted() {
          lines.append(
            "  \"\(dotEscape(turn.id))\" -> \"\(dotEscape(target))\" [label=\"\(label)\","
              + " color=\(colour), fontcolor=\(colour)\(dashed ? ", style=dashed" : "")];")
        }
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  /// Text made safe inside a quoted Mermaid label.
  static func mermaidText(_ text: String) -> String {
    escape(
      text, ["\"": "#quot;", "<": "#lt;", ">": "#gt;", "|": "#124;", "\n": " ", "\r": " "])
  }

  static func mermaid(_ scenario: Scenario) -> String {
    var lines = ["flowchart LR"]
    var node: [String: String] = [:]
    for (index, turn) in scenario.turns.enumerated() {
      node[turn.id] = "t\(index)"
      let label = mermaidText(turn.id + ": " + excerpt(turn.says))
      lines.append(turn.marker != nil ? "  t\(index){{\"\(label)\"}}" : "  t\(index)[\"\(label)\"]")
      if turn.marker != nil { lines.append("  class t\(index) rupture") }
    }
    for (index, ending) in scenario.endings.enumerated() {
      node[ending.id] = "e\(index)"
      lines.append("  e\(index)([\"\(mermaidText(ending.id + ": " + ending.outcome.title))\"])")
      lines.append("  class e\(index) ending")
    }
    var edge = 0
    var styles: [String] = []
    for turn in scenario.turns {
      for option in turn.options {
        let (colour, dashed) = effect(option)
        let label = mermaidText(
          option.id + " (" + option.codes.map(\.rawValue).joined(separator: ", ") + ")")
        for target in Set(option.next.targets).sorted() {
          lines.append(
            "  \(node[turn.id]!) \(dashed ? "-.->" : "-->")|\"\(label)\"| \(node[target]!)")
          let stroke = colour == "darkgreen" ? "green" : colour == "grey50" ? "grey" : "red"
          styles.append("  linkStyle \(edge) stroke:\(stroke)")
          edge += 1
        }
      }
    }
    lines += styles
    lines.append("  classDef rupture fill:#f4cccc")
    lines.append("  classDef ending fill:#cfe2f3")
    return lines.joined(separator: "\n")
  }
}
