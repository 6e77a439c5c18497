/// Text made safe for HTML: every character that could open a tag, close an attribute or
/// start an entity is escaped, so that untrusted text from transcripts and scenarios (a
/// trainee's note holding `<script>`, say) shows as text and never runs.
public enum HTMLText {
  /// `text` escaped for element content and double- or single-quoted attribute values.
  public static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}":
        result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
