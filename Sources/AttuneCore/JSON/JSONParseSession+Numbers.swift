/// The lexer for numbers, with plain explanations of literals outside the JSON grammar.
extension JSONParseSession {
  /// Reads a number at `pos` into `tokenNumber`.
  ///
  /// The lexer takes the whole run of characters that can belong to a number-like literal
  /// (digits, letters, `.`, `+`, `-`, `_`), so that `0x1F`, `1.2.3` or `-Infinity` is one
  /// token with one precise error rather than a cascade.
  mutating func lexNumber() {
    let start = pos
    let count = bytes.count
    pos += 1
    while pos < count && Self.continuesNumber(bytes[pos]) { pos += 1 }
    let span = UnsafeBufferPointer(rebasing: bytes[start..<pos])
    let text = String(decoding: span, as: UTF8.self)
    token.kind = .number
    if JSONNumber.isValidLiteral(span) {
      tokenNumber = JSONNumber.decode(span, text: text)
    } else {
      let (message, fix) = Self.numberProblem(text)
      error(.jsonInvalidNumber, message, at: token.location, scope: .slot, suggestion: fix)
      tokenNumber = .recovered(from: text)
    }
    if span.count > limits.maximumNumberLength {
      error(
        .jsonNumberTooLong,
        "this number is written with \(span.count) characters, more than the limit of"
          + " \(limits.maximumNumberLength); shorten it",
        at: token.location, scope: .slot)
    }
  }

  private static func continuesNumber(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "."), UInt8(ascii: "+"),
      UInt8(ascii: "-"), UInt8(ascii: "_"):
      true
    default: false
    }
  }

  /// What is wrong with a number literal that breaks the JSON grammar, said plainly, and the
  /// corrected literal where there is an obvious one.
  static func numberProblem(_ text: String) -> (message: String, fix: String?) {
    let quoted = "'\(shortened(text))'"
    guard text.utf8.count <= 100 else {
      return ("\(quoted) is not a valid number; write a number such as 42, -3.5 or 1e6", nil)
    }
    func valid(_ candidate: String) -> String? { JSONNumber(candidate) == nil ? nil : candidate }
    var body = Substring(text)
    if body.hasPrefix("+") {
      let fix = valid(String(body.dropFirst()))
      return (
        "\(quoted) is not a valid number: JSON numbers cannot start with '+'; delete the '+'",
        fix
      )
    }
    var sign = ""
    if body.hasPrefix("-") {
      sign = "-"
      body = body.dropFirst()
    }
    let lower = body.lowercased()
    if lower == "infinity" || lower == "inf" {
      return (
        "\(quoted) is not a JSON number; write a large number such as \(sign)1e308 instead,"
          + " or null",
        nil
      )
    }
    if lower == "nan" {
      return ("\(quoted) is not a JSON number; write null if the value is unknown", "null")
    }
    if lower.hasPrefix("0x") {
      if let value = UInt64(body.dropFirst(2), radix: 16) {
        return (
          "\(quoted) is not a valid number: JSON has no hexadecimal numbers; write"
            + " \(sign)\(value) in decimal",
          valid("\(sign)\(value)")
        )
      }
      return (
        "\(quoted) is not a valid number: JSON has no hexadecimal numbers; write it in decimal",
        nil
      )
    }
    guard let first = body.first else {
      return ("\(quoted) is not a valid number: a digit must follow the minus sign", nil)
    }
    if first == ".", let fix = valid(sign + "0" + body) {
      return (
        "\(quoted) is not a valid number: a digit must come before the decimal point; write"
          + " \(fix)",
        fix
      )
    }
    let integerDigits = body.prefix { $0.isASCII && $0.isNumber }
    if integerDigits.count > 1 && integerDigits.first == "0" {
      let trimmed = integerDigits.drop { $0 == "0" }
      let rest = body.dropFirst(integerDigits.count)
      let fix = valid(sign + (trimmed.isEmpty ? "0" : trimmed) + rest)
      return (
        "\(quoted) is not a valid number: JSON numbers cannot have leading zeros; "
          + (fix.map { "write \($0)" } ?? "delete them"),
        fix
      )
    }
    let rest = body.dropFirst(integerDigits.count)
    if !integerDigits.isEmpty && rest.hasPrefix(".") {
      let afterPoint = rest.dropFirst()
      if afterPoint.first.map({ !($0.isASCII && $0.isNumber) }) ?? true {
        let fix = valid(sign + integerDigits + ".0" + afterPoint)
        return (
          "\(quoted) is not a valid number: a digit must follow the decimal point; write"
            + " \(fix ?? sign + integerDigits + ".0") or \(sign + integerDigits)",
          fix
        )
      }
    }
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }), !integerDigits.isEmpty {
      var exponent = body[body.index(after: e)...]
      if exponent.hasPrefix("+") || exponent.hasPrefix("-") { exponent = exponent.dropFirst() }
      if exponent.first.map({ !($0.isASCII && $0.isNumber) }) ?? true {
        return (
          "\(quoted) is not a valid number: the exponent after '\(body[e])' has no digits;"
            + " write for example 1e5, or delete the '\(body[e])'",
          nil
        )
      }
    }
    return (
      "\(quoted) is not a valid number; write a number such as 42, -3.5 or 1e6, or put text in"
        + " double quotes",
      nil
    )
  }
}
