import Foundation

/// Writes comma-separated values as RFC 4180 defines them, safe to open in a spreadsheet.
///
/// Records end with CRLF; a field holding a comma, a double quote, CR or LF is quoted, with its
/// double quotes doubled. Text from transcripts and scenarios is untrusted: a text cell that a
/// spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR, as
/// OWASP's guidance on CSV injection lists) gets a leading apostrophe, so that it shows as text
/// and never runs. Numbers are written as they are.
public enum CSVTable {
  /// One cell.
  public enum Cell: Hashable, Sendable, ExpressibleByStringLiteral {
    /// Text, neutralised if it looks like a formula.
    case text(String)
    /// A number, written as given.
    case number(String)
    /// Nothing.
    case empty

    public init(stringLiteral value: String) { self = .text(value) }

    /// An integer cell, or an empty one for nil.
    public static func integer(_ value: Int?) -> Cell {
      value.map { .number(String($0)) } ?? .empty
    }

    /// A decimal cell rounded to `places`, or an empty one for nil.
    public static func decimal(_ value: Double?, places: Int = 1) -> Cell {
      guard let value, value.isFinite else { return .empty }
      return .number(DecimalText.formatted(value, places: places))
    }

    /// A yes/no cell.
    public static func flag(_ value: Bool) -> Cell { .text(value ? "yes" : "no") }

    /// An optional text cell.
    public static func optional(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
  }

  /// The characters that make a spreadsheet read a cell as a formula.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// One record, with its CRLF.
  public static func record(_ cells: [Cell]) -> String {
    cells.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, neutralised and quoted as needed.
  public static func field(_ cell: Cell) -> String {
    let raw: String
    switch cell {
    case .empty: return ""
    case .number(let text): raw = text
    case .text(let text):
      // By its first scalar: "\r\n" is one Character, which is not "\r".
      raw =
        text.unicodeScalars.first.map { formulaStarts.contains(Character($0)) } == true
        ? "'" + text : text
    }
    let needsQuotes = raw.contains {
      $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n"
    }
    return needsQuotes ? "\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : raw
  }
}
