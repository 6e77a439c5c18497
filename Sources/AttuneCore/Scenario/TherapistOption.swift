/// Something the trainee may say to the client, with its effects and the teaching behind it.
public struct TherapistOption: Hashable, Sendable {
  /// The author's stable id, unique in the scenario.
  public var id: String
  /// What the therapist says.
  public var text: String
  /// The codebook codes that describe the move.
  public var codes: [Code]
  /// The author's change to the alliance.
  public var alliance: AllianceChange
  /// Variables set to a value.
  public var sets: [VariableAssignment]
  /// Numeric variables increased (or decreased) by an amount.
  public var adds: [VariableAssignment]
  /// Why this move helps or harms, shown after it is chosen in practice mode.
  public var feedback: String?
  /// Where the session goes next.
  public var next: Transition
  /// Whether the option stays available, is used up, or is the fallback.
  public var kind: OptionKind
  /// When the option is available; always if absent.
  public var condition: Condition?
  /// What the trainee sees when the condition does not hold.
  public var whenUnavailable: Unavailability
  /// The author's word on whether this answer attends to a rupture marker, overriding the
  /// rule based on codes.
  public var attendsOverride: Bool?
  /// Whether the engine's fit adjustments apply to this option (default true).
  public var appliesFitAdjustments: Bool
  /// The safety tasks this response carries out.
  public var safetyTasks: [SafetyTask] = []
  /// The author's word that reassurance is what this client needs here, so that the engine's
  /// reassurance adjustment counts as favourable fit (`attune-repair/3`); without it, it counts
  /// as neither favourable nor unfavourable.
  public var reassuranceFits = false

  /// Whether the option, given to a turn with a rupture marker, attends to the marker: the
  /// author's word if given, otherwise whether it uses a 3RS strategy or a reflection and
  /// does not ignore the marker.
  public var attendsToMarker: Bool {
    if let attendsOverride { return attendsOverride }
    if codes.contains(.ignoreMarker) { return false }
    return codes.contains { $0.isResolutionStrategy || $0.isReflection }
  }

  /// The codes of this option that breach a safety duty.
  public var safetyBreaches: [Code] { codes.filter(\.isSafetyBreach) }

  /// The contraindicated codes this option uses.
  public var contraindicatedCodes: [Code] { codes.filter { $0.family == .contraindicated } }
}

/// A variable and the value or amount an option gives it.
public struct VariableAssignment: Hashable, Sendable {
  public var name: String
  public var value: VariableValue
}

/// How an option behaves when its turn comes round again.
public enum OptionKind: String, CaseIterable, Hashable, Sendable, Codable {
  /// Available every time (the default).
  case sticky
  /// Available until chosen once.
  case once
  /// Hidden while any other option is available; offered alone when none is.
  case fallback
}

/// What the trainee sees of an option whose condition does not hold.
public enum Unavailability: Hashable, Sendable {
  /// Nothing: the option is not shown.
  case hidden
  /// The option is shown, disabled, with the reason.
  case disabled(reason: String)
}

/// Where a session goes after an option.
public struct Transition: Hashable, Sendable {
  /// The branches, tried in order; the first whose condition holds is taken. The last has no
  /// condition.
  public var branches: [Branch]

  /// Creates a transition from its branches.
  public init(branches: [Branch]) { self.branches = branches }

  /// Every turn or ending id this transition may lead to.
  public var targets: [String] { branches.flatMap { $0.destination.targets } }
}

/// One branch of a transition.
public struct Branch: Hashable, Sendable {
  /// When this branch is taken; always if absent.
  public var condition: Condition?
  /// Where it leads.
  public var destination: Destination
}

/// A fixed target, or a weighted random choice among targets.
public enum Destination: Hashable, Sendable {
  /// A turn or an ending.
  case target(String)
  /// A weighted choice made from the session's seeded random source.
  case random([WeightedTarget])

  /// Every id this destination may lead to.
  public var targets: [String] {
    switch self {
    case .target(let id): [id]
    case .random(let choices): choices.map(\.target)
    }
  }
}

/// One outcome of a random choice, with its weight.
public struct WeightedTarget: Hashable, Sendable {
  public var target: String
  public var weight: Int
}
