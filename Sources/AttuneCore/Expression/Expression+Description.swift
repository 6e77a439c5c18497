extension Expression: CustomStringConvertible {
  /// The condition in canonical form: single spaces around operators, the words `and`, `or`
  /// and `not`, integers without a decimal point, and only the parentheses that the meaning
  /// needs. Parsing the description gives the same structure back, so two conditions mean the
  /// same when their descriptions are equal.
  public var description: String {
    var text = ""
    write(to: &text)
    return text
  }

  /// How tightly a node binds: `or` 1, `and` 2, comparisons 3, everything else 4.
  private var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .comparison: 3
    case .number, .boolean, .alliance, .variable, .visits, .not: 4
    }
  }

  private func write(to text: inout String) {
    switch self {
    case .number(let value, _): text += Self.canonicalText(of: value)
    case .boolean(let value, _): text += value ? "true" : "false"
    case .alliance(let dimension, _): text += dimension.rawValue
    case .variable(let name, _): text += name
    case .visits(let id, _, _):
      text += ExpressionLexer.isIdentifier(id) ? "visits(\(id))" : "visits(\"\(id)\")"
    case .not(let operand, _):
      text += "not "
      operand.write(to: &text, parenthesized: operand.precedence < 4)
    case .comparison(let lhs, let op, let rhs, _):
      lhs.write(to: &text, parenthesized: lhs.precedence <= 3)
      text += " \(op.rawValue) "
      rhs.write(to: &text, parenthesized: rhs.precedence <= 3)
    case .and(let lhs, let rhs, _):
      lhs.write(to: &text, parenthesized: lhs.precedence < 2)
      text += " and "
      rhs.write(to: &text, parenthesized: rhs.precedence <= 2)
    case .or(let lhs, let rhs, _):
      lhs.write(to: &text, parenthesized: false)
      text += " or "
      rhs.write(to: &text, parenthesized: rhs.precedence <= 1)
    }
  }

  private func write(to text: inout String, parenthesized: Bool) {
    if parenthesized { text += "(" }
    write(to: &text)
    if parenthesized { text += ")" }
  }

  /// A number as a literal of the condition language: plain decimal notation, never an
  /// exponent, so that the text parses back to the same value.
  static func canonicalText(of value: Double) -> String {
    guard value.isFinite else { return String(value) }
    if abs(value) < 1e15, Double(Int(value)) == value { return String(Int(value)) }
    let shortest = String(value)
    guard let exponentMark = shortest.firstIndex(of: "e"),
      let exponent = Int(shortest[shortest.index(after: exponentMark)...])
    else { return shortest }
    var mantissa = shortest[..<exponentMark]
    let sign = mantissa.hasPrefix("-") ? "-" : ""
    if !sign.isEmpty { mantissa = mantissa.dropFirst() }
    let integerDigits =
      mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
      ?? mantissa.count
    var digits = mantissa.filter { $0 != "." }
    while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
    let point = integerDigits + exponent
    if point <= 0 {
      return sign + "0." + String(repeating: "0", count: -point) + digits
    }
    if point >= digits.count {
      return sign + digits + String(repeating: "0", count: point - digits.count)
    }
    let split = digits.index(digits.startIndex, offsetBy: point)
    return sign + digits[..<split] + "." + digits[split...]
  }
}
