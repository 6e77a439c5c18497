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
}
