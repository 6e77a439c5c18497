import Glibc
import Testing

@testable import LineEditor

struct WideTextTests {
  private func text(_ wide: [wchar_t]) -> String {
    wide.withUnsafeBufferPointer { WideText.string($0.baseAddress!, count: wide.count - 1) }
  }

  @Test func roundTripsNonASCIIText() {
    let wide = WideText.nulTerminated("turn 3 · practice › 日本 🙂")
    #expect(wide.last == 0)
    #expect(wide.count == "turn 3 · practice › 日本 🙂".unicodeScalars.count + 1)
    #expect(text(wide) == "turn 3 · practice › 日本 🙂")
  }

  @Test func invalidWideCharactersBecomeReplacementCharacters() {
    let wide: [wchar_t] = [0x61, 0xD800, 0x110000, 0x62, 0]
    #expect(text(wide) == "a\u{FFFD}\u{FFFD}b")
  }

  @Test func promptEscapeSequencesAreMarkedInvisible() {
    let marker = Character(Unicode.Scalar(UInt32(WideText.invisibleMarker))!)
    let prompt = text(WideText.prompt("\u{1B}[1;32mturn 1\u{1B}[0m › "))
    #expect(prompt == "\(marker)\u{1B}[1;32m\(marker)turn 1\(marker)\u{1B}[0m\(marker) › ")
    #expect(text(WideText.prompt("plain · prompt")) == "plain · prompt")
    // Markers or NULs in the prompt itself are dropped.
    #expect(text(WideText.prompt("a\u{1}b\u{0}c")) == "abc")
    // An OSC sequence (window title) is invisible up to its BEL.
    #expect(
      text(WideText.prompt("\u{1B}]0;title\u{7}> "))
        == "\(marker)\u{1B}]0;title\u{7}\(marker)> ")
  }
}
