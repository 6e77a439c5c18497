import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// The HTML report: the session page holds the chart and the script, untrusted text comes out
/// inert, and the pages are self-contained.
@Suite struct HTMLReportTests {
  static let scriptAttack = "<script>alert(1)</script>"
  static let attributeAttack = "\"><img src=x onerror=alert(1)>"

  /// A repaired session with hostile notes, and a grading log with hostile comments.
  static func hostilePage() throws -> (page: String, report: SessionReport) {
    let played = try GradingFixtures.play(
      [
        .note(scriptAttack),
        .choose("open-explore", latency: 1_500),
        .note(attributeAttack),
        .choose("explore-own", latency: 2_500),
        .choose("restored-plan", latency: 3_000),
      ], trainee: "<b>t1</b>")
    let report = try played.report(file: "t1<script>.jsonl")
    #expect(report.verification == .verified, "\(report.findings)")
    let log = GradingFixtures.log([
      GradingFixtures.rating(scriptAttack, episode: 1, 4, comment: attributeAttack),
      .comment(
        GraderComment(grader: "ana", turn: 2, text: scriptAttack, at: "2026-11-25T09:00:00Z")),
      .comment(
        GraderComment(grader: attributeAttack, turn: nil, text: "fine", at: "2026-11-25T09:00:00Z")),
    ])
    #expect(log.problems.isEmpty)
    return (SessionPageHTML.page(report, log: log, index: "index.html"), report)
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test func theSessionPageHoldsTheChart() throws {
    let (page, report) = try Self.hostilePage()
    let score = try #require(report.score)
    #expect(Self.count("<svg", in: page) == 1)
    #expect(page.contains("</svg>"))
    for dimension in ["bond", "task", "goal"] {
      #expect(Self.count("<polyline class=\"\(dimension)\"", in: page) == 1, "\(dimension)")
    }
    #expect(!score.episodes.isEmpty)
    #expect(Self.count("<rect class=\"episode\"", in: page) == score.episodes.count)
    #expect(page.contains("Rupture episode 1:"))
  }

  @Test func theChartHasAPointPerTurnAndTheEnd() throws {
    let report = try GradingFixtures.repaired().report()
    let chart = AllianceChart(report: report)
    // Turns 1, 2, 3 and the end.
    #expect(chart.points.map(\.turn) == [1, 2, 3, 4])
    #expect(chart.points.first?.alliance == Alliance(bond: 50, task: 50, goal: 50))
    #expect(chart.points.last?.alliance == report.score?.finalAlliance)
    #expect(chart.episodes.count == report.score?.episodes.count)
    let svg = chart.svg()
    let polylines = try Regex("<polyline class=\"(bond|task|goal)\"[^>]* points=\"([^\"]*)\"")
    let matches = svg.matches(of: polylines)
    #expect(matches.count == 3)
    for match in matches {
      let points = try #require(match.output[2].substring).split(separator: " ")
      #expect(points.count == 4)
    }
    // 640 × 260 with margins 40, 16, 16, 40: turns 1-4 at x = 40 + (turn − 1) · 584/3, a
    // value v at y = 16 + (100 − v) · 204/100. Bond: 50, 55, 60, then 60 at the end.
    #expect(
      svg.contains(
        "<polyline class=\"bond\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\""
          + " points=\"40.0,118.0 234.7,107.8 429.3,97.6 624.0,97.6\"/>"))
    // Episode 1 spans turns 1-3: shaded from turn 0.5 (clamped to 1) to 3.5.
    #expect(
      svg.contains(
        "<rect class=\"episode\" x=\"40.0\" y=\"16.0\" width=\"486.7\" height=\"204.0\""))
    #expect(svg.contains("Rupture episode 1: turns 1-3, rating 5 of 5"))
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>"))
  }

  @Test func anUndoneTurnIsChartedOnce() throws {
    let played = try GradingFixtures.play([
      .choose("open-defend", latency: 1_000),
      .undo,
      .choose("open-explore", latency: 1_000),
      .choose("explore-own", latency: 1_000),
      .choose("restored-plan", latency: 1_000),
    ])
    let chart = AllianceChart(report: try played.report())
    #expect(chart.points.map(\.turn) == [1, 2, 3, 4])
    let page = SessionPageHTML.page(try played.report(), log: GradingLog(), index: nil)
    let shows = page.components(separatedBy: "<div class=\"turn").count - 1
    #expect(shows >= 5, "turn 2 is shown twice, after the undo; and the ending")
    #expect(page.components(separatedBy: "id=\"turn-2\"").count == 2, "one anchor per turn number")
  }

  @Test func theSessionPageHoldsTheScript() throws {
    let (page, _) = try Self.hostilePage()
    #expect(page.contains("I didn&#39;t do the exercise. It was pointless."))
    #expect(page.contains("Honestly? It felt like school, and I hated school."))
    #expect(page.contains("Pointless how? I&#39;d like to understand what it was like."))
    #expect(page.contains("Let&#39;s design it together; you choose how much."))
    #expect(page.contains("Inviting the client to say more opens the rupture to joint inquiry."))
    #expect(page.contains("Back on track"))
    #expect(page.contains("id=\"turn-1\""))
    #expect(page.contains("Alliance repair score 90 of 100"))
    #expect(page.contains("<span class=\"badge ok\">verified</span>"))
    // The order of the script follows the session.
    let says = try #require(page.range(of: "It was pointless."))
    let answer = try #require(page.range(of: "Pointless how?"))
    let ending = try #require(page.range(of: "Ending: Back on track"))
    #expect(says.lowerBound < answer.lowerBound && answer.lowerBound < ending.lowerBound)
  }

  @Test func untrustedTextComesOutInert() throws {
    let (page, _) = try Self.hostilePage()
    #expect(!page.contains(Self.scriptAttack))
    #expect(!page.contains(Self.attributeAttack))
    #expect(!page.contains("<script"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("<b>t1</b>"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
    #expect(page.contains("&lt;b&gt;t1&lt;/b&gt;"))
    // In the note, the grader's comment (an attribute), the grader's name and the file name.
    #expect(Self.count("&lt;script&gt;alert(1)&lt;/script&gt;", in: page) >= 3)
    #expect(Self.count("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", in: page) >= 3)
    #expect(page.contains("t1&lt;script&gt;.jsonl"))
  }

  @Test func thePageIsSelfContained() throws {
    let (page, _) = try Self.hostilePage()
    #expect(
      page.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
          + " 'unsafe-inline'; img-src data:\">"))
    let urls = page.matches(of: try Regex("[A-Za-z][A-Za-z0-9+.-]*://[^\"'\\s<>]*")).map {
      String(page[$0.range])
    }
    #expect(!urls.isEmpty)
    #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
    #expect(!page.contains("<link"))
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.hasSuffix("</html>\n"))
    #expect(page.contains("<a href=\"index.html\">"))
  }

  @Test func aPageWithoutAScoreHasNoChart() throws {
    var lines = try GradingFixtures.repaired().lines
    lines[4] = lines[4].replacingOccurrences(of: "explore-own", with: "explore-ask")
    let report = try GradingFixtures.report(lines)
    let page = SessionPageHTML.page(report, log: GradingLog(), index: nil)
    #expect(!page.contains("<svg"))
    #expect(page.contains("NOT verified"))
    #expect(page.contains("line 5: "))
    #expect(!page.contains("<a href"))
    // Without the scenario, the script shows the turn ids.
    let unchecked = SessionReport(
      file: "t1.jsonl", transcript: Transcript(bytes: try GradingFixtures.repaired().bytes),
      scenario: nil)
    let bare = SessionPageHTML.page(unchecked, log: GradingLog(), index: nil)
    #expect(bare.contains("scenario not found"))
    #expect(bare.contains("(turn open)"))
  }

  @Test func theCohortIndexEscapesAndTotals() throws {
    let report = try GradingFixtures.repaired(trainee: Self.scriptAttack).report()
    var cohort = CohortSummary()
    cohort.add(report)
    let html =
      CohortIndexHTML.head()
      + CohortIndexHTML.row(report, link: Self.attributeAttack)
      + CohortIndexHTML.foot(cohort: cohort, agreement: RatingAgreement())
    #expect(!html.contains(Self.scriptAttack))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("<td class=\"num\">90</td>"))
    #expect(html.contains("No grader has rated an episode yet."))
    #expect(html.contains("Content-Security-Policy"))
    #expect(html.hasSuffix("</html>\n"))
  }

  // MARK: Escaping

  @Test func escapesTheFiveSpecialCharacters() {
    #expect(HTMLText.escaped("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
    #expect(HTMLText.escaped("a & b") == "a &amp; b")
    #expect(HTMLText.escaped("&amp;") == "&amp;amp;")
    #expect(HTMLText.escaped("plain text, é → ü") == "plain text, é → ü")
    #expect(HTMLText.escaped("") == "")
  }

  @Test func replacesControlCharactersButKeepsWhitespace() {
    #expect(HTMLText.escaped("a\tb\nc\rd") == "a\tb\nc\rd")
    for scalar in [0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1B, 0x1F, 0x7F] {
      let text = "x" + String(Character(Unicode.Scalar(UInt8(scalar)))) + "y"
      #expect(HTMLText.escaped(text) == "x\u{FFFD}y", "U+\(String(scalar, radix: 16))")
    }
  }
}

/// Pages of sessions that hardly began.
@Suite struct ShortSessionPageTests {
  @Test(arguments: [
    [GradingFixtures.Action](),
    [.quit("quit")],
    [.note("first thoughts"), .quit("end of input")],
  ])
  func aSessionStoppedAtOnceHasAPage(_ actions: [GradingFixtures.Action]) throws {
    let played = try GradingFixtures.play(actions)
    let report = try played.report()
    #expect(report.verification == .verified, "\(report.findings)")
    #expect(!report.isComplete)
    let page = SessionPageHTML.page(report, log: GradingLog(), index: nil)
    #expect(page.hasSuffix("</html>\n"))
    #expect(page.contains("<span class=\"badge warn\">incomplete</span>"))
    let statements = XAPIExport(base: "https://x.example", passMark: 50).statements(for: report)
    #expect(statements.map(\.verb.id) == ["http://adlnet.gov/expapi/verbs/terminated"])
    #expect(statements.first?.result?.duration == "PT0S")
    let row = GradeSheet.row(report, log: GradingLog())
    #expect(row.count == GradeSheet.columns.count)
    var cohort = CohortSummary()
    cohort.add(report)
    #expect(cohort.scenarios["tiny-rupture"]?.verified == 1)
    #expect(cohort.scenarios["tiny-rupture"]?.scored == 0)
  }
}
