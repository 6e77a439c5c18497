/// The size limits of a condition, so that no text can exhaust time or the stack.
public struct ExpressionLimits: Hashable, Sendable {
  /// The most Unicode scalars a condition may have.
  public var maximumLength: Int
  /// The deepest nesting allowed, counting each `(` and each `not` or `!` as one level.
  public var maximumDepth: Int

  /// Creates limits; the defaults are those of scenario files.
  public init(maximumLength: Int = 1_000, maximumDepth: Int = 32) {
    self.maximumLength = maximumLength
    self.maximumDepth = maximumDepth
  }

  /// The limits of scenario files: 1,000 characters and 32 levels of nesting.
  public static let `default` = ExpressionLimits()
}

/// Reads the text of a condition into an ``Expression``.
///
/// The grammar, from loosest to tightest binding:
///
///     condition  := or
///     or         := and (("or" | "||") and)*
///     and        := comparison (("and" | "&&") comparison)*
///     comparison := unary (("<" | "<=" | ">" | ">=" | "==" | "!=") unary)?
///     unary      := ("not" | "!") unary | primary
///     primary    := number | "true" | "false" | "bond" | "task" | "goal" | name
///                 | "visits" "(" (id | '"' text '"') ")" | "(" or ")"
///
/// Names and ids are an ASCII letter followed by letters, digits, `_` and `-`; a number is an
/// optional `-` directly followed by digits, with an optional fraction. Comparisons do not
/// chain. Words are lower-case.
public enum ExpressionParser {
  /// Parses a condition, returning the expression or the first syntax error in reading order,
  /// located in Unicode scalars. The expression is not yet checked against the scenario's
  /// names and types: see ``ExpressionScope/check(_:)``.
  public static func parse(_ text: String, limits: ExpressionLimits = .default) -> Result<
    Expression, ExpressionProblem
  > {
    let length = text.unicodeScalars.count
    if length > limits.maximumLength {
      return .failure(
        ExpressionProblem(
          .expressionTooComplex,
          "the condition is \(grouped(length)) characters long, more than the limit of"
            + " \(grouped(limits.maximumLength)); shorten it, for example by keeping part of it"
            + " in a variable that earlier options set",
          at: limits.maximumLength..<length))
    }
    return Result { () throws(ExpressionProblem) -> Expression in
      var parser = try ExpressionParsing(Array(text.unicodeScalars), limits: limits)
      return try parser.parseCondition()
    }
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return number < 0 ? "-" + result : result
  }
}

/// A recursive-descent parser over the tokens of one condition. Recursion is bounded by the
/// nesting limit, which is checked before each level is entered.
private struct ExpressionParsing {
  /// An expression and the extent of its text, including parentheses around it.
  typealias Parsed = (expression: Expression, extent: Range<Int>)

  var lexer: ExpressionLexer
  /// The token being looked at.
  var token: ExpressionToken
  /// The token before it.
  var previous: ExpressionToken?
  let limits: ExpressionLimits
  /// The current nesting depth.
  var depth = 0
  /// The `(` tokens not yet closed.
  var openParentheses: [ExpressionToken] = []
  /// The extent of the operand read last, for messages.
  var lastOperand: Range<Int> = 0..<0
  /// Whether a comparison operator could follow what was read last.
  var canCompare = false

  init(_ scalars: [Unicode.Scalar], limits: ExpressionLimits) throws(ExpressionProblem) {
    lexer = ExpressionLexer(scalars)
    token = try lexer.next()
    self.limits = limits
  }

  mutating func advance() throws(ExpressionProblem) {
    previous = token
    token = try lexer.next()
  }

  mutating func parseCondition() throws(ExpressionProblem) -> Expression {
    if case .end = token.kind {
      throw ExpressionProblem(
        .expressionSyntax,
        "the condition is empty: write one such as 'bond >= 50', or leave the field out",
        at: 0..<token.range.lowerBound)
    }
    let parsed = try parseOr()
    switch token.kind {
    case .end: return parsed.expression
    case .rightParenthesis:
      throw ExpressionProblem(
        .expressionSyntax,
        "this ')' has no matching '(' before it; remove it or add the missing '('",
        at: token.range)
    default: throw expectedOperator()
    }
  }

  mutating func parseOr() throws(ExpressionProblem) -> Parsed {
    var lhs = try parseAnd()
    while token.isOr {
      try advance()
      let rhs = try parseAnd()
      let extent = lhs.extent.lowerBound..<rhs.extent.upperBound
      lhs = (.or(lhs.expression, rhs.expression, at: extent), extent)
    }
    return lhs
  }

  mutating func parseAnd() throws(ExpressionProblem) -> Parsed {
    var lhs = try parseComparison()
    while token.isAnd {
      try advance()
      let rhs = try parseComparison()
      let extent = lhs.extent.lowerBound..<rhs.extent.upperBound
      lhs = (.and(lhs.expression, rhs.expression, at: extent), extent)
    }
    return lhs
  }

  mutating func parseComparison() throws(ExpressionProblem) -> Parsed {
    let lhs = try parseUnary()
    guard let op = token.comparisonOperator else {
      canCompare = true
      return lhs
    }
    try advance()
    let rhs = try parseUnary()
    if let second = token.comparisonOperator {
      throw chainedComparison(lhs.extent, op, rhs.extent, second)
    }
    canCompare = false
    let extent = lhs.extent.lowerBound..<rhs.extent.upperBound
    return (.comparison(lhs.expression, op, rhs.expression, at: extent), extent)
  }

  mutating func parseUnary() throws(ExpressionProblem) -> Parsed {
    guard token.isNot else { return try parsePrimary() }
    let start = token.range.lowerBound
    try enterLevel()
    try advance()
    let operand = try parseUnary()
    depth -= 1
    let extent = start..<operand.extent.upperBound
    return (.not(operand.expression, at: extent), extent)
  }

  mutating func parsePrimary() throws(ExpressionProblem) -> Parsed {
    let current = token
    let range = current.range
    let expression: Expression
    switch current.kind {
    case .number(let value): expression = .number(value, at: range)
    case .word("true"): expression = .boolean(true, at: range)
    case .word("false"): expression = .boolean(false, at: range)
    case .word("visits"): return try parseVisits()
    case .word("and"), .word("or"): throw expectedOperand()
    case .word(let name):
      if let dimension = AllianceDimension(rawValue: name) {
        expression = .alliance(dimension, at: range)
      } else {
        expression = .variable(name, at: range)
      }
    case .leftParenthesis: return try parseParenthesized()
    default: throw expectedOperand()
    }
    try advance()
    lastOperand = range
    return (expression, range)
  }

  mutating func parseParenthesized() throws(ExpressionProblem) -> Parsed {
    let open = token
    try enterLevel()
    openParentheses.append(open)
    try advance()
    if case .rightParenthesis = token.kind {
      throw ExpressionProblem(
        .expressionSyntax, "the parentheses are empty: put a condition between '(' and ')'",
        at: open.range.lowerBound..<token.range.upperBound)
    }
    let inner = try parseOr()
    switch token.kind {
    case .rightParenthesis: break
    case .end:
      throw ExpressionProblem(
        .expressionSyntax,
        "this '(' is never closed: add ')' where the part in parentheses ends", at: open.range)
    default: throw expectedOperator()
    }
    openParentheses.removeLast()
    depth -= 1
    let extent = open.range.lowerBound..<token.range.upperBound
    try advance()
    lastOperand = extent
    return (inner.expression, extent)
  }

  mutating func parseVisits() throws(ExpressionProblem) -> Parsed {
    let start = token.range.lowerBound
    try advance()
    guard case .leftParenthesis = token.kind else {
      throw syntax(
        "expected '(' after 'visits', found \(describe(token)): write visits(ID) with the id of"
          + " a turn or option; 'visits' cannot be used as a name")
    }
    try advance()
    let id: String
    var idRange = token.range
    switch token.kind {
    case .word(let word): id = word
    case .quoted(let text) where !text.isEmpty:
      id = text
      idRange = idRange.lowerBound + 1..<idRange.upperBound - 1
    case .quoted:
      throw syntax("the quotes of visits(\"\") are empty: write the id of a turn or option")
    case .rightParenthesis:
      throw syntax("visits() needs the id of a turn or option between its parentheses")
    default:
      var message = "expected the id of a turn or option after 'visits(', found \(describe(token))"
      if case .number = token.kind {
        message += "; ids start with a letter"
      } else if case .stray(let hint?) = token.kind {
        message += "; \(hint)"
      }
      throw syntax(message)
    }
    try advance()
    guard case .rightParenthesis = token.kind else {
      let written = ExpressionProblem.quote(
        lexer.text(start..<(previous?.range.upperBound ?? start)))
      var message = "expected ')' after \(written), found \(describe(token))"
      if case .word = token.kind, case .word? = previous?.kind {
        message += "; an id has no spaces"
      } else if case .end = token.kind {
        message += "; close it as in 'visits(\(id))'"
      }
      throw syntax(message)
    }
    let extent = start..<token.range.upperBound
    try advance()
    lastOperand = extent
    return (.visits(id, at: extent, idAt: idRange), extent)
  }

  /// Counts one more level of nesting at the current token, failing beyond the limit.
  mutating func enterLevel() throws(ExpressionProblem) {
    depth += 1
    guard depth > limits.maximumDepth else { return }
    let what = token.isNot ? "'\(lexer.text(token.range))'" : "'('"
    throw ExpressionProblem(
      .expressionTooComplex,
      "this \(what) is nested more than \(limits.maximumDepth) levels deep (counting parentheses"
        + " and 'not'); remove unneeded parentheses or double negations, or simplify the"
        + " condition",
      at: token.range)
  }

  // MARK: - Messages

  func syntax(_ message: String) -> ExpressionProblem {
    ExpressionProblem(.expressionSyntax, message, at: token.range)
  }

  /// The token as messages show it.
  func describe(_ token: ExpressionToken) -> String {
    if case .end = token.kind { return "the end of the condition" }
    return ExpressionProblem.quote(lexer.text(token.range))
  }

  /// The error for a token where an operand (a value or a condition) should start.
  func expectedOperand() -> ExpressionProblem {
    let expected = "a name, a number, true, false, visits(ID), 'not' or '('"
    var message: String
    if let previous {
      message = "expected \(expected) after \(describe(previous)), found \(describe(token))"
    } else {
      message =
        "the condition cannot start with \(describe(token)); start it with \(expected)"
    }
    switch token.kind {
    case .stray(let hint?): message += "; \(hint)"
    case .quoted:
      message += "; text in quotes is only used inside visits(\"ID\"): write names without quotes"
    case .word(let word) where word == "and" || word == "or":
      message += "; '\(word)' needs a condition on each side"
    case .ampersands, .bars:
      message += "; \(describe(token)) needs a condition on each side"
    case .comparison:
      message += "; \(describe(token)) needs a value on each side"
    case .word(let word):
      if let hint = Self.caseHint(word) { message += "; \(hint)" }
    default: break
    }
    return syntax(message)
  }

  /// The error for a token where an operator, `)` or the end should come.
  func expectedOperator() -> ExpressionProblem {
    let closing = !openParentheses.isEmpty
    let expected =
      switch (canCompare, closing) {
      case (true, false): "a comparison operator or 'and'/'or'"
      case (true, true): "a comparison operator, 'and'/'or' or ')'"
      case (false, false): "'and' or 'or'"
      case (false, true): "'and', 'or' or ')'"
      }
    let operandText = lexer.text(lastOperand)
    let after =
      operandText.unicodeScalars.count <= 30 || previous == nil
      ? ExpressionProblem.quote(operandText) : describe(previous!)
    var message = "expected \(expected) after \(after), found \(describe(token))"
    if case .word(let word)? = previous?.kind, let hint = Self.caseHint(word) {
      // `NOT x`, `TRUE and x`: the capitalised word was read as a name.
      return syntax(message + "; \(hint)")
    }
    let missingOperator = canCompare ? "'and', 'or' or a comparison such as '>='" : "'and' or 'or'"
    switch token.kind {
    case .stray(let hint?): message += "; \(hint)"
    case .number where lexer.text(token.range).hasPrefix("-"):
      message += "; there is no arithmetic in conditions, so no subtraction"
    case .number:
      message += "; is \(missingOperator) missing?"
    case .leftParenthesis:
      if case .word(let name)? = previous?.kind, !ExpressionLexer.keywords.contains(name) {
        message += "; only visits(ID) is followed by parentheses, as in 'visits(\(name))'"
      } else {
        message += "; is \(missingOperator) missing?"
      }
    case .word(let word):
      if let hint = Self.caseHint(word) {
        message += "; \(hint)"
      } else if word == "not" {
        message += "; to add a negated condition write 'and not ...' or 'or not ...'"
      } else {
        message += "; is \(missingOperator) missing?"
      }
    case .quoted:
      message += "; text in quotes is only used inside visits(\"ID\")"
    case .bang:
      message += "; to add a negated condition write 'and !...' or 'or !...'"
    default: break
    }
    return syntax(message)
  }

  /// A hint for a word of the language written with capitals, such as `AND` or `True`.
  static func caseHint(_ word: String) -> String? {
    let lower = word.lowercased()
    guard lower != word, ExpressionLexer.keywords.contains(lower) else { return nil }
    return "the words of conditions are written in lower case: '\(lower)'"
  }

  /// The error for `a < b < c`, at the second operator, with the comparison the author
  /// probably meant.
  mutating func chainedComparison(
    _ lhs: Range<Int>, _ op: ComparisonOperator, _ middle: Range<Int>,
    _ second: ComparisonOperator
  ) -> ExpressionProblem {
    let secondRange = token.range
    let left = lexer.text(lhs)
    let mid = lexer.text(middle)
    var right: String?
    if (try? advance()) != nil, let parsed = try? parseUnary() {
      right = lexer.text(parsed.extent)
    }
    var message = "comparisons cannot be chained"
    if let right, (left + mid + right).unicodeScalars.count <= 60 {
      message +=
        ": to test that both '\(left) \(op.rawValue) \(mid)' and '\(mid) \(second.rawValue)"
        + " \(right)' hold, write '\(left) \(op.rawValue) \(mid) and \(mid) \(second.rawValue)"
        + " \(right)'"
    } else {
      message +=
        "; compare two values at a time and join the comparisons with 'and', as in"
        + " '1 < a and a < 3'"
    }
    return ExpressionProblem(.expressionSyntax, message, at: secondRange)
  }
}
