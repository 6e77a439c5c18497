/// Walks the JSON tree of a scenario and builds the model, collecting diagnostics as it goes.
struct ScenarioDecoder {
  static let reservedNames: Set<String> = [
    "bond", "task", "goal", "visits", "and", "or", "not", "true", "false", "note",
  ]

  let root: JSONValue
  var context: DecodingContext
  /// Every turn, option and ending id in the file, found before decoding so that references
  /// and conditions can be checked in one walk.
  var knownTargets: Set<String> = []
  var knownTurnsAndEndings: Set<String> = []
  /// Every turn id in the file.
  var knownTurns: Set<String> = []
  /// Every turn and option id: what `visits(...)` may count.
  var visitTargets: Set<String> = []
  /// Where each id was first defined.
  var definitions: [String: SourceLocation] = [:]
  var variableTypes: [String: ExpressionType] = [:]
  var scope = ExpressionScope(variables: [:], visitTargets: [])

  init(root: JSONValue, file: String?, limits: ScenarioLimits) {
    self.root = root
    self.context = DecodingContext(file: file, limits: limits)
  }

  mutating func decode() -> Scenario? {
    guard var object = ObjectReader(root, subject: "the scenario", pointer: "", context: &context)
    else { return nil }
    _ = object.value("$schema", context: &context)
    collectTargets()

    let format = object.integer("format", in: Int.min...Int.max, required: true, context: &context)
    if let format, format != 1 {
      context.error(
        .unsupportedFormat,
        "this build of Attune reads scenario format 1, not \(format); write \"format\": 1 or"
          + " update Attune",
        at: object.value("format", context: &context)!.location, pointer: "/format")
    }
    let metadata = decodeMetadata(&object)
    let client = object.value("client", required: true, context: &context).flatMap {
      decodeClient($0)
    }
    let alliance = object.value("alliance", required: true, context: &context).flatMap {
      decodeAlliance($0, pointer: "/alliance")
    }
    let variables = decodeVariables(&object)
    scope = ExpressionScope(variables: variableTypes, visitTargets: visitTargets)
    let fit = object.bool("fit", context: &context) ?? true
    let startValue = object.value("start", context: &context)
    let turns = object.array(
      "turns", required: true, nonEmpty: true, limit: context.limits.maximumTurns,
      context: &context
    ).map { decodeTurns($0) }
    let endings = object.array(
      "endings", required: true, nonEmpty: true, limit: context.limits.maximumTurns,
      context: &context
    ).map { decodeEndings($0) }
    object.finish(context: &context)

    var start = turns?.first?.id
    if let startValue {
      if let id = startValue.stringValue {
        if knownTurns.contains(id) {
          start = id
        } else if knownTargets.contains(id) {
          context.error(
            .unknownTarget,
            "\"start\" must name a client turn, and \"\(id)\" is"
              + " \(knownTurnsAndEndings.contains(id) ? "an ending" : "an option")",
            at: startValue.location, pointer: "/start")
          start = nil
        } else {
          context.error(
            .unknownTarget, "no turn has the id \"\(id)\"", at: startValue.location,
            pointer: "/start", suggestion: NameSuggestion.closest(to: id, among: knownTurns))
          start = nil
        }
      } else {
        context.error(
          .wrongType, "expected \"start\" to be a turn id in quotes, found \(startValue.article)",
          at: startValue.location, pointer: "/start")
      }
    }

    guard let metadata, let client, let alliance, let turns, let endings, let start,
      let format
    else { return nil }
    return Scenario(
      format: format, metadata: metadata, client: client, startingAlliance: alliance,
      variables: variables, start: start, turns: turns, endings: endings,
      appliesFitAdjustments: fit, sourceMap: context.sourceMap)
  }

  /// Finds every turn, option and ending id before the real walk.
  mutating func collectTargets() {
    guard let members = root.objectValue else { return }
    for member in members where member.key == "turns" || member.key == "endings" {
      for element in member.value.arrayValue ?? [] {
        for field in element.objectValue ?? [] {
          if field.key == "id", let id = field.value.stringValue {
            knownTargets.insert(id)
            knownTurnsAndEndings.insert(id)
            if member.key == "turns" {
              knownTurns.insert(id)
              visitTargets.insert(id)
            }
          }
          if member.key == "turns", field.key == "options" {
            for option in field.value.arrayValue ?? [] {
              for optionField in option.objectValue ?? [] where optionField.key == "id" {
                if let id = optionField.value.stringValue {
                  knownTargets.insert(id)
                  visitTargets.insert(id)
                }
              }
            }
          }
        }
      }
    }
  }

  mutating func decodeMetadata(_ object: inout ObjectReader) -> ScenarioMetadata? {
    let id = object.value("id", required: true, context: &context).flatMap {
      identifier($0, pointer: "/id", what: "the scenario id")
    }
    let title = object.string("title", required: true, context: &context)
    let version = object.string("version", required: true, context: &context)
    let authors = object.strings("authors", required: true, context: &context)
    if let authors, authors.isEmpty, let value = object.value("authors", context: &context) {
      context.error(
        .emptyList, "\"authors\" is empty; name at least one author", at: value.location,
        pointer: "/authors")
    }
    let brief = object.string("brief", context: &context)
    let notes = object.string("instructorNotes", context: &context)
    let summary = object.string("summary", required: notes == nil, context: &context)
    if notes != nil, summary != nil, let location = object.keyLocation("summary") {
      context.warning(
        .unknownField,
        "\"summary\" is the older name of \"instructorNotes\", and both are given; keep"
          + " \"instructorNotes\" and delete \"summary\"",
        at: location, pointer: "/summary")
    }
    if brief == nil {
      context.warning(
        .missingBrief,
        "the scenario has no \"brief\": trainees start with only the client's name; write a"
          + " situation brief like a referral or case note, with no hint of the answer",
        at: object.location, pointer: "")
    }
    let practiceShowsProfile = object.bool("practiceShowsProfile", context: &context) ?? true
    let difficulty = object.choice(
      "difficulty", as: Difficulty.self, required: true, context: &context)
    let objectives = object.strings("objectives", context: &context) ?? []
    let references = object.strings("references", context: &context) ?? []
    guard let id, let title, let version, let authors, let notes = notes ?? summary,
      let difficulty
    else {
      return nil
    }
    return ScenarioMetadata(
      id: id, title: title, version: version, authors: authors, brief: brief,
      instructorNotes: notes, practiceShowsProfile: practiceShowsProfile,
      difficulty: difficulty, objectives: objectives, references: references)
  }

  mutating func decodeClient(_ value: JSONValue) -> ClientProfile? {
    guard
      var object = ObjectReader(value, subject: "the client", pointer: "/client", context: &context)
    else { return nil }
    let name = object.string("name", required: true, context: &context)
    let age = object.integer("age", in: 0...120, context: &context)
    let concern = object.string("concern", required: true, context: &context)
    let background = object.string("background", required: true, context: &context)
    let attachment = object.value("attachment", required: true, context: &context).flatMap {
      decodeAttachment($0)
    }
    let reactance = object.choice(
      "reactance", as: Reactance.self, required: true, context: &context)
    object.finish(context: &context)
    guard let name, let concern, let background, let attachment, let reactance else { return nil }
    return ClientProfile(
      name: name, age: age, concern: concern, background: background, attachment: attachment,
      reactance: reactance)
  }

  mutating func decodeAttachment(_ value: JSONValue) -> Attachment? {
    let pointer = "/client/attachment"
    guard
      var object = ObjectReader(
        value, subject: "the client's attachment", pointer: pointer, context: &context)
    else { return nil }
    let anxiety = object.number("anxiety", in: 1...7, required: true, context: &context)
    let avoidance = object.number("avoidance", in: 1...7, required: true, context: &context)
    let category = object.choice("category", as: AttachmentCategory.self, context: &context)
    object.finish(context: &context)
    guard let anxiety, let avoidance else { return nil }
    let attachment = Attachment(anxiety: anxiety, avoidance: avoidance, category: category)
    if let category, category != attachment.derivedCategory {
      context.warning(
        .attachmentCategoryMismatch,
        "the client is said to be \(category.rawValue), but anxiety"
          + " \(ObjectReader.format(anxiety)) and avoidance \(ObjectReader.format(avoidance))"
          + " make a \(attachment.derivedCategory.rawValue) profile (each is high above 4);"
          + " change the scores or the category",
        at: object.value("category", context: &context)!.location,
        pointer: pointer + "/category")
    }
    return attachment
  }

  mutating func decodeAlliance(_ value: JSONValue, pointer: String) -> Alliance? {
    guard
      var object = ObjectReader(
        value, subject: "the starting alliance", pointer: pointer, context: &context)
    else { return nil }
    let bond = object.integer("bond", in: 0...100, required: true, context: &context)
    let task = object.integer("task", in: 0...100, required: true, context: &context)
    let goal = object.integer("goal", in: 0...100, required: true, context: &context)
    object.finish(context: &context)
    guard let bond, let task, let goal else { return nil }
    return Alliance(bond: bond, task: task, goal: goal)
  }

  mutating func decodeVariables(_ object: inout ObjectReader) -> [Variable] {
    guard let value = object.value("variables", context: &context) else { return [] }
    guard
      ObjectReader(value, subject: "\"variables\"", pointer: "/variables", context: &context)
        != nil,
      let members = value.objectValue
    else { return [] }
    var variables: [Variable] = []
    var seen: Set<String> = []
    for member in members where seen.insert(member.key).inserted {
      let pointer = JSONPointer.appending(member.key, to: "/variables")
      context.sourceMap.record(member.keyLocation, for: pointer)
      if member.key == "note" {
        if member.value.stringValue == nil {
          context.error(
            .reservedName,
            "\"note\" is kept for authors' remarks (a string) and cannot name a variable;"
              + " choose another name",
            at: member.keyLocation, pointer: pointer)
        }
        continue
      }
      guard variables.count < context.limits.maximumVariables else {
        context.error(
          .limitExceeded,
          "more than \(context.limits.maximumVariables) variables are declared",
          at: member.keyLocation, pointer: pointer)
        break
      }
      guard
        checkIdentifier(
          member.key, at: member.keyLocation, pointer: pointer, what: "a variable name")
      else { continue }
      if Self.reservedNames.contains(member.key) {
        context.error(
          .reservedName,
          "\"\(member.key)\" is a word of the condition language and cannot name a variable;"
            + " choose another name",
          at: member.keyLocation, pointer: pointer)
        continue
      }
      let initial: VariableValue
      switch member.value.kind {
      case .bool(let flag): initial = .flag(flag)
      case .number(let number): initial = .number(number.doubleValue)
      default:
        context.error(
          .wrongType,
          "variable \"\(member.key)\" must start as true, false or a number, found"
            + " \(member.value.article)",
          at: member.value.location, pointer: pointer)
        continue
      }
      variables.append(Variable(name: member.key, initialValue: initial))
      variableTypes[member.key] = initial.type
    }
    return variables
  }

  /// Checks an id's form; reports and returns false when it is not a plain name.
  mutating func checkIdentifier(
    _ id: String, at location: SourceLocation, pointer: String, what: String
  ) -> Bool {
    let scalars = id.unicodeScalars
    let valid =
      !scalars.isEmpty && scalars.count <= context.limits.maximumIDLength
      && ("a"..."z").contains(scalars.first!)
      && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    if !valid {
      let lowered = id.lowercased().replacingOccurrences(of: " ", with: "-")
        .replacingOccurrences(of: "_", with: "-")
      let hint = lowered != id && !lowered.isEmpty ? " (for example \"\(lowered)\")" : ""
      context.error(
        .invalidID,
        "\(what) \"\(id)\" is not a valid id: use lower-case letters, digits and hyphens,"
          + " starting with a letter, at most \(context.limits.maximumIDLength) characters\(hint)",
        at: location, pointer: pointer)
    }
    return valid
  }

  /// Reads an id value and checks its form.
  mutating func identifier(_ value: JSONValue, pointer: String, what: String) -> String? {
    guard let id = value.stringValue else {
      context.error(
        .wrongType, "expected \(what) to be a string in quotes, found \(value.article)",
        at: value.location, pointer: pointer)
      return nil
    }
    return checkIdentifier(id, at: value.location, pointer: pointer, what: what) ? id : nil
  }

  /// Reads the id of a turn, option or ending and checks that it is not already taken.
  mutating func definingIdentifier(_ object: inout ObjectReader, what: String) -> String? {
    guard let value = object.value("id", required: true, context: &context),
      let id = identifier(value, pointer: object.pointer(to: "id"), what: what)
    else { return nil }
    if let first = definitions[id] {
      context.error(
        .duplicateID,
        "the id \"\(id)\" is already used at line \(first.line); ids of turns, options and"
          + " endings must be unique across the scenario",
        at: value.location, pointer: object.pointer(to: "id"))
      return nil
    }
    definitions[id] = value.location
    return id
  }

  mutating func reportUnknownTarget(_ id: String, at location: SourceLocation, pointer: String) {
    context.error(
      .unknownTarget, "no turn or ending has the id \"\(id)\"", at: location, pointer: pointer,
      suggestion: NameSuggestion.closest(to: id, among: knownTurnsAndEndings))
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
    String(flatMap { $0 == target ? Array(replacement) : [$0] })
  }
}
