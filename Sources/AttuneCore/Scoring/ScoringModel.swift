/// The version and weights of the scoring model, documented in `Docs/scoring-model.md`.
public enum ScoringModel {
  /// The versions this build can compute; each stays computable so that a transcript is
  /// verified and graded under the model it was recorded with.
  public enum Version: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// Weights, fit rules and anchors of `Docs/scoring-model.md` without section 9.
    case repair2 = "attune-repair/2"
    /// `attune-repair/2` plus outcome bounds, the safety layer, author-keyed reassurance fit
    /// and noticing by the trainee's own identification (`Docs/scoring-model.md` §9-10).
    case repair3 = "attune-repair/3"

    public static func < (lhs: Version, rhs: Version) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  /// The model new sessions are scored with.
  public static let current = Version.repair3

  /// The current model's name and version, recorded in every new transcript.
  public static var version: String { current.rawValue }

  /// The most an `attune-repair/3` headline can be for a session with this outcome (nil: an
  /// incomplete session, which has no outcome): a dropout cannot score above the best
  /// unrepaired session, nor an unrepaired one above the best partial repair.
  public static func bound(for outcome: Outcome?) -> Int? {
    switch outcome {
    case .repaired: 100
    case .partlyRepaired: 60
    case .unrepaired: 40
    case .dropout: 20
    case nil: nil
    }
  }

  /// The most an `attune-repair/3` headline can be when a safety item was not met: no higher
  /// than the best unrepaired session, and the session fails whatever its points.
  public static let safetyBound = 40

  /// The weights of the headline components, summing to 1.
  public static let weights: [ScoreComponent.Kind: Double] = Dictionary(
    uniqueKeysWithValues: ScoreComponent.Kind.allCases.map { ($0, weight(of: $0)) })

  /// The weight of one headline component (a switch, not a lookup: the analysis computes
  /// millions of headlines).
  public static func weight(of kind: ScoreComponent.Kind) -> Double {
    switch kind {
    case .resolution: 0.35
    case .detection: 0.15
    case .alliance: 0.20
    case .fit: 0.10
    case .restraint: 0.20
    }
  }
}

/// One component of the headline alliance repair score.
public struct ScoreComponent: Hashable, Sendable, Codable {
  /// Which component.
  public var kind: Kind
  /// Its value, 0-100, rounded to one decimal.
  public var value: Double
  /// Its weight after renormalising over the components that apply.
  public var weight: Double
  /// What it adds to the headline: value times weight.
  public var contribution: Double
  /// How the value was computed, in words and numbers.
  public var explanation: String

  /// The components.
  public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
    /// Mean resolution rating, (mean - 1) / 4 * 100.
    case resolution
    /// Share of marker turns whose marker was attended to in the next response.
    case detection
    /// Final mean alliance.
    case alliance
    /// Share of fit adjustments that favoured the response.
    case fit
    /// Share of responses that were not contraindicated.
    case restraint

    /// A short human name.
    public var title: String {
      switch self {
      case .resolution: "rupture resolution"
      case .detection: "markers noticed"
      case .alliance: "final alliance"
      case .fit: "fit to the client"
      case .restraint: "avoiding contraindicated moves"
      }
    }
  }
}

/// The simulated WAI-SR-style total: each alliance part mapped onto a 4-20 subscale and
/// summed to 12-60. It is derived from the engine's state, not from any questionnaire, and is
/// always labelled as simulated (Hatcher & Gillaspy 2006 describe the real instrument).
public struct SimulatedWAISR: Hashable, Sendable, Codable {
  /// Bond subscale, 4-20.
  public var bond: Double
  /// Task subscale, 4-20.
  public var task: Double
  /// Goal subscale, 4-20.
  public var goal: Double
  /// Total, 12-60.
  public var total: Double
  /// Always "simulated".
  public var label = "simulated"

  /// Maps an alliance onto the subscales: 4 + 16 * part / 100, one decimal.
  public init(_ alliance: Alliance) {
    func subscale(_ value: Int) -> Double { roundedToTenth(4 + 16 * Double(value) / 100) }
    bond = subscale(alliance.bond)
    task = subscale(alliance.task)
    goal = subscale(alliance.goal)
    total = roundedToTenth(bond + task + goal)
  }
}

extension ScoringModel {
  /// Rounds a score figure to one decimal, as the model records it, so that recorded numbers
  /// compare exactly; analyses that recompute scores must round the same way.
  public static func roundedToTenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

func roundedToTenth(_ value: Double) -> Double { ScoringModel.roundedToTenth(value) }
