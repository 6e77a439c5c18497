/// One JSON value with the place in the source text where it was written.
///
/// `JSONParser` builds a tree of these; code that decodes the scenario model reads the tree
/// and reports its own problems at `location`. Objects keep their members in source order and
/// keep duplicate keys, so that callers can report them.
public struct JSONValue: Hashable, Sendable {
  /// What a JSON value is, with its content.
  public enum Kind: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, with its literal as written.
    case number(JSONNumber)
    /// A string, with its escapes decoded.
    case string(String)
    /// An array, with its elements in source order.
    case array([JSONValue])
    /// An object, with its members in source order, duplicate keys included.
    case object([JSONMember])
  }

  /// The value's kind and content.
  public var kind: Kind
  /// Where the value starts: its first character (a quote, a bracket, a digit, ...).
  public var location: SourceLocation
  /// The position just after the value's last character.
  public var endLocation: SourceLocation

  /// Creates a value.
  public init(_ kind: Kind, location: SourceLocation, endLocation: SourceLocation) {
    self.kind = kind
    self.location = location
    self.endLocation = endLocation
  }

  /// Whether the value is `null`.
  public var isNull: Bool {
    if case .null = kind { return true }
    return false
  }

  /// The string, if the value is a string.
  public var stringValue: String? {
    if case .string(let string) = kind { return string }
    return nil
  }

  /// The flag, if the value is `true` or `false`.
  public var boolValue: Bool? {
    if case .bool(let flag) = kind { return flag }
    return nil
  }

  /// The number, if the value is a number.
  public var numberValue: JSONNumber? {
    if case .number(let number) = kind { return number }
    return nil
  }

  /// The elements, if the value is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = kind { return elements }
    return nil
  }

  /// The members in source order, if the value is an object.
  public var objectValue: [JSONMember]? {
    if case .object(let members) = kind { return members }
    return nil
  }

  /// The JSON name of the value's type: "null", "boolean", "number", "string", "array" or
  /// "object".
  public var typeName: String {
    switch kind {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// The first member named `key`, if the value is an object that has one.
  public func member(_ key: String) -> JSONMember? {
    objectValue?.first { $0.key == key }
  }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
  /// The key, with its escapes decoded.
  public var key: String
  /// Where the key starts (its opening quote).
  public var keyLocation: SourceLocation
  /// The member's value.
  public var value: JSONValue

  /// Creates a member.
  public init(key: String, keyLocation: SourceLocation, value: JSONValue) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}
