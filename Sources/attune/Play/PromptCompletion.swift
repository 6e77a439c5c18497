import LineEditor
import Synchronization

/// Tab completion at the session prompt: commands after a colon, the numbers of the options
/// on screen otherwise.
enum PromptCompletion {
  static let commands = [
    ":help", ":profile", ":history", ":alliance", ":hint", ":undo", ":note", ":quit",
  ]

  /// How many options are on screen now; the play loop sets it before each prompt.
  static let optionCount = Atomic<Int>(0)

  static let completer = LineCompleter { line in
    let word =
      line.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    if word.hasPrefix(":") {
      return commands.filter { $0.hasPrefix(word) }
    }
    let count = optionCount.load(ordering: .relaxed)
    let numbers = count > 0 ? (1...count).map(String.init) : []
    return (numbers + (word.isEmpty ? commands : [])).filter { $0.hasPrefix(word) }
  }
}
