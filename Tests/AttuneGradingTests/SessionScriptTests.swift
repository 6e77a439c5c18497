import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// The session told as a script: entries in order, words from the scenario, alliance changes
/// and undos.
@Suite struct SessionScriptTests {
  /// What each entry is, in a word.
  static func kinds(_ script: SessionScript) -> [String] {
    script.entries.map { entry in
      switch entry.content {
      case .clientTurn: "turn"
      case .response: "response"
      case .undo: "undo"
      case .note: "note"
      case .hint: "hint"
      case .markerGuess: "guess"
      case .ending: "ending"
      case .stopped: "stopped"
      }
    }
  }

  @Test func entriesFollowTheTranscriptInOrder() throws {
    let played = try GradingFixtures.play([
      .hint("Ask about it."),
      .choose("open-explore", latency: 1_000),
      .note("they seem curious"),
      .choose("explore-own", latency: 1_000),
      .choose("restored-plan", latency: 1_000),
    ])
    let script = SessionScript(transcript: Transcript(bytes: played.bytes), scenario: nil)
    #expect(
      Self.kinds(script) == [
        "turn", "hint", "response", "turn", "note", "response", "turn", "response", "ending",
      ])
    // Line numbers: the header is line 1.
    #expect(script.entries.map(\.line) == Array(2...10))
    #expect(script.entries.map(\.turnNumber) == [1, 1, 1, 2, 2, 2, 3, 3, 3])
    #expect(script.turnNumbers == [1, 2, 3])
    #expect(script.index(ofTurn: 2) == 3)
    #expect(script.index(ofTurn: 9) == nil)
  }

  @Test func wordsComeFromTheScenarioInTheVariantShown() throws {
    let scenario = try GradingFixtures.scenario()
    // With bond 55 after open-explore, "explore" shows its variant.
    let variant = SessionScript(
      transcript: Transcript(bytes: try GradingFixtures.repaired().bytes), scenario: scenario)
    guard case .clientTurn(let first, let firstWords?) = variant.entries[0].content else {
      Issue.record("expected the first client turn with words")
      return
    }
    #expect(first.turn == "open")
    #expect(firstWords.says == "I didn't do the exercise. It was pointless.")
    #expect(firstWords.cues == ["arms folded"])
    #expect(firstWords.thoughts == "Here comes the lecture.")
    #expect(firstWords.marker?.type == .confrontation)
    #expect(firstWords.options["open-defend"] == "The exercise is well researched, actually.")
    #expect(firstWords.options.count == 4)
    guard case .clientTurn(let second, let secondWords?) = variant.entries[2].content else {
      Issue.record("expected the second client turn with words")
      return
    }
    #expect(second.variant == 0)
    #expect(secondWords.says == "Honestly? It felt like school, and I hated school.")
    #expect(secondWords.stage == .explored)
    #expect(secondWords.marker == nil)

    // With bond 52 after open-reflect, the default wording.
    let plain = SessionScript(
      transcript: Transcript(
        bytes: try GradingFixtures.play([.choose("open-reflect", latency: 1_000), .quit("quit")])
          .bytes),
      scenario: scenario)
    guard case .clientTurn(let shown, let words?) = plain.entries[2].content else {
      Issue.record("expected the second client turn with words")
      return
    }
    #expect(shown.variant == nil)
    #expect(words.says == "I guess it felt like homework from school.")
  }

  @Test func responsesCarryTheirWordsAndAllianceChange() throws {
    let played = try GradingFixtures.repaired()
    let script = SessionScript(
      transcript: Transcript(bytes: played.bytes), scenario: try GradingFixtures.scenario())
    let responses = script.entries.compactMap { entry -> (ChoiceMade, ResponseWords)? in
      if case .response(let choice, let words) = entry.content { return (choice, words) }
      return nil
    }
    #expect(responses.map(\.0.option) == ["open-explore", "explore-own", "restored-plan"])
    #expect(responses[0].1.text == "Pointless how? I'd like to understand what it was like.")
    #expect(
      responses[0].1.feedback
        == "Inviting the client to say more opens the rupture to joint inquiry.")
    // open-explore: bond +5, task +2 from 50/50/50 (the transcript says 55/52/50).
    #expect(responses[0].1.change == AllianceChange(bond: 5, task: 2, goal: 0))
    // Each change is the alliance after the answer less the alliance when the turn was shown.
    var shown: Alliance?
    for entry in script.entries {
      switch entry.content {
      case .clientTurn(let turn, _): shown = turn.alliance
      case .response(let choice, let words):
        #expect(words.change == choice.alliance.difference(from: try #require(shown)))
      default: break
      }
    }
    guard case .ending(let end, let ending?) = script.entries.last?.content else {
      Issue.record("expected the ending last")
      return
    }
    #expect(end.ending == "end-repaired")
    #expect(ending.title == "Back on track")
  }

  @Test func anUndoRestoresTheAllianceForTheNextChange() throws {
    let played = try GradingFixtures.play([
      .choose("open-defend", latency: 1_000),
      .undo,
      .choose("open-explore", latency: 1_000),
    ])
    let script = SessionScript(
      transcript: Transcript(bytes: played.bytes), scenario: try GradingFixtures.scenario())
    #expect(Self.kinds(script) == ["turn", "response", "undo", "turn", "response"])
    // A turn number repeats after an undo.
    #expect(script.turnNumbers == [1, 1])
    #expect(script.index(ofTurn: 1) == 0)
    guard case .response(_, let defended) = script.entries[1].content,
      case .undo(let undo) = script.entries[2].content,
      case .response(_, let explored) = script.entries[4].content
    else {
      Issue.record("unexpected entries \(Self.kinds(script))")
      return
    }
    #expect(defended.change == AllianceChange(bond: -12, task: -4, goal: 0))
    #expect(undo.option == "open-defend")
    #expect(undo.alliance == Alliance(bond: 50, task: 50, goal: 50))
    #expect(explored.change == AllianceChange(bond: 5, task: 2, goal: 0))
  }

  @Test func theChangeFollowsTheUndoWithoutARepeatedTurn() throws {
    // A transcript where the turn is not shown again after the undo: the change is measured
    // from the alliance the undo restored.
    let played = try GradingFixtures.play([
      .choose("open-defend", latency: 1_000),
      .undo,
      .choose("open-explore", latency: 1_000),
    ])
    var lines = played.lines
    // Drop the repeated turn (line 5) and renumber nothing: the script does not verify.
    lines.remove(at: 4)
    let script = SessionScript(
      transcript: Transcript(bytes: GradingFixtures.bytes(lines)), scenario: nil)
    guard case .response(_, let explored) = script.entries[3].content else {
      Issue.record("unexpected entries \(Self.kinds(script))")
      return
    }
    #expect(explored.change == AllianceChange(bond: 5, task: 2, goal: 0))
  }

  @Test func withoutAScenarioThereAreNoWords() throws {
    let played = try GradingFixtures.play([
      .choose("open-explore", latency: 1_000),
      .note("a note"),
      .quit("end of input"),
    ])
    let script = SessionScript(transcript: Transcript(bytes: played.bytes), scenario: nil)
    #expect(Self.kinds(script) == ["turn", "response", "turn", "note", "stopped"])
    guard case .clientTurn(let shown, let words) = script.entries[0].content,
      case .response(let choice, let response) = script.entries[1].content,
      case .note(let note) = script.entries[3].content,
      case .stopped(let quit) = script.entries[4].content
    else {
      Issue.record("unexpected entries")
      return
    }
    #expect(shown.turn == "open")
    #expect(words == nil)
    #expect(choice.option == "open-explore")
    #expect(response.text == nil)
    #expect(response.feedback == nil)
    // The change needs only the transcript.
    #expect(response.change == AllianceChange(bond: 5, task: 2, goal: 0))
    #expect(note.text == "a note")
    #expect(quit.reason == "end of input")

    let ended = SessionScript(
      transcript: Transcript(bytes: try GradingFixtures.repaired().bytes), scenario: nil)
    guard case .ending(let end, let ending) = ended.entries.last?.content else {
      Issue.record("expected the ending last")
      return
    }
    #expect(end.ending == "end-repaired")
    #expect(ending == nil)
  }
}
