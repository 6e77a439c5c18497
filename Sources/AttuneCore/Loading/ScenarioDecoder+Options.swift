extension ScenarioDecoder {
  mutating func decodeOption(_ value: JSONValue, pointer: String) -> TherapistOption? {
    guard
      var object = ObjectReader(value, subject: "an option", pointer: pointer, context: &context)
    else { return nil }
    let id = definingIdentifier(&object, what: "the option id")
    object = ObjectReader(renaming: object, to: id.map { "option \"\($0)\"" } ?? "this option")
    let text = object.string("text", required: true, context: &context)
    let codes = decodeCodes(&object)
    let alliance =
      object.value("alliance", context: &context).flatMap {
        decodeAllianceChange($0, pointer: object.pointer(to: "alliance"))
      } ?? .zero
    let sets = decodeAssignments(&object, key: "set")
    let adds = decodeAssignments(&object, key: "add")
    let feedback = object.string("feedback", context: &context)
    let next = object.value("next", required: true, context: &context).flatMap {
      decodeNext($0, pointer: object.pointer(to: "next"))
    }
    let kind = object.choice("kind", as: OptionKind.self, context: &context) ?? .sticky
    let condition = condition(in: &object, key: "if")
    let unavailability = decodeUnavailability(&object)
    let attends = object.bool("attends", context: &context)
    let fit = object.bool("fit", context: &context) ?? true
    let safetyTasks = decodeSafetyTasks(&object)
    let reassuranceFits = object.bool("reassuranceFits", context: &context) ?? false
    object.finish(context: &context)
    if feedback == nil, id != nil {
      context.warning(
        .missingFeedback,
        "\(object.subject) has no \"feedback\"; trainees learn most from being told why a move"
          + " helps or harms",
        at: object.location, pointer: pointer)
    }
    guard let id, let text, let codes, let next, let unavailability else { return nil }
    var option = TherapistOption(
      id: id, text: text, codes: codes, alliance: alliance, sets: sets, adds: adds,
      feedback: feedback, next: next, kind: kind, condition: condition,
      whenUnavailable: unavailability, attendsOverride: attends, appliesFitAdjustments: fit)
    option.safetyTasks = safetyTasks
    option.reassuranceFits = reassuranceFits
    return option
  }

  /// The option's `safety` list: the safety tasks it carries out.
  mutating func decodeSafetyTasks(_ object: inout ObjectReader) -> [SafetyTask] {
    guard object.strings("safety", context: &context) != nil,
      let values = object.value("safety", context: &context)?.arrayValue
    else { return [] }
    var tasks: [SafetyTask] = []
    for (index, value) in values.enumerated() {
      guard let string = value.stringValue,
        let task = ObjectReader.choice(
          string, as: SafetyTask.self, named: "a safety task", at: value.location,
          pointer: JSONPointer.appending(index, to: object.pointer(to: "safety")),
          context: &context)
      else { continue }
      if !tasks.contains(task) { tasks.append(task) }
    }
    return tasks
  }

  mutating func decodeCodes(_ object: inout ObjectReader) -> [Code]? {
    guard let strings = object.strings("codes", required: true, context: &context),
      let values = object.value("codes", context: &context)?.arrayValue
    else { return nil }
    if strings.isEmpty {
      context.error(
        .emptyList,
        "\"codes\" of \(object.subject) is empty; code the move with at least one code of the"
          + " codebook",
        at: object.value("codes", context: &context)!.location,
        pointer: object.pointer(to: "codes"))
      return nil
    }
    var codes: [Code] = []
    var failed = false
    for (index, value) in values.enumerated() {
      guard let string = value.stringValue else {
        failed = true
        continue
      }
      let code = ObjectReader.choice(
        string, as: Code.self, named: "a code", at: value.location,
        pointer: JSONPointer.appending(index, to: object.pointer(to: "codes")), code: .unknownCode,
        context: &context)
      if let code {
        if !codes.contains(code) { codes.append(code) }
      } else {
        failed = true
      }
    }
    return failed ? nil : codes
  }

  mutating func decodeAllianceChange(_ value: JSONValue, pointer: String) -> AllianceChange? {
    guard
      var object = ObjectReader(
        value, subject: "the alliance change", pointer: pointer, context: &context)
    else { return nil }
    var change = AllianceChange.zero
    for dimension in AllianceDimension.allCases {
      if let delta = object.integer(dimension.rawValue, in: -30...30, context: &context) {
        change[dimension] = delta
      }
    }
    object.finish(context: &context)
    return change
  }

  mutating func decodeAssignments(_ object: inout ObjectReader, key: String)
    -> [VariableAssignment]
  {
    guard let value = object.value(key, context: &context) else { return [] }
    let pointer = object.pointer(to: key)
    guard let members = value.objectValue else {
      context.error(
        .wrongType,
        "expected \"\(key)\" to be an object of variables and values ({\"name\": value}), found"
          + " \(value.article)",
        at: value.location, pointer: pointer)
      return []
    }
    var assignments: [VariableAssignment] = []
    var seen: Set<String> = []
    for member in members {
      if member.key == "note", member.value.stringValue != nil { continue }
      let memberPointer = JSONPointer.appending(member.key, to: pointer)
      guard seen.insert(member.key).inserted else {
        context.error(
          .duplicateKey, "\"\(member.key)\" appears twice in \"\(key)\"; keep one",
          at: member.keyLocation, pointer: memberPointer)
        continue
      }
      guard let type = variableTypes[member.key] else {
        context.error(
          .unknownVariable,
          "\"\(key)\" names \"\(member.key)\", which is not declared in \"variables\"",
          at: member.keyLocation, pointer: memberPointer,
          suggestion: NameSuggestion.closest(to: member.key, among: variableTypes.keys))
        continue
      }
      switch (key, type, member.value.kind) {
      case ("set", .boolean, .bool(let flag)):
        assignments.append(VariableAssignment(name: member.key, value: .flag(flag)))
      case ("set", .number, .number(let number)), ("add", .number, .number(let number)):
        assignments.append(
          VariableAssignment(name: member.key, value: .number(number.doubleValue)))
      case ("add", .boolean, _):
        context.error(
          .variableType,
          "\"\(member.key)\" is a true/false variable and cannot be added to; use \"set\"",
          at: member.keyLocation, pointer: memberPointer)
      default:
        let expected = type == .boolean ? "true or false" : "a number"
        context.error(
          .variableType,
          "\"\(member.key)\" is declared as \(type == .boolean ? "a flag" : "a number"), so"
            + " \"\(key)\" must give it \(expected), not \(member.value.article)",
          at: member.value.location, pointer: memberPointer)
      }
    }
    return assignments
  }

  mutating func decodeUnavailability(_ object: inout ObjectReader) -> Unavailability? {
    let mode = object.string("unavailable", context: &context)
    let reason = object.string("reason", context: &context)
    switch mode {
    case nil:
      if reason != nil, let location = object.keyLocation("reason") {
        context.warning(
          .unknownField,
          "\"reason\" is shown only for an option with \"unavailable\": \"disabled\"; add that or"
            + " delete the reason",
          at: location, pointer: object.pointer(to: "reason"))
      }
      return .hidden
    case "hidden":
      return .hidden
    case "disabled":
      guard let reason else {
        context.error(
          .missingField,
          "\(object.subject) is shown disabled when unavailable, so it needs a \"reason\" telling"
            + " the trainee why",
          at: object.location, pointer: object.pointer)
        return nil
      }
      return .disabled(reason: reason)
    case let other?:
      let location = object.value("unavailable", context: &context)!.location
      context.error(
        .invalidValue, "\"unavailable\" cannot be \"\(other)\"; write \"hidden\" or \"disabled\"",
        at: location, pointer: object.pointer(to: "unavailable"),
        suggestion: NameSuggestion.closest(to: other, among: ["hidden", "disabled"]))
      return nil
    }
  }
}
