/// A JSON number, kept as written so that no digit is lost, with its values as `Double` and,
/// for whole numbers, as `Int`.
public struct JSONNumber: Hashable, Sendable {
  /// The literal as written in the source, such as `-12`, `3.50` or `1e6`.
  public var text: String
  /// The nearest `Double`; ±infinity when the number is too large for a `Double`.
  public var doubleValue: Double
  /// The exact value when the number is a whole number within `Int`'s range, written with or
  /// without fraction or exponent (`3`, `-7`, `3.0` and `3e2` all have one); nil otherwise.
  /// Check `isIntegerLiteral` to require the plain integer form.
  public var intValue: Int?

  /// Creates a number from its parts as given.
  public init(text: String, doubleValue: Double, intValue: Int?) {
    self.text = text
    self.doubleValue = doubleValue
    self.intValue = intValue
  }

  /// Creates a number from a literal in strict JSON grammar, or returns nil when `text` is
  /// not one (`+1`, `.5`, `01`, `NaN`, ...).
  public init?(_ text: String) {
    var utf8 = text
    let number = utf8.withUTF8 { bytes -> JSONNumber? in
      guard Self.isValidLiteral(bytes) else { return nil }
      return Self.decode(bytes, text: text)
    }
    guard let number else { return nil }
    self = number
  }

  /// Whether the literal is written as a plain integer: no fraction and no exponent.
  public var isIntegerLiteral: Bool {
    !text.utf8.contains {
      $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
    }
  }

  /// Numbers are equal when they are written alike (so a `NaN` recovered from bad input is
  /// still equal to itself).
  public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
    lhs.text == rhs.text && lhs.doubleValue.bitPattern == rhs.doubleValue.bitPattern
      && lhs.intValue == rhs.intValue
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(doubleValue.bitPattern)
    hasher.combine(intValue)
  }
}

extension JSONNumber {
  /// Whether `bytes` is exactly one number in the grammar of RFC 8259:
  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  static func isValidLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    if index < count && bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < count else { return false }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if bytes[index].isJSONDigit {
      while index < count && bytes[index].isJSONDigit { index += 1 }
    } else {
      return false
    }
    if index < count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < count && bytes[index].isJSONDigit else { return false }
      while index < count && bytes[index].isJSONDigit { index += 1 }
    }
    if index < count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        index += 1
      }
      guard index < count && bytes[index].isJSONDigit else { return false }
      while index < count && bytes[index].isJSONDigit { index += 1 }
    }
    return index == count
  }

  /// The number written in `bytes`, which must be a valid literal (see `isValidLiteral`);
  /// `text` is the same literal as a string.
  ///
  /// The significant digits are gathered into a 64-bit integer; when they fit and the decimal
  /// exponent is small, the `Double` is computed exactly, otherwise it is left to the
  /// standard library's correctly rounded conversion.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> JSONNumber {
    let count = bytes.count
    var index = 0
    let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    var mantissa: UInt64 = 0
    var digitCount = 0
    var exponent = 0
    var inexact = false
    var inFraction = false
    while index < count {
      let byte = bytes[index]
      if byte.isJSONDigit {
        let digit = UInt64(byte &- UInt8(ascii: "0"))
        if digitCount < 19 {
          if mantissa != 0 || digit != 0 {
            mantissa = mantissa &* 10 &+ digit
            digitCount += 1
          }
          if inFraction { exponent -= 1 }
        } else {
          if !inFraction { exponent += 1 }
          if digit != 0 { inexact = true }
        }
      } else if byte == UInt8(ascii: ".") {
        inFraction = true
      } else {
        break
      }
      index += 1
    }
    if index < count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      var exponentNegative = false
      if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var written = 0
      while index < count && bytes[index].isJSONDigit {
        if written < 100_000_000 { written = written * 10 + Int(bytes[index] &- 48) }
        index += 1
      }
      exponent += exponentNegative ? -written : written
    }
    let double = Self.double(
      mantissa: mantissa, exponent: exponent, negative: negative, inexact: inexact, text: text)
    let integer =
      inexact ? nil : Self.integer(mantissa: mantissa, exponent: exponent, negative: negative)
    return JSONNumber(text: text, doubleValue: double, intValue: integer)
  }

  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  private static func double(
    mantissa: UInt64, exponent: Int, negative: Bool, inexact: Bool, text: String
  ) -> Double {
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !inexact {
      // Exact: both the mantissa and the power of ten are exact doubles, and one IEEE
      // operation rounds correctly.
      if exponent == 0 {
        let value = Double(mantissa)
        return negative ? -value : value
      }
      if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
        let value =
          exponent > 0
          ? Double(mantissa) * powersOfTen[exponent] : Double(mantissa) / powersOfTen[-exponent]
        return negative ? -value : value
      }
    }
    if let value = Double(text) { return value }
    // Not reached for valid literals; an approximation keeps recovery going.
    var value = Double(mantissa)
    if exponent > 0 {
      for _ in 0..<min(exponent, 400) { value *= 10 }
    } else {
      for _ in 0..<min(-exponent, 400) { value /= 10 }
    }
    return negative ? -value : value
  }

  private static func integer(mantissa: UInt64, exponent: Int, negative: Bool) -> Int? {
    if mantissa == 0 { return 0 }
    var magnitude = mantissa
    var exponent = exponent
    while exponent < 0 && magnitude % 10 == 0 {
      magnitude /= 10
      exponent += 1
    }
    guard exponent >= 0 && exponent <= 19 else { return nil }
    for _ in 0..<exponent {
      let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      magnitude = product
    }
    if negative {
      if magnitude == UInt64(Int.max) + 1 { return Int.min }
      return magnitude <= UInt64(Int.max) ? -Int(magnitude) : nil
    }
    return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
  }

  /// A number recovered from a literal that breaks the JSON grammar (`+1`, `.5`, `0x1F`,
  /// `NaN`, ...), valued as leniently as possible so that checking can go on.
  static func recovered(from text: String) -> JSONNumber {
    let double = Double(text) ?? .nan
    var integer: Int?
    if double.isFinite && double.rounded(.towardZero) == double
      && double >= -9.223_372_036_854_775_808e18 && double < 9.223_372_036_854_775_808e18
    {
      integer = Int(double)
    }
    return JSONNumber(text: text, doubleValue: double, intValue: integer)
  }

  /// The number 0, as a placeholder.
  static let zero = JSONNumber(text: "0", doubleValue: 0, intValue: 0)
}

extension UInt8 {
  /// Whether the byte is an ASCII digit `0`...`9`.
  var isJSONDigit: Bool { self &- UInt8(ascii: "0") < 10 }
}
