/// A branching client vignette, loaded and validated.
///
/// A scenario is only ever made by `ScenarioLoader`, which guarantees that every reference
/// resolves, every condition is well typed and every id is unique; the engine relies on that.
public struct Scenario: Sendable {
  /// The scenario format version; this build reads version 1.
  public var format: Int
  /// Metadata: id, title, version, authors and teaching material.
  public var metadata: ScenarioMetadata
  /// The simulated client.
  public var client: ClientProfile
  /// The alliance when the session starts.
  public var startingAlliance: Alliance
  /// The declared variables, in the order written.
  public var variables: [Variable]
  /// The id of the first client turn.
  public var start: String
  /// The client turns, in the order written.
  public var turns: [Turn]
  /// The endings, in the order written.
  public var endings: [Ending]
  /// Whether the engine adds the attachment and reactance fit adjustments (default true).
  public var appliesFitAdjustments: Bool
  /// Where each part of the scenario stands in its file, by JSON Pointer.
  public var sourceMap: SourceMap

  /// The scenario's stable id.
  public var id: String { metadata.id }
  /// The scenario's version, as the author numbers it.
  public var version: String { metadata.version }
  /// The scenario's title.
  public var title: String { metadata.title }

  let turnIndexByID: [String: Int]
  let endingIndexByID: [String: Int]
  let optionAddressByID: [String: OptionAddress]
  let variableIndexByName: [String: Int]

  init(
    format: Int, metadata: ScenarioMetadata, client: ClientProfile, startingAlliance: Alliance,
    variables: [Variable], start: String, turns: [Turn], endings: [Ending],
    appliesFitAdjustments: Bool, sourceMap: SourceMap
  ) {
    self.format = format
    self.metadata = metadata
    self.client = client
    self.startingAlliance = startingAlliance
    self.variables = variables
    self.start = start
    self.turns = turns
    self.endings = endings
    self.appliesFitAdjustments = appliesFitAdjustments
    self.sourceMap = sourceMap
    var turnIndex: [String: Int] = [:]
    var optionAddress: [String: OptionAddress] = [:]
    for (t, turn) in turns.enumerated() {
      turnIndex[turn.id] = turnIndex[turn.id] ?? t
      for (o, option) in turn.options.enumerated() {
        optionAddress[option.id] = optionAddress[option.id] ?? OptionAddress(turn: t, option: o)
      }
    }
    var endingIndex: [String: Int] = [:]
    for (e, ending) in endings.enumerated() { endingIndex[ending.id] = endingIndex[ending.id] ?? e }
    var variableIndex: [String: Int] = [:]
    for (v, variable) in variables.enumerated() {
      variableIndex[variable.name] = variableIndex[variable.name] ?? v
    }
    self.turnIndexByID = turnIndex
    self.endingIndexByID = endingIndex
    self.optionAddressByID = optionAddress
    self.variableIndexByName = variableIndex
  }

  /// The turn with this id, if there is one.
  public func turn(_ id: String) -> Turn? { turnIndexByID[id].map { turns[$0] } }

  /// The ending with this id, if there is one.
  public func ending(_ id: String) -> Ending? { endingIndexByID[id].map { endings[$0] } }

  /// The option with this id, with the turn it belongs to.
  public func option(_ id: String) -> (turn: Turn, option: TherapistOption)? {
    guard let address = optionAddressByID[id] else { return nil }
    let turn = turns[address.turn]
    return (turn, turn.options[address.option])
  }

  /// The position of turn `id` in `turns`.
  public func turnIndex(of id: String) -> Int? { turnIndexByID[id] }

  /// The position of ending `id` in `endings`.
  public func endingIndex(of id: String) -> Int? { endingIndexByID[id] }

  /// The position of variable `name` in `variables`.
  public func variableIndex(of name: String) -> Int? { variableIndexByName[name] }

  /// Whether a session in `mode` may show the client's attachment category, ECR-R figures and
  /// reactance before the debrief: never in an assessment, in practice as the scenario says.
  public func revealsProfile(in mode: SessionMode) -> Bool {
    mode == .practice && metadata.practiceShowsProfile
  }

  /// Every turn that carries a rupture marker.
  public var ruptureTurns: [Turn] { turns.filter { $0.marker != nil } }
}

/// Where an option sits: the index of its turn and its index among the turn's options.
struct OptionAddress: Hashable, Sendable {
  var turn: Int
  var option: Int
}

/// What a scenario says about itself.
public struct ScenarioMetadata: Hashable, Sendable {
  /// A stable id: lower-case letters, digits and hyphens.
  public var id: String
  /// The title shown to trainees.
  public var title: String
  /// The scenario's own version, for example "1.2.0".
  public var version: String
  /// Who wrote it.
  public var authors: [String]
  /// What the trainee reads before playing: the situation, written like a referral or case
  /// note, with no hint of the answer.
  public var brief: String?
  /// What happens in it and what the key moves are, for instructors and graders: shown by
  /// `check`, `replay`, reports and the debrief, never during play (`summary` in older files).
  public var instructorNotes: String
  /// Whether practice mode shows the client's attachment category, ECR-R figures and
  /// reactance before and during play; assessment never does (default true).
  public var practiceShowsProfile: Bool
  /// How hard it is.
  public var difficulty: Difficulty
  /// What a trainee should be able to do after it.
  public var objectives: [String]
  /// The literature it rests on.
  public var references: [String]
}

/// How demanding a scenario is, for grading practice.
public enum Difficulty: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
  case beginner
  case intermediate
  case advanced

  public static func < (lhs: Difficulty, rhs: Difficulty) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A declared scenario variable and its starting value.
public struct Variable: Hashable, Sendable {
  /// The variable's name, as written in conditions.
  public var name: String
  /// The value when the session starts.
  public var initialValue: VariableValue
}

/// The value of a scenario variable: a number or a flag.
public enum VariableValue: Hashable, Sendable, Codable, CustomStringConvertible {
  case number(Double)
  case flag(Bool)

  /// The type of the value, as conditions see it.
  public var type: ExpressionType {
    switch self {
    case .number: .number
    case .flag: .boolean
    }
  }

  /// The value as a number (flags as 0 or 1).
  public var numericValue: Double {
    switch self {
    case .number(let value): value
    case .flag(let value): value ? 1 : 0
    }
  }

  public var description: String {
    switch self {
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .flag(let value): String(value)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .flag(flag)
    } else {
      self = .number(try container.decode(Double.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let value): try container.encode(value)
    case .flag(let value): try container.encode(value)
    }
  }
}
