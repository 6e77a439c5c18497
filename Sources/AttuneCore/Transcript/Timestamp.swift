import Foundation

/// UTC timestamps for transcripts and file names, formatted without a date formatter (whose
/// set-up would cost the start-up time of a session).
public enum Timestamp {
  /// ISO 8601 in UTC, to the second: `2026-11-24T18:41:56Z`.
  public static func iso8601(_ date: Date) -> String {
    let parts = components(of: date)
    return "\(parts[0])-\(two(parts[1]))-\(two(parts[2]))T\(two(parts[3])):\(two(parts[4])):"
      + "\(two(parts[5]))Z"
  }

  /// Compact, for file names: `20261124-184156`.
  public static func compact(_ date: Date) -> String {
    let parts = components(of: date)
    return "\(parts[0])\(two(parts[1]))\(two(parts[2]))-\(two(parts[3]))\(two(parts[4]))"
      + "\(two(parts[5]))"
  }

  /// Reads back a timestamp written by `iso8601(_:)` (`2026-11-24T18:41:56Z`); nil for any
  /// other form.
  public static func date(fromISO8601 text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    // Days from civil (proleptic Gregorian), the inverse of `components(of:)`.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let date = Date(
      timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    // A day or second that does not exist (30 February, 18:41:60) would read as another
    // moment: only what `iso8601(_:)` writes back the same is accepted.
    return iso8601(date) == text ? date : nil
  }

  /// Year, month, day, hour, minute, second in UTC (civil-from-days, proleptic Gregorian).
  static func components(of date: Date) -> [Int] {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = Int((Double(seconds) / 86_400).rounded(.down))
    let secondOfDay = seconds - days * 86_400
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return [year, month, day, secondOfDay / 3_600, secondOfDay / 60 % 60, secondOfDay % 60]
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
