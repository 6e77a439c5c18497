import AttuneCore

/// What the headline score needs to know of a path so far, so that paths with the same summary
/// and the same state score alike from there on.
struct ScoreSummary: Hashable {
  var responses: Int32 = 0
  var contraindicated: Int32 = 0
  var favourable: Int32 = 0
  var unfavourable: Int32 = 0
  var episodes: Int32 = 0
  var ratingSum: Int32 = 0
  /// Marker turns answered, and those whose response attended to the marker.
  var markers: Int32 = 0
  var noticed: Int32 = 0
  var isOpen = false
  /// Whether any marker of the open episode was attended to.
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
    if turn.hasMarker {
      if !next.isOpen {
        next.isOpen = true
        next.attended = false
        next.stage = nil
        next.onset = Self.tenth(before.mean)
        next.openContraindicated = 0
      }
      next.markers += 1
      if option.attends {
        next.noticed += 1
        next.attended = true
      }
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
    ratingSum += Int32(rating)
    isOpen = false
    stage = nil
    attended = false
    onset = 0
    openContraindicated = 0
  }

  /// The headline score of a session ending with this summary and this final alliance, computed
  /// by the same function as `SessionScore`'s.
  func headline(final alliance: Alliance) -> Int {
    var summary = self
    if summary.isOpen { summary.close(at: alliance) }
    return HeadlineScore(
      HeadlineEvidence(
        episodes: Int(summary.episodes), ratingSum: Int(summary.ratingSum),
        markers: Int(summary.markers), markersNoticed: Int(summary.noticed),
        finalAlliance: alliance, favourableFit: Int(summary.favourable),
        unfavourableFit: Int(summary.unfavourable), responses: Int(summary.responses),
        contraindicatedMoves: Int(summary.contraindicated))
    ).value
  }
}
