import Testing

@testable import AttuneCore

@Suite struct ExpressionCheckTests: ExpressionTestCase {
  static let scope = ExpressionScope(
    variables: [
      "apologised": .boolean, "pushed": .boolean, "trust": .number, "count": .number,
      "pushed-homework": .boolean,
    ],
    visitTargets: ["opening-silence", "ask-more", "t1", "closing"])

  func problems(_ text: String) throws -> [ExpressionProblem] {
    Self.scope.check(try parsed(text))
  }

  @Test(arguments: [
    "bond >= 50 and not apologised",
    "visits(opening-silence) > 1 or trust < 2",
    "(task < 40 || goal < 40) && !pushed",
    "pushed == apologised",
    "pushed != true",
    "(bond > 50) == pushed",
    "not (bond >= 50)",
    "true",
    "visits(\"t1\") == visits(closing)",
    "count < -1.5 and pushed-homework",
  ])
  func validConditionsHaveNoProblems(text: String) throws {
    #expect(try problems(text) == [])
  }

  // MARK: - Unknown names

  @Test func unknownVariablesAreLocatedWithSuggestions() throws {
    let found = try problems("pushed and bnd > 3 or apologized or zzz")
    #expect(found.map(\.code) == [.unknownVariable, .unknownVariable, .unknownVariable])
    #expect(found.map(\.range) == [11..<14, 22..<32, 36..<39])
    #expect(found.map(\.suggestion) == ["bond", "apologised", nil])
    #expect(
      found.first?.message
        == "'bnd' is not a declared variable, nor bond, task or goal; declare it under"
        + " \"variables\" or correct the spelling")
  }

  @Test func capitalisedWordsAreSuggestedInLowerCase() throws {
    let found = try problems("True and Bond > 3")
    #expect(found.map(\.suggestion) == ["true", "bond"])
    #expect(found.first?.message.contains("written in lower case: 'true'") == true)
  }

  @Test func anIdUsedAsAVariablePointsToVisits() throws {
    let found = try problems("t1")
    #expect(found.count == 1, "no type error on top of the unknown name")
    #expect(found.first?.code == .unknownVariable)
    #expect(found.first?.message.contains("write 'visits(t1) > 0'") == true)
  }

  @Test func unknownVisitTargetsPointAtTheId() throws {
    let found = try problems(
      "visits(opening-silense) > 0 or visits(\"ask-mor\") == 1 or visits(x) > 1")
    #expect(found.map(\.code) == [.unknownVisitTarget, .unknownVisitTarget, .unknownVisitTarget])
    #expect(found.map(\.range) == [7..<22, 39..<46, 64..<65])
    #expect(found.map(\.suggestion) == ["opening-silence", "ask-more", nil])
    #expect(found.first?.message.contains("no turn or option has the id 'opening-silense'") == true)
  }

  @Test func rangesCountUnicodeScalarsAfterNonASCIIText() throws {
    // "séance" is 6 scalars, "👍🏽" 2 scalars in 1 character.
    let accented = try problems("visits(\"séance\") > 0 and bnd > 1")
    #expect(accented.map(\.range) == [8..<14, 25..<28])
    #expect(try problems("visits(\"👍🏽\") > 0 or pushed < 1").map(\.range) == [8..<10, 20..<26])
  }

  // MARK: - Types

  @Test func orderingComparisonsNeedNumbers() throws {
    let left = try problems("pushed < 3")
    #expect(left.map(\.code) == [.expressionType])
    #expect(left.first?.range == 0..<6)
    #expect(
      left.first?.message
        == "'<' compares numbers, but its left side 'pushed' is a true/false value (its right"
        + " side '3' is a number); test a true/false value on its own, as in 'pushed' or"
        + " 'not pushed'")
    let right = try problems("trust >= (bond > 3)")
    #expect(right.first?.range == 10..<18)
    #expect(
      right.first?.message.contains("its right side 'bond > 3' is a true/false value") == true)
    #expect(right.first?.message.contains("(its left side 'trust' is a number)") == true)
    let both = try problems("pushed > apologised")
    #expect(both.first?.range == 0..<19)
    #expect(both.first?.message.contains("both sides are true/false values") == true)
  }

  @Test func equalityNeedsTwoValuesOfOneType() throws {
    let found = try problems("count == pushed")
    #expect(found.map(\.code) == [.expressionType])
    #expect(found.first?.range == 0..<15)
    #expect(
      found.first?.message
        == "'==' compares two numbers or two true/false values, but its left side 'count' is a"
        + " number and its right side 'pushed' is a true/false value")
  }

  @Test func numbersAreNotConditions() throws {
    let joined = try problems("bond and task")
    #expect(joined.map(\.range) == [0..<4, 9..<13])
    #expect(joined.allSatisfy { $0.code == .expressionType })
    #expect(
      joined.first?.message.contains("'and' joins two conditions, but 'bond' is a number") == true)
    #expect(
      try problems("pushed || visits(t1)").first?.message.contains("as in 'visits(t1) > 0'") == true
    )
    let negated = try problems("not 3")
    #expect(negated.map(\.range) == [4..<5])
    #expect(
      negated.first?.message.contains("'not' needs a true/false value, but '3' is a number") == true
    )
    let whole = try problems("count")
    #expect(whole.map(\.code) == [.expressionType])
    #expect(whole.first?.range == 0..<5)
    #expect(whole.first?.message.contains("the condition is a number, not true or false") == true)
  }

  @Test func notBeforeAComparisonIsExplainedOnce() throws {
    let found = try problems("pushed or not bond >= 50")
    #expect(found.count == 1)
    #expect(found.first?.code == .expressionType)
    #expect(found.first?.range == 10..<24)
    #expect(found.first?.message.contains("write 'not (bond >= 50)'") == true)
  }

  @Test func problemsDoNotCascade() throws {
    // The unknown name makes the comparison's type unknowable; only the name is reported.
    #expect(
      try problems("ghost < 3 and ghost").map(\.code) == [.unknownVariable, .unknownVariable])
    // The number under `not` is reported, not also the comparison of its result.
    #expect(try problems("not trust < 3").count == 1)
    #expect(try problems("(not 3) == pushed").count == 1)
  }

  @Test func problemsComeInReadingOrder() throws {
    let found = try problems("(trust and pushed) or visits(nowhere) > 0 or bnd")
    #expect(found.map(\.code) == [.expressionType, .unknownVisitTarget, .unknownVariable])
    #expect(found.map(\.range.lowerBound) == [1, 29, 45])
  }

  @Test func typesOfExpressions() throws {
    #expect(Self.scope.type(of: try parsed("visits(t1)")) == .number)
    #expect(Self.scope.type(of: try parsed("pushed")) == .boolean)
    #expect(Self.scope.type(of: try parsed("trust > 1 and pushed")) == .boolean)
    #expect(Self.scope.type(of: try parsed("ghost")) == nil)
  }
}
