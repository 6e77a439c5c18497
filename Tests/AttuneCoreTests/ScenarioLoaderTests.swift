import Foundation
import Testing

@testable import AttuneCore

/// Each loader diagnostic code, with its exact position.
@Suite struct ScenarioLoaderTests {
  /// A minimal valid scenario; tests replace parts of it.
  static let base = """
    {
      "format": 1,
      "id": "t",
      "title": "T",
      "version": "1",
      "authors": ["A"],
      "summary": "S",
      "brief": "B",
      "difficulty": "beginner",
      "client": {
        "name": "C", "concern": "c", "background": "b",
        "attachment": { "anxiety": 2, "avoidance": 2 },
        "reactance": "low"
      },
      "alliance": { "bond": 50, "task": 50, "goal": 50 },
      "variables": { "flag": false, "count": 0 },
      "turns": [
        {
          "id": "a",
          "says": "Hi",
          "options": [
            { "id": "a-1", "text": "Hello", "codes": ["open-question"], "feedback": "f", "next": "end" }
          ]
        }
      ],
      "endings": [ { "id": "end", "title": "E", "outcome": "repaired", "debrief": "d" } ]
    }
    """

  /// The 1-based line and column (in characters) where `needle` first occurs in `text`,
  /// offset by `shift` characters.
  static func position(of needle: String, in text: String, shift: Int = 0) -> (Int, Int) {
    let range = text.range(of: needle)!
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, before[lineStart...].unicodeScalars.count + 1 + shift)
  }

  /// Replaces `old` with `new` in the base scenario and returns the diagnostics with the
  /// position of `new`.
  static func check(
    replacing old: String, with new: String, at needle: String? = nil, shift: Int = 0
  ) -> (diagnostics: [Diagnostic], line: Int, column: Int) {
    precondition(base.contains(old), "base lacks \(old)")
    let text = base.replacingOccurrences(of: old, with: new)
    let (line, column) = position(of: needle ?? new, in: text, shift: shift)
    return (Fixtures.diagnostics(text), line, column)
  }

  func expect(
    _ code: DiagnosticCode, replacing old: String, with new: String, at needle: String? = nil,
    shift: Int = 0, severity: Severity = .error, suggestion: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let (diagnostics, line, column) = Self.check(
      replacing: old, with: new, at: needle, shift: shift)
    let match = diagnostics.first { $0.code == code }
    #expect(match != nil, "no \(code) in \(diagnostics)", sourceLocation: sourceLocation)
    guard let match else { return }
    #expect(match.severity == severity, sourceLocation: sourceLocation)
    #expect(
      (match.line, match.column) == (line, column), "\(match.message)",
      sourceLocation: sourceLocation)
    #expect(match.file == "test.json", sourceLocation: sourceLocation)
    if let suggestion {
      #expect(match.suggestion == suggestion, sourceLocation: sourceLocation)
    }
  }

  @Test func theBaseScenarioIsValid() {
    let result = ScenarioLoader().load(Array(Self.base.utf8), file: "test.json")
    #expect(result.diagnostics.isEmpty)
    #expect(result.scenario?.id == "t")
  }

  @Test func theGuideExampleLoads() throws {
    let result = ScenarioLoader().load(try Fixtures.bytes("guide-example.json"), file: "guide")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  }

  /// A syntax error comes first, before problems that lie earlier in the file, and the value
  /// that failed to parse is not also reported as being of the wrong type.
  @Test func syntaxErrorsComeFirstAndTheirConsequencesAreNotRepeated() {
    let text = Self.base.replacingOccurrences(of: "\"title\": \"T\",", with: "")
      .replacingOccurrences(of: "\"anxiety\": 2", with: "\"anxiety\": NaN")
    let diagnostics = ScenarioLoader().load(Array(text.utf8), file: "test.json").diagnostics
    #expect(diagnostics.first?.code == .jsonInvalidNumber, "\(diagnostics)")
    #expect(diagnostics.contains { $0.code == .missingField && $0.message.contains("title") })
    let nan = diagnostics.first!
    #expect(!diagnostics.dropFirst().contains { $0.location == nan.location })
  }

  @Test func unknownFieldWithSuggestion() {
    expect(
      .unknownField, replacing: "\"title\": \"T\"", with: "\"tittle\": \"T\"", at: "\"tittle\"",
      suggestion: "title")
  }

  @Test func missingField() {
    let (diagnostics, _, _) = Self.check(replacing: "\"summary\": \"S\",", with: "", at: "{")
    let match = diagnostics.first { $0.code == .missingField }
    #expect(match?.line == 1 && match?.column == 1)
    #expect(match?.pointer == "")
    #expect(match?.message.contains("\"summary\"") == true)
  }

  @Test func missingFieldInANestedObjectPointsAtIt() {
    expect(
      .missingField, replacing: "{ \"id\": \"end\", \"title\": \"E\",", with: "{ \"id\": \"end\",",
      at: "{ \"id\": \"end\"")
  }

  @Test func wrongType() {
    expect(.wrongType, replacing: "\"title\": \"T\"", with: "\"title\": 7", at: "7")
  }

  @Test func duplicateKey() {
    expect(
      .duplicateKey, replacing: "\"title\": \"T\",", with: "\"title\": \"T\", \"title\": \"U\",",
      at: "\"title\": \"U\"")
  }

  @Test func invalidValueWithSuggestion() {
    expect(.invalidValue, replacing: "\"beginner\"", with: "\"beginer\"", suggestion: "beginner")
  }

  @Test func unknownCodeWithSuggestion() {
    expect(
      .unknownCode, replacing: "\"open-question\"", with: "\"open-questoin\"",
      suggestion: "open-question")
  }

  @Test func outOfRange() {
    expect(.outOfRange, replacing: "\"bond\": 50", with: "\"bond\": 150", at: "150")
  }

  @Test func invalidID() {
    expect(.invalidID, replacing: "\"id\": \"a\",", with: "\"id\": \"Turn A\",", at: "\"Turn A\"")
  }

  @Test func duplicateID() {
    expect(
      .duplicateID, replacing: "{ \"id\": \"end\"", with: "{ \"id\": \"a\"", at: "\"a\", \"title\"")
  }

  @Test func unknownTargetWithSuggestion() {
    expect(
      .unknownTarget, replacing: "\"next\": \"end\"", with: "\"next\": \"edn\"", at: "\"edn\"",
      suggestion: "end")
  }

  @Test func anOptionIsNotATarget() {
    expect(
      .unknownTarget, replacing: "\"next\": \"end\"", with: "\"next\": \"a-1\"", at: "\"a-1\" }")
  }

  @Test func unknownVariableInSet() {
    expect(
      .unknownVariable, replacing: "\"feedback\": \"f\",",
      with: "\"feedback\": \"f\", \"set\": { \"flg\": true },", at: "\"flg\"", suggestion: "flag")
  }

  @Test func variableType() {
    expect(
      .variableType, replacing: "\"feedback\": \"f\",",
      with: "\"feedback\": \"f\", \"set\": { \"flag\": 3 },", at: "3 }")
    expect(
      .variableType, replacing: "\"feedback\": \"f\",",
      with: "\"feedback\": \"f\", \"add\": { \"flag\": 1 },", at: "\"flag\": 1")
  }

  @Test func reservedName() {
    expect(
      .reservedName, replacing: "\"flag\": false", with: "\"bond\": false", at: "\"bond\": false")
  }

  @Test func unsupportedFormat() {
    expect(.unsupportedFormat, replacing: "\"format\": 1", with: "\"format\": 2", at: "2,")
  }

  @Test func missingDefaultBranch() {
    expect(
      .missingDefaultBranch, replacing: "\"next\": \"end\"",
      with: "\"next\": [{ \"if\": \"bond > 1\", \"to\": \"end\" }]", at: "\"if\"")
  }

  @Test func markerSubtypeMismatch() {
    expect(
      .markerSubtypeMismatch, replacing: "\"says\": \"Hi\",",
      with:
        "\"says\": \"Hi\", \"marker\": { \"type\": \"withdrawal\", \"subtype\": \"rejects-intervention\", \"salience\": 2 },",
      at: "\"rejects-intervention\"")
  }

  @Test func attachmentCategoryMismatchIsAWarning() {
    expect(
      .attachmentCategoryMismatch, replacing: "\"avoidance\": 2 }",
      with: "\"avoidance\": 2, \"category\": \"fearful\" }", at: "\"fearful\"", severity: .warning)
  }

  @Test func emptyList() {
    expect(.emptyList, replacing: "\"codes\": [\"open-question\"]", with: "\"codes\": []", at: "[]")
  }

  @Test func missingFeedbackIsAWarning() {
    expect(
      .missingFeedback, replacing: ", \"feedback\": \"f\"", with: "", at: "{ \"id\": \"a-1\"",
      severity: .warning)
  }

  @Test func limitExceeded() {
    let long = String(repeating: "x", count: 10_001)
    expect(
      .limitExceeded, replacing: "\"summary\": \"S\"", with: "\"summary\": \"\(long)\"", at: "\"xxx"
    )
  }

  @Test func conditionErrorsPointIntoTheCondition() {
    // "bnd" starts 5 characters after the opening quote of the condition.
    expect(
      .unknownVariable, replacing: "\"feedback\": \"f\",",
      with: "\"feedback\": \"f\", \"if\": \"flag and bnd > 3\",", at: "bnd", suggestion: "bond")
    expect(
      .unknownVisitTarget, replacing: "\"feedback\": \"f\",",
      with: "\"feedback\": \"f\", \"if\": \"visits(aa) > 0\",", at: "aa)")
    expect(
      .expressionType, replacing: "\"feedback\": \"f\",",
      with: "\"feedback\": \"f\", \"if\": \"count\",", at: "\"if\": \"count", shift: 7)
  }

  @Test func jsonSyntaxErrorsAreReported() {
    let (diagnostics, line, column) = Self.check(
      replacing: "\"title\": \"T\",", with: "\"title\": \"T\",,", at: ",,", shift: 1)
    #expect(diagnostics.containsErrors)
    #expect(diagnostics.contains { $0.line == line && $0.column == column })
  }

  @Test func allErrorsOfAFileAreReported() {
    var text = Self.base.replacingOccurrences(of: "\"title\": \"T\"", with: "\"tittle\": \"T\"")
    text = text.replacingOccurrences(of: "\"next\": \"end\"", with: "\"next\": \"nowhere\"")
    text = text.replacingOccurrences(of: "\"bond\": 50", with: "\"bond\": -1")
    let codes = Set(Fixtures.diagnostics(text).map(\.code))
    #expect(codes.isSuperset(of: [.unknownField, .missingField, .unknownTarget, .outOfRange]))
  }

  @Test func diagnosticsCarryJSONPointers() {
    let (diagnostics, _, _) = Self.check(replacing: "\"next\": \"end\"", with: "\"next\": \"edn\"")
    #expect(diagnostics.first { $0.code == .unknownTarget }?.pointer == "/turns/0/options/0/next")
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    components(separatedBy: target).joined(separator: replacement)
  }
}
