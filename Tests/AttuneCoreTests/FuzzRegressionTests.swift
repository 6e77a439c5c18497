import Foundation
import Testing

@testable import AttuneCore

/// Inputs kept from the fuzz targets in `Fuzz/`: each file under `Fixtures/Crashers/TARGET/`
/// goes through the same calls as that target (`Fuzz/Sources/AttuneFuzz/*Target.swift`) and
/// must come back normally, with the diagnostics recorded here. See `Fuzz/README.md`.
@Suite struct FuzzRegressionTests {
  static let folder = Fixtures.folder.appendingPathComponent("Crashers")

  /// The distinct diagnostic codes each scenario input gives, sorted.
  static let scenarioCodes: [String: [DiagnosticCode]] = [
    "dangling-references.json": [
      "duplicate-key", "missing-brief", "missing-feedback", "missing-field", "unknown-field",
      "unknown-target", "unknown-visit-target",
    ],
    "invalid-value.json": [
      "invalid-value", "json-control-character", "missing-brief", "missing-field",
      "unknown-field",
    ],
    "json-comment.json": [
      "json-comment", "json-missing-comma", "json-syntax", "json-unquoted-key",
    ],
    "json-lexical-mistakes.json": [
      "json-control-character", "json-invalid-escape", "json-invalid-number", "json-invalid-utf8",
      "json-missing-comma", "json-single-quotes", "json-syntax", "json-trailing-content",
      "json-unquoted-key",
    ],
    // Its long number fits the 128-character limit since the limit was raised.
    "json-number-too-long.json": [
      "json-control-character", "json-invalid-utf8", "json-missing-comma", "json-syntax",
    ],
    "json-too-many-errors.json": [
      "json-control-character", "json-invalid-number", "json-invalid-utf8", "json-missing-comma",
      "json-single-quotes", "json-syntax", "json-too-many-errors", "json-unquoted-key",
    ],
    "unknown-code.json": [
      "invalid-id", "json-invalid-utf8", "missing-brief", "missing-field", "unknown-code",
      "unknown-field",
    ],
  ]

  /// What each condition gives: the code of its problem, or its description if it parses
  /// and checks.
  static let expressionOutcomes: [String: String] = [
    "chained-comparison": "expression-syntax",
    "deep-not": "expression-too-complex",
    "deep-parentheses": "expression-too-complex",
    "huge-number": "expression-syntax",
    "invalid-utf8": "expression-syntax",
    "long-numbers": "expression-type",
    "non-ascii": "expression-syntax",
    "nul": "expression-syntax",
    "tiny-fraction": "score > 0",
    "too-long": "expression-too-complex",
    "unterminated-quote": "expression-syntax",
  ]

  /// The codes of the findings each transcript gives when replayed against
  /// `tiny-rupture.json`, in order.
  static let transcriptCodes: [String: [DiagnosticCode]] = [
    "alliance-differs.jsonl": ["transcript-event", "transcript-mismatch"],
    "event-missing.jsonl": ["transcript-event", "transcript-mismatch"],
    // The fuzzer also mangled the engine's name in the header: nothing is checked against it.
    "field-missing.jsonl": ["engine-changed", "transcript-event"],
    "format-0.jsonl": ["transcript-header", "scenario-changed"],
    "marker-differs.jsonl": ["transcript-event", "transcript-event", "transcript-mismatch"],
    "options-differ.jsonl": ["engine-changed"],
    "other-scenario.jsonl": ["transcript-mismatch"],
    // Its end line holds an attune-repair/1 score, which lacks fields of the current model.
    "score-differs.jsonl": ["transcript-event", "transcript-header"],
    "unknown-subtype.jsonl": ["transcript-event", "transcript-event", "transcript-mismatch"],
  ]

  static func input(_ target: String, _ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(target).appendingPathComponent(name)))
  }

  @Test(arguments: scenarioCodes.keys.sorted())
  func scenario(_ name: String) throws {
    let bytes = try Self.input("scenario", name)
    let result = ScenarioLoader().load(bytes, file: "fuzz.json")
    #expect((result.scenario == nil) == result.diagnostics.containsErrors)
    let codes = Set(result.diagnostics.map(\.code)).sorted { $0.rawValue < $1.rawValue }
    #expect(codes == Self.scenarioCodes[name])
    if let scenario = result.scenario { try Self.play(scenario, choosingBy: bytes) }
  }

  /// The scenario target's session: options chosen by the input's bytes, at most 500, then
  /// the score.
  static func play(_ scenario: Scenario, choosingBy bytes: [UInt8]) throws {
    var session = Session(scenario: scenario, seed: UInt64(bytes.count))
    for choice in 0..<500 {
      guard case .turn(let shown) = session.presentation, !shown.availableOptions.isEmpty
      else { break }
      let options = shown.availableOptions
      try session.choose(options[Int(bytes[choice % bytes.count]) % options.count].option.id)
    }
    _ = session.score
  }

  @Test(arguments: expressionOutcomes.keys.sorted())
  func expression(_ name: String) throws {
    let text = String(decoding: try Self.input("expression", name), as: UTF8.self)
    #expect(FuzzedCondition.outcome(of: text) == Self.expressionOutcomes[name])
  }

  @Test(arguments: transcriptCodes.keys.sorted())
  func transcript(_ name: String) throws {
    let transcript = Transcript(bytes: try Self.input("transcript", name))
    let verification = TranscriptVerification(
      transcript: transcript, scenario: try Fixtures.scenario(),
      scenarioBytes: try Fixtures.bytes("tiny-rupture.json"))
    #expect(transcript.problems.isEmpty || !verification.isVerified)
    #expect(verification.findings.map(\.code) == Self.transcriptCodes[name])
  }

  /// A file added under `Crashers/` without an expectation here would never run.
  @Test func everyKeptInputHasAnExpectation() throws {
    let expected = [
      "scenario": Set(Self.scenarioCodes.keys), "expression": Set(Self.expressionOutcomes.keys),
      "transcript": Set(Self.transcriptCodes.keys),
    ]
    for (target, names) in expected {
      let files = try FileManager.default.contentsOfDirectory(
        atPath: Self.folder.appendingPathComponent(target).path)
      #expect(Set(files.filter { !$0.hasPrefix(".") }) == names, "\(target)")
    }
  }
}

/// The expression target's calls, with its invariants as expectations.
enum FuzzedCondition {
  static let scope = ExpressionScope(
    variables: [
      "pushed": .boolean, "apologised": .boolean, "attempts": .number, "score": .number,
    ],
    visitTargets: ["opening", "validate", "wrap-up", "turn 2"])

  /// Parses, round-trips the description, checks and evaluates both ways; returns the first
  /// problem's code, or the description.
  static func outcome(of text: String) -> String {
    let length = text.unicodeScalars.count
    let expression: AttuneCore.Expression
    switch ExpressionParser.parse(text) {
    case .failure(let problem):
      #expect(problem.range.lowerBound >= 0 && problem.range.upperBound <= length)
      return problem.code.rawValue
    case .success(let parsed): expression = parsed
    }
    let canonical = expression.description
    let unlimited = ExpressionLimits(maximumLength: .max, maximumDepth: .max)
    let reparsed = try? ExpressionParser.parse(canonical, limits: unlimited).get()
    #expect(reparsed?.description == canonical)
    let problems = scope.check(expression)
    for problem in problems {
      #expect(problem.range.lowerBound >= 0 && problem.range.upperBound <= length)
    }
    if let first = problems.first { return first.code.rawValue }
    #expect(expression.evaluate(in: environment) == evaluateCompiled(expression))
    return canonical
  }

  struct Environment: ExpressionEnvironment {
    var variables: [String: Double] = ["apologised": 0, "attempts": 2, "pushed": 1, "score": -1.5]
    var visits: [String: Int] = ["opening": 1, "turn 2": 2, "validate": 0, "wrap-up": 3]
    func number(ofVariable name: String) -> Double { variables[name] ?? 0 }
    func alliance(_ dimension: AllianceDimension) -> Double {
      switch dimension {
      case .bond: 40
      case .task: 55.5
      case .goal: 50
      }
    }
    func visits(_ id: String) -> Int { visits[id] ?? 0 }
  }

  static let environment = Environment()

  static func evaluateCompiled(_ expression: AttuneCore.Expression) -> Bool {
    let names = environment.variables.keys.sorted()
    let ids = environment.visits.keys.sorted()
    let condition = CompiledCondition(
      expression,
      variableIndices: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }),
      visitIndices: Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) }))
    return condition.evaluate(
      alliance: (40, 55.5, 50), variables: names.map { environment.variables[$0]! },
      visits: ids.map { environment.visits[$0]! })
  }
}
