import AttuneCore

/// A way of answering that needs no clinical skill: it reads only what is on the screen (the
/// options' wording and the client's words) and picks by a surface feature. The cue analysis
/// computes the headline each reaches, so that an author sees whether the wording of the
/// options gives the key away (Haladyna, Downing & Rodriguez 2002).
public enum TextPolicy: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Always the option shown first. Under the seeded shuffle the first position holds each
  /// available option equally often, so its expectation is that of uniform random play.
  case first
  /// Always the option shown last; the same expectation as `first`, for the same reason.
  case last
  /// Each available option with equal probability.
  case random
  /// The longest option (ties shared equally, as the shuffle breaks them).
  case longest
  /// The shortest option.
  case shortest
  /// The option with the most question marks.
  case mostQuestions
  /// An option containing the phrase, else any option.
  case keyword(String)
  /// The option sharing the most words with what the client just said (clang association).
  case echo

  /// The give-away phrases tried by the keyword policies.
  public static let keywords = [
    "sorry", "i wonder", "it sounds like", "i hear", "you feel", "i'm curious", "i notice",
    "understand", "together", "what was it like", "makes sense", "right now",
  ]

  /// Every policy the analysis reports.
  public static var all: [TextPolicy] {
    [.first, .last, .random, .longest, .shortest, .mostQuestions, .echo]
      + keywords.map { .keyword($0) }
  }

  public var description: String {
    switch self {
    case .first: "choosing the first option every time"
    case .last: "choosing the last option every time"
    case .random: "choosing at random"
    case .longest: "choosing the longest option every time"
    case .shortest: "choosing the shortest option every time"
    case .mostQuestions: "choosing the option with the most questions"
    case .keyword(let word): "choosing an option that says \"\(word)\""
    case .echo: "choosing the option that repeats most of the client's words"
    }
  }

  /// A short name for tables and JSON.
  public var name: String {
    switch self {
    case .first: "first"
    case .last: "last"
    case .random: "random"
    case .longest: "longest"
    case .shortest: "shortest"
    case .mostQuestions: "most-questions"
    case .keyword(let word): "keyword:\(word)"
    case .echo: "echo"
    }
  }

  /// The probability of choosing each of `shown`'s available options, in their order.
  public func choice(in shown: TurnPresentation) -> [Double] {
    let options = shown.availableOptions.map(\.option.text)
    guard !options.isEmpty else { return [] }
    switch self {
    case .first, .last, .random:
      return spread(over: options.indices.map { _ in true })
    case .longest:
      return maximal(options.map { Double($0.count) })
    case .shortest:
      return maximal(options.map { -Double($0.count) })
    case .mostQuestions:
      return maximal(options.map { Double($0.filter { $0 == "?" }.count) })
    case .keyword(let word):
      let hits = options.map { $0.lowercased().contains(word) }
      return spread(over: hits.contains(true) ? hits : hits.map { _ in true })
    case .echo:
      let said = Self.words(of: shown.says)
      return maximal(options.map { Double(Self.words(of: $0).intersection(said).count) })
    }
  }

  /// The content words of a text: lower-cased runs of letters, four or more long.
  static func words(of text: String) -> Set<String> {
    var words: Set<String> = []
    var current = ""
    for character in text.lowercased() {
      if character.isLetter || character == "'" {
        current.append(character)
      } else {
        if current.count >= 4 { words.insert(current) }
        current = ""
      }
    }
    if current.count >= 4 { words.insert(current) }
    return words
  }

  private func maximal(_ values: [Double]) -> [Double] {
    let best = values.max()!
    return spread(over: values.map { $0 == best })
  }

  private func spread(over chosen: [Bool]) -> [Double] {
    let count = Double(chosen.filter { $0 }.count)
    return chosen.map { $0 ? 1 / count : 0 }
  }
}
