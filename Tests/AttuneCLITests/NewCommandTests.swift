import Foundation
import Testing

/// `attune new` as an instructor uses it.
@Suite struct NewCommandTests {
  @Test func writesAScenarioThatPassesCheck() throws {
    let home = try AttuneBinary.makeHome()
    let result = try AttuneBinary.run(["new", "my-first"], directory: home)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOf: home.appendingPathComponent("my-first.json"), encoding: .utf8)
    #expect(text.contains("\"$schema\": \"https://attune.dev/schemas/scenario-v1.schema.json\""))
    let check = try AttuneBinary.run(["check", "my-first.json"], directory: home)
    #expect(check.status == 0, "\(check.stdout)")
    #expect(check.stdout.contains("1 file checked: 0 errors, 0 warnings"), "\(check.stdout)")
  }

  @Test func neverOverwrites() throws {
    let home = try AttuneBinary.makeHome()
    try Data("keep".utf8).write(to: home.appendingPathComponent("taken.json"))
    let result = try AttuneBinary.run(["new", "taken"], directory: home)
    #expect(result.status != 0)
    #expect(result.stderr.contains("already exists"))
    #expect(
      try String(contentsOf: home.appendingPathComponent("taken.json"), encoding: .utf8) == "keep")
  }

  @Test(arguments: [
    "../evil", "a/b", "..", "Upper", "1abc", "a b", String(repeating: "a", count: 65),
  ])
  func refusesIDsThatAreNotPlain(_ id: String) throws {
    let home = try AttuneBinary.makeHome()
    let result = try AttuneBinary.run(["new", id], directory: home)
    #expect(result.status != 0)
    #expect(result.stderr.contains("not a plain scenario id"), "\(result.stderr)")
  }
}
