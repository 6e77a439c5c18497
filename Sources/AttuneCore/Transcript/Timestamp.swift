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
