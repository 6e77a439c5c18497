extension DiagnosticCode {
  /// A transcript file is empty.
  public static let transcriptEmpty: DiagnosticCode = "transcript-empty"
  /// A transcript's first line is not a readable header.
  public static let transcriptHeader: DiagnosticCode = "transcript-header"
  /// A line of a transcript is not a readable event.
  public static let transcriptEvent: DiagnosticCode = "transcript-event"
  /// A replayed transcript disagrees with what its scenario produces.
  public static let transcriptMismatch: DiagnosticCode = "transcript-mismatch"
  /// A transcript was scored by another scoring model or engine than this build's, so its
  /// numbers cannot be checked by this build.
  public static let engineChanged: DiagnosticCode = "engine-changed"
  /// A transcript's scenario file differs from the one played.
  public static let scenarioChanged: DiagnosticCode = "scenario-changed"
}
