import Foundation

/// JSON text safe to print to a terminal. `JSONEncoder` escapes only the C0 controls; DEL, the
/// C1 controls (U+0080 to U+009F, among them a one-character CSI) and the bidirectional
/// overrides and isolates pass through raw. In JSON they can only stand inside strings, where
/// a `\uXXXX` escape means the same, so they are escaped and the document reads back unchanged.
enum SafeJSON {
  /// The encoded `data` as text, with those characters escaped.
  static func text(_ data: Data) -> String {
    let text = String(decoding: data, as: UTF8.self)
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        let hex = String(scalar.value, radix: 16)
        result.append(
          contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
