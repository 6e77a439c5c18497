extension DiagnosticCode {
  /// Malformed JSON not covered by a more specific code: an unexpected character or token,
  /// an unterminated string, array or object, or an unexpected end of the text.
  public static let jsonSyntax: DiagnosticCode = "json-syntax"
  /// A `//` or `/* */` comment; JSON has none.
  public static let jsonComment: DiagnosticCode = "json-comment"
  /// A comma after the last element of an array or the last member of an object.
  public static let jsonTrailingComma: DiagnosticCode = "json-trailing-comma"
  /// No comma between two array elements or two object members.
  public static let jsonMissingComma: DiagnosticCode = "json-missing-comma"
  /// A string in single quotes; JSON strings take double quotes.
  public static let jsonSingleQuotes: DiagnosticCode = "json-single-quotes"
  /// An object key without quotes.
  public static let jsonUnquotedKey: DiagnosticCode = "json-unquoted-key"
  /// A number JSON does not allow: `NaN`, `Infinity`, a leading `+` or zero, `.5`, `5.`,
  /// hexadecimal, ...
  public static let jsonInvalidNumber: DiagnosticCode = "json-invalid-number"
  /// A raw control character (a tab, a line break, ...) inside a string.
  public static let jsonControlCharacter: DiagnosticCode = "json-control-character"
  /// A backslash escape JSON does not define, such as `\x` or `\'`, or a malformed `\u`.
  public static let jsonInvalidEscape: DiagnosticCode = "json-invalid-escape"
  /// A `\u` escape of half a UTF-16 surrogate pair without its other half.
  public static let jsonLoneSurrogate: DiagnosticCode = "json-lone-surrogate"
  /// Bytes that are not valid UTF-8, or a text in another encoding such as UTF-16.
  public static let jsonInvalidUTF8: DiagnosticCode = "json-invalid-utf8"
  /// A UTF-8 byte-order mark at the start of the text.
  public static let jsonByteOrderMark: DiagnosticCode = "json-byte-order-mark"
  /// Text after the end of the top-level value.
  public static let jsonTrailingContent: DiagnosticCode = "json-trailing-content"
  /// An empty text, or one holding only whitespace and comments.
  public static let jsonEmpty: DiagnosticCode = "json-empty"
  /// A text longer than the byte limit; it is not parsed.
  public static let jsonTooLarge: DiagnosticCode = "json-too-large"
  /// Arrays and objects nested more deeply than the limit; parsing stops there.
  public static let jsonTooDeep: DiagnosticCode = "json-too-deep"
  /// A string longer than the limit.
  public static let jsonStringTooLong: DiagnosticCode = "json-string-too-long"
  /// A number literal longer than the limit.
  public static let jsonNumberTooLong: DiagnosticCode = "json-number-too-long"
  /// More values (scalars, arrays and objects) than the limit; parsing stops there.
  public static let jsonTooManyValues: DiagnosticCode = "json-too-many-values"
  /// A note that the error limit was reached and the rest of the text was not checked.
  public static let jsonTooManyErrors: DiagnosticCode = "json-too-many-errors"
}
