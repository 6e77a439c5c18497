/// The fixed codebook of therapist moves that every option is coded with.
///
/// It holds the ten resolution strategies of the Rupture Resolution Rating System (3RS;
/// Eubanks, Muran & Safran 2015), the relational micro-skills that MITI 4.2.1 counts
/// (Moyers, Manuel & Ernst), and the moves this project treats as contraindicated during a
/// rupture. See `Scenarios/README.md` for the definition of each code.
public enum Code: String, CaseIterable, Hashable, Sendable, Codable {
  // 3RS resolution strategies.
  case clarifyMisunderstanding = "clarify-misunderstanding"
  case changeTaskOrGoal = "change-task-or-goal"
  case giveRationale = "give-rationale"
  case inviteDiscussion = "invite-discussion"
  case acknowledgeContribution = "acknowledge-contribution"
  case discloseExperience = "disclose-experience"
  case linkTherapyPattern = "link-therapy-pattern"
  case linkLifePattern = "link-life-pattern"
  case validateDefense = "validate-defense"
  case redirect = "redirect"
  // Relational micro-skills.
  case simpleReflection = "simple-reflection"
  case complexReflection = "complex-reflection"
  case openQuestion = "open-question"
  case closedQuestion = "closed-question"
  case affirm = "affirm"
  case emphasizeAutonomy = "emphasize-autonomy"
  case giveInformation = "give-information"
  case persuade = "persuade"
  case confront = "confront"
  case reassure = "reassure"
  // Contraindicated moves.
  case defendSelf = "defend-self"
  case blameClient = "blame-client"
  case ignoreMarker = "ignore-marker"
  case prematureInterpretation = "premature-interpretation"
  // Contraindicated moves that are also safety breaches (scoring model `attune-repair/3`).
  case collude = "collude"
  case falsePromise = "false-promise"
  case dismissRisk = "dismiss-risk"

  /// The group a code belongs to.
  public var family: CodeFamily {
    switch self {
    case .clarifyMisunderstanding, .changeTaskOrGoal, .giveRationale, .redirect:
      .immediateStrategy
    case .inviteDiscussion, .acknowledgeContribution, .discloseExperience, .linkTherapyPattern,
      .linkLifePattern, .validateDefense:
      .exploratoryStrategy
    case .simpleReflection, .complexReflection, .openQuestion, .closedQuestion, .affirm,
      .emphasizeAutonomy, .giveInformation, .persuade, .confront, .reassure:
      .microSkill
    case .defendSelf, .blameClient, .ignoreMarker, .prematureInterpretation, .collude,
      .falsePromise, .dismissRisk:
      .contraindicated
    }
  }

  /// Whether the code is one of the ten 3RS resolution strategies.
  public var isResolutionStrategy: Bool {
    family == .immediateStrategy || family == .exploratoryStrategy
  }

  /// Whether the move breaches a safety or ethics duty that no score may trade away: colluding
  /// to falsify a record or keep a secret the therapist cannot keep, an undeliverable promise
  /// (unlimited confidentiality among them), or dismissing risk (`../shared/domain.md` §9).
  public var isSafetyBreach: Bool {
    self == .collude || self == .falsePromise || self == .dismissRisk
  }

  /// Whether the code counts as a reflection in the reflection-to-question ratio.
  public var isReflection: Bool { self == .simpleReflection || self == .complexReflection }

  /// Whether the code counts as a question in the reflection-to-question ratio.
  public var isQuestion: Bool { self == .openQuestion || self == .closedQuestion }

  /// A short human name, for feedback and reports.
  public var title: String {
    switch self {
    case .clarifyMisunderstanding: "clarify a misunderstanding"
    case .changeTaskOrGoal: "change tasks or goals"
    case .giveRationale: "illustrate the task or give a rationale"
    case .inviteDiscussion: "invite discussion of the relationship or the therapy"
    case .acknowledgeContribution: "acknowledge the therapist's contribution"
    case .discloseExperience: "disclose the therapist's experience"
    case .linkTherapyPattern: "link to a pattern between client and therapist"
    case .linkLifePattern: "link to a pattern in other relationships"
    case .validateDefense: "validate the defensive posture"
    case .redirect: "redirect or refocus"
    case .simpleReflection: "simple reflection"
    case .complexReflection: "complex reflection"
    case .openQuestion: "open question"
    case .closedQuestion: "closed question"
    case .affirm: "affirm"
    case .emphasizeAutonomy: "emphasize autonomy"
    case .giveInformation: "give information"
    case .persuade: "persuade"
    case .confront: "confront"
    case .reassure: "reassure"
    case .defendSelf: "defend self"
    case .blameClient: "blame the client"
    case .ignoreMarker: "ignore the marker or change topic"
    case .prematureInterpretation: "premature interpretation"
    case .collude: "collude (falsify a record or keep an unkeepable secret)"
    case .falsePromise: "make a false promise"
    case .dismissRisk: "dismiss risk"
    }
  }
}

/// The groups of the codebook.
public enum CodeFamily: String, CaseIterable, Hashable, Sendable, Codable {
  /// 3RS strategies that address the rupture directly through the task: clarify, change the
  /// task or goal, give a rationale, redirect (the Center for Alliance-Focused Training's
  /// "immediate" family; this project places redirect here too).
  case immediateStrategy = "immediate"
  /// 3RS strategies that open the rupture to joint inquiry (metacommunication).
  case exploratoryStrategy = "exploratory"
  /// Relational micro-skills counted as in MITI 4.2.1.
  case microSkill = "micro-skill"
  /// Moves that deepen a rupture.
  case contraindicated = "contraindicated"
}
