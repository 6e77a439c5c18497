import ArgumentParser
import AttuneCore
import Foundation

/// `attune replay`: verifies a transcript against its scenario.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Verify a transcript by replaying its choices against its scenario.",
    discussion: """
      Finds the scenario (a bundled one with the recorded id, or --scenario PATH), compares its
      SHA-256, re-runs every choice and checks every recorded number. Exits 1 when
      verification fails.
      """)

  @Argument(help: "The transcript (.jsonl) to verify.")
  var transcript: String

  @Option(help: "The scenario file, if it is not a bundled one.")
  var scenario: String?

  func run() throws {
    try Output.run {
      let bytes = try FileInput.read(transcript, displayPath: transcript, limit: 64 << 20)
      let read = Transcript(bytes: bytes)
      guard let header = read.header else {
        throw CommandFailure(
          "\(transcript):1: the first line is not a transcript header; is this an Attune"
            + " transcript?")
      }
      let loaded =
        try scenario.map { try LoadedScenario.load(path: $0, displayPath: $0) }
        ?? ScenarioLibrary.locate().resolve(header.scenario.id)
      let verification = TranscriptVerification(
        transcript: read, scenario: loaded.scenario, scenarioBytes: loaded.bytes)
      for finding in verification.findings {
        Output.out(
          "\(transcript):\(finding.line): \(TerminalText.sanitized(finding.message)) [\(finding.code)]"
        )
      }
      if let torn = read.tornLine {
        Output.out(
          "\(transcript):\(torn): the last line is torn (the session stopped while writing it);"
            + " it is left out")
      }
      let state = verification.isComplete ? "complete" : "incomplete"
      let score = verification.session.map { "; headline \($0.score.headline)" } ?? ""
      Output.out(
        "\(transcript): \(verification.isVerified ? "verified" : "NOT verified"), \(state);"
          + " trainee \(TerminalText.sanitized(header.trainee)), scenario \(header.scenario.id)"
          + " \(header.scenario.version), \(header.mode.rawValue), seed \(header.seed)\(score)")
      if !verification.isVerified { throw ExitCode(1) }
    }
  }
}
