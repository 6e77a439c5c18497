/// One token of a condition, with its range in Unicode scalars.
struct ExpressionToken: Hashable, Sendable {
  /// What kind of token it is.
  enum Kind: Hashable, Sendable {
    /// A number literal, including a leading `-`.
    case number(Double)
    /// A name or a word of the language (`and`, `true`, `visits`, ...); the parser tells which.
    case word(String)
    /// Text in double quotes (the quotes are not part of the string).
    case quoted(String)
    /// `(`
    case leftParenthesis
    /// `)`
    case rightParenthesis
    /// `<`, `<=`, `>`, `>=`, `==` or `!=`.
    case comparison(ComparisonOperator)
    /// `&&`
    case ampersands
    /// `||`
    case bars
    /// `!`
    case bang
    /// Characters that mean nothing in a condition, such as `=`, `&` or `$`, with a hint at
    /// what the author probably meant.
    case stray(hint: String?)
    /// The end of the text.
    case end
  }

  /// What kind of token it is.
  var kind: Kind
  /// Where the token is, in Unicode scalars from the start of the condition.
  var range: Range<Int>

  /// Whether the token is `and` or `&&`.
  var isAnd: Bool {
    switch kind {
    case .ampersands: true
    case .word(let word): word == "and"
    default: false
    }
  }

  /// Whether the token is `or` or `||`.
  var isOr: Bool {
    switch kind {
    case .bars: true
    case .word(let word): word == "or"
    default: false
    }
  }

  /// Whether the token is `not` or `!`.
  var isNot: Bool {
    switch kind {
    case .bang: true
    case .word(let word): word == "not"
    default: false
    }
  }

  /// The operator, if the token is a comparison operator.
  var comparisonOperator: ComparisonOperator? {
    if case .comparison(let op) = kind { return op }
    return nil
  }
}
