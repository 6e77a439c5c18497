/// What a Tab press does to the line, decided without touching the terminal.
enum CompletionAction: Equatable, Sendable {
  /// Nothing to insert: ring the bell.
  case beep
  /// Replace the word under the cursor with this text. `isFinal` is true for a unique
  /// completion (the text then ends with a space); false when only a common prefix of
  /// several candidates was inserted.
  case replaceWord(with: String, isFinal: Bool)
  /// Show these candidates below the line, then redraw the line.
  case list([String])
}

/// Decides what a Tab press does, from the word under the cursor and the completer's
/// candidates; a pure function so that it can be tested apart from libedit.
enum CompletionPlanner {
  /// - Parameters:
  ///   - word: the word under the cursor (``LineCompleter/word(beforeCursorIn:)``).
  ///   - candidates: full words proposed by the completer; duplicates and empty strings are
  ///     ignored, the order is kept for listing.
  ///   - isRepeatedTab: true when the previous key was a Tab that left the line unchanged
  ///     since; a shell lists the candidates then.
  static func plan(word: Substring, candidates: [String], isRepeatedTab: Bool) -> CompletionAction {
    var seen = Set<String>()
    let unique = candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard let first = unique.first else {
      return .beep
    }
    if unique.count == 1 {
      return .replaceWord(with: first + " ", isFinal: true)
    }
    let prefix = longestCommonPrefix(unique)
    if prefix.count > word.count {
      return .replaceWord(with: prefix, isFinal: false)
    }
    return isRepeatedTab ? .list(unique) : .beep
  }

  /// The longest common prefix of the strings, compared by `Character` (so that a letter is
  /// never split from its combining marks).
  static func longestCommonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map(Array.init) else {
      return ""
    }
    for string in strings.dropFirst() {
      var length = 0
      var iterator = string.makeIterator()
      while length < prefix.count, let next = iterator.next(), next == prefix[length] {
        length += 1
      }
      prefix.removeSubrange(length...)
    }
    return String(prefix)
  }

  /// Lays the candidates out in columns, column by column like `ls`, for a terminal of the
  /// given width; every row ends with a newline.
  static func columns(_ items: [String], width: Int) -> String {
    guard !items.isEmpty else {
      return ""
    }
    let gap = 2
    let cell = (items.map(\.count).max() ?? 0) + gap
    let columnCount = max(1, (max(width, 1) + gap - 1) / cell)
    let rowCount = (items.count + columnCount - 1) / columnCount
    var text = ""
    for row in 0..<rowCount {
      var line = ""
      var index = row
      while index < items.count {
        let item = items[index]
        index += rowCount
        line += item
        if index < items.count {
          line += String(repeating: " ", count: cell - item.count)
        }
      }
      text += line + "\n"
    }
    return text
  }
}
