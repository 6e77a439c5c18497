import ArgumentParser

/// The `attune` command: a training simulator for repairing alliance ruptures.
@main
struct Attune: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attune",
    abstract: "Practise repairing ruptures in the therapeutic alliance with simulated clients.",
    discussion: """
      Trainees run `attune play`; instructors check their scenarios with `attune check`; \
      graders verify and read transcripts with `attune replay` and grade a cohort with \
      `attune grade`.
      """,
    version: "0.1.0 (engine \(engineVersion), scoring \(scoringVersion))",
    subcommands: [
      Play.self, Check.self, List.self, Replay.self, Grade.self, Graph.self, New.self,
    ],
    defaultSubcommand: nil
  )
}
