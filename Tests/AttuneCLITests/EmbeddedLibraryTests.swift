import AttuneCore
import Foundation
import Testing

/// The bundled library is embedded in the binary: a copy of it placed anywhere, with nothing
/// beside it, lists, plays, replays and grades the bundled scenarios, and the embedded files are
/// exactly those of `Scenarios/` (run `Scripts/embed-scenarios.py` after changing one).
@Suite struct EmbeddedLibraryTests {
  /// A copy of the binary in a fresh folder, and that folder.
  static func copiedBinary() throws -> (binary: String, home: URL) {
    let home = try AttuneBinary.makeHome()
    let bin = home.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let copy = bin.appendingPathComponent("attune")
    try FileManager.default.copyItem(at: AttuneBinary.url, to: copy)
    return (copy.path, home)
  }

  static func run(_ binary: String, _ arguments: [String], home: URL, input: String = "") throws
    -> (status: Int32, stdout: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = home
    process.environment = [
      "HOME": home.path, "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": home.path + "/data",
    ]
    let output = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = stdin
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func theEmbeddedFilesAreThoseOfTheScenariosFolder() throws {
    let (binary, home) = try Self.copiedBinary()
    let listed = try Self.run(binary, ["list", "--format", "json"], home: home)
    #expect(listed.status == 0)
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    let folder = AttuneBinary.packageRoot.appendingPathComponent("Scenarios")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
    #expect(entries.count == names.count)
    for name in names {
      let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
      let entry = entries.first { $0["path"] as? String == "bundled:" + name }
      #expect(
        entry?["sha256"] as? String == ScenarioFingerprint.sha256(of: bytes),
        "\(name) differs from the copy in the binary: run Scripts/embed-scenarios.py")
    }
  }

  @Test func aCopiedBinaryPlaysReplaysAndGrades() throws {
    let (binary, home) = try Self.copiedBinary()
    let transcript = home.appendingPathComponent("t.jsonl").path
    let played = try Self.run(
      binary,
      ["play", "late-start", "--seed", "5", "--mode", "assessment", "--transcript", transcript],
      home: home, input: String(repeating: "1\n", count: 60))
    #expect(played.status == 0, "\(played.stdout)")
    let replayed = try Self.run(binary, ["replay", transcript, "--brief"], home: home)
    #expect(replayed.stdout.contains("verified, complete"), "\(replayed.stdout)")
    let graded = try Self.run(binary, ["grade", transcript, "--format", "csv"], home: home)
    #expect(graded.status == 0)
    #expect(graded.stdout.contains(",yes,yes,verified,"), "\(graded.stdout)")
  }
}
