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
  /// The safety tasks required by the turns answered, and those carried out, as bits.
  var safetyRequired: UInt8 = 0
  var safetyDone: UInt8 = 0
  /// Whether a response breached a safety duty.
  var breached = false

  /// Whether every safety item was met and nothing was breached.
  var safetyMet: Bool { !breached && safetyRequired & ~safetyDone == 0 }

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
    next.safetyRequired |= turn.safetyTask
    next.safetyDone |= option.safetyTasks
    if option.breach { next.breached = true }
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

  /// The headline score of a session ending with this summary, this final alliance and this
  /// outcome, computed by the same function as `SessionScore`'s.
  func headline(final alliance: Alliance, outcome: Outcome) -> Int {
    var summary = self
    if summary.isOpen { summary.close(at: alliance) }
    return HeadlineScore(
      HeadlineEvidence(
        episodes: Int(summary.episodes), ratingSum: Int(summary.ratingSum),
        markers: Int(summary.markers), markersNoticed: Int(summary.noticed),
        finalAlliance: alliance, favourableFit: Int(summary.favourable),
        unfavourableFit: Int(summary.unfavourable), responses: Int(summary.responses),
        contraindicatedMoves: Int(summary.contraindicated), model: ScoringModel.current,
        outcome: outcome, safetyMet: summary.safetyMet)
    ).value
  }
}

extension ScoreSummary {
  /// What decides which headline components apply and how the rest of an open episode can be
  /// rated: summaries at the same state with the same key can be compared.
  private struct Key: Hashable {
    var isOpen: Bool
    var episodes: Int32
    var hasMarkers: Bool
    var fitApplies: Bool
    /// Kept apart so that a clean path never hides a tied path with a contraindicated move.
    var slipped: Bool
    /// The safety state decides a bound, which no count can make up for.
    var safetyRequired: UInt8
    var safetyDone: UInt8
    var breached: Bool
  }

  private var key: Key {
    Key(
      isOpen: isOpen, episodes: episodes, hasMarkers: markers > 0,
      fitApplies: favourable + unfavourable > 0, slipped: contraindicated > 0,
      safetyRequired: safetyRequired, safetyDone: safetyDone, breached: breached)
  }

  /// The summary's counts, each signed so that more is better for every headline that can
  /// follow from it: with the same key and the same way on, a summary at least as high on every
  /// count ends with a headline at least as high. The ratios of the headline (mean rating with
  /// the same number of episodes, markers noticed, fit, restraint) rise with what they reward and
  /// fall with what they penalise, and the rating of the open episode rises with its stage and
  /// with a marker attended to and falls with its onset and its contraindicated moves.
  private var merits: [Double] {
    [
      Double(ratingSum), Double(noticed), -Double(markers - noticed), -Double(contraindicated),
      Double(responses), Double(favourable), -Double(unfavourable), attended ? 1 : 0,
      Double(stage?.ordinal ?? 0), -onset, -Double(openContraindicated),
    ]
  }

  /// The indices of the summaries worth carrying on from one state when only the highest and
  /// the lowest headline matter: those that no other summary with the same key matches or beats
  /// on every merit, and those that no other matches or falls below on every merit. Any other
  /// summary ends, whatever follows, no higher than one kept and no lower than another.
  static func undominated(_ summaries: [ScoreSummary]) -> [Bool] {
    guard summaries.count > 1 else { return [Bool](repeating: true, count: summaries.count) }
    var keep = [Bool](repeating: false, count: summaries.count)
    let merits = summaries.map(\.merits)
    let sums = merits.map { $0.reduce(0, +) }
    for group in Dictionary(grouping: summaries.indices, by: { summaries[$0].key }).values {
      // Whoever matches or beats a summary on every merit has a larger sum, so walking down the
      // sums meets the maxima before anything they dominate (and up the sums, the minima).
      let descending = group.sorted { sums[$0] > sums[$1] }
      for (order, better) in [(descending, true), (descending.reversed(), false)] {
        var extremes: [Int] = []
        for i in order {
          let dominated = extremes.contains { j in
            zip(merits[j], merits[i]).allSatisfy { better ? $0 >= $1 : $0 <= $1 }
          }
          if !dominated {
            extremes.append(i)
            keep[i] = true
          }
        }
      }
    }
    return keep
  }
}
