import AttuneGrading
import Testing

/// Whether `actual` is defined and within `tolerance` of `expected`.
private func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
  guard let actual else { return false }
  return abs(actual - expected) <= tolerance
}

@Suite struct IntraclassCorrelationTests {
  /// Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
  static let shroutFleiss: [[Double?]] = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ]

  /// Three subjects, two raters; the second rater scores one point higher on average.
  ///
  /// Grand mean 21/6 = 3.5; row means 2, 3.5, 5; column means 3, 4.
  /// SSR = 2 · (1.5² + 0² + 1.5²) = 9, MSR = 9/2 = 4.5.
  /// SSC = 3 · (0.5² + 0.5²) = 1.5, MSC = 1.5/1 = 1.5.
  /// SST = 2.5² + 0.5² + 0.5² + 0.5² + 1.5² + 1.5² = 11.5, SSE = 11.5 − 9 − 1.5 = 1,
  /// MSE = 1/(2 · 1) = 0.5.
  /// ICC(A,1) = (4.5 − 0.5)/(4.5 + 0.5 + 2 · (1.5 − 0.5)/3) = 4/(17/3) = 12/17 ≈ 0.7059.
  /// ICC(C,1) = (4.5 − 0.5)/(4.5 + 0.5) = 0.8.
  static let hand: [[Double?]] = [[1, 3], [3, 4], [5, 5]]

  /// Published mean squares: between targets 11.24, between judges 32.49, residual 1.02, so
  /// ICC(2,1) = 10.22/(11.24 + 3 · 1.02 + 4 · 31.47/6) = 10.22/35.28 ≈ 0.29 and
  /// ICC(3,1) = 10.22/(11.24 + 3 · 1.02) = 10.22/14.30 ≈ 0.71.
  @Test func shroutFleissExample() {
    let agreement = IntraclassCorrelation(ratings: Self.shroutFleiss)
    #expect(agreement.form == .agreementSingle)
    #expect(agreement.subjects == 6)
    #expect(agreement.raters == 4)
    #expect(isClose(agreement.value, 0.29, tolerance: 0.005))
    // Unrounded mean squares give 10.2222/35.2778 (cross-checked with numpy).
    #expect(isClose(agreement.value, 0.289_764, tolerance: 1e-6))

    let consistency = IntraclassCorrelation(ratings: Self.shroutFleiss, form: .consistencySingle)
    #expect(consistency.form == .consistencySingle)
    #expect(isClose(consistency.value, 0.71, tolerance: 0.005))
    #expect(isClose(consistency.value, 0.714_841, tolerance: 1e-6))
  }

  @Test func handComputedThreeByTwo() {
    let agreement = IntraclassCorrelation(ratings: Self.hand, form: .agreementSingle)
    let consistency = IntraclassCorrelation(ratings: Self.hand, form: .consistencySingle)
    #expect(isClose(agreement.value, 12.0 / 17.0))
    #expect(isClose(consistency.value, 0.8))
    #expect(agreement.subjects == 3)
    #expect(agreement.raters == 2)
    #expect(agreement.skipped == 0)
  }

  @Test func perfectAgreementIsOne() {
    let ratings: [[Double?]] = [[1, 1, 1], [3, 3, 3], [5, 5, 5], [2, 2, 2]]
    let decimals: [[Double?]] = [[0.1, 0.1], [0.7, 0.7], [0.3, 0.3]]
    for form in [IntraclassCorrelation.Form.agreementSingle, .consistencySingle] {
      #expect(IntraclassCorrelation(ratings: ratings, form: form).value == 1)
      #expect(isClose(IntraclassCorrelation(ratings: decimals, form: form).value, 1))
    }
  }

  /// Rows with a nil, and rows shorter than the longest, are incomplete and left out.
  @Test func incompleteRowsAreLeftOut() {
    let ratings = Self.hand + [[2, nil], [nil, nil], [4]]
    for form in [IntraclassCorrelation.Form.agreementSingle, .consistencySingle] {
      let withGaps = IntraclassCorrelation(ratings: ratings, form: form)
      let complete = IntraclassCorrelation(ratings: Self.hand, form: form)
      #expect(withGaps.value == complete.value)
      #expect(withGaps.subjects == 3)
      #expect(withGaps.raters == 2)
      #expect(withGaps.skipped == 3)
    }
  }

  @Test func nonFiniteRatingsAreLeftOut() {
    let ratings = Self.hand + [[.nan, 2], [1, .infinity]]
    let icc = IntraclassCorrelation(ratings: ratings)
    #expect(icc.subjects == 3)
    #expect(icc.skipped == 2)
    #expect(isClose(icc.value, 12.0 / 17.0))
  }

  @Test func tooFewSubjectsOrRatersIsUndefined() {
    let empty = IntraclassCorrelation(ratings: [])
    #expect(empty.value == nil)
    #expect(empty.subjects == 0)
    #expect(empty.raters == 0)

    #expect(IntraclassCorrelation(ratings: [[1, 2, 3]]).value == nil)
    #expect(IntraclassCorrelation(ratings: [[1], [2], [3]]).value == nil)
    // Only one complete row remains.
    #expect(IntraclassCorrelation(ratings: [[1, 2], [3, nil], [nil, 4]]).value == nil)
  }

  @Test func constantRatingsAreUndefined() {
    let constant: [[Double?]] = [[4, 4], [4, 4], [4, 4]]
    let decimals: [[Double?]] = [[0.1, 0.1, 0.1], [0.1, 0.1, 0.1]]
    for form in [IntraclassCorrelation.Form.agreementSingle, .consistencySingle] {
      #expect(IntraclassCorrelation(ratings: constant, form: form).value == nil)
      #expect(IntraclassCorrelation(ratings: decimals, form: form).value == nil)
    }
  }

  /// [[1, 2], [2, 1]]: MSR = MSC = 0, MSE = 1. ICC(A,1) has denominator 0 + 1 + 2 · (0 − 1)/2 = 0;
  /// ICC(C,1) = (0 − 1)/(0 + 1) = −1.
  @Test func zeroAgreementDenominatorIsUndefined() {
    let ratings: [[Double?]] = [[1, 2], [2, 1]]
    #expect(IntraclassCorrelation(ratings: ratings, form: .agreementSingle).value == nil)
    #expect(isClose(IntraclassCorrelation(ratings: ratings, form: .consistencySingle).value, -1))
  }

  /// [[1, 2], [1, 2]]: MSR = MSE = 0, MSC = 1. ICC(C,1) has denominator 0 + 1 · 0 = 0;
  /// ICC(A,1) = 0/(0 + 0 + 2 · (1 − 0)/2) = 0.
  @Test func zeroConsistencyDenominatorIsUndefined() {
    let ratings: [[Double?]] = [[1, 2], [1, 2]]
    #expect(IntraclassCorrelation(ratings: ratings, form: .consistencySingle).value == nil)
    #expect(isClose(IntraclassCorrelation(ratings: ratings, form: .agreementSingle).value, 0))
  }
}
