/// Builds JSON Pointers (RFC 6901) one step at a time.
enum JSONPointer {
  /// The pointer to `key` inside the value at `base`.
  static func appending(_ key: String, to base: String) -> String {
    let needsEscaping = key.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
    guard needsEscaping else { return base + "/" + key }
    var escaped = ""
    for character in key {
      switch character {
      case "~": escaped += "~0"
      case "/": escaped += "~1"
      default: escaped.append(character)
      }
    }
    return base + "/" + escaped
  }

  /// The pointer to element `index` of the array at `base`.
  static func appending(_ index: Int, to base: String) -> String { base + "/" + String(index) }
}
