/// The attachment and reactance fit adjustments of scoring model `attune-repair/2`.
///
/// The rules follow `../shared/domain.md` sections 3, 4 and 7: avoidant clients experience the
/// therapist as too close and do better when distance is respected first (Daly & Mallinckrodt
/// 2009; Mallinckrodt, Choi & Daly 2015); anxious clients experience the therapist as too
/// distant and are soothed by reassurance, which gives a short-term bond gain without task
/// progress; highly reactant clients do better with a less directive therapist, low-reactance
/// clients with a more directive one (Beutler et al. 2011). The rules and their sizes are
/// documented in `Docs/scoring-model.md`.
public enum FitModel {
  /// The moves that press for closeness.
  public static let closenessPressing: Set<Code> = [.discloseExperience, .linkTherapyPattern]
  /// The moves that respect a client's distance.
  public static let distanceRespecting: Set<Code> = [.emphasizeAutonomy, .validateDefense]
  /// The moves an anxious client may feel as withdrawal or rejection.
  public static let feltAsWithdrawal: Set<Code> = [.ignoreMarker, .redirect, .giveInformation]
  /// Directive moves.
  public static let directive: Set<Code> = [.persuade, .confront, .giveInformation, .redirect]

  /// How many of the session's first responses count as "early".
  public static let earlyResponses = 3

  /// The adjustments for choosing `option` with this client.
  ///
  /// - Parameters:
  ///   - isEarly: whether the response is among the session's first three or answers a turn
  ///     that shows a rupture marker.
  public static func adjustments(
    for option: TherapistOption, client: ClientProfile, isEarly: Bool
  ) -> [FitAdjustment] {
    guard option.appliesFitAdjustments else { return [] }
    let codes = Set(option.codes)
    var result: [FitAdjustment] = []
    let avoidance = client.attachment.avoidanceLevel
    let anxiety = client.attachment.anxietyLevel
    let reactance = client.reactance.level

    if avoidance > 0 {
      if isEarly, let code = first(of: closenessPressing, in: option.codes) {
        result.append(
          FitAdjustment(
            rule: "avoidance-closeness", change: AllianceChange(bond: -avoidance),
            reason:
              "\(code.title) presses for closeness early; a client high in attachment avoidance"
              + " feels the therapist as too close (Daly & Mallinckrodt 2009)"))
      }
      if let code = first(of: distanceRespecting, in: option.codes) {
        result.append(
          FitAdjustment(
            rule: "avoidance-distance", change: AllianceChange(bond: avoidance),
            reason:
              "\(code.title) respects the distance a client high in attachment avoidance needs"
              + " (Daly & Mallinckrodt 2009)"))
      }
    }
    if anxiety > 0 {
      if let code = first(of: feltAsWithdrawal, in: option.codes) {
        result.append(
          FitAdjustment(
            rule: "anxiety-withdrawal", change: AllianceChange(bond: -anxiety),
            reason:
              "\(code.title) can feel like withdrawal to a client high in attachment anxiety,"
              + " who experiences the therapist as too distant (Mallinckrodt, Choi & Daly 2015)"))
      }
      if codes.contains(.reassure) {
        result.append(
          FitAdjustment(
            rule: "anxiety-reassurance",
            change: AllianceChange(bond: anxiety, task: -max(0, option.alliance.task)),
            reason:
              "reassurance soothes a client high in attachment anxiety for now (bond), but"
              + " brings no progress on the task"))
      }
    }
    if let code = first(of: directive, in: option.codes) {
      switch reactance {
      case 2:
        result.append(
          FitAdjustment(
            rule: "reactance-directive", change: AllianceChange(bond: -1, task: -2),
            reason:
              "\(code.title) is directive; a highly reactant client pushes back against being"
              + " directed (Beutler et al. 2011)"))
      case 1:
        result.append(
          FitAdjustment(
            rule: "reactance-directive", change: AllianceChange(task: -1),
            reason:
              "\(code.title) is directive; a moderately reactant client pushes back a little"
              + " (Beutler et al. 2011)"))
      default:
        result.append(
          FitAdjustment(
            rule: "reactance-directive", change: AllianceChange(task: 1),
            reason:
              "\(code.title) is directive; a client low in reactance does better with a more"
              + " directive therapist (Beutler et al. 2011)"))
      }
    }
    if codes.contains(.emphasizeAutonomy), reactance > 0 {
      result.append(
        FitAdjustment(
          rule: "reactance-autonomy", change: AllianceChange(task: reactance),
          reason:
            "emphasizing autonomy suits a reactant client, who works best when the choice is"
            + " theirs (Beutler et al. 2011)"))
    }
    return result
  }

  /// How a fit adjustment counts toward the fit component: under `attune-repair/2` by the sign
  /// of its total change; under `attune-repair/3` likewise, except that the reassurance
  /// adjustment counts as favourable only where the option's author says reassurance fits
  /// (`reassuranceFits`), and otherwise not at all.
  public static func verdict(
    of adjustment: FitAdjustment, option: TherapistOption?, model: ScoringModel.Version
  ) -> FitVerdict {
    if model >= .repair3, adjustment.rule == "anxiety-reassurance" {
      return option?.reassuranceFits == true ? .favourable : .neutral
    }
    let total = adjustment.change.total
    return total > 0 ? .favourable : total < 0 ? .unfavourable : .neutral
  }

  private static func first(of set: Set<Code>, in codes: [Code]) -> Code? {
    codes.first { set.contains($0) }
  }
}
