/// What one call to ``LineReader/readLine(prompt:)`` produced.
public enum LineInput: Equatable, Sendable {
  /// A line the user entered, without its trailing newline.
  case line(String)
  /// Ctrl-C: the line being typed is cancelled. Also returned, without reading, by the first
  /// `readLine` after a Ctrl-C that arrived while no line was being read.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case endOfInput
}

/// Reads lines typed by the trainee, one prompt at a time.
///
/// ``makeLineReader(programName:historyFile:completer:echoNonInteractiveInput:)`` picks the
/// implementation: ``EditLineReader`` at a terminal, ``PlainLineReader`` otherwise.
public protocol LineReader: AnyObject {
  /// Shows the prompt and reads one line.
  func readLine(prompt: String) -> LineInput
  /// Adds a line to the history (callers decide which lines belong there).
  func remember(_ line: String)
}

/// Returns an ``EditLineReader`` when standard input and output are both terminals, and a
/// ``PlainLineReader`` otherwise (pipes, files, CI).
///
/// - Parameters:
///   - programName: the name libedit uses to select lines of `~/.editrc`.
///   - historyFile: where the interactive history is kept (ignored for plain input).
///   - completer: Tab completion (ignored for plain input).
///   - echoNonInteractiveInput: when the plain reader is chosen, print every line read after
///     its prompt, so that the output reads like a terminal session.
public func makeLineReader(
  programName: String,
  historyFile: String?,
  completer: LineCompleter?,
  echoNonInteractiveInput: Bool = false
) -> LineReader {
  if Terminal.isInteractive() {
    return EditLineReader(programName: programName, historyFile: historyFile, completer: completer)
  }
  return PlainLineReader(echoInput: echoNonInteractiveInput)
}
