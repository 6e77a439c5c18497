import Foundation
import Testing

/// Transcripts made for one test by playing a scenario through a pipe, and the edits that
/// tamper with them, for the tests of `attune replay` and `attune grade`.
struct TranscriptFixtures {
  /// The fixture scenario, which plays to an ending in three answers.
  static let tinyRupture = AttuneBinary.fixture("tiny-rupture.json")
  /// A bundled scenario, found by id.
  static let bundledPath = AttuneBinary.packageRoot.appendingPathComponent(
    "Scenarios/fee-change.json"
  ).path
  /// Answers that take the fixture from its first turn to its repaired ending with seed 7.
  static let repairedAnswers = "1\n2\n1\n"

  /// The folder the test works in.
  let folder: URL

  init() throws { folder = try AttuneBinary.makeHome() }

  /// The path of `name` inside the folder.
  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// Plays `scenario` into `name` with `input` on standard input, and returns the transcript's
  /// path; the session must end as `status` says (0: an ending or a confirmed quit).
  @discardableResult
  func play(
    _ name: String, scenario: String = tinyRupture, trainee: String = "t1", seed: Int = 7,
    input: String = repairedAnswers, arguments: [String] = [], status: Int32 = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let transcript = path(name)
    let result = try AttuneBinary.run(
      [
        "play", scenario, "--trainee=\(trainee)", "--seed", String(seed), "--transcript",
        transcript,
      ]
        + arguments, input: input, home: folder)
    #expect(
      result.status == status, "play \(name): \(result.stdout)\(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(
      FileManager.default.fileExists(atPath: transcript), "play \(name) wrote no transcript",
      sourceLocation: sourceLocation)
    return transcript
  }

  /// Runs `attune` in the folder.
  func run(_ arguments: [String], input: String = "") throws -> AttuneBinary.Result {
    try AttuneBinary.run(arguments, input: input, home: folder, directory: folder)
  }

  /// The bytes of a file.
  static func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  /// A file's lines, without their newlines (a file ending in a newline has no empty last line).
  static func lines(_ path: String) throws -> [String] {
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Writes `lines` to `path`, each with its newline.
  static func write(_ lines: [String], to path: String) throws {
    try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
  }

  /// Writes `text` to `path`.
  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// Copies `source` to `name` in the folder, with `edit` applied to its text (which must
  /// change it, when an edit is given).
  func copy(
    _ source: String, to name: String, sourceLocation: SourceLocation = #_sourceLocation,
    editing edit: ((String) -> String)? = nil
  ) throws -> String {
    let text = try String(contentsOfFile: source, encoding: .utf8)
    let edited = edit?(text) ?? text
    if edit != nil {
      #expect(edited != text, "the edit of \(name) changed nothing", sourceLocation: sourceLocation)
    }
    let destination = path(name)
    try Self.write(edited, to: destination)
    return destination
  }

  /// Copies the transcript at `source` to `name` with `edit` applied to its lines (1-based
  /// numbers in messages; the array is 0-based).
  func tamper(
    _ source: String, to name: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ edit: (inout [String]) -> Void
  ) throws -> String {
    var lines = try Self.lines(source)
    let before = lines
    edit(&lines)
    #expect(lines != before, "the edit of \(name) changed nothing", sourceLocation: sourceLocation)
    let destination = path(name)
    try Self.write(lines, to: destination)
    return destination
  }

  /// The 0-based index of the first line that contains `needle`.
  static func index(of needle: String, in lines: [String]) -> Int? {
    lines.firstIndex { $0.contains(needle) }
  }
}

extension String {
  /// The text with its first occurrence of `target` replaced.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
