/// The index page of a cohort's HTML report, written in three parts so that it streams: the
/// head, one table row per transcript, and the totals at the foot.
public enum CohortIndexHTML {
  /// The head of the index, up to the open table of sessions.
  public static func head() -> String {
    HTMLPage.head(title: "Attune: grades")
      + "<h1>Grades</h1>\n<h2>Sessions</h2>\n<table>\n<tr><th>Trainee</th><th>Scenario</th>"
      + "<th>Mode</th><th>Completed</th><th>Verified</th><th class=\"num\">Score</th>"
      + "<th class=\"num\">Resolved</th><th>Transcript</th></tr>\n"
  }

  /// The row of `report`, linking to its page at the relative path `link`.
  public static func row(_ report: SessionReport, link: String) -> String {
    let header = report.header
    let score = report.score
    let verified =
      report.verification.isVerified
      ? "<span class=\"badge ok\">yes</span>"
      : "<span class=\"badge bad\">\(HTMLText.escaped(report.verification.rawValue))</span>"
    return "<tr><td>\(HTMLText.escaped(header?.trainee ?? "?"))</td>"
      + "<td>\(HTMLText.escaped(header?.scenario.id ?? "?"))</td>"
      + "<td>\(HTMLText.escaped(header?.mode.rawValue ?? "?"))</td>"
      + "<td>\(report.isComplete ? "yes" : "no")</td><td>\(verified)</td>"
      + "<td class=\"num\">\(score.map { String($0.headline) } ?? "-")</td>"
      + "<td class=\"num\">\(score.map { "\($0.rupturesResolved)/\($0.episodes.count)" } ?? "-")</td>"
      + "<td><a href=\"\(HTMLText.escaped(link))\">\(HTMLText.escaped(report.file))</a></td></tr>\n"
  }

  /// The foot: the totals of each scenario and the agreement of ratings, then the page's end.
  public static func foot(cohort: CohortSummary, agreement: RatingAgreement) -> String {
    var html = "</table>\n<h2>Scenarios</h2>\n<table>\n<tr><th>Scenario</th>"
    html += "<th class=\"num\">Sessions</th><th class=\"num\">Completed</th>"
    html += "<th class=\"num\">Verified</th><th class=\"num\">Mean score</th>"
    html += "<th class=\"num\">Range</th><th class=\"num\">Resolved</th>"
    html += "<th class=\"num\">Mean rating</th></tr>\n"
    for totals in cohort.sortedScenarios {
      html +=
        "<tr><td>\(HTMLText.escaped(totals.scenario))</td><td class=\"num\">\(totals.sessions)</td>"
        + "<td class=\"num\">\(totals.completed)</td><td class=\"num\">\(totals.verified)</td>"
        + "<td class=\"num\">\(totals.meanHeadline.map { DecimalText.formatted($0, places: 1) } ?? "-")</td>"
        + "<td class=\"num\">\(totals.lowestHeadline.map { "\($0)-\(totals.highestHeadline ?? $0)" } ?? "-")</td>"
        + "<td class=\"num\">\(totals.rupturesResolved)/\(totals.ruptures)</td>"
        + "<td class=\"num\">\(totals.meanResolutionRating.map { DecimalText.formatted($0, places: 2) } ?? "-")</td></tr>\n"
    }
    html += "</table>\n<h2>Agreement on resolution ratings</h2>\n"
    let pairs = agreement.pairs
    if pairs.isEmpty {
      html += "<p>No grader has rated an episode yet.</p>\n"
    } else {
      html += "<table>\n<tr><th>Raters</th><th class=\"num\">Episodes</th>"
      html += "<th class=\"num\">Exact</th><th class=\"num\">Weighted kappa</th>"
      html += "<th class=\"num\">ICC(A,1)</th></tr>\n"
      for pair in pairs {
        html +=
          "<tr><td>\(HTMLText.escaped(pair.first)) vs \(HTMLText.escaped(pair.second))</td>"
          + "<td class=\"num\">\(pair.episodes)</td>"
          + "<td class=\"num\">\(DecimalText.formatted(pair.exactAgreement * 100, places: 0))%</td>"
          + "<td class=\"num\">\(statistic(pair.kappa.value, pair.kappa.strength?.label))</td>"
          + "<td class=\"num\">\(statistic(pair.icc.value, pair.icc.reliability?.label))</td></tr>\n"
      }
      for group in agreement.groups {
        html +=
          "<tr><td>\(group.name): \(HTMLText.escaped(group.raters.joined(separator: ", ")))</td>"
          + "<td class=\"num\">\(group.icc.subjects)</td><td class=\"num\">-</td>"
          + "<td class=\"num\">-</td>"
          + "<td class=\"num\">\(statistic(group.icc.value, group.icc.reliability?.label))</td></tr>\n"
      }
      html += "</table>\n"
    }
    return html + HTMLPage.tail
  }

  static func statistic(_ value: Double?, _ label: String?) -> String {
    guard let value else { return "undefined" }
    return DecimalText.formatted(value, places: 2)
      + (label.map { " (\(HTMLText.escaped($0)))" } ?? "")
  }
}
