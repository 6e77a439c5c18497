import ArgumentParser
import AttuneCore
import Foundation

/// `attune new ID`: writes a small valid scenario to start from.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write ID.json in the current folder: a small valid scenario to edit.",
    discussion: "Never overwrites an existing file.")

  @Argument(help: "The scenario id: lower-case letters, digits and hyphens, at most 64.")
  var id: String

  static func isPlainID(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count), let first = id.utf8.first, (97...122).contains(first)
    else { return false }
    return id.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
  }

  func run() throws {
    try Output.run {
      guard Self.isPlainID(id) else {
        throw CommandFailure(
          "\"\(id)\" is not a plain scenario id: use lower-case letters, digits and hyphens,"
            + " starting with a letter, at most 64 characters (no paths, no \"..\")")
      }
      let path = id + ".json"
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
      guard descriptor >= 0 else {
        if errno == EEXIST {
          throw CommandFailure("\(path) already exists; attune new never overwrites a file")
        }
        throw CommandFailure("cannot create \(path): \(String(cString: strerror(errno)))")
      }
      defer { close(descriptor) }
      let bytes = Array(Self.template(id: id).utf8)
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard written == bytes.count else { throw CommandFailure("cannot write \(path)") }
      Output.out("wrote \(path); check it with: attune check \(path)")
    }
  }

  static func template(id: String) -> String {
    """
    {
      "$schema": "https://attune.dev/schemas/scenario-v1.schema.json",
      "format": 1,
      "id": "\(id)",
      "title": "A new scenario",
      "version": "0.1.0",
      "authors": ["Your name"],
      "brief": "What the trainee reads first, like a referral or case note: who the client is, why they came, what just happened. No hint of the answer.",
      "instructorNotes": "What happens in this session and which moves repair the rupture; shown to instructors and in the debrief, never during play.",
      "difficulty": "beginner",
      "client": {
        "name": "Client",
        "concern": "The presenting concern.",
        "background": "What the trainee knows about the client.",
        "attachment": { "anxiety": 3, "avoidance": 3 },
        "reactance": "low"
      },
      "alliance": { "bond": 50, "task": 50, "goal": 50 },
      "turns": [
        {
          "id": "opening",
          "says": "I don't know why I keep coming here. Nothing changes.",
          "marker": { "type": "withdrawal", "subtype": "self-criticism", "salience": 3 },
          "options": [
            {
              "id": "reflect-hopelessness",
              "text": "So it feels stuck, and maybe our work is letting you down.",
              "codes": ["complex-reflection", "invite-discussion"],
              "alliance": { "bond": 5 },
              "feedback": "Reflecting the hopelessness attends to the withdrawal marker.",
              "next": "exploring"
            },
            {
              "id": "change-topic",
              "text": "Let's look at your homework from last week.",
              "codes": ["ignore-marker"],
              "alliance": { "bond": -5, "task": -5 },
              "feedback": "Moving on ignores the marker; the client withdraws further.",
              "next": "end-unrepaired"
            },
            {
              "id": "interpret-pattern",
              "text": "I wonder if this is the old feeling of failing at school, showing up here.",
              "codes": ["premature-interpretation"],
              "alliance": { "bond": -4 },
              "feedback": "A warm-sounding link made before the rupture is explored reads as being analysed, not heard; keep distractors like this plausible so that the wording gives nothing away.",
              "next": "end-unrepaired"
            }
          ]
        },
        {
          "id": "exploring",
          "says": "Yeah. I guess I feel like I'm failing at therapy too.",
          "stage": "explored",
          "options": [
            {
              "id": "own-part",
              "text": "Maybe I've been pushing too fast. What would help right now?",
              "codes": ["acknowledge-contribution", "open-question"],
              "alliance": { "bond": 5, "task": 5 },
              "feedback": "Owning your part invites the client to say what they need.",
              "next": "restored"
            }
          ]
        },
        {
          "id": "restored",
          "says": "I think I need us to slow down. Can we try that?",
          "stage": "collaboration-restored",
          "options": [
            {
              "id": "agree-pace",
              "text": "Yes, let's slow down together.",
              "codes": ["change-task-or-goal"],
              "alliance": { "task": 5, "goal": 5 },
              "feedback": "Changing the task together restores collaboration.",
              "next": "end-repaired"
            }
          ]
        }
      ],
      "endings": [
        {
          "id": "end-repaired",
          "title": "Back on track",
          "outcome": "repaired",
          "debrief": "You attended to the withdrawal and renegotiated the pace."
        },
        {
          "id": "end-unrepaired",
          "title": "Still stuck",
          "outcome": "unrepaired",
          "debrief": "The marker went unattended; the client withdrew."
        }
      ]
    }

    """
  }
}
