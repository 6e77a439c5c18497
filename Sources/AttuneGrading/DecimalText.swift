/// Decimal numbers as text, the same on every machine and in every locale.
public enum DecimalText {
  /// `value` with exactly `places` decimals, rounded half away from zero, with no locale.
  public static func formatted(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    let whole = Int(scaled / scale)
    guard places > 0 else { return sign + String(whole) }
    let fraction = Int(scaled) - whole * Int(scale)
    let digits = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count)
      + digits
  }
}
