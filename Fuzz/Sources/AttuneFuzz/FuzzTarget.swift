/// A fuzz target: the name it is run by and the function libFuzzer calls with each input.
struct FuzzTarget: Sendable {
  /// The name given on the command line, as in `bash Fuzz/run scenario 600`.
  let name: String
  /// What the target feeds its input to.
  let summary: String
  /// The function libFuzzer calls with each input; it returns 0, as libFuzzer requires.
  let callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

  /// Every target, in the order the usage message lists them.
  static let all: [FuzzTarget] = [
    FuzzTarget(
      name: "scenario", summary: "ScenarioLoader.load: scenario JSON to scenario and diagnostics",
      callback: { data, size in
        ScenarioTarget.run(bytes(data, size))
        return 0
      }),
    FuzzTarget(
      name: "expression",
      summary: "ExpressionParser.parse, ExpressionScope.check, evaluate and CompiledCondition",
      callback: { data, size in
        ExpressionTarget.run(bytes(data, size))
        return 0
      }),
    FuzzTarget(
      name: "transcript",
      summary: "Transcript(bytes:) and TranscriptVerification against tiny-rupture.json",
      callback: { data, size in
        TranscriptTarget.run(bytes(data, size))
        return 0
      }),
    FuzzTarget(
      name: "selftest",
      summary: "traps on any input starting with '!', to show that a Swift trap is caught",
      callback: { data, size in
        precondition(bytes(data, size).first != UInt8(ascii: "!"), "the self-test trap")
        return 0
      }),
  ]

  /// The target with this name, if there is one.
  static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

  /// The input libFuzzer passes, copied into an array (`data` may be null when `size` is 0).
  static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }
}
