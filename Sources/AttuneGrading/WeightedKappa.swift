import Foundation

/// Cohen's weighted kappa for two raters on an ordinal scale of integer categories.
///
/// Weighted kappa (Cohen, 1968) measures agreement between two raters beyond what their marginal
/// distributions would produce by chance, giving partial credit to near misses:
///
///     kappa = 1 - Σ w_ij · p_ij / Σ w_ij · e_ij
///
/// where `p_ij` is the observed proportion of pairs rated `(i, j)`, `e_ij = p_i· × p_·j` is the
/// proportion expected from the product of the two raters' marginals, and `w_ij` is the
/// disagreement weight: `|i − j| / (k − 1)` for ``Weighting/linear`` or `(i − j)² / (k − 1)²`
/// for ``Weighting/quadratic``, with `k` the number of categories. Kappa is 1 for perfect
/// agreement, 0 for chance-level agreement and negative for agreement worse than chance.
///
/// Because the normalising factor `(k − 1)` (or its square) appears in both sums, it cancels: the
/// value does not depend on how wide `categories` is, only on which ratings fall inside it.
///
/// Pairs with either rating outside `categories` are treated as invalid input: they are left out
/// of the computation and counted in ``skipped``.
///
/// - Cohen, J. (1968). Weighted kappa: Nominal scale agreement with provision for scaled
///   disagreement or partial credit. *Psychological Bulletin*, 70(4), 213–220.
/// - Fleiss, J. L., & Cohen, J. (1973). The equivalence of weighted kappa and the intraclass
///   correlation coefficient as measures of reliability. *Educational and Psychological
///   Measurement*, 33(3), 613–619 (quadratic weights).
public struct WeightedKappa: Hashable, Sendable {
  /// How a disagreement between categories `i` and `j` is weighted.
  public enum Weighting: String, Hashable, Sendable, Codable {
    /// `w_ij = |i − j| / (k − 1)`: the penalty grows in proportion to the distance.
    case linear
    /// `w_ij = (i − j)² / (k − 1)²`: large disagreements are penalised more than small ones.
    case quadratic
  }

  /// The weighted kappa, or `nil` when it is undefined: fewer than 2 valid pairs, or an expected
  /// disagreement of 0 (for instance when both raters used one and the same category throughout).
  public var value: Double?
  /// The number of valid pairs (both ratings inside `categories`) the value is computed from.
  public var pairs: Int
  /// The number of pairs left out because at least one rating lay outside `categories`.
  public var skipped: Int
  /// The disagreement weights used.
  public var weighting: Weighting

  /// Computes the weighted kappa of paired ratings.
  ///
  /// - Parameters:
  ///   - pairs: One `(first rater, second rater)` pair per rated item. Pairs with a rating outside
  ///     `categories` are ignored and counted in ``skipped``.
  ///   - categories: The ordinal scale, for example `1...5`.
  ///   - weighting: The disagreement weights; quadratic by default.
  public init(
    pairs: [(Int, Int)], categories: ClosedRange<Int>, weighting: Weighting = .quadratic
  ) {
    let valid = pairs.filter { categories.contains($0.0) && categories.contains($0.1) }
    self.pairs = valid.count
    self.skipped = pairs.count - valid.count
    self.weighting = weighting
    self.value = Self.kappa(of: valid, weighting: weighting)
  }

  /// Computes kappa with unnormalised weights `|i − j|^p`; the normalisation cancels in the ratio.
  ///
  /// With `n` pairs, counts `n_ij` and marginal counts `r_i`, `c_j`:
  /// `kappa = 1 − n · Σ d_ij n_ij / Σ d_ij r_i c_j`. All the sums are of whole numbers, so the
  /// test for a zero expected disagreement is exact.
  private static func kappa(of pairs: [(Int, Int)], weighting: Weighting) -> Double? {
    guard pairs.count >= 2 else { return nil }

    func distance(_ i: Int, _ j: Int) -> Double {
      let gap = abs(Double(i) - Double(j))
      switch weighting {
      case .linear: return gap
      case .quadratic: return gap * gap
      }
    }

    var firstMarginal: [Int: Int] = [:]
    var secondMarginal: [Int: Int] = [:]
    var observed = 0.0
    for (first, second) in pairs {
      firstMarginal[first, default: 0] += 1
      secondMarginal[second, default: 0] += 1
      observed += distance(first, second)
    }

    var expected = 0.0
    for (first, firstCount) in firstMarginal {
      for (second, secondCount) in secondMarginal {
        expected += distance(first, second) * Double(firstCount) * Double(secondCount)
      }
    }

    guard expected > 0 else { return nil }
    return 1 - Double(pairs.count) * observed / expected
  }
}
