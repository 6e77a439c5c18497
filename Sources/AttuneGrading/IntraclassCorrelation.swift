import Foundation

/// The intraclass correlation of several raters rating the same subjects.
///
/// Both forms are computed from the mean squares of a two-way analysis of variance without
/// replication on `n` subjects (rows) and `k` raters (columns):
///
/// - `MSR = k · Σ (row mean − grand mean)² / (n − 1)`, between subjects;
/// - `MSC = n · Σ (column mean − grand mean)² / (k − 1)`, between raters;
/// - `MSE = Σ (x − row mean − column mean + grand mean)² / ((n − 1)(k − 1))`, residual.
///
/// Then
///
/// - ICC(A,1) = (MSR − MSE) / (MSR + (k − 1) · MSE + k · (MSC − MSE) / n), and
/// - ICC(C,1) = (MSR − MSE) / (MSR + (k − 1) · MSE).
///
/// The value is not clamped: it is below 0 when raters agree less than subjects differ.
///
/// - Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: Uses in assessing rater
///   reliability. *Psychological Bulletin*, 86(2), 420–428.
/// - McGraw, K. O., & Wong, S. P. (1996). Forming inferences about some intraclass correlation
///   coefficients. *Psychological Methods*, 1(1), 30–46.
public struct IntraclassCorrelation: Hashable, Sendable {
  /// Which intraclass correlation is computed.
  public enum Form: String, Hashable, Sendable, Codable {
    /// ICC(2,1) of Shrout & Fleiss (1979), ICC(A,1) of McGraw & Wong (1996): two-way random
    /// effects, absolute agreement, single rater. Systematic differences between raters (one
    /// rater scoring higher throughout) lower the value.
    case agreementSingle
    /// ICC(3,1) / ICC(C,1): two-way mixed, consistency, single rater. Systematic differences
    /// between raters are ignored; only the ranking and spacing of subjects count.
    case consistencySingle
  }

  /// The intraclass correlation, or `nil` when it is undefined: fewer than 2 complete subjects or
  /// 2 raters, or a denominator of zero (for instance when every rating is the same).
  public var value: Double?
  /// The number of subjects (complete rows) the value is computed from.
  public var subjects: Int
  /// The number of raters (columns): the length of the longest row.
  public var raters: Int
  /// The number of rows left out because they lacked a rating.
  public var skipped: Int
  /// The form of intraclass correlation computed.
  public var form: Form

  /// Computes an intraclass correlation.
  ///
  /// - Parameters:
  ///   - ratings: `ratings[subject][rater]`; rows with a missing rating (nil) are left out
  ///     (complete cases only). The number of raters is the length of the longest row; a shorter
  ///     row lacks ratings and is left out too, as is a row holding a NaN or infinite rating.
  ///     Left-out rows are counted in ``skipped``.
  ///   - form: The form of intraclass correlation; absolute agreement, single rater, by default.
  public init(ratings: [[Double?]], form: Form = .agreementSingle) {
    let raters = ratings.map(\.count).max() ?? 0
    let complete: [[Double]] = ratings.compactMap { row in
      guard row.count == raters else { return nil }
      let values = row.compactMap { $0 }
      guard values.count == raters, values.allSatisfy(\.isFinite) else { return nil }
      return values
    }
    self.subjects = complete.count
    self.raters = raters
    self.skipped = ratings.count - complete.count
    self.form = form
    self.value = Self.correlation(of: complete, raters: raters, form: form)
  }

  private static func correlation(of rows: [[Double]], raters k: Int, form: Form) -> Double? {
    let n = rows.count
    guard n >= 2, k >= 2 else { return nil }

    // The ICC does not change when a constant is added to every rating. Subtracting the first
    // rating makes constant data exactly zero, so rounding cannot fake a tiny variance.
    let origin = rows[0][0]
    let data = rows.map { row in row.map { $0 - origin } }

    let count = Double(n * k)
    let grandMean = data.reduce(0) { $0 + $1.reduce(0, +) } / count
    let rowMeans = data.map { $0.reduce(0, +) / Double(k) }
    let columnMeans = (0..<k).map { column in
      data.reduce(0) { $0 + $1[column] } / Double(n)
    }

    var rowSquares = 0.0
    for mean in rowMeans { rowSquares += (mean - grandMean) * (mean - grandMean) }
    var columnSquares = 0.0
    for mean in columnMeans { columnSquares += (mean - grandMean) * (mean - grandMean) }
    var residualSquares = 0.0
    var magnitude = 0.0
    for (row, rowMean) in zip(data, rowMeans) {
      for (value, columnMean) in zip(row, columnMeans) {
        let residual = value - rowMean - columnMean + grandMean
        residualSquares += residual * residual
        magnitude += value * value
      }
    }

    let msr = Double(k) * rowSquares / Double(n - 1)
    let msc = Double(n) * columnSquares / Double(k - 1)
    let mse = residualSquares / Double((n - 1) * (k - 1))

    let denominator: Double
    switch form {
    case .agreementSingle:
      denominator = msr + Double(k - 1) * mse + Double(k) * (msc - mse) / Double(n)
    case .consistencySingle:
      denominator = msr + Double(k - 1) * mse
    }
    // A denominator that is only rounding noise relative to the ratings counts as zero.
    guard denominator > 1e-12 * magnitude / count else { return nil }
    return (msr - mse) / denominator
  }
}
