import Foundation
import Testing

@testable import AttuneCore

@Suite struct TimestampTests {
  @Test(arguments: [
    (0.0, "1970-01-01T00:00:00Z", "19700101-000000"),
    (951_782_400.0, "2000-02-29T00:00:00Z", "20000229-000000"),
    (1_795_545_716.9, "2026-11-24T18:41:56Z", "20261124-184156"),
    (4_107_542_399.0, "2100-02-28T23:59:59Z", "21000228-235959"),
  ])
  func formatsUTC(_ seconds: Double, _ iso: String, _ compact: String) {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(Timestamp.iso8601(date) == iso)
    #expect(Timestamp.compact(date) == compact)
  }

  @Test func agreesWithFoundation() {
    let formatter = ISO8601DateFormatter()
    var random = SeededRandom(seed: 5)
    for _ in 0..<500 {
      let date = Date(timeIntervalSince1970: Double(random.roll(below: 4_000_000_000)))
      #expect(Timestamp.iso8601(date) == formatter.string(from: date))
    }
  }

  // MARK: Reading back

  @Test(arguments: [
    "1970-01-01T00:00:00Z", "2000-02-29T00:00:00Z", "2026-11-24T18:41:56Z",
    "2100-02-28T23:59:59Z", "1969-12-31T23:59:59Z", "1600-02-29T12:00:00Z",
    "9999-12-31T23:59:59Z",
  ])
  func readsBackWhatItWrites(_ text: String) throws {
    let date = try #require(Timestamp.date(fromISO8601: text))
    #expect(Timestamp.iso8601(date) == text)
  }

  @Test func parsingAgreesWithFoundation() throws {
    let formatter = ISO8601DateFormatter()
    #expect(
      Timestamp.date(fromISO8601: "2026-11-24T18:41:56Z")
        == formatter.date(from: "2026-11-24T18:41:56Z"))
    #expect(Timestamp.date(fromISO8601: "1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
    var random = SeededRandom(seed: 11)
    for _ in 0..<500 {
      let date = Date(timeIntervalSince1970: Double(random.roll(below: 4_000_000_000)))
      let text = Timestamp.iso8601(date)
      #expect(Timestamp.date(fromISO8601: text) == date, "\(text)")
      #expect(Timestamp.date(fromISO8601: text) == formatter.date(from: text))
    }
  }

  @Test(arguments: [
    "", "2026-11-24", "2026-11-24T18:41:56", "2026-11-24T18:41:56z", "2026-11-24 18:41:56Z",
    "2026-11-24T18:41:56.5Z", "2026-11-24T18:41:56+00:00", "2026/11/24T18:41:56Z",
    "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
    "2026-11-32T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T18:60:00Z",
    "2026-11-24T18:41:60Z", "2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z",
    "2026-04-31T00:00:00Z", "2100-02-29T00:00:00Z", "+026-11-24T18:41:56Z",
    "2026-1a-24T18:41:56Z", " 2026-11-24T18:41:56Z", "2026-11-24T18:41:56Z ",
    "２０２６-11-24T18:41:56Z",
  ])
  func refusesAnyOtherForm(_ text: String) {
    #expect(Timestamp.date(fromISO8601: text) == nil)
  }
}
