extension DiagnosticCode {
  /// A condition that cannot be read: an unexpected character or word, unbalanced
  /// parentheses, an empty condition, a chained comparison such as `1 < a < 3`, a malformed
  /// number or `visits(...)`.
  public static let expressionSyntax: DiagnosticCode = "expression-syntax"
  /// A condition names something that is neither `bond`, `task`, `goal` nor a declared
  /// variable.
  public static let unknownVariable: DiagnosticCode = "unknown-variable"
  /// A condition counts `visits(ID)` of an id that no turn or option has.
  public static let unknownVisitTarget: DiagnosticCode = "unknown-visit-target"
  /// A condition mixes numbers and true/false values: a true/false value compared with `<`,
  /// a number used as a condition (`bond and task`), `not 3`, or a condition that is a number
  /// as a whole.
  public static let expressionType: DiagnosticCode = "expression-type"
  /// A condition longer than 1,000 characters or nested more than 32 levels deep.
  public static let expressionTooComplex: DiagnosticCode = "expression-too-complex"
}
