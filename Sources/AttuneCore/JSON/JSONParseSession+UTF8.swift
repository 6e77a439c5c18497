/// UTF-8 validation and encoding, and the notation of bytes and scalars in messages.
extension JSONParseSession {
  /// The Unicode scalar encoded at `offset` and its length in bytes, or a length of 0 when
  /// the bytes there are not valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
  /// above U+10FFFF).
  func utf8Sequence(at offset: Int) -> (value: UInt32, length: Int) {
    let count = bytes.count
    let lead = bytes[offset]
    if lead < 0x80 { return (UInt32(lead), 1) }
    @inline(__always) func continuation(_ index: Int) -> UInt32? {
      guard index < count, bytes[index] & 0xC0 == 0x80 else { return nil }
      return UInt32(bytes[index] & 0x3F)
    }
    switch lead {
    case 0xC2...0xDF:
      guard let second = continuation(offset + 1) else { return (0, 0) }
      return ((UInt32(lead & 0x1F) << 6) | second, 2)
    case 0xE0...0xEF:
      guard let second = continuation(offset + 1), let third = continuation(offset + 2) else {
        return (0, 0)
      }
      let value = (UInt32(lead & 0x0F) << 12) | (second << 6) | third
      guard value >= 0x800 && (value < 0xD800 || value > 0xDFFF) else { return (0, 0) }
      return (value, 3)
    case 0xF0...0xF4:
      guard let second = continuation(offset + 1), let third = continuation(offset + 2),
        let fourth = continuation(offset + 3)
      else { return (0, 0) }
      let value = (UInt32(lead & 0x07) << 18) | (second << 12) | (third << 6) | fourth
      guard value >= 0x10000 && value <= 0x10FFFF else { return (0, 0) }
      return (value, 4)
    default:
      return (0, 0)
    }
  }

  /// Skips the run of bytes at `pos` that are not valid UTF-8, reporting the run once.
  mutating func skipInvalidUTF8(scope: PointerScope) {
    let start = pos
    let location = location(at: pos)
    repeat {
      pos += 1
    } while pos < bytes.count && bytes[pos] >= 0x80 && utf8Sequence(at: pos).length == 0
    asciiFrom = pos
    let more = pos - start - 1
    guard !stopped else { return }
    error(
      .jsonInvalidUTF8,
      "invalid UTF-8: byte \(Self.hex(bytes[start])) at offset \(start)"
        + (more > 0 ? " (and \(more) more after it)" : "")
        + " is not part of a valid character; save the file as UTF-8, or retype the text here",
      at: location, scope: scope)
  }

  /// Appends the UTF-8 encoding of a scalar to `scratch`.
  mutating func appendUTF8(_ value: UInt32) {
    switch value {
    case 0..<0x80:
      scratch.append(UInt8(value))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | (value >> 6)))
      scratch.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      scratch.append(UInt8(0xE0 | (value >> 12)))
      scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      scratch.append(UInt8(0x80 | (value & 0x3F)))
    default:
      scratch.append(UInt8(0xF0 | (value >> 18)))
      scratch.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      scratch.append(UInt8(0x80 | (value & 0x3F)))
    }
  }

  /// A byte as `0xFF`, for messages.
  static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
  }

  /// A scalar as `U+00A0`, for messages.
  static func codePoint(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
