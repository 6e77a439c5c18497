import AttuneGrading
import Testing

/// Whether `actual` is defined and within `tolerance` of `expected`.
private func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
  guard let actual else { return false }
  return abs(actual - expected) <= tolerance
}

@Suite struct WeightedKappaTests {
  /// Six episodes on a 1...3 scale, used for the hand-computed cases.
  ///
  /// Counts (rows: first rater, columns: second rater):
  ///
  ///          1  2  3 | row
  ///     1    1  1  0 |  2
  ///     2    0  1  1 |  2
  ///     3    0  0  2 |  2
  ///     col  1  2  3 |  6
  static let handPairs = [(1, 1), (1, 2), (2, 2), (2, 3), (3, 3), (3, 3)]

  @Test func perfectAgreementIsOne() {
    let pairs = [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (3, 3)]
    for weighting in [WeightedKappa.Weighting.linear, .quadratic] {
      let kappa = WeightedKappa(pairs: pairs, categories: 1...5, weighting: weighting)
      #expect(kappa.value == 1)
      #expect(kappa.pairs == 6)
      #expect(kappa.skipped == 0)
      #expect(kappa.weighting == weighting)
    }
  }

  /// Linear weights, k = 3: w = 0 on the diagonal, 1/2 one step off, 1 two steps off.
  ///
  /// Observed disagreement: the two pairs (1,2) and (2,3) are one step off, so
  /// Do = (1/6)(1/2 + 1/2) = 1/6.
  /// Expected: e_ij = row_i · col_j / 36. One step off: (1,2) 2·2 + (2,1) 2·1 + (2,3) 2·3
  /// + (3,2) 2·2 = 16; two steps off: (1,3) 2·3 + (3,1) 2·1 = 8.
  /// De = (16 · 1/2 + 8 · 1) / 36 = 16/36 = 4/9.
  /// kappa = 1 − (1/6)/(4/9) = 1 − 9/24 = 0.625.
  @Test func handComputedLinear() {
    let kappa = WeightedKappa(pairs: Self.handPairs, categories: 1...3, weighting: .linear)
    #expect(isClose(kappa.value, 0.625))
    #expect(kappa.pairs == 6)
  }

  /// Quadratic weights, k = 3: w = 0 on the diagonal, 1/4 one step off, 1 two steps off.
  ///
  /// Do = (1/6)(1/4 + 1/4) = 1/12.
  /// De = (16 · 1/4 + 8 · 1) / 36 = 12/36 = 1/3.
  /// kappa = 1 − (1/12)/(1/3) = 1 − 1/4 = 0.75.
  @Test func handComputedQuadratic() {
    let kappa = WeightedKappa(pairs: Self.handPairs, categories: 1...3)
    #expect(kappa.weighting == .quadratic)
    #expect(isClose(kappa.value, 0.75))
  }

  @Test func swappingTheRatersKeepsTheValue() throws {
    let swapped = Self.handPairs.map { ($0.1, $0.0) }
    for weighting in [WeightedKappa.Weighting.linear, .quadratic] {
      let original = WeightedKappa(pairs: Self.handPairs, categories: 1...3, weighting: weighting)
      let reversed = WeightedKappa(pairs: swapped, categories: 1...3, weighting: weighting)
      #expect(isClose(reversed.value, try #require(original.value)))
    }
  }

  /// The (k − 1) normalisation appears in both sums and cancels, so an unused category at the
  /// end of the scale does not change kappa.
  @Test func unusedCategoriesDoNotChangeTheValue() throws {
    let narrow = WeightedKappa(pairs: Self.handPairs, categories: 1...3, weighting: .linear)
    let wide = WeightedKappa(pairs: Self.handPairs, categories: 1...5, weighting: .linear)
    #expect(isClose(wide.value, try #require(narrow.value)))
  }

  /// The second rater reverses the 1...5 scale: pairs (1,5), (2,4), (3,3), (4,2), (5,1).
  ///
  /// Both marginals are one of each category, so e_ij = 1/25 everywhere. Over the 25 cells the
  /// distance d = |i − j| is 1 in 8 cells, 2 in 6, 3 in 4 and 4 in 2.
  /// Quadratic (w = d²/16): Do = (16 + 4 + 0 + 4 + 16)/16/5 = 1/2;
  /// De = (8·1 + 6·4 + 4·9 + 2·16)/16/25 = 100/400 = 1/4; kappa = 1 − (1/2)/(1/4) = −1.
  /// Linear (w = d/4): Do = (4 + 2 + 0 + 2 + 4)/4/5 = 3/5;
  /// De = (8·1 + 6·2 + 4·3 + 2·4)/4/25 = 40/100 = 2/5; kappa = 1 − (3/5)/(2/5) = −0.5.
  @Test func systematicDisagreementIsNegative() {
    let pairs = [(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)]
    let quadratic = WeightedKappa(pairs: pairs, categories: 1...5, weighting: .quadratic)
    let linear = WeightedKappa(pairs: pairs, categories: 1...5, weighting: .linear)
    #expect(isClose(quadratic.value, -1))
    #expect(isClose(linear.value, -0.5))
  }

  @Test func noPairsIsUndefined() {
    let kappa = WeightedKappa(pairs: [], categories: 1...5)
    #expect(kappa.value == nil)
    #expect(kappa.pairs == 0)
    #expect(kappa.skipped == 0)
  }

  /// A single pair has a nonzero expected disagreement when its ratings differ, but kappa from
  /// one pair means nothing, so it is reported as undefined.
  @Test func onePairIsUndefined() {
    #expect(WeightedKappa(pairs: [(1, 3)], categories: 1...5).value == nil)
    #expect(WeightedKappa(pairs: [(2, 2)], categories: 1...5).value == nil)
  }

  /// Both raters always give 3: every expected pair is (3,3), so the expected disagreement is 0.
  @Test func oneCategoryUsedByBothRatersIsUndefined() {
    let pairs = Array(repeating: (3, 3), count: 4)
    for weighting in [WeightedKappa.Weighting.linear, .quadratic] {
      let kappa = WeightedKappa(pairs: pairs, categories: 1...5, weighting: weighting)
      #expect(kappa.value == nil)
      #expect(kappa.pairs == 4)
    }
    #expect(WeightedKappa(pairs: pairs, categories: 3...3).value == nil)
  }

  @Test func outOfRangeRatingsAreSkipped() {
    let invalid = [(0, 2), (4, 1), (2, 7), (-1, 9)]
    let kappa = WeightedKappa(pairs: Self.handPairs + invalid, categories: 1...3)
    #expect(kappa.pairs == 6)
    #expect(kappa.skipped == 4)
    #expect(isClose(kappa.value, 0.75))

    let allInvalid = WeightedKappa(pairs: invalid, categories: 1...3)
    #expect(allInvalid.value == nil)
    #expect(allInvalid.pairs == 0)
    #expect(allInvalid.skipped == 4)
  }
}
