import Testing

@testable import AttuneGrading

/// Decimals as text, independent of the locale.
@Suite struct DecimalTextTests {
  @Test(arguments: [
    (0.0, 1, "0.0"),
    (7.0, 1, "7.0"),
    (2.25, 1, "2.3"),
    (-2.25, 1, "-2.3"),
    (2.5, 0, "3"),
    (-2.5, 0, "-3"),
    (0.125, 2, "0.13"),
    (4.5, 2, "4.50"),
    (1.05, 2, "1.05"),
    (-0.04, 1, "0.0"),
    (-0.05, 1, "-0.1"),
    (99.999, 2, "100.00"),
    (12_345.678, 1, "12345.7"),
    (0.001, 3, "0.001"),
  ])
  func formats(_ value: Double, _ places: Int, _ text: String) {
    #expect(DecimalText.formatted(value, places: places) == text)
  }
}
