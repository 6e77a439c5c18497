import AttuneCore

/// What the headline score needs to know of a path so far, so that paths with the same summary
/// and the same state score alike from there on.
struct ScoreSummary: Hashable {
  var responses: Int32 = 0
  var contraindicated: Int32 = 0
  var favourable: Int32 = 0
  var unfavourable: Int32 = 0
  var episodes: Int32 = 0
  var detected: Int32 = 0
  var ratingSum: Int32 = 0
  var isOpen = false
  var attended = false
  var stage: ResolutionStage?
  var onset: Double = 0
  var openContraindicated: Int32 = 0

  static func tenth(_ value: Double) -> Double { ScoringModel.roundedToTenth(value) }

  /// The summary after answering turn `turn` with `option`, from `before` to `after`.
  func step(
    _ turn: CompiledScenario.Turn, _ option: CompiledScenario.Option, early: Bool,
    before: Alliance, after: Alliance
  ) -> ScoreSummary {
    var next = self
    let e = early ? 1 : 0
    next.favourable += option.favourable[e]
    next.unfavourable += option.unfavourable[e]
    next.responses += 1
    if option.contraindicated { next.contraindicated += 1 }
    if turn.hasMarker, !next.isOpen {
      next.isOpen = true
      next.attended = option.attends
      next.stage = nil
      next.onset = Self.tenth(before.mean)
      next.openContraindicated = 0
    }
    guard next.isOpen else { return next }
    if let stage = turn.stage, next.stage.map({ stage > $0 }) ?? true { next.stage = stage }
    if option.contraindicated { next.openContraindicated += 1 }
    if turn.stage == .collaborationRestored { next.close(at: after) }
    return next
  }

  mutating func close(at alliance: Alliance) {
    let rating = ResolutionRating.rate(
      attended: attended, furthestStage: stage, allianceAtOnset: onset,
      allianceAtClose: Self.tenth(alliance.mean), contraindicatedMoves: Int(openContraindicated)
    ).rating
    episodes += 1
    if attended { detected += 1 }
    ratingSum += Int32(rating)
    isOpen = false
    stage = nil
    attended = false
    onset = 0
    openContraindicated = 0
  }

  /// The headline score of a session ending with this summary and this final alliance, as
  /// `SessionScore` computes it.
  func headline(final alliance: Alliance) -> Int {
    var summary = self
    if summary.isOpen { summary.close(at: alliance) }
    var raw: [(ScoreComponent.Kind, Double)] = []
    if summary.episodes > 0 {
      let mean = Self.tenth(Double(summary.ratingSum) / Double(summary.episodes))
      raw.append((.resolution, (mean - 1) / 4 * 100))
      raw.append((.detection, Double(summary.detected) / Double(summary.episodes) * 100))
    }
    raw.append((.alliance, alliance.mean))
    let fit = summary.favourable + summary.unfavourable
    if fit > 0 { raw.append((.fit, Double(summary.favourable) / Double(fit) * 100)) }
    if summary.responses > 0 {
      raw.append(
        (.restraint, (1 - Double(summary.contraindicated) / Double(summary.responses)) * 100))
    }
    let weightSum = raw.reduce(0) { $0 + ScoringModel.weights[$1.0]! }
    var total = 0.0
    for (kind, value) in raw {
      total += Self.tenth(value) * (ScoringModel.weights[kind]! / weightSum)
    }
    return Int(total.rounded())
  }
}
