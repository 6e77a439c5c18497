/// A client behaviour that signals a rupture in the alliance (3RS; Eubanks, Muran & Safran
/// 2015): its type, its subtype and how salient it is.
public struct RuptureMarker: Hashable, Sendable, Codable {
  /// Whether the client moves away from the therapist or against them.
  public var type: RuptureType
  /// The 3RS marker subtype.
  public var subtype: MarkerSubtype
  /// How clearly the marker shows, from 1 (subtle) to 5 (unmistakable).
  public var salience: Int

  /// Creates a marker.
  public init(type: RuptureType, subtype: MarkerSubtype, salience: Int) {
    self.type = type
    self.subtype = subtype
    self.salience = salience
  }
}

/// The two types of rupture (Safran & Muran 1996).
public enum RuptureType: String, CaseIterable, Hashable, Sendable, Codable {
  /// The client moves away from the therapist or the work.
  case withdrawal
  /// The client moves against the therapist or the work.
  case confrontation
}

/// The fourteen 3RS marker subtypes, seven of each type.
public enum MarkerSubtype: String, CaseIterable, Hashable, Sendable, Codable {
  // Withdrawal.
  case denial
  case minimalResponse = "minimal-response"
  case abstractCommunication = "abstract-communication"
  case avoidantStorytelling = "avoidant-storytelling"
  case deferentialAppeasing = "deferential-appeasing"
  case contentAffectSplit = "content-affect-split"
  case selfCriticism = "self-criticism"
  // Confrontation.
  case complaintAboutTherapist = "complaint-about-therapist"
  case rejectsIntervention = "rejects-intervention"
  case complaintAboutActivities = "complaint-about-activities"
  case complaintAboutParameters = "complaint-about-parameters"
  case complaintAboutProgress = "complaint-about-progress"
  case defendsAgainstTherapist = "defends-against-therapist"
  case controlsOrPressures = "controls-or-pressures"

  /// The rupture type this subtype belongs to.
  public var type: RuptureType {
    switch self {
    case .denial, .minimalResponse, .abstractCommunication, .avoidantStorytelling,
      .deferentialAppeasing, .contentAffectSplit, .selfCriticism:
      .withdrawal
    default:
      .confrontation
    }
  }

  /// A short human name.
  public var title: String {
    switch self {
    case .denial: "denial"
    case .minimalResponse: "minimal response"
    case .abstractCommunication: "abstract communication"
    case .avoidantStorytelling: "avoidant storytelling or shifting topic"
    case .deferentialAppeasing: "deferential and appeasing"
    case .contentAffectSplit: "content/affect split"
    case .selfCriticism: "self-criticism or hopelessness"
    case .complaintAboutTherapist: "complaints or concerns about the therapist"
    case .rejectsIntervention: "rejects the therapist's intervention"
    case .complaintAboutActivities: "complaints about the activities of therapy"
    case .complaintAboutParameters: "complaints about the parameters of therapy"
    case .complaintAboutProgress: "complaints about progress"
    case .defendsAgainstTherapist: "defends self against the therapist"
    case .controlsOrPressures: "efforts to control or pressure the therapist"
    }
  }
}

/// How far a rupture has moved towards resolution, as marked by the author on a client turn
/// (after the stage-process model of Safran & Muran 1996).
public enum ResolutionStage: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
  /// The client acknowledges that something went wrong between them.
  case acknowledged
  /// Client and therapist explore what happened.
  case explored
  /// The client voices discontent or hurt directly.
  case discontentVoiced = "discontent-voiced"
  /// The client voices the underlying need or wish.
  case needVoiced = "need-voiced"
  /// Collaboration on the tasks and goals is restored.
  case collaborationRestored = "collaboration-restored"

  /// 1 for acknowledged up to 5 for collaboration restored.
  public var ordinal: Int { Self.allCases.firstIndex(of: self)! + 1 }

  public static func < (lhs: ResolutionStage, rhs: ResolutionStage) -> Bool {
    lhs.ordinal < rhs.ordinal
  }

  /// A short human name.
  public var title: String {
    switch self {
    case .acknowledged: "acknowledged"
    case .explored: "explored"
    case .discontentVoiced: "discontent or hurt voiced"
    case .needVoiced: "underlying need voiced"
    case .collaborationRestored: "collaboration restored"
    }
  }
}
