/// The simulated client: who they are and how they tend to relate.
public struct ClientProfile: Hashable, Sendable {
  /// The client's name as the trainee meets them.
  public var name: String
  /// The client's age in years.
  public var age: Int?
  /// Why the client came to therapy, in a sentence.
  public var concern: String
  /// What the trainee knows of the client's history.
  public var background: String
  /// The client's attachment, on the ECR-R dimensions.
  public var attachment: Attachment
  /// How strongly the client resists being directed.
  public var reactance: Reactance

  /// Creates a profile.
  public init(
    name: String, age: Int? = nil, concern: String, background: String,
    attachment: Attachment, reactance: Reactance
  ) {
    self.name = name
    self.age = age
    self.concern = concern
    self.background = background
    self.attachment = attachment
    self.reactance = reactance
  }
}

/// Adult attachment as two continuous dimensions (ECR-R style, 1-7; Fraley, Waller & Brennan
/// 2000) with the Bartholomew-Horowitz (1991) category.
public struct Attachment: Hashable, Sendable {
  /// Attachment anxiety, 1 (low) to 7 (high).
  public var anxiety: Double
  /// Attachment avoidance, 1 (low) to 7 (high).
  public var avoidance: Double
  /// The category the author gave, if any.
  public var statedCategory: AttachmentCategory?

  /// Creates an attachment profile.
  public init(anxiety: Double, avoidance: Double, category: AttachmentCategory? = nil) {
    self.anxiety = anxiety
    self.avoidance = avoidance
    self.statedCategory = category
  }

  /// The category derived from the dimensions: each is high above the midpoint 4.
  public var derivedCategory: AttachmentCategory {
    AttachmentCategory(anxietyIsHigh: anxiety > 4, avoidanceIsHigh: avoidance > 4)
  }

  /// The category in force: the stated one if given, otherwise the derived one.
  public var category: AttachmentCategory { statedCategory ?? derivedCategory }

  /// How high anxiety is: 0 at or below the midpoint, 1 above it, 2 from 5.5.
  public var anxietyLevel: Int { Self.level(of: anxiety) }

  /// How high avoidance is: 0 at or below the midpoint, 1 above it, 2 from 5.5.
  public var avoidanceLevel: Int { Self.level(of: avoidance) }

  static func level(of score: Double) -> Int {
    score >= 5.5 ? 2 : (score > 4 ? 1 : 0)
  }
}

/// The four prototypes of Bartholomew & Horowitz (1991).
public enum AttachmentCategory: String, CaseIterable, Hashable, Sendable, Codable {
  /// Positive model of self and of others: low anxiety, low avoidance.
  case secure
  /// Negative model of self, positive of others: high anxiety, low avoidance.
  case preoccupied
  /// Positive model of self, negative of others: low anxiety, high avoidance.
  case dismissing
  /// Negative model of self and of others: high anxiety, high avoidance.
  case fearful

  /// The category for the given highs and lows.
  public init(anxietyIsHigh: Bool, avoidanceIsHigh: Bool) {
    switch (anxietyIsHigh, avoidanceIsHigh) {
    case (false, false): self = .secure
    case (true, false): self = .preoccupied
    case (false, true): self = .dismissing
    case (true, true): self = .fearful
    }
  }
}

/// The client's reactance: how strongly they push back against being directed
/// (Beutler et al. 2011).
public enum Reactance: String, CaseIterable, Hashable, Sendable, Codable {
  case low
  case moderate
  case high

  /// 0 for low, 1 for moderate, 2 for high.
  public var level: Int {
    switch self {
    case .low: 0
    case .moderate: 1
    case .high: 2
    }
  }
}
