import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// xAPI statements: which are made, and that they obey the rules of xAPI 1.0.3 an LRS checks.
@Suite struct XAPIExportTests {
  static let export = XAPIExport(base: "https://lms.example.edu/attune/", passMark: 70)

  static let adlVerbs: Set<String> = [
    "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed",
    "http://adlnet.gov/expapi/verbs/terminated",
  ]

  /// A UUID in 8-4-4-4-12 lower-case hex, version 8, RFC variant.
  static var uuidPattern: Regex<AnyRegexOutput> {
    try! Regex("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
  }

  /// An ISO 8601 duration as xAPI uses it, to a hundredth of a second.
  static var durationPattern: Regex<AnyRegexOutput> {
    try! Regex("^PT([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]{1,2})?S)$")
  }

  static func verbs(_ statements: [XAPIStatement]) -> [String] {
    statements.map {
      $0.verb.id.replacingOccurrences(of: "http://adlnet.gov/expapi/verbs/", with: "")
    }
  }

  /// Checks what every statement must obey.
  static func expectValid(
    _ statements: [XAPIStatement], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for statement in statements {
      #expect(statement.id.wholeMatch(of: uuidPattern) != nil, sourceLocation: sourceLocation)
      #expect(
        statement.context.registration.wholeMatch(of: uuidPattern) != nil,
        sourceLocation: sourceLocation)
      #expect(adlVerbs.contains(statement.verb.id), sourceLocation: sourceLocation)
      #expect(
        statement.verb.display["en-US"]
          == statement.verb.id.split(separator: "/").last.map(String.init),
        sourceLocation: sourceLocation)
      #expect(
        statement.object.id.hasPrefix("https://lms.example.edu/attune/scenarios/"),
        sourceLocation: sourceLocation)
      #expect(!statement.object.id.contains("//scenarios"), sourceLocation: sourceLocation)
      if let duration = statement.result?.duration {
        #expect(duration.wholeMatch(of: durationPattern) != nil, sourceLocation: sourceLocation)
      }
      if let score = statement.result?.score {
        #expect((-1...1).contains(score.scaled), sourceLocation: sourceLocation)
        #expect(score.min <= score.raw && score.raw <= score.max, sourceLocation: sourceLocation)
        #expect(score.scaled == score.raw / 100, sourceLocation: sourceLocation)
      }
      #expect(
        Timestamp.date(fromISO8601: statement.timestamp) != nil, sourceLocation: sourceLocation)
      #expect(statement.context.registration == statements[0].context.registration)
    }
    #expect(Set(statements.map(\.id)).count == statements.count, sourceLocation: sourceLocation)
  }

  @Test func aCompletedSessionIsAnsweredCompletedAndPassed() throws {
    let played = try GradingFixtures.repaired()
    let report = try played.report()
    let statements = Self.export.statements(for: report)
    Self.expectValid(statements)
    #expect(Self.verbs(statements) == ["answered", "answered", "answered", "completed", "passed"])
    let answered = statements.prefix(3)
    #expect(
      answered.map { $0.result?.response } == ["open-explore", "explore-own", "restored-plan"])
    #expect(
      answered.map(\.object.id) == [
        "https://lms.example.edu/attune/scenarios/tiny-rupture/turns/open",
        "https://lms.example.edu/attune/scenarios/tiny-rupture/turns/explore",
        "https://lms.example.edu/attune/scenarios/tiny-rupture/turns/restored",
      ])
    #expect(answered.map { $0.result?.duration } == ["PT1.50S", "PT2.50S", "PT3S"])
    // Timestamps: the start plus the time spent answering so far (1.5 s, 4 s, 7 s), to the second.
    #expect(
      statements.map(\.timestamp) == [
        "2026-11-24T10:00:01Z", "2026-11-24T10:00:04Z", "2026-11-24T10:00:07Z",
        "2026-11-24T10:00:07Z", "2026-11-24T10:00:07Z",
      ])
    let first = try #require(answered.first)
    let definition = try #require(first.object.definition)
    #expect(definition.interactionType == "choice")
    #expect(definition.type == "http://adlnet.gov/expapi/activities/cmi.interaction")
    #expect(definition.description?["en-US"] == "I didn't do the exercise. It was pointless.")
    // The choices in the order displayed (drawn from the seed), as the transcript records it.
    #expect(
      Set(definition.choices?.map(\.id) ?? [])
        == ["open-explore", "open-reflect", "open-defend", "open-info"])
    #expect(
      definition.choices?.first { $0.id == "open-explore" }?.description["en-US"]
        == "Pointless how? I'd like to understand what it was like.")
    // The choices offered on "explore": explore-rationale is available once owned.
    #expect(
      Set(answered.dropFirst().first?.object.definition?.choices?.map(\.id) ?? [])
        == ["explore-ask", "explore-own", "explore-rationale"])
    #expect(
      first.result?.extensions?["https://lms.example.edu/attune/extensions/codes"]
        == .strings(["invite-discussion", "open-question"]))

    let completed = statements[3]
    let result = try #require(completed.result)
    #expect(result.completion == true)
    #expect(result.success == true)
    #expect(result.score == XAPIStatement.Score(scaled: 0.9, raw: 90, min: 0, max: 100))
    #expect(result.duration == "PT7S")
    #expect(completed.object.id == "https://lms.example.edu/attune/scenarios/tiny-rupture")
    #expect(completed.object.definition?.name["en-US"] == "A tiny rupture (test fixture)")
    #expect(statements[4].result == result)
    #expect(completed.actor.account.name == "t1")
    #expect(completed.actor.account.homePage == "https://lms.example.edu/attune")
    #expect(completed.context.revision == "1.0.0")
  }

  @Test func successFollowsThePassMark() throws {
    let report = try GradingFixtures.repaired().report()
    for (mark, passed) in [(90, true), (91, false), (0, true), (100, false)] {
      let statements = XAPIExport(base: "https://x.example", passMark: mark).statements(for: report)
      #expect(Self.verbs(statements).last == (passed ? "passed" : "failed"), "pass mark \(mark)")
      #expect(statements.suffix(2).allSatisfy { $0.result?.success == passed })
      #expect(statements.suffix(2).allSatisfy { $0.result?.completion == true })
    }
    let dropout = try GradingFixtures.dropout().report()
    let headline = try #require(dropout.score?.headline)
    let statements = XAPIExport(base: "https://x.example", passMark: headline + 1)
      .statements(for: dropout)
    #expect(Self.verbs(statements) == ["answered", "answered", "completed", "failed"])
    let score = try #require(statements.last?.result?.score)
    #expect(score.raw == Double(headline))
    #expect(score.scaled == Double(headline) / 100)
    #expect(
      statements.last?.result?.extensions?["https://x.example/extensions/outcome"]
        == .string("dropout"))
  }

  @Test func undoneChoicesAreNotAnswered() throws {
    let played = try GradingFixtures.play([
      .choose("open-defend", latency: 800),
      .undo,
      .choose("open-explore", latency: 1_200),
      .choose("explore-own", latency: 1_000),
      .choose("restored-plan", latency: 1_000),
    ])
    let statements = Self.export.statements(for: try played.report())
    Self.expectValid(statements)
    #expect(Self.verbs(statements) == ["answered", "answered", "answered", "completed", "passed"])
    #expect(
      statements.prefix(3).map { $0.result?.response } == [
        "open-explore", "explore-own", "restored-plan",
      ])
    // The session's duration, and the time of each later answer, include the time spent on
    // the undone answer: answers at 2 s, 3 s and 4 s.
    #expect(statements.last?.result?.duration == "PT4S")
    #expect(
      statements.map(\.timestamp) == [
        "2026-11-24T10:00:02Z", "2026-11-24T10:00:03Z", "2026-11-24T10:00:04Z",
        "2026-11-24T10:00:04Z", "2026-11-24T10:00:04Z",
      ])
  }

  @Test func anIncompleteSessionIsTerminated() throws {
    let statements = Self.export.statements(for: try GradingFixtures.quit().report())
    Self.expectValid(statements)
    #expect(Self.verbs(statements) == ["answered", "terminated"])
    let terminated = try #require(statements.last)
    #expect(terminated.result?.completion == false)
    #expect(terminated.result?.score == nil)
    #expect(terminated.result?.success == nil)
    #expect(terminated.result?.duration == "PT2S")
    #expect(terminated.object.id == "https://lms.example.edu/attune/scenarios/tiny-rupture")
  }

  @Test func unverifiedSessionsHaveNoStatements() throws {
    var lines = try GradingFixtures.repaired().lines
    lines[7] = lines[7].replacingOccurrences(of: "\"headline\":90", with: "\"headline\":99")
    #expect(Self.export.statements(for: try GradingFixtures.report(lines)).isEmpty)
    let unchecked = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: try GradingFixtures.repaired().bytes),
      scenario: nil)
    #expect(Self.export.statements(for: unchecked).isEmpty)
    let unreadable = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: Array("x\n".utf8)), scenario: nil)
    #expect(Self.export.statements(for: unreadable).isEmpty)
  }

  @Test func idsAreStableAndDistinctPerSession() throws {
    let played = try GradingFixtures.repaired()
    let once = Self.export.statements(for: try played.report())
    let twice = Self.export.statements(for: try played.report(file: "renamed.jsonl"))
    #expect(once.map(\.id) == twice.map(\.id))
    #expect(once == twice)
    let other = Self.export.statements(
      for: try GradingFixtures.repaired(startedAt: "2026-11-24T11:00:00Z").report())
    #expect(other.first?.context.registration != once.first?.context.registration)
    #expect(Set(other.map(\.id)).isDisjoint(with: once.map(\.id)))
  }

  @Test func uuidsAreVersion8WithTheRFCVariant() {
    for name in ["", "a", "registration x", String(repeating: "z", count: 1_000), "é"] {
      let uuid = XAPIExport.uuid(name)
      #expect(uuid.wholeMatch(of: Self.uuidPattern) != nil, "\(uuid)")
      #expect(XAPIExport.uuid(name) == uuid)
    }
    #expect(XAPIExport.uuid("a") != XAPIExport.uuid("b"))
    // The SHA-256 of "abc" is ba7816bf 8f01 cfea 4141 40de5dae2223: the version nibble
    // replaces "c" and the variant bits turn "4" into "8".
    #expect(XAPIExport.uuid("abc") == "ba7816bf-8f01-8fea-8141-40de5dae2223")
  }

  @Test(arguments: [
    (0, "PT0S"),
    (4, "PT0S"),
    (5, "PT0.01S"),
    (999, "PT1S"),
    (1_234, "PT1.23S"),
    (1_500, "PT1.50S"),
    (60_000, "PT1M0S"),
    (61_005, "PT1M1.01S"),
    (3_600_000, "PT1H0S"),
    (3_661_010, "PT1H1M1.01S"),
    (90_061_000, "PT25H1M1S"),
    (-20, "PT0S"),
  ])
  func durations(_ milliseconds: Int, _ text: String) {
    #expect(XAPIExport.duration(milliseconds: milliseconds) == text)
    #expect(text.wholeMatch(of: Self.durationPattern) != nil)
  }

  @Test func everyDurationObeysTheGrammarAndReadsBack() throws {
    var milliseconds = 0
    while milliseconds < 10_000_000 {
      let text = XAPIExport.duration(milliseconds: milliseconds)
      let match = try #require(text.wholeMatch(of: Self.durationPattern), "\(text)")
      func number(_ part: Substring?, dropping suffix: Int) -> Double {
        part.map { Double($0.dropLast(suffix))! } ?? 0
      }
      let seconds =
        number(match.output[1].substring, dropping: 1) * 3_600
        + number(match.output[2].substring, dropping: 1) * 60
        + number(match.output[3].substring, dropping: 1)
      #expect(abs(seconds - Double(milliseconds) / 1_000) <= 0.005 + 1e-9, "\(text)")
      milliseconds = milliseconds * 3 / 2 + 7
    }
  }

  @Test func theBaseIsTrimmedAndTheHomePageDefaultsToIt() throws {
    let trimmed = XAPIExport(base: "https://x.example/a/", passMark: 50)
    #expect(trimmed.base == "https://x.example/a")
    #expect(trimmed.homePage == "https://x.example/a")
    let kept = XAPIExport(
      base: "https://x.example/a", homePage: "https://sis.example", passMark: 50)
    #expect(kept.base == "https://x.example/a")
    let statements = kept.statements(for: try GradingFixtures.repaired().report())
    #expect(statements.allSatisfy { $0.actor.account.homePage == "https://sis.example" })
    #expect(statements.allSatisfy { $0.object.id.hasPrefix("https://x.example/a/scenarios/") })
    #expect(
      statements.allSatisfy {
        $0.context.contextActivities.category?.first?.id
          == "https://x.example/a/scoring-models/"
          + ScoringModel.version.replacingOccurrences(of: "/", with: "%2F")
      })
  }

  @Test func segmentsArePercentEncoded() {
    #expect(XAPIExport.segment("tiny-rupture_1.0~x") == "tiny-rupture_1.0~x")
    #expect(XAPIExport.segment("a b/c?d#e") == "a%20b%2Fc%3Fd%23e")
  }

  @Test func encodesTheFieldsAnLRSExpects() throws {
    let statements = Self.export.statements(for: try GradingFixtures.repaired().report())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(statements)
    let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(array.count == 5)
    for object in array {
      #expect(
        Set(object.keys).isSubset(of: [
          "id", "actor", "verb", "object", "result", "context", "timestamp",
        ]))
      let actor = try #require(object["actor"] as? [String: Any])
      #expect(actor["objectType"] as? String == "Agent")
      #expect(actor["name"] as? String == "t1")
      let account = try #require(actor["account"] as? [String: Any])
      #expect(account["homePage"] as? String == "https://lms.example.edu/attune")
      #expect(account["name"] as? String == "t1")
      // An agent is identified by exactly one inverse functional identifier.
      #expect(actor["mbox"] == nil && actor["openid"] == nil && actor["mbox_sha1sum"] == nil)
      let verb = try #require(object["verb"] as? [String: Any])
      #expect(Self.adlVerbs.contains(try #require(verb["id"] as? String)))
      #expect((verb["display"] as? [String: String])?["en-US"] != nil)
      let activity = try #require(object["object"] as? [String: Any])
      #expect(activity["objectType"] as? String == "Activity")
      let context = try #require(object["context"] as? [String: Any])
      #expect(context["platform"] as? String == "Attune")
      #expect(context["revision"] as? String == "1.0.0")
      let registration = try #require(context["registration"] as? String)
      #expect(registration.wholeMatch(of: Self.uuidPattern) != nil)
      let activities = try #require(context["contextActivities"] as? [String: Any])
      let parent = try #require(activities["parent"] as? [[String: Any]])
      #expect(
        parent.first?["id"] as? String == "https://lms.example.edu/attune/scenarios/tiny-rupture")
      let extensions = try #require(context["extensions"] as? [String: Any])
      #expect(extensions["https://lms.example.edu/attune/extensions/seed"] as? String == "7")
      #expect(extensions.keys.allSatisfy { $0.hasPrefix("https://") })
    }
    let answered = array[0]
    let definition = try #require(
      (answered["object"] as? [String: Any])?["definition"] as? [String: Any])
    #expect(definition["interactionType"] as? String == "choice")
    #expect(definition["type"] as? String == "http://adlnet.gov/expapi/activities/cmi.interaction")
    let choices = try #require(definition["choices"] as? [[String: Any]])
    #expect(choices.contains { $0["id"] as? String == "open-explore" })
    #expect((choices.first?["description"] as? [String: String])?["en-US"] != nil)
    let answeredResult = try #require(answered["result"] as? [String: Any])
    #expect(answeredResult["response"] as? String == "open-explore")
    #expect(answeredResult["duration"] as? String == "PT1.50S")
    #expect(answeredResult["score"] == nil, "nil fields are left out, not null")
    #expect(answeredResult["success"] == nil)
    let completed = try #require(array[3]["result"] as? [String: Any])
    let score = try #require(completed["score"] as? [String: Any])
    #expect(score["scaled"] as? Double == 0.9)
    #expect(score["raw"] as? Double == 90)
    #expect(score["min"] as? Double == 0)
    #expect(score["max"] as? Double == 100)
    #expect(completed["success"] as? Bool == true)
    #expect(completed["completion"] as? Bool == true)
    let completedObject = try #require(array[3]["object"] as? [String: Any])
    #expect(
      ((completedObject["definition"] as? [String: Any])?["type"] as? String)
        == "http://adlnet.gov/expapi/activities/simulation")
  }
}
