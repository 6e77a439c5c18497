import Foundation
import Testing

/// `attune graph` as an instructor uses it.
@Suite struct GraphCommandTests {
  @Test func dotMarksRupturesEndingsAndColoursEdges() throws {
    let result = try AttuneBinary.run(["graph", AttuneBinary.fixture("tiny-rupture.json")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("digraph"))
    #expect(result.stdout.contains("shape=octagon"))
    #expect(result.stdout.contains("shape=doublecircle"))
    #expect(result.stdout.contains("\"open\" -> \"explore\""))
    #expect(result.stdout.contains("color=darkgreen") || result.stdout.contains("color=red"))
  }

  @Test func dotIsAcceptedByGraphviz() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else { return }
    let home = try AttuneBinary.makeHome()
    let result = try AttuneBinary.run(["graph", AttuneBinary.fixture("guide-example.json")])
    let file = home.appendingPathComponent("g.dot")
    try Data(result.stdout.utf8).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
    process.arguments = ["-Tsvg", file.path, "-o", home.appendingPathComponent("g.svg").path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test func mermaid() throws {
    let result = try AttuneBinary.run([
      "graph", "--format", "mermaid", AttuneBinary.fixture("tiny-rupture.json"),
    ])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("flowchart LR"))
    #expect(result.stdout.contains("linkStyle 0 stroke:"))
  }
}
