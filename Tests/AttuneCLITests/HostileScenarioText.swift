import Foundation

/// Scenario texts for hostile-input tests: a minimal valid scenario whose turns are generated.
enum HostileScenarioText {
  /// A scenario holding `turns` (JSON objects, written out) and one ending, `end`.
  static func scenario(turns: [String]) -> String {
    """
    {
      "format": 1,
      "id": "hostile",
      "title": "T",
      "version": "1",
      "authors": ["A"],
      "summary": "S",
      "difficulty": "beginner",
      "client": {
        "name": "C", "concern": "c", "background": "b",
        "attachment": { "anxiety": 2, "avoidance": 2 },
        "reactance": "low"
      },
      "alliance": { "bond": 50, "task": 50, "goal": 50 },
      "turns": [
        \(turns.joined(separator: ",\n    "))
      ],
      "endings": [ { "id": "end", "title": "E", "outcome": "repaired", "debrief": "d" } ]
    }
    """
  }

  /// A turn `id` with one option leading to `next`.
  static func turn(_ id: String, next: String) -> String {
    """
    { "id": "\(id)", "says": "Hi", "options": [ { "id": "\(id)-o", "text": "Hello",\
     "codes": ["open-question"], "feedback": "f", "next": "\(next)" } ] }
    """
  }

  /// `count` turns in a ring, each leading to the next and the last back to the first, so
  /// that the ending can never be reached.
  static func ring(_ count: Int) -> String {
    scenario(turns: (0..<count).map { turn("t\($0)", next: "t\(($0 + 1) % count)") })
  }

  /// `count` turns in a chain, the last leading to the ending.
  static func chain(_ count: Int) -> String {
    scenario(
      turns: (0..<count).map { turn("t\($0)", next: $0 == count - 1 ? "end" : "t\($0 + 1)") })
  }
}
