import AttuneCore
import AttuneGrading
import Foundation

/// The HTML report: `FOLDER/index.html` for the cohort, streamed as sessions are graded, and
/// `FOLDER/sessions/NAME.html` for each transcript. Self-contained pages, no external assets.
struct HTMLGradeReport: GradeReport {
  private let folder: String
  private let replacing: Bool
  private var usedNames: Set<String> = []

  /// The index's path inside `folder`.
  static func indexPath(in folder: String) -> String {
    (folder as NSString).appendingPathComponent("index.html")
  }

  /// Prepares `folder` (created if missing) for the report.
  init(folder: String, replacing: Bool) throws {
    self.folder = folder
    self.replacing = replacing
    let sessions = (folder as NSString).appendingPathComponent("sessions")
    do {
      try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure(
        "cannot create the report folder \(sessions): \(error.localizedDescription)")
    }
  }

  func begin(_ output: ReportOutput) throws { try output.append(CohortIndexHTML.head()) }

  mutating func add(_ report: SessionReport, log: GradingLog, to output: ReportOutput) throws {
    let name = uniqueName(for: report.file)
    let page = try ReportOutput(
      file: (folder as NSString).appendingPathComponent("sessions/\(name)"), replacing: replacing)
    try page.append(SessionPageHTML.page(report, log: log, index: "../index.html"))
    try page.finish()
    try output.append(CohortIndexHTML.row(report, link: "sessions/\(name)"))
  }

  func finish(_ totals: GradeTotals, to output: ReportOutput) throws {
    try output.append(CohortIndexHTML.foot(cohort: totals.cohort, agreement: totals.agreement))
  }

  /// A file name for the page of `transcript`: its base name with anything but letters,
  /// digits, `-`, `_` and `.` replaced, made unique within the report.
  private mutating func uniqueName(for transcript: String) -> String {
    let base = ((transcript as NSString).lastPathComponent as NSString).deletingPathExtension
    let safe = String(
      base.unicodeScalars.prefix(80).map { scalar in
        scalar.isASCII
          && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
          ? Character(scalar) : "_"
      })
    var name = (safe.isEmpty || safe.hasPrefix(".") ? "session" + safe : safe) + ".html"
    var counter = 2
    while usedNames.contains(name) {
      name = "\(safe)-\(counter).html"
      counter += 1
    }
    usedNames.insert(name)
    return name
  }
}
