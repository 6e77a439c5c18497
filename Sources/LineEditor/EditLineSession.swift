import CLibEdit
import Glibc

/// The Swift state libedit's C callbacks reach through EL_CLIENTDATA: the prompt and the
/// completion. Callbacks must stay trivial and never trap (the terminal would stay raw).
final class EditLineSession {
  private let completer: LineCompleter?
  private let outputFile: UnsafeMutablePointer<FILE>
  private let outputDescriptor: Int32
  /// The NUL-terminated wide prompt handed to libedit.
  private(set) var prompt: UnsafeMutablePointer<wchar_t>
  /// The line and cursor left by the last Tab that did not complete the word for good: a
  /// Tab on the same line and cursor then lists the candidates.
  private var ambiguousTab: (line: [wchar_t], cursor: Int)?

  init(completer: LineCompleter?, outputFile: UnsafeMutablePointer<FILE>, outputDescriptor: Int32) {
    self.completer = completer
    self.outputFile = outputFile
    self.outputDescriptor = outputDescriptor
    prompt = .allocate(capacity: 1)
    prompt.initialize(to: 0)
  }

  deinit {
    prompt.deallocate()
  }

  /// Installs the prompt for the next `el_wgets` and forgets the previous line's Tabs.
  func prepareForLine(prompt text: String) {
    let wide = WideText.prompt(text)
    let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: wide.count)
    buffer.initialize(from: wide, count: wide.count)
    prompt.deallocate()
    prompt = buffer
    ambiguousTab = nil
  }

  /// Writes through libedit's output stream, so that the order with its own output is kept.
  func write(_ text: String) {
    fputs(text, outputFile)
    fflush(outputFile)
  }

  /// The EL_ADDFN function bound to Tab; returns a libedit CC_ code.
  func complete(_ editLine: OpaquePointer) -> UInt8 {
    guard let completer, let info = el_wline(editLine)?.pointee else {
      return UInt8(CC_ERROR)
    }
    let cursor = info.cursor - info.buffer
    let line = Array(UnsafeBufferPointer(start: info.buffer, count: info.lastchar - info.buffer))
    let before = WideText.string(info.buffer, count: cursor)
    let word = LineCompleter.word(beforeCursorIn: before)
    let isRepeated = ambiguousTab.map { $0.line == line && $0.cursor == cursor } ?? false
    let action = CompletionPlanner.plan(
      word: word, candidates: completer(before), isRepeatedTab: isRepeated)
    switch action {
    case .beep:
      ambiguousTab = (line, cursor)
      return UInt8(CC_REFRESH_BEEP)
    case .replaceWord(let text, let isFinal):
      el_deletestr(editLine, Int32(clamping: word.unicodeScalars.count))
      let wide = WideText.nulTerminated(text)
      _ = el_winsertstr(editLine, wide)
      ambiguousTab = nil
      if !isFinal, let after = el_wline(editLine)?.pointee {
        ambiguousTab = (
          Array(UnsafeBufferPointer(start: after.buffer, count: after.lastchar - after.buffer)),
          after.cursor - after.buffer
        )
      }
      return UInt8(CC_REFRESH)
    case .list(let candidates):
      let width = Terminal.width(of: outputDescriptor) ?? 80
      write("\n" + CompletionPlanner.columns(candidates, width: width))
      ambiguousTab = (line, cursor)
      return UInt8(CC_REDISPLAY)
    }
  }
}
