/// A small, fast, fully specified pseudo-random generator (SplitMix64), so that a session's
/// random draws depend only on its recorded seed, on every platform and in every version.
public struct SeededRandom: RandomNumberGenerator, Hashable, Sendable, Codable {
  /// The generator's whole state.
  public private(set) var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`, without modulo bias.
  public mutating func roll(below bound: Int) -> Int {
    precondition(bound > 0)
    let bound = UInt64(bound)
    let threshold = (0 &- bound) % bound
    while true {
      let value = next()
      if value >= threshold { return Int(value % bound) }
    }
  }
}
