import AttuneGrading
import Testing

@Suite struct AgreementInterpretationTests {
  /// Landis & Koch (1977) bands; each upper bound belongs to its band.
  @Test func kappaBands() {
    #expect(KappaStrength(kappa: -0.01) == .poor)
    #expect(KappaStrength(kappa: 0) == .slight)
    #expect(KappaStrength(kappa: 0.2) == .slight)
    #expect(KappaStrength(kappa: 0.21) == .fair)
    #expect(KappaStrength(kappa: 0.4) == .fair)
    #expect(KappaStrength(kappa: 0.6) == .moderate)
    #expect(KappaStrength(kappa: 0.8) == .substantial)
    #expect(KappaStrength(kappa: 0.81) == .almostPerfect)
    #expect(KappaStrength(kappa: 1) == .almostPerfect)
    #expect(KappaStrength(kappa: .nan) == nil)
    #expect(KappaStrength.almostPerfect.label == "almost perfect")
  }

  /// Koo & Li (2016) bands: 0.5 and 0.75 open their bands, 0.9 is still good.
  @Test func iccBands() {
    #expect(ICCReliability(icc: 0.49) == .poor)
    #expect(ICCReliability(icc: 0.5) == .moderate)
    #expect(ICCReliability(icc: 0.74) == .moderate)
    #expect(ICCReliability(icc: 0.75) == .good)
    #expect(ICCReliability(icc: 0.9) == .good)
    #expect(ICCReliability(icc: 0.91) == .excellent)
    #expect(ICCReliability(icc: -0.3) == .poor)
    #expect(ICCReliability(icc: .nan) == nil)
  }

  @Test func labelsOfComputedStatistics() {
    let kappa = WeightedKappa(
      pairs: [(1, 1), (1, 2), (2, 2), (2, 3), (3, 3), (3, 3)], categories: 1...3)
    #expect(kappa.strength == .substantial)  // 0.75
    #expect(WeightedKappa(pairs: [], categories: 1...3).strength == nil)

    let icc = IntraclassCorrelation(ratings: [[1, 3], [3, 4], [5, 5]], form: .consistencySingle)
    #expect(icc.reliability == .good)  // 0.8
    #expect(IntraclassCorrelation(ratings: []).reliability == nil)
  }
}
