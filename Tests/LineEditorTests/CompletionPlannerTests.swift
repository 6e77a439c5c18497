import Testing

@testable import LineEditor

struct CompletionPlannerTests {
  @Test func uniqueCandidateReplacesTheWordAndAddsASpace() {
    #expect(
      CompletionPlanner.plan(word: "/hi", candidates: ["/hint"], isRepeatedTab: false)
        == .replaceWord(with: "/hint ", isFinal: true))
    // Duplicates count once.
    #expect(
      CompletionPlanner.plan(word: "em", candidates: ["empathy", "empathy"], isRepeatedTab: false)
        == .replaceWord(with: "empathy ", isFinal: true))
  }

  @Test func ambiguousCandidatesInsertTheirLongestCommonPrefix() {
    #expect(
      CompletionPlanner.plan(
        word: "re", candidates: ["reflect", "reframe", "reflection"], isRepeatedTab: false)
        == .replaceWord(with: "ref", isFinal: false))
  }

  @Test func ambiguousWithoutLongerPrefixBeepsThenLists() {
    let candidates = ["/hint", "/help", "/hint"]
    #expect(
      CompletionPlanner.plan(word: "/h", candidates: candidates, isRepeatedTab: false) == .beep)
    #expect(
      CompletionPlanner.plan(word: "/h", candidates: candidates, isRepeatedTab: true)
        == .list(["/hint", "/help"]))
  }

  @Test func noCandidatesBeep() {
    #expect(CompletionPlanner.plan(word: "zz", candidates: [], isRepeatedTab: false) == .beep)
    #expect(CompletionPlanner.plan(word: "zz", candidates: [""], isRepeatedTab: true) == .beep)
  }

  @Test func nonASCIIPrefixesAreWholeCharacters() {
    #expect(
      CompletionPlanner.plan(word: "é", candidates: ["émotion", "émoi"], isRepeatedTab: false)
        == .replaceWord(with: "émo", isFinal: false))
    // "e" + combining acute is one Character: a prefix never splits it.
    #expect(CompletionPlanner.longestCommonPrefix(["ae\u{301}x", "aey"]) == "a")
    #expect(CompletionPlanner.longestCommonPrefix(["日本語", "日本"]) == "日本")
    #expect(CompletionPlanner.longestCommonPrefix([]) == "")
  }

  @Test func candidatesNotExtendingTheWordNeverShortenIt() {
    // A case-insensitive completer may propose words the typed word is not a prefix of.
    #expect(
      CompletionPlanner.plan(word: "Emp", candidates: ["empathy", "empower"], isRepeatedTab: false)
        == .beep)
    #expect(
      CompletionPlanner.plan(word: "Emp", candidates: ["empathy"], isRepeatedTab: false)
        == .replaceWord(with: "empathy ", isFinal: true))
  }

  @Test func wordBeforeCursorIsTheTextAfterTheLastSpace() {
    #expect(LineCompleter.word(beforeCursorIn: "say /hi") == "/hi")
    #expect(LineCompleter.word(beforeCursorIn: "/hi") == "/hi")
    #expect(LineCompleter.word(beforeCursorIn: "say ") == "")
    #expect(LineCompleter.word(beforeCursorIn: "") == "")
    #expect(LineCompleter.word(beforeCursorIn: "je\tsuis ému") == "ému")
  }

  @Test func columnsFillTheWidthColumnByColumn() {
    let items = ["alpha", "beta", "gamma", "delta", "epsilon"]
    // Cells of 7 + 2 = 9 columns; a width of 30 holds 3 columns, so 2 rows.
    #expect(
      CompletionPlanner.columns(items, width: 30)
        == "alpha    gamma    epsilon\nbeta     delta\n")
    #expect(CompletionPlanner.columns(items, width: 5) == items.map { $0 + "\n" }.joined())
    #expect(CompletionPlanner.columns(["émotion", "émoi"], width: 80) == "émotion  émoi\n")
    #expect(CompletionPlanner.columns([], width: 80) == "")
  }
}
