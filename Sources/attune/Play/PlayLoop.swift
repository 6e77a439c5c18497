import AttuneCore
import Foundation
import LineEditor

/// Runs a trainee's session at the prompt: shows each client turn, reads answers and
/// commands, records every event as it happens, and ends with the debrief.
struct PlayLoop {
  var session: Session
  let header: TranscriptHeader
  var recorder: TranscriptRecorder
  let file: TranscriptFile
  let reader: LineReader
  let screen: Screen
  let interactive: Bool
  var guesses: [MarkerGuess] = []

  /// Why a session stopped early.
  enum Stop: Error {
    case quit
    case endOfInput
    /// The scenario offers no option here: an authoring error `attune check` reports as
    /// `dead-end`.
    case deadEnd
  }

  init(
    session: Session, header: TranscriptHeader, recorder: TranscriptRecorder,
    file: TranscriptFile, reader: LineReader, screen: Screen, interactive: Bool
  ) {
    self.session = session
    self.header = header
    self.recorder = recorder
    self.file = file
    self.reader = reader
    self.screen = screen
    self.interactive = interactive
  }

  var practice: Bool { header.mode == .practice }
  var clientName: String { session.scenario.client.name }

  /// Plays until an ending or a stop; returns the exit status.
  mutating func run() throws -> Int32 {
    screen.introduce(session.scenario, header: header, transcriptPath: file.path)
    do {
      while true {
        switch session.presentation {
        case .ending:
          try recorder.recordEnd(of: session, at: Timestamp.iso8601(Date()))
          file.synchronize()
          Debrief(
            session: session, guesses: guesses, transcriptPath: file.path, screen: screen
          ).show()
          return 0
        case .turn(let shown):
          try recorder.recordTurn(of: session)
          screen.turn(shown, client: clientName, mode: header.mode.rawValue)
          try play(shown)
        }
      }
    } catch let stop as Stop {
      let reason: String
      switch stop {
      case .quit: reason = "quit"
      case .endOfInput: reason = "end of input"
      case .deadEnd: reason = "dead end"
      }
      try recorder.recordQuit(reason: reason, at: Timestamp.iso8601(Date()))
      file.synchronize()
      screen.print("")
      if stop == .deadEnd {
        screen.print(
          "The scenario offers no answer here, so the session cannot go on. This is a fault in"
            + " the scenario (`attune check` reports it as dead-end); please tell its author.")
      }
      screen.print("Session ended before its close; the transcript is kept, marked incomplete:")
      screen.print("  \(file.path)")
      switch stop {
      case .quit: return 0
      case .endOfInput: return interactive ? 0 : 3
      case .deadEnd: return 4
      }
    }
  }

  /// One turn: the noticing question, the reflection, then options and commands until an
  /// answer is given (or undone).
  mutating func play(_ shown: TurnPresentation) throws {
    guard !shown.availableOptions.isEmpty else { throw Stop.deadEnd }
    // Asked on every turn: asking only where a marker shows (or mostly there) would tell the
    // trainee that one is there, and the answer counts toward noticing (`attune-repair/3`).
    if header.features.identifyMarkers {
      try askWhatIsNoticed(shown.turn)
    }
    var reflection: String?
    if header.features.reflect {
      reflection = try askReflection()
    }
    screen.options(shown)
    PromptCompletion.optionCount.store(shown.options.count, ordering: .relaxed)
    let shownAt = ContinuousClock.now
    while true {
      let line = try readLine(prompt: prompt(shown))
      if line.isEmpty { continue }
      if line.hasPrefix(":") {
        if try command(line, shown: shown) { return }
        continue
      }
      guard let number = Int(line), (1...shown.options.count).contains(number) else {
        screen.print("Type the number of an option (1-\(shown.options.count)), or :help.")
        continue
      }
      let option = shown.options[number - 1]
      guard option.isAvailable else {
        screen.print("That option is not available: \(screen.clean(option.disabledReason ?? ""))")
        continue
      }
      let elapsed = ContinuousClock.now - shownAt
      let latency = Int(
        elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
      let step = try session.choose(option.id)
      try recorder.recordChoice(
        step, number: shown.number, latencyMilliseconds: latency, reflection: reflection)
      if practice {
        screen.feedback(for: step, option: option.option, thoughts: shown.thoughts)
      }
      return
    }
  }

  func prompt(_ shown: TurnPresentation) -> String {
    "turn \(shown.number) · \(header.mode.rawValue) › "
  }

  /// Reads one line, turning Ctrl-C into a notice and Ctrl-D into a confirmed stop.
  mutating func readLine(prompt: String) throws -> String {
    while true {
      switch reader.readLine(prompt: prompt) {
      case .line(let text):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if interactive, !trimmed.isEmpty { reader.remember(trimmed) }
        return trimmed
      case .interrupted:
        screen.print("(line cancelled; type :quit to end the session)")
      case .endOfInput:
        guard interactive else { throw Stop.endOfInput }
        screen.print("")
        if try confirmQuit() { throw Stop.quit }
      }
    }
  }

  func confirmQuit() throws -> Bool {
    while true {
      switch reader.readLine(
        prompt: "End the session now? The transcript is kept, marked incomplete. [y/N] ")
      {
      case .line(let text):
        let answer = text.trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
      case .interrupted:
        return false
      case .endOfInput:
        if interactive { screen.print("") }
        return true
      }
    }
  }

  /// Runs a `:command`; returns true when the turn is done (after an undo).
  mutating func command(_ line: String, shown: TurnPresentation) throws -> Bool {
    let parts = line.split(separator: " ", maxSplits: 1)
    let name = String(parts[0])
    let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
    switch name {
    case ":help", ":h", ":?":
      screen.help(mode: header.mode)
    case ":profile":
      screen.profile(
        session.scenario.client, revealing: session.scenario.revealsProfile(in: header.mode))
    case ":history":
      screen.history(session)
    case ":alliance":
      guard practice else {
        screen.print("The alliance is shown in the debrief in assessment mode.")
        return false
      }
      screen.print("Alliance now: \(screen.alliance(session.state.alliance))")
    case ":hint":
      guard practice else {
        screen.print("Hints are for practice mode.")
        return false
      }
      let hint = Hints.hint(for: shown.turn)
      try recorder.recordHint(hint, turn: shown.turn.id)
      screen.print(screen.style.yellow(screen.wrap("Hint: " + hint, indent: "  ")))
    case ":undo":
      guard practice else {
        screen.print("Undo is for practice mode.")
        return false
      }
      guard let step = session.undo() else {
        screen.print("There is nothing to undo yet.")
        return false
      }
      try recorder.recordUndo(step)
      screen.print("Your last answer is taken back; back to turn \(shown.number - 1).")
      return true
    case ":note":
      guard !argument.isEmpty else {
        screen.print("Write the note after the command: :note TEXT")
        return false
      }
      try recorder.recordNote(argument, turn: shown.turn.id)
      screen.print("Noted.")
    case ":quit", ":q":
      if try confirmQuit() { throw Stop.quit }
    default:
      let suggestion = NameSuggestion.closest(to: name, among: PromptCompletion.commands)
      screen.print(
        "Unknown command \(screen.clean(name))"
          + (suggestion.map { "; did you mean \($0)?" } ?? "") + " Type :help for the list.")
    }
    return false
  }

  mutating func askReflection() throws -> String {
    screen.print("")
    screen.print(
      screen.style.cyan(
        "In your own words: what would you say to \(screen.clean(clientName)) now?"))
    while true {
      let text = try readLine(prompt: "your words › ")
      if text.hasPrefix(":") {
        screen.print("Write your response first; the options and commands come next.")
        continue
      }
      if !text.isEmpty { return text }
    }
  }
}
