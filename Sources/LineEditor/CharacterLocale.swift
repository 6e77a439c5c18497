import Glibc

/// The character-type locale libedit decodes keystrokes and encodes output with.
enum CharacterLocale {
  /// Adopts the user's LC_CTYPE (`setlocale(LC_CTYPE, "")`), falling back to C.UTF-8 when
  /// that is the plain C/POSIX locale or is not installed, so that non-ASCII input is edited
  /// as characters rather than bytes. Process-wide; call before `el_init`.
  static func prepare() {
    let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
    if chosen == nil || chosen == "C" || chosen == "POSIX" {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}
