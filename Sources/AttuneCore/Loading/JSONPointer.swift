/// Builds JSON Pointers (RFC 6901) one step at a time.
enum JSONPointer {
  /// The pointer to `key` inside the value at `base`.
  static func appending(_ key: String, to base: String) -> String {
    base + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(
      of: "/", with: "~1")
  }

  /// The pointer to element `index` of the array at `base`.
  static func appending(_ index: Int, to base: String) -> String { base + "/" + String(index) }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
