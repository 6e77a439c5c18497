/// Reads the fields of one JSON object, reporting missing, mistyped, duplicated and unknown
/// fields at their exact positions.
///
/// Call the typed readers for every field the object may hold, then `finish`, which reports
/// the fields nobody asked for.
struct ObjectReader {
  /// What the object is, for messages: "the client", "option \"ask-more\"".
  var subject: String
  let pointer: String
  let location: SourceLocation
  private var members: [String: JSONMember] = [:]
  private var order: [String] = []
  private var known: Set<String> = ["note"]

  /// Opens `value` as an object, or reports that it is not one and returns nil.
  init?(_ value: JSONValue, subject: String, pointer: String, context: inout DecodingContext) {
    guard let members = value.objectValue else {
      context.error(
        .wrongType, "expected \(subject) to be an object ({ ... }), found \(value.article)",
        at: value.location, pointer: pointer)
      return nil
    }
    self.subject = subject
    self.pointer = pointer
    self.location = value.location
    context.sourceMap.record(value.location, for: pointer)
    for member in members {
      if self.members[member.key] != nil {
        context.error(
          .duplicateKey,
          "\"\(member.key)\" appears twice in \(subject); JSON readers keep only one, so delete"
            + " or rename the other (first at line \(self.members[member.key]!.keyLocation.line))",
          at: member.keyLocation, pointer: JSONPointer.appending(member.key, to: pointer))
        continue
      }
      self.members[member.key] = member
      order.append(member.key)
    }
  }

  func pointer(to key: String) -> String { JSONPointer.appending(key, to: pointer) }

  /// The raw value of `key`, if present, marking the key as known.
  mutating func value(_ key: String, required: Bool = false, context: inout DecodingContext)
    -> JSONValue?
  {
    known.insert(key)
    guard let member = members[key] else {
      if required {
        context.error(
          .missingField, "\(subject) is missing the field \"\(key)\"", at: location,
          pointer: pointer)
      }
      return nil
    }
    context.sourceMap.record(member.value.location, for: pointer(to: key))
    return member.value
  }

  /// Whether the object holds `key` (without marking it known).
  func has(_ key: String) -> Bool { members[key] != nil }

  /// The key's location, if present.
  func keyLocation(_ key: String) -> SourceLocation? { members[key]?.keyLocation }

  mutating func string(_ key: String, required: Bool = false, context: inout DecodingContext)
    -> String?
  {
    guard let value = value(key, required: required, context: &context) else { return nil }
    guard let string = value.stringValue else {
      context.error(
        .wrongType, "expected \"\(key)\" to be a string in quotes, found \(value.article)",
        at: value.location, pointer: pointer(to: key))
      return nil
    }
    if string.utf8.count > context.limits.maximumTextLength,
      string.unicodeScalars.count > context.limits.maximumTextLength
    {
      context.error(
        .limitExceeded,
        "\"\(key)\" is \(string.unicodeScalars.count) characters long; the limit is"
          + " \(context.limits.maximumTextLength): shorten it",
        at: value.location, pointer: pointer(to: key))
    }
    return string
  }

  mutating func bool(_ key: String, context: inout DecodingContext) -> Bool? {
    guard let value = value(key, context: &context) else { return nil }
    guard let flag = value.boolValue else {
      context.error(
        .wrongType, "expected \"\(key)\" to be true or false, found \(value.article)",
        at: value.location, pointer: pointer(to: key))
      return nil
    }
    return flag
  }

  mutating func integer(
    _ key: String, in range: ClosedRange<Int>, required: Bool = false,
    context: inout DecodingContext
  ) -> Int? {
    guard let value = value(key, required: required, context: &context) else { return nil }
    return Self.integer(
      value, named: "\"\(key)\"", in: range, pointer: pointer(to: key), context: &context)
  }

  static func integer(
    _ value: JSONValue, named name: String, in range: ClosedRange<Int>, pointer: String,
    context: inout DecodingContext
  ) -> Int? {
    guard let number = value.numberValue else {
      context.error(
        .wrongType, "expected \(name) to be a whole number, found \(value.article)",
        at: value.location, pointer: pointer)
      return nil
    }
    let exact = number.doubleValue.rounded() == number.doubleValue && abs(number.doubleValue) < 1e15
    guard let integer = number.intValue ?? (exact ? Int(number.doubleValue) : nil) else {
      context.error(
        .wrongType, "expected \(name) to be a whole number, found \(number.text)",
        at: value.location, pointer: pointer)
      return nil
    }
    guard range.contains(integer) else {
      context.error(
        .outOfRange,
        "\(name) is \(integer); it must lie between \(range.lowerBound) and \(range.upperBound)",
        at: value.location, pointer: pointer)
      return nil
    }
    return integer
  }

  mutating func number(
    _ key: String, in range: ClosedRange<Double>, required: Bool = false,
    context: inout DecodingContext
  ) -> Double? {
    guard let value = value(key, required: required, context: &context) else { return nil }
    guard let number = value.numberValue else {
      context.error(
        .wrongType, "expected \"\(key)\" to be a number, found \(value.article)",
        at: value.location, pointer: pointer(to: key))
      return nil
    }
    guard range.contains(number.doubleValue) else {
      context.error(
        .outOfRange,
        "\"\(key)\" is \(number.text); it must lie between \(Self.format(range.lowerBound)) and"
          + " \(Self.format(range.upperBound))",
        at: value.location, pointer: pointer(to: key))
      return nil
    }
    return number.doubleValue
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() ? String(Int(number)) : String(number)
  }

  /// A value that must be one of an enumeration's raw values.
  mutating func choice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, as type: Choice.Type, required: Bool = false, context: inout DecodingContext
  ) -> Choice? where Choice.RawValue == String {
    guard let string = string(key, required: required, context: &context) else { return nil }
    return Self.choice(
      string, as: type, named: "\"\(key)\"", at: members[key]!.value.location,
      pointer: pointer(to: key), context: &context)
  }

  static func choice<Choice: RawRepresentable & CaseIterable>(
    _ string: String, as type: Choice.Type, named name: String, at location: SourceLocation,
    pointer: String, code: DiagnosticCode = .invalidValue, context: inout DecodingContext
  ) -> Choice? where Choice.RawValue == String {
    if let choice = Choice(rawValue: string) { return choice }
    let allowed = Choice.allCases.map(\.rawValue)
    let suggestion = NameSuggestion.closest(to: string, among: allowed)
    let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
    context.error(
      code, "\(name) cannot be \"\(string)\"; write one of \(list)", at: location,
      pointer: pointer, suggestion: suggestion)
    return nil
  }

  /// An array of strings.
  mutating func strings(_ key: String, required: Bool = false, context: inout DecodingContext)
    -> [String]?
  {
    guard let value = value(key, required: required, context: &context) else { return nil }
    guard let elements = value.arrayValue else {
      context.error(
        .wrongType,
        "expected \"\(key)\" to be a list of strings ([\"...\", \"...\"]), found \(value.article)",
        at: value.location, pointer: pointer(to: key))
      return nil
    }
    var strings: [String] = []
    for (index, element) in elements.enumerated() {
      guard let string = element.stringValue else {
        context.error(
          .wrongType,
          "expected every element of \"\(key)\" to be a string, found \(element.article)",
          at: element.location, pointer: JSONPointer.appending(index, to: pointer(to: key)))
        continue
      }
      if string.utf8.count > context.limits.maximumTextLength,
        string.unicodeScalars.count > context.limits.maximumTextLength
      {
        context.error(
          .limitExceeded,
          "an element of \"\(key)\" is \(string.unicodeScalars.count) characters long;"
            + " the limit is \(context.limits.maximumTextLength): shorten it",
          at: element.location, pointer: JSONPointer.appending(index, to: pointer(to: key)))
      }
      strings.append(string)
    }
    return strings
  }

  /// An array, checked for emptiness and a size limit.
  mutating func array(
    _ key: String, required: Bool = false, nonEmpty: Bool = false, limit: Int,
    context: inout DecodingContext
  ) -> [JSONValue]? {
    guard let value = value(key, required: required, context: &context) else { return nil }
    guard let elements = value.arrayValue else {
      context.error(
        .wrongType, "expected \"\(key)\" to be a list ([ ... ]), found \(value.article)",
        at: value.location, pointer: pointer(to: key))
      return nil
    }
    if nonEmpty && elements.isEmpty {
      context.error(
        .emptyList, "\"\(key)\" of \(subject) is empty; give at least one",
        at: value.location, pointer: pointer(to: key))
    }
    if elements.count > limit {
      context.error(
        .limitExceeded,
        "\"\(key)\" holds \(elements.count) elements; the limit is \(limit)",
        at: value.location, pointer: pointer(to: key))
      return Array(elements.prefix(limit))
    }
    return elements
  }

  /// Reports every field that no reader asked for, with the closest known name.
  func finish(context: inout DecodingContext) {
    for key in order where !known.contains(key) {
      let member = members[key]!
      let suggestion = NameSuggestion.closest(to: key, among: known.subtracting(["note"]))
      context.error(
        .unknownField,
        "\(subject) has no field \"\(key)\"", at: member.keyLocation,
        pointer: pointer(to: key), suggestion: suggestion)
    }
  }
}

extension JSONValue {
  /// The value's type with an article, for messages: "a number", "an object".
  var article: String {
    switch kind {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let number): "the number \(number.text)"
    case .string: "a string"
    case .array: "a list"
    case .object: "an object"
    }
  }
}
