import AttuneCore
import Foundation
import Testing

/// The exact figures of `attune check`'s cue analysis agree with seeded scripted play through
/// the binary: a player who reads the screen and always types the number of the longest (or
/// shortest) option ends every seeded session with the headline the analysis computed.
@Suite struct CueAgreementTests {
  /// A scenario whose destinations are all fixed, so that a deterministic policy has one path.
  static let text = """
    {"format": 1, "id": "cue-fixture", "title": "T", "version": "1.0.0", "authors": ["a"],
     "brief": "b", "instructorNotes": "n", "difficulty": "beginner",
     "client": {"name": "C", "concern": "c", "background": "b",
                "attachment": {"anxiety": 5, "avoidance": 2}, "reactance": "moderate"},
     "alliance": {"bond": 50, "task": 50, "goal": 50},
     "turns": [
      {"id": "t0", "says": "Whatever. This is pointless.",
       "marker": {"type": "withdrawal", "subtype": "minimal-response", "salience": 3},
       "options": [
        {"id": "a", "text": "Pointless, and I may have a part in that. What has it been like?",
         "codes": ["invite-discussion", "acknowledge-contribution"], "alliance": {"bond": 6},
         "feedback": "f", "next": "t1"},
        {"id": "b", "text": "Let's get on.", "codes": ["ignore-marker"], "alliance": {"bond": -6},
         "feedback": "f", "next": "t1"},
        {"id": "c", "text": "It will help if you stick with it.", "codes": ["persuade"],
         "feedback": "f", "next": "t1"}]},
      {"id": "t1", "says": "Maybe.", "stage": "explored",
       "options": [
        {"id": "d", "text": "Say more?", "codes": ["open-question"], "alliance": {"bond": 4},
         "feedback": "f", "next": "t2"},
        {"id": "e", "text": "You are doing really well, honestly, I'm sure of it.",
         "codes": ["reassure"], "feedback": "f", "next": "end-partly"}]},
      {"id": "t2", "says": "Okay, let's try.", "stage": "collaboration-restored",
       "options": [
        {"id": "f", "text": "Together, then.", "codes": ["change-task-or-goal"],
         "feedback": "f", "next": "end-repaired"}]}],
     "endings": [
      {"id": "end-repaired", "title": "R", "outcome": "repaired", "debrief": "d"},
      {"id": "end-partly", "title": "P", "outcome": "partly-repaired", "debrief": "d"}]}
    """

  @Test(arguments: ["longest", "shortest"])
  func exactFiguresMatchPlayThroughTheBinary(_ policy: String) throws {
    let home = try AttuneBinary.makeHome()
    let file = home.appendingPathComponent("cue-fixture.json").path
    try Data(Self.text.utf8).write(to: URL(fileURLWithPath: file))
    let check = try AttuneBinary.run(["check", file, "--format", "json"], home: home)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
    let analyses = try #require(report["analyses"] as? [[String: Any]])
    let cues = try #require(
      (analyses.first?["analysis"] as? [String: Any])?["cues"] as? [String: Any])
    let figures = try #require(cues["figures"] as? [[String: Any]])
    let figure = try #require(figures.first { $0["policy"] as? String == policy })
    #expect(figure["exact"] as? Bool == true)
    let expected = try #require(figure["expected"] as? Double)

    let scenario = try #require(ScenarioLoader().load(Array(Self.text.utf8), file: file).scenario)
    for seed in UInt64(1)...4 {
      // What a player reading the screen types: the displayed number of the longest option.
      var session = Session(scenario: scenario, seed: seed)
      var typed: [String] = []
      while case .turn(let shown) = session.presentation {
        let lengths = shown.options.map { $0.option.text.count }
        let pick =
          policy == "longest"
          ? lengths.indices.max { lengths[$0] < lengths[$1] }!
          : lengths.indices.min { lengths[$0] < lengths[$1] }!
        typed.append(String(pick + 1))
        try session.choose(shown.options[pick].id)
      }
      let transcript = home.appendingPathComponent("\(policy)-\(seed).jsonl").path
      let process = Process()
      process.executableURL = AttuneBinary.url
      process.arguments = [
        "play", file, "--mode", "assessment", "--seed", String(seed), "--transcript", transcript,
      ]
      process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
      let input = Pipe()
      process.standardInput = input
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      input.fileHandleForWriting.write(Data((typed.joined(separator: "\n") + "\n").utf8))
      try input.fileHandleForWriting.close()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let end = try String(contentsOfFile: transcript, encoding: .utf8)
        .split(separator: "\n").last { $0.contains("\"event\":\"end\"") }
      let headline = try #require(
        end.flatMap { line in
          line.range(of: #""headline":[0-9]+"#, options: .regularExpression).map {
            Double(line[$0].dropFirst(11))!
          }
        })
      #expect(headline == expected, "seed \(seed): typed \(typed)")
    }
  }
}
