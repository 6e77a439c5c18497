/// Splits a condition into tokens, one at a time, so that the first problem in reading order
/// is the one reported.
///
/// Positions count Unicode scalars. Characters that cannot start any token become
/// ``ExpressionToken/Kind/stray(hint:)`` tokens, so that the parser can say what it expected
/// there; only malformed numbers, names and quotes are reported by the lexer itself.
struct ExpressionLexer {
  /// The words with a meaning of their own in conditions; no variable can be named so.
  static let keywords: Set<String> = [
    "and", "or", "not", "true", "false", "visits", "bond", "task", "goal",
  ]

  let scalars: [Unicode.Scalar]
  private(set) var position = 0

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  /// Whether `text` has the form of a name: an ASCII letter, then ASCII letters, digits, `_`
  /// and `-`.
  static func isIdentifier(_ text: String) -> Bool {
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next(), first.isConditionLetter else { return false }
    while let scalar = scalars.next() {
      guard scalar.continuesConditionName else { return false }
    }
    return true
  }

  /// The text of `range`.
  func text(_ range: Range<Int>) -> String {
    var string = ""
    string.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
    return string
  }

  private func scalar(at index: Int) -> Unicode.Scalar? {
    index < scalars.count ? scalars[index] : nil
  }

  /// Reads the next token, skipping whitespace.
  mutating func next() throws(ExpressionProblem) -> ExpressionToken {
    while let scalar = scalar(at: position), scalar.properties.isWhitespace { position += 1 }
    let start = position
    guard let first = scalar(at: position) else {
      return ExpressionToken(kind: .end, range: start..<start)
    }
    let second = scalar(at: position + 1)
    func token(_ kind: ExpressionToken.Kind, length: Int) -> ExpressionToken {
      position = start + length
      return ExpressionToken(kind: kind, range: start..<position)
    }
    switch first {
    case "(": return token(.leftParenthesis, length: 1)
    case ")": return token(.rightParenthesis, length: 1)
    case "<":
      if second == "=" { return token(.comparison(.lessOrEqual), length: 2) }
      if second == ">" {
        return token(.stray(hint: "to test that two values differ write '!='"), length: 2)
      }
      return token(.comparison(.less), length: 1)
    case ">":
      if second == "=" { return token(.comparison(.greaterOrEqual), length: 2) }
      return token(.comparison(.greater), length: 1)
    case "=":
      if second == "=" { return token(.comparison(.equal), length: 2) }
      if second == ">" { return token(.stray(hint: "for 'at least' write '>='"), length: 2) }
      if second == "<" { return token(.stray(hint: "for 'at most' write '<='"), length: 2) }
      return token(.stray(hint: "to test equality write '=='"), length: 1)
    case "!":
      if second == "=" { return token(.comparison(.notEqual), length: 2) }
      return token(.bang, length: 1)
    case "&":
      if second == "&" { return token(.ampersands, length: 2) }
      return token(.stray(hint: "to join two conditions write 'and' or '&&'"), length: 1)
    case "|":
      if second == "|" { return token(.bars, length: 2) }
      return token(.stray(hint: "for either of two conditions write 'or' or '||'"), length: 1)
    case "\"": return try quoted()
    case "-":
      if let second, second.isConditionDigit { return try number() }
      return token(.stray(hint: Self.noArithmetic), length: 1)
    case "." where second?.isConditionDigit == true:
      let end = digitsEnd(from: position + 1)
      let number = text(start..<end)
      throw ExpressionProblem(
        .expressionSyntax,
        "'\(number)' needs a digit before the decimal point: write '0\(number)'", at: start..<end)
    default:
      if first.isConditionDigit { return try number() }
      if first.properties.isAlphabetic { return try word() }
      return token(.stray(hint: Self.hint(forStray: first)), length: 1)
    }
  }

  static let noArithmetic =
    "there is no arithmetic in conditions: a minus sign may only stand directly before a"
    + " number, as in '-1'"

  private static func hint(forStray scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "+", "*", "/", "%":
      "there is no arithmetic in conditions: compare values directly, as in 'bond >= 50'"
    case "\u{2265}": "write '>=' for 'at least'"
    case "\u{2264}": "write '<=' for 'at most'"
    case "\u{2260}": "write '!=' for 'differs from'"
    case "\u{2212}", "\u{2013}", "\u{2014}": "write the minus sign of a negative number as '-'"
    case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}":
      "curly quotes are not understood: write visits(id), or visits(\"id\") with straight quotes"
    case "'": "single quotes are not used: write visits(id) or visits(\"id\")"
    case "_": "names start with a letter"
    case "[", "{": "group with round parentheses '(' and ')'"
    default: nil
    }
  }

  /// The index after the run of ASCII digits starting at `index`.
  private func digitsEnd(from index: Int) -> Int {
    var end = index
    while let scalar = scalar(at: end), scalar.isConditionDigit { end += 1 }
    return end
  }

  /// Reads `-`? digits (`.` digits)?, and makes sure no letter or second point follows.
  private mutating func number() throws(ExpressionProblem) -> ExpressionToken {
    let start = position
    var end = digitsEnd(from: scalars[start] == "-" ? start + 1 : start)
    if scalar(at: end) == "." {
      let fractionEnd = digitsEnd(from: end + 1)
      guard fractionEnd > end + 1 else {
        let whole = text(start..<end)
        throw ExpressionProblem(
          .expressionSyntax,
          "'\(whole).' needs a digit after the decimal point: write '\(whole)' or '\(whole).5'",
          at: start..<end + 1)
      }
      end = fractionEnd
    }
    if let next = scalar(at: end), next == "." || next.properties.isAlphabetic || next == "_" {
      var runEnd = end
      while let scalar = scalar(at: runEnd),
        scalar == "." || scalar.isConditionWordPart
      {
        runEnd += 1
      }
      let run = text(start..<runEnd)
      let exponent = (next == "e" || next == "E") && scalar(at: end + 1)?.isConditionDigit == true
      let message =
        exponent
        ? "'\(run)' is not a number conditions understand: write the number in full, without an"
          + " exponent"
        : next == "."
          ? "'\(run)' is not a number: a number has at most one decimal point"
          : "'\(run)' is neither a number nor a name: names start with a letter, and a number"
            + " must be separated from a following word by a space"
      throw ExpressionProblem(.expressionSyntax, message, at: start..<runEnd)
    }
    let literal = text(start..<end)
    guard let value = Double(literal), value.isFinite else {
      throw ExpressionProblem(
        .expressionSyntax, "the number '\(literal)' is too large", at: start..<end)
    }
    position = end
    return ExpressionToken(kind: .number(value), range: start..<end)
  }

  /// Reads a name or word: a letter, then letters, digits, `_` and `-`; all ASCII.
  private mutating func word() throws(ExpressionProblem) -> ExpressionToken {
    let start = position
    var end = start + 1
    var ascii = scalars[start].isASCII
    while let scalar = scalar(at: end),
      scalar.isConditionWordPart
    {
      ascii = ascii && scalar.isASCII
      end += 1
    }
    let word = text(start..<end)
    guard ascii else {
      throw ExpressionProblem(
        .expressionSyntax,
        "'\(word)' is not a valid name: names use the letters a to z, digits, '-' and '_',"
          + " starting with a letter",
        at: start..<end)
    }
    position = end
    return ExpressionToken(kind: .word(word), range: start..<end)
  }

  /// Reads text in double quotes, which may not span lines.
  private mutating func quoted() throws(ExpressionProblem) -> ExpressionToken {
    let start = position
    var end = start + 1
    while let scalar = scalar(at: end), scalar != "\"", scalar != "\n", scalar != "\r" {
      end += 1
    }
    guard scalar(at: end) == "\"" else {
      throw ExpressionProblem(
        .expressionSyntax, "the quoted text starting here is never closed: add '\"' after it",
        at: start..<end)
    }
    position = end + 1
    return ExpressionToken(kind: .quoted(text(start + 1..<end)), range: start..<position)
  }
}

extension Unicode.Scalar {
  fileprivate var isConditionLetter: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self)
  }
  fileprivate var isConditionDigit: Bool { ("0"..."9").contains(self) }
  /// A letter or digit of any script, `_` or `-`: what a word runs on with, so that a word
  /// with a non-ASCII letter is reported whole.
  fileprivate var isConditionWordPart: Bool {
    properties.isAlphabetic || properties.numericType != nil || self == "_" || self == "-"
  }
  fileprivate var continuesConditionName: Bool {
    isConditionLetter || isConditionDigit || self == "_" || self == "-"
  }
}
