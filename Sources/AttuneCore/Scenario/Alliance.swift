/// The working alliance (Bordin 1979) as three whole numbers from 0 to 100.
public struct Alliance: Hashable, Sendable, Codable {
  /// The affective bond between client and therapist.
  public var bond: Int
  /// Agreement on the tasks of therapy.
  public var task: Int
  /// Agreement on the goals of therapy.
  public var goal: Int

  /// Creates an alliance, clamping each part to 0...100.
  public init(bond: Int, task: Int, goal: Int) {
    self.bond = Self.clamp(bond)
    self.task = Self.clamp(task)
    self.goal = Self.clamp(goal)
  }

  /// One part of the alliance.
  public subscript(dimension: AllianceDimension) -> Int {
    get {
      switch dimension {
      case .bond: bond
      case .task: task
      case .goal: goal
      }
    }
    set {
      switch dimension {
      case .bond: bond = Self.clamp(newValue)
      case .task: task = Self.clamp(newValue)
      case .goal: goal = Self.clamp(newValue)
      }
    }
  }

  /// The mean of bond, task and goal.
  public var mean: Double { Double(bond + task + goal) / 3 }

  /// This alliance moved by a change, each part clamped to 0...100.
  public func applying(_ change: AllianceChange) -> Alliance {
    Alliance(bond: bond + change.bond, task: task + change.task, goal: goal + change.goal)
  }

  /// The change that leads from `other` to this alliance.
  public func difference(from other: Alliance) -> AllianceChange {
    AllianceChange(bond: bond - other.bond, task: task - other.task, goal: goal - other.goal)
  }

  static func clamp(_ value: Int) -> Int { min(100, max(0, value)) }
}

/// A change to the alliance, in points on each part.
public struct AllianceChange: Hashable, Sendable, Codable {
  public var bond: Int
  public var task: Int
  public var goal: Int

  /// Creates a change; parts left out are zero.
  public init(bond: Int = 0, task: Int = 0, goal: Int = 0) {
    self.bond = bond
    self.task = task
    self.goal = goal
  }

  /// No change.
  public static let zero = AllianceChange()

  /// Whether every part is zero.
  public var isZero: Bool { self == .zero }

  /// The sum of the three parts.
  public var total: Int { bond + task + goal }

  /// One part of the change.
  public subscript(dimension: AllianceDimension) -> Int {
    get {
      switch dimension {
      case .bond: bond
      case .task: task
      case .goal: goal
      }
    }
    set {
      switch dimension {
      case .bond: bond = newValue
      case .task: task = newValue
      case .goal: goal = newValue
      }
    }
  }

  public static func + (lhs: AllianceChange, rhs: AllianceChange) -> AllianceChange {
    AllianceChange(bond: lhs.bond + rhs.bond, task: lhs.task + rhs.task, goal: lhs.goal + rhs.goal)
  }
}
