/// One of the three dimensions of the working alliance (Bordin): the emotional bond, agreement
/// on the tasks of therapy, and agreement on its goals. Each is a number from 0 to 100.
///
/// In conditions the dimensions are read by their names `bond`, `task` and `goal`.
public enum AllianceDimension: String, CaseIterable, Hashable, Sendable, Codable {
  /// The emotional bond between client and therapist.
  case bond
  /// Agreement on the tasks of therapy.
  case task
  /// Agreement on the goals of therapy.
  case goal
}
