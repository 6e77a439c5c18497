import ArgumentParser

/// The `attune` command: a training simulator for repairing alliance ruptures.
@main
struct Attune: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attune",
    abstract: "Practise repairing ruptures in the therapeutic alliance with simulated clients.",
    discussion: """
      Trainees run `attune play`; instructors check their scenarios with `attune check`;
      graders verify transcripts with `attune replay`.
      """,
    version: "0.1.0 (engine \(engineVersion), scoring \(scoringVersion))",
    subcommands: [Play.self, Check.self, List.self, Replay.self, Graph.self, New.self],
    defaultSubcommand: nil
  )
}
