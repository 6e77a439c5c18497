import Glibc

/// Conversions between Swift strings and libedit's wide strings (`wchar_t` holds one Unicode
/// scalar on Linux).
enum WideText {
  /// The scalars of `text` followed by a NUL; NULs inside `text` are dropped.
  static func nulTerminated(_ text: String) -> [wchar_t] {
    var wide = text.unicodeScalars.compactMap {
      $0.value == 0 ? nil : wchar_t(bitPattern: $0.value)
    }
    wide.append(0)
    return wide
  }

  /// The string made of `count` wide characters; invalid values become U+FFFD.
  static func string(_ wide: UnsafePointer<wchar_t>, count: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for index in 0..<max(count, 0) {
      scalars.append(Unicode.Scalar(UInt32(bitPattern: wide[index])) ?? "\u{FFFD}")
    }
    return String(scalars)
  }

  /// The prompt as libedit's EL_PROMPT_ESC expects it: terminal escape sequences (colours)
  /// are enclosed between two ``invisibleMarker`` characters so that libedit counts them as
  /// taking no room; NUL-terminated.
  static func prompt(_ prompt: String) -> [wchar_t] {
    let escape: Unicode.Scalar = "\u{1B}"
    var wide: [wchar_t] = []
    var scalars = prompt.unicodeScalars.makeIterator()
    func append(_ scalar: Unicode.Scalar) {
      wide.append(wchar_t(bitPattern: scalar.value))
    }
    while let scalar = scalars.next() {
      if scalar.value == 0 || scalar.value == UInt32(invisibleMarker) {
        continue
      }
      guard scalar == escape else {
        append(scalar)
        continue
      }
      wide.append(invisibleMarker)
      append(scalar)
      if let kind = scalars.next() {
        append(kind)
        if kind == "[" {
          // CSI: parameters and intermediates up to a final byte in @...~.
          while let next = scalars.next() {
            append(next)
            if (0x40...0x7E).contains(next.value) {
              break
            }
          }
        } else if kind == "]" {
          // OSC: up to BEL or ESC \.
          while let next = scalars.next() {
            append(next)
            if next == "\u{07}" {
              break
            }
            if next == escape, let terminator = scalars.next() {
              append(terminator)
              break
            }
          }
        }
      }
      wide.append(invisibleMarker)
    }
    wide.append(0)
    return wide
  }

  /// The character that brackets invisible text in prompts.
  static let invisibleMarker: wchar_t = 1
}
