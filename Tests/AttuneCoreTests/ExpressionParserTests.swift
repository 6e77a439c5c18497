import Testing

@testable import AttuneCore

@Suite struct ExpressionParserTests: ExpressionTestCase {
  // MARK: - Results and canonical text

  @Test(arguments: [
    ("bond >= 50 and not apologised", "bond >= 50 and not apologised"),
    ("visits(opening-silence) > 1 or trust < 2", "visits(opening-silence) > 1 or trust < 2"),
    ("(task < 40 || goal < 40) && !pushed", "(task < 40 or goal < 40) and not pushed"),
    ("  bond>=50&&!x  ", "bond >= 50 and not x"),
    ("visits(\"opening-silence\")>0", "visits(opening-silence) > 0"),
    ("visits( \"two words\" ) == 1", "visits(\"two words\") == 1"),
    ("visits ( a-1 ) == 1", "visits(a-1) == 1"),
    ("((((x))))", "x"),
    ("bond > -1", "bond > -1"),
    ("-2.50 <= task", "-2.5 <= task"),
    ("bond == 007", "bond == 7"),
    ("bond > 100000000000000000000", "bond > 100000000000000000000"),
    ("bond > 0.000001", "bond > 0.000001"),
    ("a-b_c-1 or pushed-homework", "a-b_c-1 or pushed-homework"),
    ("true", "true"),
    ("not not false", "not not false"),
    ("flag == true", "flag == true"),
  ])
  func parsesToCanonicalText(text: String, canonical: String) throws {
    #expect(try parsed(text).description == canonical)
  }

  @Test func hyphensBelongToNamesAndStartNegativeNumbers() throws {
    #expect(
      try parsed("bond-1 > 3")
        == .comparison(.variable("bond-1", at: 0..<6), .greater, .number(3, at: 9..<10), at: 0..<10)
    )
    #expect(
      try parsed("bond>-1")
        == .comparison(.alliance(.bond, at: 0..<4), .greater, .number(-1, at: 5..<7), at: 0..<7))
  }

  @Test(arguments: [
    ("a or b and c", "(a or (b and c))"),
    ("a and b or c", "((a and b) or c)"),
    ("a or b or c", "((a or b) or c)"),
    ("a and b and c", "((a and b) and c)"),
    ("a and (b and c)", "(a and (b and c))"),
    ("not a and b", "((not a) and b)"),
    ("not a < 3", "((not a) < 3)"),
    ("not (a < 3)", "(not (a < 3))"),
    ("a < 3 and b > 4 or c", "(((a < 3) and (b > 4)) or c)"),
    ("a == b and c", "((a == b) and c)"),
    ("(a or b) and c", "((a or b) and c)"),
    ("!a || !b && c", "((not a) or ((not b) and c))"),
    ("(a < 3) == (b > 4)", "((a < 3) == (b > 4))"),
  ])
  func precedence(text: String, structure: String) throws {
    let expression = try parsed(text)
    #expect(Self.structure(of: expression) == structure)
    let reparsed = try parsed(expression.description)
    #expect(Self.structure(of: reparsed) == structure, "the canonical text keeps the structure")
  }

  @Test func nodesKnowTheirRanges() throws {
    let expression = try parsed("(a and b) or visits(\"x y\") > 2")
    guard case .or(let lhs, let rhs, let range) = expression else {
      Issue.record("expected or, got \(expression)")
      return
    }
    #expect(range == 0..<30)
    #expect(lhs.range == 1..<8)
    #expect(rhs.range == 13..<30)
    guard case .comparison(.visits("x y", let call, let id), .greater, .number(2, _), _) = rhs
    else {
      Issue.record("expected visits comparison, got \(rhs)")
      return
    }
    #expect(call == 13..<26)
    #expect(id == 21..<24)
    #expect(try parsed("not  x").range == 0..<6)
  }

  @Test func randomExpressionsSurviveARoundTripThroughTheirDescription() throws {
    var random = ExpressionTestRandom(seed: 42)
    var generator = ExpressionGenerator()
    for round in 0..<1_000 {
      let expression =
        round.isMultiple(of: 2)
        ? generator.condition(depth: 5, using: &random)
        : generator.anyExpression(depth: 5, using: &random)
      let text = expression.description
      let reparsed = try parsed(text)
      #expect(reparsed.description == text)
      #expect(Self.structure(of: reparsed) == Self.structure(of: expression), "\(text)")
    }
  }

  // MARK: - Syntax errors

  @Test func theExampleMessageIsExact() {
    let problem = syntaxProblem("bond = 50")
    #expect(problem?.code == .expressionSyntax)
    #expect(problem?.range == 5..<6)
    #expect(
      problem?.message
        == "expected a comparison operator or 'and'/'or' after 'bond', found '='; to test"
        + " equality write '=='")
  }

  @Test(arguments: [
    // Empty conditions.
    ("", 0..<0, "the condition is empty"),
    ("   ", 0..<3, "the condition is empty"),
    // Unexpected characters and tokens, each with what was expected.
    ("bond >= 50 $", 11..<12, "expected 'and' or 'or' after '50', found '$'"),
    ("bond ≥ 50", 5..<6, "write '>=' for 'at least'"),
    ("x => 3", 2..<4, "for 'at least' write '>='"),
    ("x =< 3", 2..<4, "for 'at most' write '<='"),
    ("x <> 3", 2..<4, "write '!='"),
    ("a & b", 2..<3, "write 'and' or '&&'"),
    ("a | b", 2..<3, "write 'or' or '||'"),
    ("bond > 3 AND x", 9..<12, "written in lower case: 'and'"),
    ("NOT pushed", 4..<10, "written in lower case: 'not'"),
    ("a b", 2..<3, "found 'b'; is 'and', 'or' or a comparison such as '>=' missing?"),
    ("bond 50", 5..<7, "after 'bond', found '50'"),
    ("bond > 3 not x", 9..<12, "write 'and not ...'"),
    ("trust(3) > 1", 5..<6, "only visits(ID) is followed by parentheses"),
    ("pushed and \"x\"", 11..<14, "text in quotes is only used inside visits(\"ID\")"),
    ("-bond > 3", 0..<1, "the condition cannot start with '-'"),
    ("3 - 1 > 0", 2..<3, "there is no arithmetic in conditions"),
    ("3 -1 > 0", 2..<4, "no subtraction"),
    ("bond + 1 > 3", 5..<6, "there is no arithmetic"),
    ("and bond", 0..<3, "the condition cannot start with 'and'"),
    ("bond > 3 and", 12..<12, "after 'and', found the end of the condition"),
    ("bond >", 6..<6, "expected a name, a number, true, false, visits(ID), 'not' or '(' after '>'"),
    ("bond > > 3", 7..<8, "'>' needs a value on each side"),
    ("a and or b", 6..<8, "'or' needs a condition on each side"),
    ("(a and b) c", 10..<11, "after '(a and b)', found 'c'"),
    ("(a and b c)", 9..<10, "expected a comparison operator, 'and'/'or' or ')' after 'b'"),
    ("(a < 1 b)", 7..<8, "expected 'and', 'or' or ')' after '1'"),
    // Unbalanced parentheses.
    ("(bond > 3", 0..<1, "this '(' is never closed"),
    ("((a) and (b)", 0..<1, "this '(' is never closed"),
    ("bond > 3)", 8..<9, "this ')' has no matching '('"),
    ("()", 0..<2, "the parentheses are empty"),
    ("a and ( )", 6..<9, "the parentheses are empty"),
    // Chained comparisons.
    ("1 < a < 3", 6..<7, "write '1 < a and a < 3'"),
    ("a == b == c", 7..<9, "comparisons cannot be chained"),
    // Malformed numbers and names.
    ("1. < bond", 0..<2, "'1.' needs a digit after the decimal point"),
    (".5 < bond", 0..<2, "write '0.5'"),
    ("1.2.3 < bond", 0..<5, "at most one decimal point"),
    ("3abc", 0..<4, "names start with a letter"),
    ("1e5 > bond", 0..<3, "without an exponent"),
    ("café > 3", 0..<4, "'café' is not a valid name"),
    ("_x", 0..<1, "names start with a letter"),
    // visits(...)
    ("visits > 1", 7..<8, "expected '(' after 'visits'"),
    ("visits(3) > 1", 7..<8, "ids start with a letter"),
    ("visits() > 1", 7..<8, "visits() needs the id"),
    ("visits(\"\") > 1", 7..<9, "the quotes of visits(\"\") are empty"),
    ("visits(a", 8..<8, "expected ')' after 'visits(a', found the end of the condition"),
    ("visits(a b)", 9..<10, "an id has no spaces"),
    ("visits('a')", 7..<8, "single quotes are not used"),
    ("visits(\"a) > 1", 7..<14, "never closed"),
  ])
  func syntaxErrorsAreLocatedAndExplained(text: String, range: Range<Int>, message: String) {
    guard let problem = syntaxProblem(text) else {
      Issue.record("\(text.debugDescription) parsed")
      return
    }
    #expect(problem.code == .expressionSyntax, "\(text)")
    #expect(problem.range == range, "\(text): \(problem)")
    #expect(problem.message.contains(message), "\(text): \(problem.message)")
  }

  @Test func rangesCountUnicodeScalarsAfterNonASCIIText() {
    // "séance" has 6 scalars; "👍🏽" has 2 scalars and 1 character; "é" as e + U+0301 has 2.
    let cases: [(String, Range<Int>)] = [
      ("visits(\"séance\") > 0 and bond = 3", 30..<31),
      ("visits(\"👍🏽\") > 0 and bond = 3", 26..<27),
      ("visits(\"e\u{301}\") > 0 and bond = 3", 26..<27),
      ("visits(\"日本\") > 0 && x $", 22..<23),
    ]
    for (text, range) in cases {
      #expect(syntaxProblem(text)?.range == range, "\(text)")
    }
  }

  @Test func theChainedComparisonMessageShowsTheFix() {
    #expect(
      syntaxProblem("1 < trust < 3")?.message
        == "comparisons cannot be chained: to test that both '1 < trust' and 'trust < 3' hold,"
        + " write '1 < trust and trust < 3'")
  }

  // MARK: - Limits

  @Test func conditionsLongerThanTheLimitAreRejected() throws {
    let longest = "bond > 1" + String(repeating: " ", count: 992)
    #expect(longest.unicodeScalars.count == 1_000)
    _ = try parsed(longest)
    let problem = syntaxProblem(longest + "é")
    #expect(problem?.code == .expressionTooComplex)
    #expect(problem?.range == 1_000..<1_001)
    #expect(problem?.message.contains("1,001 characters long") == true)
  }

  @Test func nestingBeyondThirtyTwoLevelsIsRejected() throws {
    func nested(_ levels: Int) -> String {
      String(repeating: "(", count: levels) + "x" + String(repeating: ")", count: levels)
    }
    _ = try parsed(nested(32))
    let problem = syntaxProblem(nested(33))
    #expect(problem?.code == .expressionTooComplex)
    #expect(problem?.range == 32..<33)
    _ = try parsed(String(repeating: "not ", count: 32) + "x")
    let nots = syntaxProblem(String(repeating: "not ", count: 33) + "x")
    #expect(nots?.code == .expressionTooComplex)
    #expect(nots?.range == 128..<131)
    let mixed = syntaxProblem(
      String(repeating: "!(", count: 17) + "x" + String(repeating: ")", count: 17))
    #expect(mixed?.range == 32..<33, "each '!' and each '(' is a level")
  }

  @Test func tenThousandOpeningParenthesesAreRejectedPromptly() {
    let text = String(repeating: "(", count: 10_000)
    let clock = ContinuousClock()
    let start = clock.now
    let byLength = syntaxProblem(text)
    let unlimited = ExpressionLimits(maximumLength: .max, maximumDepth: 32)
    let byDepth = syntaxProblem(text, limits: unlimited)
    let deepNots = syntaxProblem(String(repeating: "!", count: 10_000) + "x", limits: unlimited)
    let elapsed = clock.now - start
    #expect(byLength?.code == .expressionTooComplex)
    #expect(byLength?.range == 1_000..<10_000)
    #expect(byDepth?.code == .expressionTooComplex)
    #expect(byDepth?.range == 32..<33)
    #expect(deepNots?.range == 32..<33)
    #expect(elapsed < .seconds(1))
  }

  @Test func longFlatConditionsParseAndEvaluate() throws {
    // Long chains of `||` build a deep left-leaning tree without any nesting.
    let text = Array(repeating: "x", count: 300).joined(separator: "||") + "||true"
    #expect(text.unicodeScalars.count <= 1_000)
    let expression = try parsed(text)
    #expect(expression.height == 301)
    #expect(expression.evaluate(in: ExpressionEvaluationTests.environment))
  }

  // MARK: - Helpers

  /// The expression with every operator in parentheses, to show its structure.
  static func structure(of expression: Expression) -> String {
    switch expression {
    case .number, .boolean, .alliance, .variable, .visits: expression.description
    case .not(let operand, _): "(not \(structure(of: operand)))"
    case .comparison(let lhs, let op, let rhs, _):
      "(\(structure(of: lhs)) \(op.rawValue) \(structure(of: rhs)))"
    case .and(let lhs, let rhs, _): "(\(structure(of: lhs)) and \(structure(of: rhs)))"
    case .or(let lhs, let rhs, _): "(\(structure(of: lhs)) or \(structure(of: rhs)))"
    }
  }
}
