extension DiagnosticCode {
  /// A field that the scenario format does not know; often a misspelling.
  public static let unknownField: DiagnosticCode = "unknown-field"
  /// A required field is absent.
  public static let missingField: DiagnosticCode = "missing-field"
  /// A value has the wrong JSON type (a number where a string belongs, ...).
  public static let wrongType: DiagnosticCode = "wrong-type"
  /// The same key appears twice in one object.
  public static let duplicateKey: DiagnosticCode = "duplicate-key"
  /// A value is not one of those allowed (an unknown difficulty, outcome, subtype, ...).
  public static let invalidValue: DiagnosticCode = "invalid-value"
  /// A therapist option names a code that is not in the codebook.
  public static let unknownCode: DiagnosticCode = "unknown-code"
  /// A number lies outside its allowed range.
  public static let outOfRange: DiagnosticCode = "out-of-range"
  /// An id or variable name does not have the allowed form.
  public static let invalidID: DiagnosticCode = "invalid-id"
  /// Two turns, options or endings share an id.
  public static let duplicateID: DiagnosticCode = "duplicate-id"
  /// A `next`, `to` or `start` names no turn or ending.
  public static let unknownTarget: DiagnosticCode = "unknown-target"
  /// `set` or `add` gives a variable a value of the wrong type.
  public static let variableType: DiagnosticCode = "variable-type"
  /// A variable is named like a built-in word of conditions.
  public static let reservedName: DiagnosticCode = "reserved-name"
  /// The file's `format` is not one this build reads.
  public static let unsupportedFormat: DiagnosticCode = "unsupported-format"
  /// The last branch of a `next` has a condition, so that no branch may apply.
  public static let missingDefaultBranch: DiagnosticCode = "missing-default-branch"
  /// A marker's subtype belongs to the other rupture type.
  public static let markerSubtypeMismatch: DiagnosticCode = "marker-subtype-mismatch"
  /// The stated attachment category disagrees with the anxiety and avoidance scores.
  public static let attachmentCategoryMismatch: DiagnosticCode = "attachment-category-mismatch"
  /// A list that must hold at least one element is empty.
  public static let emptyList: DiagnosticCode = "empty-list"
  /// A documented size limit is exceeded.
  public static let limitExceeded: DiagnosticCode = "limit-exceeded"
  /// A therapist option has no feedback to teach from.
  public static let missingFeedback: DiagnosticCode = "missing-feedback"
  /// The scenario has no situation brief for the trainee.
  public static let missingBrief: DiagnosticCode = "missing-brief"
  /// The file could not be read (missing, a folder, unreadable).
  public static let unreadableFile: DiagnosticCode = "unreadable-file"
}
