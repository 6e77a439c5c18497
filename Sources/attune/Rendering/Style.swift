import Foundation

/// Colours and emphasis, used only on a terminal and never when `NO_COLOR` is set.
struct Style: Sendable {
  let enabled: Bool

  /// The style for a file descriptor: colour when it is a terminal and `NO_COLOR` is unset
  /// (https://no-color.org).
  static func forOutput(_ fd: Int32) -> Style {
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let dumb = ProcessInfo.processInfo.environment["TERM"] == "dumb"
    return Style(enabled: isatty(fd) == 1 && !noColor && !dumb)
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func italic(_ text: String) -> String { wrap(text, "3") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func green(_ text: String) -> String { wrap(text, "32") }
  func yellow(_ text: String) -> String { wrap(text, "33") }
  func blue(_ text: String) -> String { wrap(text, "34") }
  func magenta(_ text: String) -> String { wrap(text, "35") }
  func cyan(_ text: String) -> String { wrap(text, "36") }

  /// A signed number coloured by its sign: green up, red down.
  func signed(_ value: Int) -> String {
    let text = value > 0 ? "+\(value)" : "\(value)"
    return value > 0 ? green(text) : value < 0 ? red(text) : dim(text)
  }
}
