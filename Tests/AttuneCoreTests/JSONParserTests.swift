import Testing

@testable import AttuneCore

/// Parses `text` with `limits`, as a file named "test.json".
private func parse(_ text: String, limits: JSONLimits = .default) -> JSONParseResult {
  JSONParser(limits: limits).parse(Array(text.utf8), file: "test.json")
}

/// The diagnostics as "code@line:column", in the order reported.
private func summary(_ result: JSONParseResult) -> [String] {
  result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }
}

/// The one diagnostic of `text`, which must have exactly one.
private func only(_ text: String, limits: JSONLimits = .default) throws -> Diagnostic {
  let result = parse(text, limits: limits)
  try #require(result.diagnostics.count == 1, "\(summary(result))")
  return result.diagnostics[0]
}

private func loc(_ line: Int, _ column: Int, _ offset: Int) -> AttuneCore.SourceLocation {
  AttuneCore.SourceLocation(line: line, column: column, offset: offset)
}

@Suite struct JSONParserValueTests {
  @Test func parsesEveryKindOfValue() throws {
    let result = parse(
      #"{"s": "text", "n": -12.5e1, "t": true, "f": false, "z": null, "a": [], "o": {}}"#)
    #expect(result.diagnostics.isEmpty)
    let members = try #require(result.value?.objectValue)
    #expect(members.map(\.key) == ["s", "n", "t", "f", "z", "a", "o"])
    #expect(members[0].value.stringValue == "text")
    #expect(members[1].value.numberValue?.doubleValue == -125)
    #expect(members[1].value.numberValue?.text == "-12.5e1")
    #expect(members[2].value.boolValue == true)
    #expect(members[3].value.boolValue == false)
    #expect(members[4].value.isNull)
    #expect(members[5].value.arrayValue == [])
    #expect(members[6].value.objectValue == [])
    #expect(
      members.map(\.value.typeName)
        == ["string", "number", "boolean", "boolean", "null", "array", "object"])
    #expect(result.value?.member("t")?.value.boolValue == true)
    #expect(result.value?.member("missing") == nil)
  }

  @Test func scalarsAtTheTopLevel() {
    #expect(parse("42").value?.numberValue?.intValue == 42)
    #expect(parse(#""hi""#).value?.stringValue == "hi")
    #expect(parse(" null ").value?.isNull == true)
    #expect(parse("true").value?.location == loc(1, 1, 0))
    #expect(parse("true").value?.endLocation == loc(1, 5, 4))
  }

  @Test func locationsOfValuesAndKeys() throws {
    let text = """
      {
        "title": "Intake",
        "turns": [
          {"id": 1, "ok": true}
        ]
      }
      """
    let result = parse(text)
    #expect(result.diagnostics.isEmpty)
    let root = try #require(result.value)
    #expect(root.location == loc(1, 1, 0))
    #expect(root.endLocation == loc(6, 2, text.utf8.count))
    let members = try #require(root.objectValue)
    #expect(members[0].keyLocation == loc(2, 3, 4))
    #expect(members[0].value.location == loc(2, 12, 13))
    #expect(members[0].value.endLocation == loc(2, 20, 21))
    #expect(members[1].keyLocation == loc(3, 3, 25))
    let turns = try #require(members[1].value.arrayValue)
    #expect(members[1].value.location == loc(3, 12, 34))
    #expect(members[1].value.endLocation == loc(5, 4, 65))
    #expect(turns[0].location == loc(4, 5, 40))
    #expect(turns[0].endLocation == loc(4, 26, 61))
    let turn = try #require(turns[0].objectValue)
    #expect(turn[0].keyLocation == loc(4, 6, 41))
    #expect(turn[0].value.location == loc(4, 12, 47))
    #expect(turn[1].value.location == loc(4, 21, 56))
  }

  @Test func columnsCountScalarsNotBytes() throws {
    // "😀" is 4 bytes, "é" 2 bytes; each is one column.
    let result = parse(#"["😀é", 1, "ü"]"#)
    let elements = try #require(result.value?.arrayValue)
    #expect(elements[0].endLocation == loc(1, 6, 9))
    #expect(elements[1].location == loc(1, 8, 11))
    #expect(elements[2].location == loc(1, 11, 14))
    #expect(elements[2].endLocation == loc(1, 14, 18))
    // A diagnostic after multi-byte text on the same line.
    let diagnostic = try only(#"["日本語", 01]"#)
    #expect(diagnostic.code == .jsonInvalidNumber)
    #expect(diagnostic.location == loc(1, 9, 14))
  }

  @Test func lineBreaksCRLFAndLoneCR() throws {
    let crlf = try #require(parse("[\r\n1,\r\n  2]").value?.arrayValue)
    #expect(crlf[0].location == loc(2, 1, 3))
    #expect(crlf[1].location == loc(3, 3, 9))
    let lone = try #require(parse("[\r1,\r2]").value?.arrayValue)
    #expect(lone[0].location == loc(2, 1, 2))
    #expect(lone[1].location == loc(3, 1, 5))
    let mixed = try only("[\n1,\r\n2,\r3,\n]")
    #expect(mixed.code == .jsonTrailingComma)
    #expect(mixed.location == loc(4, 2, 10))
  }

  @Test func keepsDuplicateKeysInOrderWithoutDiagnostics() throws {
    let result = parse(#"{"a": 1, "b": 2, "a": 3}"#)
    #expect(result.diagnostics.isEmpty)
    let members = try #require(result.value?.objectValue)
    #expect(members.map(\.key) == ["a", "b", "a"])
    #expect(members.map { $0.value.numberValue?.intValue } == [1, 2, 3])
  }

  @Test func acceptsOtherCollections() {
    let text = #"{"a": [1, 2]}"#
    let parser = JSONParser()
    let fromString = parser.parse(text, file: "s.json")
    let fromContiguous = parser.parse(ContiguousArray(text.utf8))
    let fromLazy = parser.parse(Array(text.utf8).lazy.map { $0 })
    let fromSlice = parser.parse(Array(("xx" + text).utf8)[2...])
    #expect(fromString.value != nil && fromString.diagnostics.isEmpty)
    #expect(fromContiguous.value == fromString.value)
    #expect(fromLazy.value == fromString.value)
    #expect(fromSlice.value?.objectValue?.first?.key == "a")
  }
}

@Suite struct JSONParserNumberTests {
  @Test func integersAreExact() throws {
    func number(_ text: String) throws -> JSONNumber {
      try #require(parse(text).value?.numberValue, "\(text)")
    }
    #expect(try number("0").intValue == 0)
    #expect(try number("-0").intValue == 0)
    #expect(try number("-0").doubleValue.sign == .minus)
    #expect(try number("9223372036854775807").intValue == Int.max)
    #expect(try number("-9223372036854775808").intValue == Int.min)
    #expect(try number("9223372036854775808").intValue == nil)
    #expect(try number("9223372036854775808").doubleValue == 9_223_372_036_854_775_808)
    #expect(try number("-9223372036854775809").intValue == nil)
    #expect(try number("123456789012345678901234567890").intValue == nil)
    #expect(try number("9007199254740993").intValue == 9_007_199_254_740_993)
    #expect(try number("9007199254740993").doubleValue == 9_007_199_254_740_992)
    #expect(try number("3.0").intValue == 3)
    #expect(try number("1e2").intValue == 100)
    #expect(try number("2.50e1").intValue == 25)
    #expect(try number("1.5").intValue == nil)
    #expect(try number("1e-2").intValue == nil)
    #expect(try number("3.0").isIntegerLiteral == false)
    #expect(try number("-17").isIntegerLiteral == true)
    #expect(try number("3.50").text == "3.50")
  }

  @Test func bigAndSmallExponents() throws {
    func double(_ text: String) throws -> Double {
      try #require(parse(text).value?.numberValue?.doubleValue, "\(text)")
    }
    #expect(try double("1e400") == .infinity)
    #expect(try double("-1e400") == -.infinity)
    #expect(try double("1e-400") == 0)
    #expect(try double("1E+2") == 100)
    #expect(try double("1.7976931348623157e308") == .greatestFiniteMagnitude)
    #expect(try double("5e-324") == .leastNonzeroMagnitude)
    #expect(try double("2.2250738585072014e-308") == .leastNormalMagnitude)
    #expect(try double("0.1") == 0.1)
    #expect(try double("123456789.123456789e-5") == 1234.56789123456789)
    #expect(try double("1e99999999999999999999") == .infinity)
    #expect(parse("1e400").value?.numberValue?.intValue == nil)
    #expect(parse("1e400").diagnostics.isEmpty)
  }

  @Test func doublesMatchTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let mantissa = String(UInt64.random(in: 0...UInt64.max, using: &generator))
      let cut = Int.random(in: 0..<mantissa.count, using: &generator)
      var text = mantissa
      if cut > 0 {
        text.insert(".", at: text.index(text.startIndex, offsetBy: cut))
      }
      text = String(text.drop { $0 == "0" })
      if text.isEmpty || text.hasPrefix(".") { text = "0" + text }
      if text.hasSuffix(".") { text += "5" }
      text += "e\(Int.random(in: -30...30, using: &generator))"
      let parsed = JSONNumber(text)
      #expect(parsed?.doubleValue == Double(text), "\(text)")
    }
  }

  @Test func literalsOutsideTheGrammarAreNotNumbers() {
    for text in ["+1", ".5", "5.", "01", "-", "1e", "0x1F", "NaN", "Infinity", "1_000", ""] {
      #expect(JSONNumber(text) == nil, "\(text)")
    }
    #expect(JSONNumber("-0.0e+0") != nil)
  }
}

@Suite struct JSONParserStringTests {
  @Test func decodesEscapes() throws {
    let result = parse(
      #"["\"\\\/\b\f\n\r\t", "\u00e9\u0041", "\uD83D\uDE00", "a\u0000b", "caf\u00E9 é"]"#)
    #expect(result.diagnostics.isEmpty)
    let strings = try #require(result.value?.arrayValue).map(\.stringValue)
    #expect(strings == ["\"\\/\u{08}\u{0C}\n\r\t", "éA", "😀", "a\u{0}b", "café é"])
  }

  @Test func rawMultiByteTextIsKept() throws {
    let result = parse(#"{"klient": "Ich fühle mich 😔 — 悲しい"}"#)
    #expect(result.diagnostics.isEmpty)
    #expect(result.value?.member("klient")?.value.stringValue == "Ich fühle mich 😔 — 悲しい")
  }

  @Test func loneSurrogatesBecomeReplacementCharacters() throws {
    let result = parse(#"["a\uD800b", "\uDE00", "\uD800\u0041"]"#)
    #expect(
      summary(result) == [
        "json-lone-surrogate@1:4", "json-lone-surrogate@1:15", "json-lone-surrogate@1:25",
      ])
    let strings = try #require(result.value?.arrayValue).map(\.stringValue)
    #expect(strings == ["a\u{FFFD}b", "\u{FFFD}", "\u{FFFD}A"])
  }

  @Test func invalidUTF8IsReportedOncePerRunWithItsByte() throws {
    let bytes: [UInt8] = [0x5B, 0x22, 0x61, 0xFF, 0xFE, 0x62, 0xC3, 0x22, 0x5D]
    let result = JSONParser().parse(bytes, file: "bad.json")
    #expect(summary(result) == ["json-invalid-utf8@1:4", "json-invalid-utf8@1:7"])
    #expect(result.diagnostics[0].location.offset == 3)
    #expect(result.diagnostics[0].message.contains("0xFF"))
    #expect(result.diagnostics[0].message.contains("offset 3"))
    #expect(result.diagnostics[1].message.contains("0xC3"))
    #expect(result.value?.arrayValue?.first?.stringValue == "a\u{FFFD}b\u{FFFD}")
  }
}

@Suite struct JSONParserDiagnosticTests {
  @Test func everyDiagnosticHasFileSeverityAndPointer() throws {
    let result = parse(#"{"turns": [{}, {}, {}, {"options": [01]}]}"#)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.file == "test.json")
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.code == .jsonInvalidNumber)
    #expect(diagnostic.pointer == "/turns/3/options/0")
    #expect(diagnostic.location == loc(1, 37, 36))
    let escaped = try only(#"{"a/b": {"c~d": [1,]}}"#)
    #expect(escaped.pointer == "/a~1b/c~0d")
  }

  @Test func comments() throws {
    let line = try only("[1, // the client's first words\n2]")
    #expect(line.code == .jsonComment)
    #expect(line.location == loc(1, 5, 4))
    #expect(line.message.contains("\"note\" field"))
    let block = try only("{\"a\": 1 /* multi\nline */, \"b\": 2}")
    #expect(block.code == .jsonComment)
    #expect(block.location == loc(1, 9, 8))
    let after = parse("[1] /* unclosed")
    #expect(summary(after) == ["json-comment@1:5", "json-syntax@1:16"])
    #expect(after.value != nil)
  }

  @Test func trailingCommas() throws {
    let array = try only("[1, 2,]")
    #expect(array.code == .jsonTrailingComma)
    #expect(array.location == loc(1, 6, 5))
    #expect(
      array.message
        == "trailing comma before ']': JSON does not allow a comma after the last element;"
        + " delete it")
    let object = try only("{\"a\": 1,\n}")
    #expect(object.code == .jsonTrailingComma)
    #expect(object.location == loc(1, 8, 7))
    #expect(parse("[1, 2,]").value?.arrayValue?.count == 2)
  }

  @Test func singleQuotes() throws {
    let result = parse("{'name': 'Ana'}")
    #expect(summary(result) == ["json-single-quotes@1:2", "json-single-quotes@1:10"])
    #expect(result.value?.member("name")?.value.stringValue == "Ana")
    let escaped = parse(#"['it\'s "fine"']"#)
    #expect(summary(escaped) == ["json-single-quotes@1:2"])
    #expect(escaped.value?.arrayValue?.first?.stringValue == #"it's "fine""#)
  }

  @Test(
    arguments: [
      ("[NaN]", "null"), ("[Infinity]", nil), ("[-Infinity]", nil), ("[+1]", "1"),
      ("[007]", "7"), ("[-01.5]", "-1.5"), ("[.5]", "0.5"), ("[-.5]", "-0.5"), ("[5.]", "5.0"),
      ("[0x1F]", "31"), ("[1e]", nil), ("[1.2.3]", nil), ("[2.e3]", "2.0e3"),
    ] as [(String, String?)])
  func invalidNumbers(text: String, fix: String?) throws {
    let diagnostic = try only(text)
    #expect(diagnostic.code == .jsonInvalidNumber)
    #expect(diagnostic.location == loc(1, 2, 1))
    #expect(diagnostic.pointer == "/0")
    #expect(diagnostic.suggestion == fix)
    #expect(parse(text).value?.arrayValue?.count == 1)
  }

  @Test func invalidNumberMessagesAreSpecific() throws {
    #expect(try only("[+1]").message.contains("cannot start with '+'"))
    #expect(try only("[007]").message.contains("leading zeros"))
    #expect(try only("[.5]").message.contains("write 0.5"))
    #expect(try only("[5.]").message.contains("must follow the decimal point"))
    #expect(try only("[0x1F]").message.contains("write 31"))
    #expect(try only("[NaN]").message.contains("null"))
    #expect(try only("[1e+]").message.contains("exponent"))
    #expect(parse("[0x1F]").value?.arrayValue?.first?.numberValue?.intValue == 31)
  }

  @Test func unquotedKeys() throws {
    let result = parse("{title: \"x\", true: 1, 2: 3}")
    #expect(
      summary(result) == [
        "json-unquoted-key@1:2", "json-unquoted-key@1:14", "json-unquoted-key@1:23",
      ])
    #expect(result.value?.objectValue?.map(\.key) == ["title", "true", "2"])
    #expect(result.diagnostics[0].suggestion == "\"title\"")
  }

  @Test func missingCommas() throws {
    let array = try only("[1 2]")
    #expect(array.code == .jsonMissingComma)
    #expect(array.location == loc(1, 3, 2))
    let object = parse("{\n  \"a\": \"x\"\n  \"b\": [true\n    false]\n}")
    #expect(summary(object) == ["json-missing-comma@2:11", "json-missing-comma@3:13"])
    #expect(object.diagnostics[1].pointer == "/b")
    #expect(object.value?.member("b")?.value.arrayValue?.count == 2)
  }

  @Test func controlCharactersAndEscapes() throws {
    let tab = try only("[\"a\tb\"]")
    #expect(tab.code == .jsonControlCharacter)
    #expect(tab.location == loc(1, 4, 3))
    #expect(tab.message.contains("\\t"))
    let newline = parse("[\"a\nb\"]")
    #expect(summary(newline) == ["json-control-character@1:4"])
    #expect(newline.value?.arrayValue?.first?.stringValue == "a\nb")
    let escape = parse(#"["C:\xfiles", "it\'s"]"#)
    #expect(summary(escape) == ["json-invalid-escape@1:5", "json-invalid-escape@1:18"])
    #expect(escape.value?.arrayValue?.map(\.stringValue) == ["C:xfiles", "it's"])
    let shortU = try only(#"["\u12"]"#)
    #expect(shortU.code == .jsonInvalidEscape)
    #expect(shortU.location == loc(1, 3, 2))
  }

  @Test func byteOrderMark() throws {
    let result = JSONParser().parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8), file: "bom.json")
    #expect(summary(result) == ["json-byte-order-mark@1:1"])
    #expect(result.diagnostics[0].message.contains("save the file as UTF-8 without BOM"))
    #expect(result.value?.location == loc(1, 1, 3))
    let utf16 = JSONParser().parse([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00])
    #expect(summary(utf16) == ["json-invalid-utf8@1:1"])
    #expect(utf16.value == nil)
  }

  @Test func trailingContentAndEmptyInput() throws {
    let trailing = parse("{\"a\": 1}\n{\"b\": 2}")
    #expect(summary(trailing) == ["json-trailing-content@2:1"])
    #expect(trailing.value?.member("a") != nil)
    #expect(summary(parse("")) == ["json-empty@1:1"])
    #expect(summary(parse("  \n\t ")) == ["json-empty@1:1"])
    #expect(summary(parse("// nothing\n")) == ["json-comment@1:1", "json-empty@1:1"])
    #expect(parse("").value == nil)
  }

  @Test func syntaxErrorsNameWhatWasExpected() throws {
    let unclosed = parse("{\"a\": [1, 2")
    #expect(summary(unclosed) == ["json-syntax@1:12"])
    #expect(unclosed.value == nil)
    let message = unclosed.diagnostics[0].message
    #expect(message.contains("expected ',' or ']'"))
    #expect(message.contains("'[' opened at 1:7"))
    #expect(message.contains("'{' opened at 1:1"))
    #expect(message.contains("\"]}\""))

    let string = parse("{\n  \"a\": \"abc")
    #expect(summary(string) == ["json-syntax@2:12"])
    #expect(string.diagnostics[0].message.contains("unterminated string that starts at 2:8"))

    let afterMember = try #require(parse("{\"title\": \"x\" true}").diagnostics.first)
    #expect(afterMember.code == .jsonSyntax)
    #expect(afterMember.location == loc(1, 15, 14))
    #expect(afterMember.message.contains("expected ',' or '}' after the member \"title\""))

    let stray = try only("[1, @]")
    #expect(stray.code == .jsonSyntax)
    #expect(stray.location == loc(1, 5, 4))
    #expect(stray.message.contains("'@'"))

    let closer = parse("]")
    #expect(summary(closer) == ["json-syntax@1:1"])
    #expect(closer.value == nil)
  }

  @Test func mismatchedClosersAreRecovered() throws {
    let result = parse("{\"a\": [1, 2}, \"b\": 3}")
    #expect(summary(result) == ["json-syntax@1:12", "json-trailing-content@1:13"])
    #expect(result.value?.member("a")?.value.arrayValue?.count == 2)
    #expect(result.diagnostics[0].message.contains("'[' opened at 1:7"))
    let nested = parse("{\"a\": {\"b\": [1}, \"c\": 2}")
    #expect(summary(nested) == ["json-syntax@1:15"])
    #expect(nested.value?.member("c")?.value.numberValue?.intValue == 2)
  }

  @Test func missingClosingQuoteAtTheEndOfALine() throws {
    let result = parse("{\n  \"a\": \"hello,\n  \"b\": 2\n}")
    #expect(summary(result) == ["json-syntax@2:14"])
    #expect(result.value?.member("a")?.value.stringValue == "hello")
    #expect(result.value?.member("b")?.value.numberValue?.intValue == 2)
  }

  @Test func wordsWhereValuesBelong() throws {
    let result = parse("[True, None, tru, hello, undefined]")
    #expect(result.diagnostics.allSatisfy { $0.code == .jsonSyntax })
    #expect(result.diagnostics.map(\.suggestion) == ["true", "null", "true", "\"hello\"", "null"])
    let values = try #require(result.value?.arrayValue)
    #expect(values.map(\.typeName) == ["boolean", "null", "boolean", "string", "null"])
  }

  @Test func typographicQuotes() throws {
    let result = parse("{“name”: “Ana”}")
    #expect(summary(result) == ["json-syntax@1:2", "json-syntax@1:10"])
    #expect(result.value?.member("name")?.value.stringValue == "Ana")
  }

  @Test func reportsEveryProblemOfAFileAndRecoversTheTree() throws {
    let text = """
      {
        // draft
        "title": 'Intake',
        turns: [
          {"id": "t1", "weight": 01, "text": "Hi\tthere"}
          {"id": "t2", "weight": .5,},
        ],
        "done": True
      }
      """
    let result = parse(text)
    #expect(
      summary(result) == [
        "json-comment@2:3", "json-single-quotes@3:12", "json-unquoted-key@4:3",
        "json-invalid-number@5:28", "json-control-character@5:43", "json-missing-comma@5:51",
        "json-invalid-number@6:28", "json-trailing-comma@6:30", "json-trailing-comma@6:32",
        "json-syntax@8:11",
      ])
    #expect(
      result.diagnostics.map { $0.pointer ?? "-" } == [
        "", "/title", "", "/turns/0/weight", "/turns/0/text", "/turns", "/turns/1/weight",
        "/turns/1", "/turns", "/done",
      ])
    let root = try #require(result.value)
    #expect(root.member("title")?.value.stringValue == "Intake")
    let turns = try #require(root.member("turns")?.value.arrayValue)
    #expect(turns.count == 2)
    #expect(turns[0].member("weight")?.value.numberValue?.intValue == 1)
    #expect(turns[1].member("weight")?.value.numberValue?.doubleValue == 0.5)
    #expect(root.member("done")?.value.boolValue == true)
  }
}

@Suite struct JSONParserLimitTests {
  @Test func tooLargeIsCheckedBeforeParsing() throws {
    let diagnostic = try only("[1, 2, 3]", limits: JSONLimits(maximumBytes: 4))
    #expect(diagnostic.code == .jsonTooLarge)
    #expect(diagnostic.file == "test.json")
    #expect(parse("[1, 2, 3]", limits: JSONLimits(maximumBytes: 4)).value == nil)
    let huge = [UInt8](repeating: 0x20, count: 100_000_000)
    #expect(summary(JSONParser().parse(huge)) == ["json-too-large@1:1"])
  }

  @Test func deepNestingStopsAtTheLimit() throws {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let clock = ContinuousClock()
    let start = clock.now
    let result = parse(text)
    #expect(clock.now - start < .seconds(5))
    #expect(summary(result) == ["json-too-deep@1:129"])
    #expect(result.diagnostics[0].message.contains("128"))
    #expect(result.value == nil)
    let unclosed = parse(String(repeating: "{\"a\":", count: 100_000))
    #expect(unclosed.diagnostics.map(\.code) == [.jsonTooDeep])
    let atLimit = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
    #expect(parse(atLimit).diagnostics.isEmpty)
    let deeper = JSONLimits(maximumDepth: 2)
    #expect(summary(parse("[[[1]]]", limits: deeper)) == ["json-too-deep@1:3"])
  }

  @Test func longStringsAndNumbers() throws {
    let limits = JSONLimits(maximumStringLength: 4, maximumNumberLength: 3)
    let result = parse(#"["abcd", "abcde", "é\u00e9é", 123, -1234]"#, limits: limits)
    #expect(
      summary(result) == [
        "json-string-too-long@1:10", "json-string-too-long@1:19", "json-number-too-long@1:36",
      ])
    #expect(result.value?.arrayValue?.count == 5)
  }

  @Test func errorCountIsCapped() throws {
    let text = "[" + String(repeating: "01, ", count: 1000) + "1]"
    let result = parse(text)
    #expect(result.diagnostics.count == 201)
    #expect(result.diagnostics.dropLast().allSatisfy { $0.code == .jsonInvalidNumber })
    #expect(result.diagnostics.last?.code == .jsonTooManyErrors)
    #expect(result.diagnostics.last?.severity == .note)
    #expect(result.value == nil)
    let small = parse("[01, 01, 01]", limits: JSONLimits(maximumErrors: 2))
    #expect(
      small.diagnostics.map(\.code) == [.jsonInvalidNumber, .jsonInvalidNumber, .jsonTooManyErrors])
  }

  @Test func junkDoesNotProduceMillionsOfErrors() {
    var bytes = [UInt8](repeating: 0, count: 1_000_000)
    var generator = SystemRandomNumberGenerator()
    for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
    bytes[0] = UInt8(ascii: "[")
    let result = JSONParser().parse(bytes)
    #expect(result.diagnostics.count <= 201)
    #expect(result.diagnostics.containsErrors)
  }

  @Test func whitespaceIsScannedQuickly() {
    let limits = JSONLimits(maximumBytes: .max)
    let text = [UInt8](repeating: 0x20, count: 20_000_000) + Array("[1]".utf8)
    let clock = ContinuousClock()
    let start = clock.now
    let result = JSONParser(limits: limits).parse(text)
    #expect(clock.now - start < .seconds(10))
    #expect(result.diagnostics.isEmpty)
    #expect(result.value?.location.column == 20_000_001)
  }
}

@Suite struct JSONParserRobustnessTests {
  /// The location of `offset` counted the slow, obvious way.
  static func referenceLocation(_ bytes: [UInt8], _ offset: Int) -> AttuneCore.SourceLocation {
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    var line = 1
    var lineStart = bom && offset >= 3 ? 3 : 0
    var index = lineStart
    while index < offset {
      let byte = bytes[index]
      index += 1
      if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
        line += 1
        lineStart = index
      }
    }
    let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return loc(line, column, offset)
  }

  static func checkTree(_ value: JSONValue, _ bytes: [UInt8]) {
    #expect(value.location == referenceLocation(bytes, value.location.offset))
    #expect(value.endLocation == referenceLocation(bytes, value.endLocation.offset))
    #expect(value.location.offset < value.endLocation.offset)
    switch value.kind {
    case .array(let elements):
      for element in elements { checkTree(element, bytes) }
    case .object(let members):
      for member in members {
        #expect(member.keyLocation == referenceLocation(bytes, member.keyLocation.offset))
        checkTree(member.value, bytes)
      }
    default: break
    }
  }

  /// Mutates a hand-written document at random (with a fixed seed) and checks that every
  /// parse ends, stays within the error cap, and places every value and diagnostic where a
  /// slow reference count says.
  @Test func mutatedDocumentsKeepConsistentLocations() {
    let document = Array(
      """
      {\r\n  "title": "Première séance 😀",\r\n  "turns": [\n    {"id": "t1", "weight": 1.5e3,
       "text": "Ich f\\u00fchle \\uD83D\\uDE00", "ok": true, "none": null}, [], {}\r  ],
        "n": -0.25
      }
      """.utf8)
    let interesting =
      Array("{}[]:,\"'\\/*\n\r\t 0-.eEx+tfnu".utf8) + [0xC3, 0xA9, 0xFF, 0x80, 0xE2]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var diagnosticCount = 0
    for round in 0..<600 {
      var bytes = document
      for _ in 0..<(1 + next(4)) {
        let index = next(bytes.count)
        switch next(3) {
        case 0: bytes.remove(at: index)
        case 1: bytes.insert(interesting[next(interesting.count)], at: index)
        default: bytes[index] = interesting[next(interesting.count)]
        }
      }
      if round % 50 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
      let result = JSONParser().parse(bytes, file: "fuzz.json")
      #expect(result.diagnostics.count <= 201)
      diagnosticCount += result.diagnostics.count
      for diagnostic in result.diagnostics {
        #expect(
          diagnostic.location == Self.referenceLocation(bytes, diagnostic.location.offset),
          "\(diagnostic.code) in \(String(decoding: bytes, as: UTF8.self))")
        #expect(diagnostic.file == "fuzz.json")
      }
      if let value = result.value { Self.checkTree(value, bytes) }
    }
    #expect(diagnosticCount > 600, "the mutations should produce errors")
  }
}
