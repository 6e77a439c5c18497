import Foundation

/// The strength of agreement conventionally attached to a kappa value (Landis & Koch, 1977).
///
/// | kappa             | strength       |
/// |-------------------|----------------|
/// | below 0           | poor           |
/// | 0 to 0.20         | slight         |
/// | over 0.20 to 0.40 | fair           |
/// | over 0.40 to 0.60 | moderate       |
/// | over 0.60 to 0.80 | substantial    |
/// | over 0.80         | almost perfect |
///
/// Each upper bound belongs to its band (0.40 is fair). Landis and Koch called these divisions
/// "clearly arbitrary" benchmarks; they proposed them for kappa-type statistics in general and
/// they are routinely applied to weighted kappa, but they are a convention, not a test.
///
/// - Landis, J. R., & Koch, G. G. (1977). The measurement of observer agreement for categorical
///   data. *Biometrics*, 33(1), 159–174.
public enum KappaStrength: String, Hashable, Sendable, Codable, CaseIterable {
  /// Below 0: agreement worse than chance.
  case poor
  /// 0 to 0.20.
  case slight
  /// Above 0.20 up to 0.40.
  case fair
  /// Above 0.40 up to 0.60.
  case moderate
  /// Above 0.60 up to 0.80.
  case substantial
  /// Above 0.80.
  case almostPerfect

  /// The band holding `kappa`, or `nil` when `kappa` is NaN.
  public init?(kappa: Double) {
    switch kappa {
    case _ where kappa.isNaN: return nil
    case ..<0: self = .poor
    case ...0.2: self = .slight
    case ...0.4: self = .fair
    case ...0.6: self = .moderate
    case ...0.8: self = .substantial
    default: self = .almostPerfect
    }
  }

  /// The label as Landis & Koch wrote it, for example "almost perfect".
  public var label: String {
    switch self {
    case .almostPerfect: return "almost perfect"
    default: return rawValue
    }
  }
}

/// The reliability conventionally attached to an intraclass correlation (Koo & Li, 2016).
///
/// | ICC            | reliability |
/// |----------------|-------------|
/// | below 0.50     | poor        |
/// | 0.50 to 0.75   | moderate    |
/// | 0.75 to 0.90   | good        |
/// | above 0.90     | excellent   |
///
/// Each lower bound belongs to its band (0.75 is good) except for 0.90, which is good: Koo & Li
/// call only values greater than 0.90 excellent. They advise applying the bands to the 95%
/// confidence interval of the ICC rather than to the point estimate alone.
///
/// - Koo, T. K., & Li, M. Y. (2016). A guideline of selecting and reporting intraclass
///   correlation coefficients for reliability research. *Journal of Chiropractic Medicine*,
///   15(2), 155–163.
public enum ICCReliability: String, Hashable, Sendable, Codable, CaseIterable {
  /// Below 0.50.
  case poor
  /// From 0.50 up to, but not including, 0.75.
  case moderate
  /// From 0.75 up to and including 0.90.
  case good
  /// Above 0.90.
  case excellent

  /// The band holding `icc`, or `nil` when `icc` is NaN.
  public init?(icc: Double) {
    switch icc {
    case _ where icc.isNaN: return nil
    case ..<0.5: self = .poor
    case ..<0.75: self = .moderate
    case ...0.9: self = .good
    default: self = .excellent
    }
  }

  /// The label as Koo & Li wrote it, for example "moderate".
  public var label: String { rawValue }
}

extension WeightedKappa {
  /// The Landis & Koch (1977) strength of agreement of ``value``, or `nil` when it is undefined.
  public var strength: KappaStrength? { value.flatMap { KappaStrength(kappa: $0) } }
}

extension IntraclassCorrelation {
  /// The Koo & Li (2016) reliability of ``value``, or `nil` when it is undefined.
  public var reliability: ICCReliability? { value.flatMap { ICCReliability(icc: $0) } }
}
