extension ScenarioDecoder {
  mutating func decodeTurns(_ values: [JSONValue]) -> [Turn] {
    var turns: [Turn] = []
    for (index, value) in values.enumerated() {
      if let turn = decodeTurn(value, pointer: JSONPointer.appending(index, to: "/turns")) {
        turns.append(turn)
      }
    }
    return turns
  }

  mutating func decodeTurn(_ value: JSONValue, pointer: String) -> Turn? {
    guard var object = ObjectReader(value, subject: "a turn", pointer: pointer, context: &context)
    else { return nil }
    let id = definingIdentifier(&object, what: "the turn id")
    let name = id.map { "turn \"\($0)\"" } ?? "this turn"
    object = ObjectReader(renaming: object, to: name)
    let says = object.string("says", required: true, context: &context)
    let cues = object.strings("cues", context: &context) ?? []
    let thoughts = object.string("thoughts", context: &context)
    let marker = object.value("marker", context: &context).flatMap {
      decodeMarker($0, pointer: object.pointer(to: "marker"))
    }
    let stage = object.choice("stage", as: ResolutionStage.self, context: &context)
    let hint = object.string("hint", context: &context)
    let safety = object.value("safety", context: &context).flatMap {
      decodeSafetyRequirement($0, pointer: object.pointer(to: "safety"))
    }
    let raisesRisk = object.bool("risk", context: &context)
    let variants =
      object.array("variants", limit: context.limits.maximumVariants, context: &context)
      .map { values in
        values.enumerated().compactMap { index, value in
          decodeVariant(
            value, pointer: JSONPointer.appending(index, to: object.pointer(to: "variants")))
        }
      } ?? []
    let options =
      object.array(
        "options", required: true, nonEmpty: true, limit: context.limits.maximumOptions,
        context: &context
      )
      .map { values in
        values.enumerated().compactMap { index, value in
          decodeOption(
            value, pointer: JSONPointer.appending(index, to: object.pointer(to: "options")))
        }
      }
    object.finish(context: &context)
    guard let id, let says, let options else { return nil }
    return Turn(
      id: id, says: says, cues: cues, thoughts: thoughts, marker: marker, stage: stage,
      variants: variants, options: options, hint: hint, safety: safety, raisesRisk: raisesRisk)
  }

  mutating func decodeSafetyRequirement(_ value: JSONValue, pointer: String)
    -> SafetyRequirement?
  {
    guard
      var object = ObjectReader(
        value, subject: "the safety requirement", pointer: pointer, context: &context)
    else { return nil }
    let task = object.choice("task", as: SafetyTask.self, required: true, context: &context)
    let why = object.string("why", required: true, context: &context)
    object.finish(context: &context)
    guard let task, let why else { return nil }
    return SafetyRequirement(task: task, why: why)
  }

  mutating func decodeMarker(_ value: JSONValue, pointer: String) -> RuptureMarker? {
    guard
      var object = ObjectReader(
        value, subject: "the rupture marker", pointer: pointer, context: &context)
    else { return nil }
    let type = object.choice("type", as: RuptureType.self, required: true, context: &context)
    let subtype = object.choice(
      "subtype", as: MarkerSubtype.self, required: true, context: &context)
    let salience = object.integer("salience", in: 1...5, required: true, context: &context)
    object.finish(context: &context)
    guard let type, let subtype, let salience else { return nil }
    if subtype.type != type {
      let fitting = MarkerSubtype.allCases.filter { $0.type == type }.map(\.rawValue)
      context.error(
        .markerSubtypeMismatch,
        "\"\(subtype.rawValue)\" is a \(subtype.type.rawValue) marker, not a \(type.rawValue)"
          + " one; change the type to \"\(subtype.type.rawValue)\" or use a \(type.rawValue)"
          + " subtype (\(fitting.joined(separator: ", ")))",
        at: object.value("subtype", context: &context)!.location,
        pointer: object.pointer(to: "subtype"))
      return nil
    }
    return RuptureMarker(type: type, subtype: subtype, salience: salience)
  }

  mutating func decodeVariant(_ value: JSONValue, pointer: String) -> TurnVariant? {
    guard
      var object = ObjectReader(value, subject: "a variant", pointer: pointer, context: &context)
    else { return nil }
    let condition = condition(in: &object, key: "if", required: true)
    let says = object.string("says", context: &context)
    let cues = object.strings("cues", context: &context)
    let thoughts = object.string("thoughts", context: &context)
    object.finish(context: &context)
    guard let condition else { return nil }
    return TurnVariant(condition: condition, says: says, cues: cues, thoughts: thoughts)
  }

  mutating func decodeEndings(_ values: [JSONValue]) -> [Ending] {
    var endings: [Ending] = []
    for (index, value) in values.enumerated() {
      let pointer = JSONPointer.appending(index, to: "/endings")
      guard
        var object = ObjectReader(value, subject: "an ending", pointer: pointer, context: &context)
      else { continue }
      let id = definingIdentifier(&object, what: "the ending id")
      object = ObjectReader(renaming: object, to: id.map { "ending \"\($0)\"" } ?? "this ending")
      let title = object.string("title", required: true, context: &context)
      let outcome = object.choice("outcome", as: Outcome.self, required: true, context: &context)
      let says = object.string("says", context: &context)
      let cues = object.strings("cues", context: &context) ?? []
      let debrief = object.string("debrief", required: true, context: &context)
      object.finish(context: &context)
      guard let id, let title, let outcome, let debrief else { continue }
      endings.append(
        Ending(id: id, title: title, outcome: outcome, says: says, cues: cues, debrief: debrief))
    }
    return endings
  }

  /// Parses and checks the condition under `key`, reporting problems at their exact place in
  /// the file.
  mutating func condition(in object: inout ObjectReader, key: String, required: Bool = false)
    -> Condition?
  {
    guard let value = object.value(key, required: required, context: &context) else {
      return nil
    }
    let pointer = object.pointer(to: key)
    guard let text = value.stringValue else {
      context.error(
        .wrongType,
        "expected \"\(key)\" to be a condition in quotes, such as \"bond >= 50\", found"
          + " \(value.article)",
        at: value.location, pointer: pointer)
      return nil
    }
    let problems: [ExpressionProblem]
    var parsed: Expression?
    switch ExpressionParser.parse(text) {
    case .success(let expression):
      parsed = expression
      problems = scope.check(expression)
    case .failure(let problem):
      problems = [problem]
    }
    for problem in problems {
      context.error(
        problem.code, "in the condition \"\(text)\": \(problem.message)",
        at: location(ofScalarOffset: problem.range.lowerBound, in: value, text: text),
        pointer: pointer, suggestion: problem.suggestion)
    }
    guard problems.isEmpty, let parsed else { return nil }
    return Condition(text: text, expression: parsed)
  }

  /// The file position of a character inside a string value: exact when the string holds no
  /// escape sequences, otherwise the opening quote.
  func location(ofScalarOffset offset: Int, in value: JSONValue, text: String) -> SourceLocation {
    let sourceBytes = value.endLocation.offset - value.location.offset - 2
    guard sourceBytes == text.utf8.count, value.endLocation.line == value.location.line else {
      return value.location
    }
    let prefix = text.unicodeScalars.prefix(offset)
    let bytes = prefix.reduce(0) { $0 + UTF8.width($1) }
    return SourceLocation(
      line: value.location.line, column: value.location.column + 1 + prefix.count,
      offset: value.location.offset + 1 + bytes)
  }
}

extension ObjectReader {
  /// The same reader, described differently in messages (once its id is known).
  init(renaming reader: ObjectReader, to subject: String) {
    self = reader
    self.subject = subject
  }
}
