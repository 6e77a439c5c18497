import AttuneCore

/// How far the engine's 1-5 resolution ratings agree with graders' ratings of the same rupture
/// episodes, and how far graders agree with each other: the evidence instructors need to
/// calibrate the scoring model.
///
/// Agreement is reported pair by pair as quadratic-weighted kappa (Cohen 1968) and ICC(A,1)
/// (McGraw & Wong 1996), each over the episodes both raters rated, and across every rater
/// (engine included, then graders only) as ICC(A,1) over the episodes all of them rated.
public struct RatingAgreement: Hashable, Sendable {
  /// The name the engine goes by among the raters.
  public static let engine = "engine"

  /// Every episode of a verified session that at least one grader rated.
  public private(set) var episodes: [RatedEpisode] = []

  /// No episodes yet.
  public init() {}

  /// Adds the episodes of `report` that graders rated in `log`. Sessions that are not
  /// verified are left out: their engine ratings cannot be trusted.
  public mutating func add(_ report: SessionReport, log: GradingLog) {
    guard report.verification.isVerified, let score = report.score, !log.ratings.isEmpty
    else { return }
    for episode in score.episodes {
      var ratings: [String: Int] = [:]
      for (grader, byEpisode) in log.ratings {
        if let rating = byEpisode[episode.number] { ratings[grader] = rating.rating }
      }
      guard !ratings.isEmpty else { continue }
      ratings[Self.engine] = episode.rating
      episodes.append(
        RatedEpisode(
          transcript: report.file, scenario: report.header?.scenario.id ?? "",
          episode: episode.number, ratings: ratings))
    }
  }

  /// Every rater, the engine first and then the graders in order of name.
  public var raters: [String] {
    let graders = Set(episodes.flatMap(\.ratings.keys)).subtracting([Self.engine]).sorted()
    return episodes.isEmpty ? [] : [Self.engine] + graders
  }

  /// Agreement for every pair of raters that rated at least one episode in common.
  public var pairs: [PairAgreement] {
    let raters = raters
    var result: [PairAgreement] = []
    for (index, first) in raters.enumerated() {
      for second in raters[(index + 1)...] {
        let common = episodes.compactMap { episode -> (Int, Int)? in
          guard let a = episode.ratings[first], let b = episode.ratings[second] else { return nil }
          return (a, b)
        }
        guard !common.isEmpty else { continue }
        result.append(
          PairAgreement(
            first: first, second: second, episodes: common.count,
            exactAgreement: Double(common.count { $0.0 == $0.1 }) / Double(common.count),
            kappa: WeightedKappa(pairs: common, categories: 1...5, weighting: .quadratic),
            icc: IntraclassCorrelation(
              ratings: common.map { [Double($0.0), Double($0.1)] }, form: .agreementSingle)))
      }
    }
    return result
  }

  /// ICC(A,1) across every rater, engine included, and across the graders alone, for each
  /// group of three raters or more.
  public var groups: [GroupAgreement] {
    let raters = raters
    return [
      ("all raters", raters), ("graders only", raters.filter { $0 != Self.engine }),
    ].compactMap { name, group in
      group.count > 2
        ? GroupAgreement(name: name, raters: group, icc: intraclassCorrelation(among: group))
        : nil
    }
  }

  /// ICC(A,1) across `raters`, over the episodes every one of them rated.
  public func intraclassCorrelation(among raters: [String]) -> IntraclassCorrelation {
    IntraclassCorrelation(
      ratings: episodes.map { episode in raters.map { episode.ratings[$0].map(Double.init) } },
      form: .agreementSingle)
  }
}

/// How far a group of raters agree over the episodes all of them rated.
public struct GroupAgreement: Hashable, Sendable {
  /// What the group is: "all raters" or "graders only".
  public var name: String
  /// Its raters.
  public var raters: [String]
  /// ICC(A,1) over the episodes all of them rated.
  public var icc: IntraclassCorrelation
}

/// One rupture episode with every rating it received.
public struct RatedEpisode: Hashable, Sendable, Codable {
  /// The transcript it comes from.
  public var transcript: String
  /// The scenario played.
  public var scenario: String
  /// The episode's number in the session.
  public var episode: Int
  /// The ratings by rater, the engine included.
  public var ratings: [String: Int]
}

/// How far two raters agree over the episodes both rated.
public struct PairAgreement: Hashable, Sendable {
  /// The raters.
  public var first: String
  public var second: String
  /// How many episodes both rated.
  public var episodes: Int
  /// The share of those episodes given the same rating, 0 to 1.
  public var exactAgreement: Double
  /// Quadratic-weighted kappa.
  public var kappa: WeightedKappa
  /// ICC(A,1) of the two.
  public var icc: IntraclassCorrelation
}
