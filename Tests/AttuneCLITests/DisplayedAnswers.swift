import AttuneCore
import Foundation

/// Scripted answers written as option numbers in file order, turned into the numbers the
/// session displays for its seed.
///
/// Options are displayed in an order drawn from the session's seed, so "option 1" means a
/// different option from one seed to the next. Tests write their answers in the scenario
/// file's order, which reads as the scenario does, and this rewrites them by walking the same
/// session in-process: a file-order session gives the option's id, the seeded session its
/// number on screen. Running the binary with the rewritten answers therefore also checks that
/// the binary displays the order the engine draws.
enum DisplayedAnswers {
  /// Rewrites `input` for a `play` command line, or returns it unchanged when the arguments
  /// name no scenario file or seed, or use the prompts that come before the options.
  static func rewrite(_ input: String, arguments: [String]) -> String {
    guard arguments.first == "play", let seedIndex = arguments.firstIndex(of: "--seed"),
      seedIndex + 1 < arguments.count, let seed = UInt64(arguments[seedIndex + 1]),
      !arguments.contains("--identify-markers"), !arguments.contains("--reflect"),
      let scenario = scenario(named: arguments.dropFirst().first { !$0.hasPrefix("-") })
    else { return input }
    return rewrite(input, scenario: scenario, seed: seed)
  }

  /// The displayed numbers of `answers` (file order) for a `play` command line, for scripts that
  /// interleave other prompts with the answers.
  static func numbers(_ answers: [String], arguments: [String]) -> [String] {
    rewrite(answers.joined(separator: "\n"), arguments: arguments).split(separator: "\n").map(
      String.init)
  }

  /// Rewrites `input` for a session of `scenario` with `seed`.
  static func rewrite(_ input: String, scenario: Scenario, seed: UInt64) -> String {
    var inFileOrder = Session(scenario: scenario, seed: seed, rules: .engine1)
    var displayed = Session(scenario: scenario, seed: seed)
    var lines: [String] = []
    for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = String(line)
      if text == ":undo" {
        inFileOrder.undo()
        displayed.undo()
      }
      guard let number = Int(text), case .turn(let fileShown) = inFileOrder.presentation,
        case .turn(let shown) = displayed.presentation,
        (1...fileShown.options.count).contains(number)
      else {
        lines.append(text)
        continue
      }
      let id = fileShown.options[number - 1].id
      let position = shown.options.firstIndex { $0.id == id }!
      lines.append(String(position + 1))
      if fileShown.options[number - 1].isAvailable {
        _ = try? inFileOrder.choose(id)
        _ = try? displayed.choose(id)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The scenario a `play` argument names: a file, or a bundled scenario's id.
  static func scenario(named name: String?) -> Scenario? {
    guard let name else { return nil }
    let path =
      FileManager.default.fileExists(atPath: name)
      ? name : AttuneBinary.packageRoot.appendingPathComponent("Scenarios/\(name).json").path
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return ScenarioLoader().load(Array(data), file: path).scenario
  }
}
