import ArgumentParser
import AttuneCore
import Foundation
import LineEditor

/// `attune play`: a trainee's session with a simulated client.
struct Play: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Work through a session with a simulated client.",
    discussion: """
      With no scenario, a menu of the bundled scenarios is shown. At the prompt, type an \
      option's number, or a command such as :help. When standard input is not a terminal, \
      plain lines are read (option numbers, menu and confirmation answers), so a session can \
      be scripted.

      Transcripts go to $ATTUNE_TRANSCRIPTS, $XDG_DATA_HOME/attune/transcripts or \
      ~/.local/share/attune/transcripts, readable by their owner only, and are never \
      overwritten.
      """)

  @Argument(help: "A bundled scenario's id, or the path of a scenario file.")
  var scenario: String?

  @Option(help: "Practice (feedback, hints, undo) or assessment (none until the debrief).")
  var mode: SessionMode = .practice

  @Option(help: "The seed of the session's random draws (default: a fresh one, recorded).")
  var seed: UInt64?

  @Option(help: "The trainee's id (default: the login name).")
  var trainee: String?

  @Option(help: "Where to write the transcript (must not exist yet).")
  var transcript: String?

  @Flag(help: "Write your own response in free text before the options appear.")
  var reflect = false

  @Flag(help: "Say which rupture marker you notice before answering.")
  var identifyMarkers = false

  func validate() throws {
    if let seed, seed > SeedPolicy.maximum {
      throw ValidationError("--seed must be at most \(SeedPolicy.maximum)")
    }
    if let trainee, trainee.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--trainee must not be empty")
    }
  }

  func run() throws {
    var status: Int32 = 0
    try Output.run {
      Terminal.restoreOnTermination()
      let interactive = Terminal.isInteractive()
      let style = Style.forOutput(STDOUT_FILENO)
      let width =
        Terminal.width() ?? Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
      let screen = Screen(style: style, width: min(max(width, 40), 100))
      let historyFile = interactive ? TranscriptLocation.stateFolder + "/history" : nil
      let reader = makeLineReader(
        programName: "attune", historyFile: historyFile, completer: PromptCompletion.completer,
        echoNonInteractiveInput: true)
      let library = ScenarioLibrary.locate()
      let loaded: LoadedScenario
      if let scenario {
        loaded = try library.resolve(scenario)
      } else {
        guard let chosen = try ScenarioMenu(library: library, screen: screen).choose(with: reader)
        else { return }
        loaded = chosen
      }
      let seed = self.seed ?? SeedPolicy.fresh()
      let traineeID = trainee ?? SeedPolicy.loginName()
      let path =
        transcript
        ?? TranscriptLocation.newPath(
          in: TranscriptLocation.defaultFolder, scenario: loaded.scenario.id, trainee: traineeID,
          date: Date())
      let file = try TranscriptFile(creatingAt: path)
      try file.checkSpace()
      let header = TranscriptHeader(
        scenario: ScenarioReference(
          id: loaded.scenario.id, version: loaded.scenario.version, sha256: loaded.sha256),
        trainee: traineeID, mode: mode, seed: seed,
        startedAt: Timestamp.iso8601(Date()),
        features: SessionFeatures(reflect: reflect, identifyMarkers: identifyMarkers))
      let recorder = try TranscriptRecorder(header: header, sink: file)
      var loop = PlayLoop(
        session: Session(scenario: loaded.scenario, seed: seed), header: header,
        recorder: recorder, file: file, reader: reader, screen: screen, interactive: interactive)
      status = try loop.run()
    }
    if status != 0 { throw ExitCode(status) }
  }
}

/// How seeds and trainee ids are chosen when not given.
enum SeedPolicy {
  /// The largest seed: 2^53 - 1, so that every JSON reader keeps it exact.
  static let maximum: UInt64 = (1 << 53) - 1

  /// A fresh seed from the system's random source.
  static func fresh() -> UInt64 { UInt64.random(in: 0...maximum) }

  /// The login name, or "trainee" when none is known.
  static func loginName() -> String {
    if let name = ProcessInfo.processInfo.environment["USER"], !name.isEmpty { return name }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "trainee"
  }
}

extension SessionMode: ExpressibleByArgument {}
