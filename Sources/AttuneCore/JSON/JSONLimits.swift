/// Bounds on the JSON text the parser accepts, so that no input can exhaust memory or time.
public struct JSONLimits: Hashable, Sendable {
  /// The largest accepted text, in bytes; a larger text is refused before parsing.
  public var maximumBytes: Int
  /// How deeply arrays and objects may nest; a top-level `[]` or `{}` is level 1.
  ///
  /// Parsing never recurses, but the finished tree is freed and compared recursively, so keep
  /// this in the hundreds or low thousands.
  public var maximumDepth: Int
  /// The longest accepted string, in bytes of UTF-8 after escapes are decoded.
  public var maximumStringLength: Int
  /// The longest accepted number literal, in characters.
  public var maximumNumberLength: Int
  /// How many values the tree may hold: every scalar, array and object counts as one, and
  /// object keys do not count. Each value takes about 100 bytes of memory, so this bounds
  /// the memory a parse can take, which the byte limit alone does not (16 MiB of `[],` is
  /// more than five million values).
  public var maximumValues: Int
  /// How many errors are reported before the parser gives up on the rest of the text.
  public var maximumErrors: Int

  /// Creates limits; each one left out takes its default.
  public init(
    maximumBytes: Int = 16 * 1024 * 1024,
    maximumDepth: Int = 128,
    maximumStringLength: Int = 1024 * 1024,
    maximumNumberLength: Int = 128,
    maximumValues: Int = 1_000_000,
    maximumErrors: Int = 200
  ) {
    self.maximumBytes = maximumBytes
    self.maximumDepth = maximumDepth
    self.maximumStringLength = maximumStringLength
    self.maximumNumberLength = maximumNumberLength
    self.maximumValues = maximumValues
    self.maximumErrors = maximumErrors
  }

  /// 16 MiB of text, 128 levels of nesting, strings up to 1 MiB, numbers up to 128
  /// characters, a million values, and at most 200 errors reported.
  public static let `default` = JSONLimits()
}
