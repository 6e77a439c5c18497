/// Tab completion for ``EditLineReader``.
///
/// The closure receives the text of the line before the cursor and returns the full words
/// that could replace the word under the cursor (see ``word(beforeCursorIn:)``). The reader
/// inserts the unique completion followed by a space, or else the longest common prefix of
/// the candidates, and on a second Tab lists the candidates, like a shell.
///
/// The closure runs inside a libedit callback while the terminal is in raw mode: it must
/// return quickly and must not trap (a crash there leaves the terminal raw).
public struct LineCompleter: Sendable {
  let candidates: @Sendable (_ lineBeforeCursor: String) -> [String]

  public init(_ candidates: @escaping @Sendable (_ lineBeforeCursor: String) -> [String]) {
    self.candidates = candidates
  }

  /// The candidates for the given text before the cursor.
  public func callAsFunction(_ lineBeforeCursor: String) -> [String] {
    candidates(lineBeforeCursor)
  }

  /// The word under the cursor, as the reader replaces it: the text after the last
  /// whitespace character before the cursor (empty after a space).
  public static func word(beforeCursorIn lineBeforeCursor: String) -> Substring {
    guard let lastSpace = lineBeforeCursor.lastIndex(where: \.isWhitespace) else {
      return lineBeforeCursor[...]
    }
    return lineBeforeCursor[lineBeforeCursor.index(after: lastSpace)...]
  }
}
