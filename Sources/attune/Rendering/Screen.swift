import AttuneCore
import Foundation

/// Prints a session for reading: wrapped to the terminal's width, coloured only where colour
/// is allowed, and with every piece of scenario text sanitised first.
struct Screen {
  let style: Style
  let width: Int

  func print(_ text: String) { Output.out(text) }

  /// One line of untrusted text, made safe.
  func clean(_ text: String) -> String { TerminalText.sanitized(text, keepNewlines: false) }

  /// Untrusted text, made safe and wrapped.
  func wrap(_ text: String, indent: String = "") -> String {
    TerminalText.wrapped(text, width: width, indent: indent)
  }

  /// A signed alliance change: "bond +3, task -1".
  func change(_ change: AllianceChange) -> String {
    AllianceDimension.allCases.filter { change[$0] != 0 }
      .map { "\($0.rawValue) \(style.signed(change[$0]))" }
      .joined(separator: ", ").ifEmpty("no change")
  }

  func alliance(_ alliance: Alliance) -> String {
    "bond \(alliance.bond), task \(alliance.task), goal \(alliance.goal)"
  }

  /// One line per component of `score`: value × weight = contribution, and how it was
  /// computed.
  func components(of score: SessionScore) -> [String] {
    score.components.map { component in
      "  \(component.kind.title.padding(30)) \(String(component.value).leftPadded(to: 5))"
        + " × \(String(component.weight).padding(5)) ="
        + " \(String(component.contribution).leftPadded(to: 4))"
        + style.dim("  \(component.explanation)")
    }
  }

  /// The codes of a move, by their names.
  func codes(_ codes: [Code]) -> String {
    codes.map { code in
      code.family == .contraindicated ? style.red(code.title) : code.title
    }.joined(separator: "; ")
  }
}

extension String {
  func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
