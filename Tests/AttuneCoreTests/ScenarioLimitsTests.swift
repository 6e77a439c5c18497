import Foundation
import Testing

@testable import AttuneCore

/// Every limit of the "Limits" table in `Scenarios/README.md`, each exceeded by one in the
/// small valid scenario of `ScenarioLoaderTests`, reported with its code at the exact
/// position of the value at fault.
@Suite struct ScenarioLimitsTests {
  let limits = ScenarioLimits.default

  /// Expects loading `text` to report `code` as an error at `needle` (moved right by `shift`
  /// characters).
  func expect(
    _ code: DiagnosticCode, in text: String, at needle: String, shift: Int = 0,
    mentioning phrase: String? = nil, loader: ScenarioLoader = ScenarioLoader(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let diagnostics = loader.load(Array(text.utf8), file: "limits.json").diagnostics
    let (line, column) = ScenarioLoaderTests.position(of: needle, in: text, shift: shift)
    let match = diagnostics.first { $0.code == code }
    #expect(
      match != nil, "no \(code) in \(diagnostics.map(\.message).prefix(5))",
      sourceLocation: sourceLocation)
    guard let match else { return }
    #expect(match.severity == .error, sourceLocation: sourceLocation)
    #expect(match.file == "limits.json", sourceLocation: sourceLocation)
    #expect(
      (match.line, match.column) == (line, column), "\(match.message)",
      sourceLocation: sourceLocation)
    if let phrase {
      #expect(match.message.contains(phrase), "\(match.message)", sourceLocation: sourceLocation)
    }
  }

  /// The base scenario with `old` replaced by `new`.
  func base(replacing old: String, with new: String) -> String {
    precondition(ScenarioLoaderTests.base.contains(old), "base lacks \(old)")
    return ScenarioLoaderTests.base.replacingOccurrences(of: old, with: new)
  }

  static let option =
    "{ \"id\": \"o\\(n)\", \"text\": \"Hello\", \"codes\": [\"open-question\"], \"feedback\": \"f\","
    + " \"next\": \"end\" }"

  /// An option with id `o<n>`.
  func option(_ n: Int) -> String { Self.option.replacingOccurrences(of: "\\(n)", with: "\(n)") }

  // MARK: - The JSON

  @Test func fileSize() {
    let bytes = [UInt8](repeating: 0x20, count: limits.json.maximumBytes + 1)
    let diagnostics = ScenarioLoader().load(bytes, file: "limits.json").diagnostics
    #expect(diagnostics.map(\.code) == [.jsonTooLarge])
    #expect(diagnostics.first?.line == 1 && diagnostics.first?.column == 1)
  }

  @Test func nestingDepth() {
    let text = base(
      replacing: "\"summary\": \"S\"",
      with: "\"summary\": \"S\", \"note\": " + String(repeating: "[", count: 200))
    // The object is level 1, so the 128th '[' is level 129.
    expect(.jsonTooDeep, in: text, at: "\"note\": [", shift: 8 + 127, mentioning: "128")
  }

  @Test func values() {
    #expect(limits.json.maximumValues == 1_000_000)
    var small = ScenarioLimits()
    small.json.maximumValues = 10
    let text = "{\"note\": [" + Array(repeating: "0", count: 20).joined(separator: ", ") + "]}"
    // The 11th value completed is the 11th zero.
    expect(
      .jsonTooManyValues, in: text, at: "[", shift: 1 + 3 * 10, mentioning: "more than 10 values",
      loader: ScenarioLoader(limits: small))
  }

  @Test func stringLength() {
    let text = base(
      replacing: "\"summary\": \"S\"",
      with: "\"summary\": \"S\", \"note\": \""
        + String(repeating: "x", count: limits.json.maximumStringLength + 1) + "\"")
    expect(.jsonStringTooLong, in: text, at: "\"note\": \"", shift: 8, mentioning: "1048577")
  }

  @Test func numberLength() {
    let number = "0." + String(repeating: "1", count: limits.json.maximumNumberLength - 1)
    let text = base(replacing: "\"anxiety\": 2", with: "\"anxiety\": \(number)")
    expect(.jsonNumberTooLong, in: text, at: number, mentioning: "129 characters")
    let fits = base(replacing: "\"anxiety\": 2", with: "\"anxiety\": \(number.dropLast())")
    let codes = ScenarioLoader().load(Array(fits.utf8)).diagnostics.map(\.code)
    #expect(!codes.contains(.jsonNumberTooLong))
  }

  @Test func errorsPerFile() {
    let extra = (1...205).map { "\"extra\($0)\": 1, " }.joined()
    let text = base(replacing: "\"format\": 1,", with: "\"format\": 1, " + extra)
    let diagnostics = ScenarioLoader().load(Array(text.utf8), file: "limits.json").diagnostics
    #expect(diagnostics.filter { $0.severity == .error }.count == limits.json.maximumErrors)
    let note = diagnostics.last
    #expect(note?.code == .jsonTooManyErrors)
    #expect(note?.severity == .note)
    #expect(note?.message.contains("205 errors") == true, "\(note?.message ?? "")")
    let (line, column) = ScenarioLoaderTests.position(of: "\"extra201\"", in: text)
    #expect(note?.line == line && note?.column == column)
  }

  // MARK: - The scenario

  @Test func turns() {
    let extra = (0..<limits.maximumTurns).map {
      "{ \"id\": \"t\($0)\", \"says\": \"Hi\", \"options\": [ \(option($0)) ] }, "
    }
    let text = base(replacing: "\"turns\": [", with: "\"turns\": [" + extra.joined())
    expect(.limitExceeded, in: text, at: "\"turns\": [", shift: 9, mentioning: "5001 elements")
  }

  @Test func endings() {
    let extra = (0..<limits.maximumTurns).map {
      "{ \"id\": \"e\($0)\", \"title\": \"E\", \"outcome\": \"repaired\", \"debrief\": \"d\" }, "
    }
    let text = base(replacing: "\"endings\": [", with: "\"endings\": [" + extra.joined())
    expect(.limitExceeded, in: text, at: "\"endings\": [", shift: 11, mentioning: "5001 elements")
  }

  @Test func options() {
    let extra = (0..<limits.maximumOptions).map { option($0) + ", " }.joined()
    let text = base(replacing: "\"options\": [", with: "\"options\": [" + extra)
    expect(.limitExceeded, in: text, at: "\"options\": [", shift: 11, mentioning: "51 elements")
  }

  @Test func variants() {
    let variants = Array(
      repeating: "{ \"if\": \"flag\", \"says\": \"x\" }", count: limits.maximumVariants + 1)
    let text = base(
      replacing: "\"says\": \"Hi\",",
      with: "\"says\": \"Hi\", \"variants\": [\(variants.joined(separator: ", "))],")
    expect(.limitExceeded, in: text, at: "\"variants\": [", shift: 12, mentioning: "21 elements")
  }

  @Test func branches() {
    let branches =
      Array(repeating: "{ \"if\": \"flag\", \"to\": \"end\" }", count: limits.maximumBranches)
      + ["{ \"to\": \"end\" }"]
    let text = base(
      replacing: "\"next\": \"end\"", with: "\"next\": [\(branches.joined(separator: ", "))]")
    expect(.limitExceeded, in: text, at: "\"next\": [", shift: 8, mentioning: "101 branches")
  }

  @Test func randomEntries() {
    let entries = Array(
      repeating: "{ \"to\": \"end\", \"weight\": 1 }", count: limits.maximumBranches + 1)
    let text = base(
      replacing: "\"next\": \"end\"",
      with: "\"next\": { \"random\": [\(entries.joined(separator: ", "))] }")
    expect(.limitExceeded, in: text, at: "\"random\": [", shift: 10, mentioning: "101")
  }

  @Test func variables() {
    let declared = (0...limits.maximumVariables).map { "\"v\($0)\": 0" }
    let text = base(
      replacing: "\"variables\": { \"flag\": false, \"count\": 0 }",
      with: "\"variables\": { \"flag\": false, \"count\": 0, \(declared.joined(separator: ", ")) }")
    // The 101st variable is v98, after flag, count and v0 to v97.
    expect(.limitExceeded, in: text, at: "\"v98\"", mentioning: "more than 100 variables")
  }

  @Test(arguments: [
    ("\"says\": \"Hi\"", "\"says\": \""),
    ("\"text\": \"Hello\"", "\"text\": \""),
    ("\"feedback\": \"f\"", "\"feedback\": \""),
    ("\"debrief\": \"d\"", "\"debrief\": \""),
    ("\"summary\": \"S\"", "\"summary\": \""),
  ])
  func textLength(field: String, prefix: String) {
    let long = String(repeating: "é", count: limits.maximumTextLength + 1)
    let text = base(replacing: field, with: prefix + long + "\"")
    expect(
      .limitExceeded, in: text, at: prefix, shift: prefix.count - 1, mentioning: "10001 characters")
    let fits = base(replacing: field, with: prefix + long.dropLast() + "\"")
    let codes = ScenarioLoader().load(Array(fits.utf8)).diagnostics.map(\.code)
    #expect(!codes.contains(.limitExceeded))
  }

  @Test func textLengthOfAListEntry() {
    let long = String(repeating: "x", count: limits.maximumTextLength + 1)
    let text = base(
      replacing: "\"says\": \"Hi\",", with: "\"says\": \"Hi\", \"cues\": [\"short\", \"\(long)\"],")
    expect(.limitExceeded, in: text, at: "\"xxx", mentioning: "\"cues\"")
  }

  @Test func idLength() {
    let id = "a" + String(repeating: "b", count: limits.maximumIDLength)
    let text = base(replacing: "\"id\": \"a\",", with: "\"id\": \"\(id)\",")
    expect(.invalidID, in: text, at: "\"\(id)\"", mentioning: "at most 64 characters")
  }

  @Test func conditionLength() {
    let condition = Array(repeating: "count > 0", count: 101).joined(separator: " and ")
    let text = base(
      replacing: "\"feedback\": \"f\",", with: "\"feedback\": \"f\", \"if\": \"\(condition)\",")
    // Reported at the first character past the limit.
    expect(
      .expressionTooComplex, in: text, at: "\"count > 0", shift: 1 + 1_000, mentioning: "1,000")
  }

  @Test func conditionDepth() {
    let condition = String(repeating: "(", count: 33) + "flag" + String(repeating: ")", count: 33)
    let text = base(
      replacing: "\"feedback\": \"f\",", with: "\"feedback\": \"f\", \"if\": \"\(condition)\",")
    let diagnostics = ScenarioLoader().load(Array(text.utf8)).diagnostics
    #expect(diagnostics.contains { $0.code == .expressionTooComplex }, "\(diagnostics)")
  }
}
