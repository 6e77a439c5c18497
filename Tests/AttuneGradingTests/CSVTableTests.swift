import AttuneCore
import Foundation
import Testing

@testable import AttuneGrading

/// A strict RFC 4180 reader, written independently of `CSVTable`: every record ends with CRLF,
/// a quoted field may hold commas, CR, LF and doubled quotes, and an unquoted field may hold
/// none of them.
enum RFC4180 {
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ text: String) throws -> [[String]] {
    let scalars = Array(text.unicodeScalars)
    var records: [[String]] = []
    var record: [String] = []
    var index = 0
    while index < scalars.count {
      var field = String.UnicodeScalarView()
      if scalars[index] == "\"" {
        index += 1
        while true {
          guard index < scalars.count else {
            throw Malformed(description: "an unterminated quoted field")
          }
          if scalars[index] == "\"" {
            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
              field.append("\"")
              index += 2
            } else {
              index += 1
              break
            }
          } else {
            field.append(scalars[index])
            index += 1
          }
        }
      } else {
        while index < scalars.count, !["," as Unicode.Scalar, "\r", "\n"].contains(scalars[index]) {
          if scalars[index] == "\"" {
            throw Malformed(description: "a quote inside an unquoted field")
          }
          field.append(scalars[index])
          index += 1
        }
      }
      record.append(String(field))
      guard index < scalars.count else { throw Malformed(description: "a record without CRLF") }
      if scalars[index] == "," {
        index += 1
      } else if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
        records.append(record)
        record = []
        index += 2
      } else {
        throw Malformed(description: "a bare CR or LF, or text after a closing quote")
      }
    }
    return records
  }
}

@Suite struct CSVTableTests {
  @Test func theReaderInTheTestIsStrict() throws {
    #expect(try RFC4180.parse("a,\"b,\"\"c\"\"\r\nd\",\r\n") == [["a", "b,\"c\"\r\nd", ""]])
    #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse("a,b\n") }
    #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse("a,b") }
    #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse("a\"b\r\n") }
    #expect(throws: RFC4180.Malformed.self) { try RFC4180.parse("\"ab\r\n") }
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("a\rb", "\"a\rb\""),
    ("a\nb", "\"a\nb\""),
    ("a\r\nb", "\"a\r\nb\""),
    ("", ""),
    ("a=b", "a=b"),
    ("'quoted", "'quoted"),
    ("é → ü", "é → ü"),
  ])
  func quotesWhatRFC4180Requires(_ text: String, _ field: String) {
    #expect(CSVTable.field(.text(text)) == field)
  }

  @Test func recordsEndWithCRLF() {
    #expect(CSVTable.record(["a", "b", .empty]) == "a,b,\r\n")
    #expect(CSVTable.record([]) == "\r\n")
    #expect(CSVTable.record([.text("x\ny"), .number("3")]) == "\"x\ny\",3\r\n")
  }

  @Test(arguments: [
    ("=1+1", "'=1+1"),
    ("+1", "'+1"),
    ("-1", "'-1"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "\"'\rcmd\""),
    ("\r\n=cmd", "\"'\r\n=cmd\""),
    ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
    ("=a,b", "\"'=a,b\""),
  ])
  func neutralisesTextThatLooksLikeAFormula(_ text: String, _ field: String) {
    #expect(CSVTable.field(.text(text)) == field)
  }

  @Test func numbersAreWrittenAsTheyAre() {
    #expect(CSVTable.field(.number("-3")) == "-3")
    #expect(CSVTable.field(.number("+3")) == "+3")
    #expect(CSVTable.field(.integer(-12)) == "-12")
    #expect(CSVTable.field(.integer(0)) == "0")
    #expect(CSVTable.field(.integer(nil)) == "")
    #expect(CSVTable.field(.decimal(-0.256, places: 2)) == "-0.26")
    #expect(CSVTable.field(.decimal(2.25)) == "2.3")
    #expect(CSVTable.field(.decimal(nil)) == "")
    #expect(CSVTable.field(.decimal(.nan)) == "")
    #expect(CSVTable.field(.decimal(-.infinity)) == "")
    #expect(CSVTable.field(.flag(true)) == "yes")
    #expect(CSVTable.field(.flag(false)) == "no")
    #expect(CSVTable.field(.optional(nil)) == "")
    #expect(CSVTable.field(.optional("-x")) == "'-x")
    #expect(CSVTable.field(.empty) == "")
  }

  // MARK: The grade sheet

  /// What a spreadsheet-safe text cell holds: the text, with an apostrophe in front when it
  /// starts like a formula.
  static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first)
    else { return text }
    return "'" + text
  }

  static let hostileNames = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "+441234",
    "\tindented",
    "\r\nnew line first",
    "comma, \"quotes\" and\r\nline breaks",
    "Zoë",
  ]

  @Test func aGradeSheetWithHostileCellsParsesBack() throws {
    var reports: [SessionReport] = []
    for (index, name) in Self.hostileNames.enumerated() {
      let played =
        index.isMultiple(of: 2)
        ? try GradingFixtures.repaired(trainee: name) : try GradingFixtures.dropout(trainee: name)
      reports.append(try played.report(file: "=\(index),\"\(name)\".jsonl"))
    }
    // One whose edited choice fails, one quit, one unreadable, one of an unknown scenario.
    var edited = try GradingFixtures.repaired(trainee: "-edited").lines
    edited[4] = edited[4].replacingOccurrences(of: "explore-own", with: "explore-ask")
    reports.append(try GradingFixtures.report(edited, file: "edited.jsonl"))
    reports.append(try GradingFixtures.quit(trainee: "+quitter").report(file: "quit.jsonl"))
    reports.append(
      SessionReport(
        file: "@broken.jsonl", transcript: Transcript(bytes: Array("=1+1\n".utf8)),
        scenario: try GradingFixtures.source()))
    reports.append(
      SessionReport(
        file: "unknown.jsonl",
        transcript: Transcript(bytes: try GradingFixtures.repaired().bytes), scenario: nil))
    let log = GradingFixtures.log([
      GradingFixtures.rating("=ana", episode: 1, 4), GradingFixtures.rating("ben", episode: 1, 5),
    ])

    var text = CSVTable.record(GradeSheet.columns.map(CSVTable.Cell.text))
    for report in reports { text += CSVTable.record(GradeSheet.row(report, log: log)) }
    let records = try RFC4180.parse(text)
    #expect(records.count == reports.count + 1)
    #expect(records.first == GradeSheet.columns)
    for (number, record) in records.enumerated() {
      #expect(record.count == GradeSheet.columns.count, "record \(number)")
    }
    #expect(Set(GradeSheet.columns).count == GradeSheet.columns.count)

    func column(_ name: String) throws -> Int {
      try #require(GradeSheet.columns.firstIndex(of: name))
    }
    let rows = Array(records.dropFirst())
    for (index, name) in Self.hostileNames.enumerated() {
      #expect(rows[index][try column("trainee")] == Self.neutralised(name))
      #expect(rows[index][try column("file")] == "'=\(index),\"\(name)\".jsonl")
      #expect(rows[index][try column("verified")] == "yes")
      #expect(rows[index][try column("verification")] == "verified")
      #expect(rows[index][try column("scenario")] == "tiny-rupture")
      #expect(rows[index][try column("started_at")] == GradingFixtures.startedAt)
      #expect(rows[index][try column("seed")] == "7")
      #expect(rows[index][try column("graders")] == "2")
      #expect(rows[index][try column("grader_mean_rating")] == "4.50")
      #expect(rows[index][try column("first_finding")] == "")
    }
    let repaired = rows[0]
    #expect(repaired[try column("headline")] == "90")
    #expect(repaired[try column("outcome")] == "repaired")
    #expect(repaired[try column("completed")] == "yes")
    #expect(repaired[try column("answering_seconds")] == "7.0")
    #expect(repaired[try column("mode")] == "practice")

    let failed = rows[Self.hostileNames.count]
    #expect(failed[try column("trainee")] == "'-edited")
    #expect(failed[try column("verified")] == "no")
    #expect(failed[try column("verification")] == "failed")
    #expect(failed[try column("headline")] == "")
    #expect(failed[try column("outcome")] == "")
    let finding = try #require(reports[Self.hostileNames.count].findings.first)
    #expect(failed[try column("first_finding")] == "line 5: \(finding.message)")
    #expect(finding.message.contains("\""), "the finding tests quoting")

    let quit = rows[Self.hostileNames.count + 1]
    #expect(quit[try column("trainee")] == "'+quitter")
    #expect(quit[try column("completed")] == "no")
    #expect(quit[try column("verified")] == "yes")

    let unreadable = rows[Self.hostileNames.count + 2]
    #expect(unreadable[try column("file")] == "'@broken.jsonl")
    #expect(unreadable[try column("verification")] == "unreadable")
    #expect(unreadable[try column("trainee")] == "")
    #expect(unreadable[try column("seed")] == "")

    let unknown = rows[Self.hostileNames.count + 3]
    #expect(unknown[try column("verification")] == "scenario-not-found")

    // Whatever a cell holds, it never starts like a formula unless it is a number.
    let number = try Regex("^-?[0-9]+(\\.[0-9]+)?$")
    for row in rows {
      for field in row where field.wholeMatch(of: number) == nil {
        #expect(Self.neutralised(field) == field, "\(field.debugDescription)")
      }
    }
  }
}
