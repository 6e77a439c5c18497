/// An Experience API (xAPI 1.0.3) statement: an actor, a verb, an activity, and what came of
/// it. Encodes to the JSON an LRS accepts.
public struct XAPIStatement: Hashable, Sendable, Encodable {
  /// A UUID, derived from the transcript so that exporting twice gives the same ids and an LRS
  /// can drop the duplicates.
  public var id: String
  public var actor: Actor
  public var verb: Verb
  public var object: Activity
  public var result: Result?
  public var context: Context
  /// When it happened, in ISO 8601.
  public var timestamp: String

  /// Who: a trainee, identified by an account on the training programme's system.
  public struct Actor: Hashable, Sendable, Encodable {
    public var objectType = "Agent"
    public var name: String
    public var account: Account
  }

  /// An account: the system's home page and the trainee's id on it.
  public struct Account: Hashable, Sendable, Encodable {
    public var homePage: String
    public var name: String
  }

  /// What was done: an ADL verb IRI with its display name.
  public struct Verb: Hashable, Sendable, Encodable {
    public var id: String
    public var display: [String: String]

    /// `http://adlnet.gov/expapi/verbs/answered`.
    public static let answered = adl("answered")
    /// `http://adlnet.gov/expapi/verbs/completed`.
    public static let completed = adl("completed")
    /// `http://adlnet.gov/expapi/verbs/passed`.
    public static let passed = adl("passed")
    /// `http://adlnet.gov/expapi/verbs/failed`.
    public static let failed = adl("failed")
    /// `http://adlnet.gov/expapi/verbs/terminated`: the session stopped before an ending.
    public static let terminated = adl("terminated")

    static func adl(_ name: String) -> Verb {
      Verb(id: "http://adlnet.gov/expapi/verbs/\(name)", display: ["en-US": name])
    }
  }

  /// What it was done to: a scenario, or one of its client turns.
  public struct Activity: Hashable, Sendable, Encodable {
    public var objectType = "Activity"
    public var id: String
    public var definition: Definition?
  }

  /// What an activity is.
  public struct Definition: Hashable, Sendable, Encodable {
    public var type: String
    public var name: [String: String]
    public var description: [String: String]?
    /// `choice` for a client turn answered from a menu.
    public var interactionType: String?
    public var choices: [Choice]?
  }

  /// One option of a choice interaction.
  public struct Choice: Hashable, Sendable, Encodable {
    public var id: String
    public var description: [String: String]
  }

  /// What came of it.
  public struct Result: Hashable, Sendable, Encodable {
    public var score: Score?
    public var success: Bool?
    public var completion: Bool?
    public var response: String?
    /// ISO 8601 duration, to a hundredth of a second.
    public var duration: String?
    public var extensions: [String: ExtensionValue]?
  }

  /// A score: `scaled` in -1...1 and `raw` between `min` and `max`.
  public struct Score: Hashable, Sendable, Encodable {
    public var scaled: Double
    public var raw: Double
    public var min: Double
    public var max: Double
  }

  /// The session it belongs to and the scenario around it.
  public struct Context: Hashable, Sendable, Encodable {
    /// The session's UUID, shared by all its statements.
    public var registration: String
    public var platform = "Attune"
    /// The scenario's version.
    public var revision: String
    public var contextActivities: ContextActivities
    public var extensions: [String: ExtensionValue]
  }

  /// Activities around the statement's own.
  public struct ContextActivities: Hashable, Sendable, Encodable {
    public var parent: [Activity]?
    public var category: [Activity]?
  }

  /// The value of an extension.
  public enum ExtensionValue: Hashable, Sendable, Encodable {
    case string(String)
    case integer(Int)
    case strings([String])

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .string(let value): try container.encode(value)
      case .integer(let value): try container.encode(value)
      case .strings(let value): try container.encode(value)
      }
    }
  }
}
