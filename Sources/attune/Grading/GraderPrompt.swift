import AttuneCore
import AttuneGrading
import Foundation
import LineEditor

/// `attune replay --step`: a grader's prompt to walk a verified session turn by turn, jump to a
/// turn or an episode, rate each rupture episode 1-5 on the model's anchors and comment.
///
/// Every rating and comment is appended to the transcript's grading file the moment it is
/// entered, so nothing is lost if the grader stops; the transcript itself is never touched.
struct GraderPrompt {
  let report: SessionReport
  let transcriptPath: String
  let transcriptBytes: [UInt8]
  let grader: String
  let client: String
  var log: GradingLog

  /// The session split into pages, each starting at a client turn.
  private var pages: [[ScriptEntry]] = []
  private var position = 0
  private let screen = Screen(style: Style.forOutput(STDOUT_FILENO), width: Terminal.width() ?? 80)

  static let commands = [
    "next", "prev", "turn", "episode", "episodes", "rate", "comment", "overall", "anchors",
    "score", "help", "quit",
  ]

  static let help = """
    Commands (Enter alone goes to the next turn):
      next, n              the next client turn          prev, p    the previous one
      turn N, t N          jump to client turn N         episode N, e N   jump to episode N
      episodes             the episodes, with the engine's rating and yours
      rate N R [why]       rate episode N from 1 to 5 (see `anchors`), with an optional reason
      comment TEXT         comment on the turn on screen
      overall TEXT         comment on the whole session
      anchors              what each rating means      score   the engine's score
      help                 this list                   quit, q (or Ctrl-D)   stop
    Ratings and comments are saved at once in \(GradingFile.suffix.dropFirst()) beside the
    transcript, which is never changed.
    """

  init(
    report: SessionReport, transcriptPath: String, transcriptBytes: [UInt8], grader: String,
    client: String, log: GradingLog
  ) {
    self.report = report
    self.transcriptPath = transcriptPath
    self.transcriptBytes = transcriptBytes
    self.grader = grader
    self.client = client
    self.log = log
    for entry in report.script.entries {
      if case .clientTurn = entry.content {
        pages.append([entry])
      } else if pages.isEmpty {
        pages.append([entry])
      } else {
        pages[pages.count - 1].append(entry)
      }
    }
  }

  private var episodes: [RuptureEpisode] { report.score?.episodes ?? [] }

  private var header: GradingHeader {
    GradingHeader(
      transcript: (transcriptPath as NSString).lastPathComponent,
      transcriptSha256: ScenarioFingerprint.sha256(of: transcriptBytes),
      scenario: report.header?.scenario.id ?? "")
  }

  /// Runs the prompt until the grader quits or input ends.
  mutating func run() throws {
    if let existing = log.header, existing.transcriptSha256 != header.transcriptSha256 {
      throw CommandFailure(
        "\(GradingFile.path(forTranscript: transcriptPath)) belongs to another version of this"
          + " transcript (its SHA-256 differs); move it aside before grading this one")
    }
    let reader = makeLineReader(
      programName: "attune-grade", historyFile: nil,
      completer: LineCompleter { line in
        let word =
          line.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return line.contains(" ") ? [] : GraderPrompt.commands.filter { $0.hasPrefix(word) }
      }, echoNonInteractiveInput: true)
    for line in ReplaySummary(screen: screen).head(report) { Output.out(line) }
    Output.out(
      "Grading as \(screen.clean(grader)): \(episodes.count) rupture episode(s) to rate."
        + " Type `help` for the commands.")
    show()
    while true {
      let prompt = "turn \(currentTurn.map(String.init) ?? "-")/\(pages.count) · grade › "
      switch reader.readLine(prompt: prompt) {
      case .endOfInput:
        farewell()
        return
      case .interrupted:
        continue
      case .line(let line):
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { reader.remember(trimmed) }
        if try !handle(trimmed) {
          farewell()
          return
        }
      }
    }
  }

  /// Carries out one command; false when the grader quits.
  private mutating func handle(_ line: String) throws -> Bool {
    let words = line.split(separator: " ", maxSplits: 1).map(String.init)
    let command = words.first ?? "next"
    let argument = words.count > 1 ? words[1] : ""
    switch command {
    case "next", "n":
      if position + 1 < pages.count {
        position += 1
        show()
      } else {
        Output.out("That was the last turn. `episodes` lists what is left to rate.")
      }
    case "prev", "p":
      if position > 0 {
        position -= 1
        show()
      } else {
        Output.out("This is the first turn.")
      }
    case "turn", "t":
      guard let number = Int(argument),
        let page = pages.firstIndex(where: { turnNumber($0) == number })
      else {
        Output.out("Give a turn number between 1 and \(pages.count): `turn 3`.")
        return true
      }
      position = page
      show()
    case "episode", "e":
      guard let number = Int(argument),
        let episode = episodes.first(where: { $0.number == number }),
        let page = pages.firstIndex(where: { turnNumber($0) == episode.onsetTurnNumber })
      else {
        Output.out(
          episodes.isEmpty
            ? "This session has no rupture episodes."
            : "Give an episode number between 1 and \(episodes.count): `episode 1`.")
        return true
      }
      position = page
      show()
      describe(episode)
    case "episodes": listEpisodes()
    case "rate": try rate(argument)
    case "comment": try comment(argument, turn: currentTurn)
    case "overall": try comment(argument, turn: nil)
    case "anchors":
      for rating in 1...5 {
        Output.out(
          screen.wrap("\(rating): \(ResolutionRating.anchors[rating] ?? "")", indent: "  "))
      }
    case "score":
      for line in ReplaySummary(screen: screen).foot(report, log: log) { Output.out(line) }
    case "help", "?": Output.out(Self.help)
    case "quit", "q", "exit": return false
    default:
      Output.out("Unknown command \"\(screen.clean(command))\"; type `help` for the list.")
    }
    return true
  }

  private mutating func rate(_ argument: String) throws {
    let parts = argument.split(separator: " ", maxSplits: 2).map(String.init)
    guard parts.count >= 2, let number = Int(parts[0]), let rating = Int(parts[1]) else {
      Output.out("Rate an episode like this: `rate 1 4 explored but the need was not voiced`.")
      return
    }
    guard episodes.contains(where: { $0.number == number }) else {
      Output.out(
        episodes.isEmpty
          ? "This session has no rupture episodes to rate."
          : "There is no episode \(number); the episodes are 1 to \(episodes.count).")
      return
    }
    guard (1...5).contains(rating) else {
      Output.out("A rating is 1 to 5; `anchors` shows what each means.")
      return
    }
    let entry = GraderRating(
      grader: grader, episode: number, rating: rating,
      comment: parts.count > 2 ? parts[2] : nil, at: Timestamp.iso8601(Date()))
    try save(.rating(entry))
    let engine = episodes.first { $0.number == number }?.rating ?? 0
    Output.out(
      "Saved: episode \(number) rated \(rating) (\(ResolutionRating.anchors[rating]?.prefix { $0 != ":" } ?? ""));"
        + " the engine rated it \(engine).")
    let unrated = episodes.map(\.number).filter { log.ratings[grader]?[$0] == nil }
    if !unrated.isEmpty {
      Output.out("Still to rate: episode \(unrated.map(String.init).joined(separator: ", ")).")
    }
  }

  private mutating func comment(_ text: String, turn: Int?) throws {
    let clean = text.trimmingCharacters(in: .whitespaces)
    guard !clean.isEmpty else {
      Output.out("Write the comment after the command: `comment good use of immediacy`.")
      return
    }
    try save(
      .comment(
        GraderComment(grader: grader, turn: turn, text: clean, at: Timestamp.iso8601(Date()))))
    Output.out("Saved: comment on \(turn.map { "turn \($0)" } ?? "the session").")
  }

  private mutating func save(_ event: GradingEvent) throws {
    try GradingFile.append([event], forTranscript: transcriptPath, header: header)
    if log.header == nil { log.record(.header(header)) }
    log.record(event)
  }

  private var currentTurn: Int? { pages.isEmpty ? nil : turnNumber(pages[position]) }

  private func turnNumber(_ page: [ScriptEntry]) -> Int? {
    if case .clientTurn(let shown, _)? = page.first?.content { return shown.number }
    return nil
  }

  private func show() {
    guard !pages.isEmpty else {
      Output.out("The transcript holds no turns.")
      return
    }
    let script = ScriptText(screen: screen, client: client, score: report.score)
    for entry in pages[position] {
      for line in script.lines(entry) { Output.out(line) }
    }
  }

  private func describe(_ episode: RuptureEpisode) {
    let yours =
      log.ratings[grader]?[episode.number].map { "your rating \($0.rating)" }
      ?? "not rated by you yet"
    Output.out(
      screen.wrap(
        "Episode \(episode.number): turns \(episode.onsetTurnNumber)-"
          + "\(episode.onsetTurnNumber + max(1, episode.turnsTaken) - 1); furthest stage"
          + " \(episode.furthestStage?.title ?? "none"); engine rating \(episode.rating)"
          + " (\(episode.ratingReason)); \(yours)."))
  }

  private func listEpisodes() {
    guard !episodes.isEmpty else {
      Output.out("This session has no rupture episodes.")
      return
    }
    for episode in episodes { describe(episode) }
  }

  private func farewell() {
    let unrated = episodes.map(\.number).filter { log.ratings[grader]?[$0] == nil }
    Output.out(
      unrated.isEmpty
        ? "All episodes rated; saved in \(GradingFile.path(forTranscript: transcriptPath))."
        : "Stopped with episode \(unrated.map(String.init).joined(separator: ", ")) not rated;"
          + " what you entered is saved in \(GradingFile.path(forTranscript: transcriptPath)).")
  }
}
