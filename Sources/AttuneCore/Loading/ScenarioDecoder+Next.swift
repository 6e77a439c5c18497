extension ScenarioDecoder {
  /// Reads a `next`: a target id, a `{"random": [...]}` object, or a list of branches.
  mutating func decodeNext(_ value: JSONValue, pointer: String) -> Transition? {
    switch value.kind {
    case .string(let id):
      return target(id, at: value.location, pointer: pointer).map {
        Transition(branches: [Branch(condition: nil, destination: .target($0))])
      }
    case .object:
      guard
        var object = ObjectReader(
          value, subject: "the random \"next\"", pointer: pointer, context: &context)
      else { return nil }
      let destination = randomDestination(&object, required: true)
      object.finish(context: &context)
      return destination.map { Transition(branches: [Branch(condition: nil, destination: $0)]) }
    case .array(let elements):
      return decodeBranches(elements, at: value.location, pointer: pointer)
    default:
      context.error(
        .wrongType,
        "expected \"next\" to be a turn or ending id in quotes, a {\"random\": [...]} object or a"
          + " list of branches, found \(value.article)",
        at: value.location, pointer: pointer)
      return nil
    }
  }

  mutating func decodeBranches(
    _ elements: [JSONValue], at location: SourceLocation, pointer: String
  )
    -> Transition?
  {
    guard !elements.isEmpty else {
      context.error(
        .emptyList, "the list of branches is empty; give at least one {\"to\": ...}",
        at: location, pointer: pointer)
      return nil
    }
    guard elements.count <= context.limits.maximumBranches else {
      context.error(
        .limitExceeded,
        "\"next\" has \(elements.count) branches; the limit is \(context.limits.maximumBranches)",
        at: location, pointer: pointer)
      return nil
    }
    var branches: [Branch] = []
    var failed = false
    for (index, element) in elements.enumerated() {
      let branchPointer = JSONPointer.appending(index, to: pointer)
      guard
        var object = ObjectReader(
          element, subject: "a branch", pointer: branchPointer, context: &context)
      else {
        failed = true
        continue
      }
      let condition = condition(in: &object, key: "if")
      let conditionFailed = object.has("if") && condition == nil
      var destination: Destination?
      switch (object.has("to"), object.has("random")) {
      case (true, false):
        destination = targetField(in: &object).map { .target($0) }
      case (false, true):
        destination = randomDestination(&object, required: true)
      case (true, true):
        _ = object.value("to", context: &context)
        _ = object.value("random", context: &context)
        context.error(
          .invalidValue, "a branch has either \"to\" or \"random\", not both; delete one",
          at: object.location, pointer: branchPointer)
      case (false, false):
        context.error(
          .missingField, "a branch needs \"to\" (a turn or ending id) or \"random\"",
          at: object.location, pointer: branchPointer)
      }
      object.finish(context: &context)
      if let destination, !conditionFailed {
        branches.append(Branch(condition: condition, destination: destination))
      } else {
        failed = true
      }
      if index == elements.count - 1, object.has("if") {
        context.error(
          .missingDefaultBranch,
          "the last branch has a condition, so when no condition holds the session has nowhere"
            + " to go; remove \"if\" from the last branch to make it the default",
          at: object.keyLocation("if")!, pointer: object.pointer(to: "if"))
        failed = true
      }
    }
    return failed ? nil : Transition(branches: branches)
  }

  mutating func randomDestination(_ object: inout ObjectReader, required: Bool) -> Destination? {
    guard
      let elements = object.array(
        "random", required: required, limit: context.limits.maximumBranches, context: &context)
    else { return nil }
    let pointer = object.pointer(to: "random")
    if elements.count < 2 {
      context.error(
        .emptyList,
        "\"random\" needs at least two reactions to choose between; for one, write its id as"
          + " \"next\"",
        at: object.value("random", context: &context)!.location, pointer: pointer)
      return nil
    }
    var choices: [WeightedTarget] = []
    var failed = false
    for (index, element) in elements.enumerated() {
      let choicePointer = JSONPointer.appending(index, to: pointer)
      guard
        var choice = ObjectReader(
          element, subject: "a random reaction", pointer: choicePointer, context: &context)
      else {
        failed = true
        continue
      }
      let id = targetField(in: &choice)
      let weight = choice.integer("weight", in: 1...1000, required: true, context: &context)
      choice.finish(context: &context)
      if let id, let weight {
        choices.append(WeightedTarget(target: id, weight: weight))
      } else {
        failed = true
      }
    }
    return failed ? nil : .random(choices)
  }

  /// Reads the required `"to"` of a branch or a random reaction: a turn or ending id.
  mutating func targetField(in object: inout ObjectReader) -> String? {
    guard let value = object.value("to", required: true, context: &context) else { return nil }
    guard let id = value.stringValue else {
      context.error(
        .wrongType, "expected \"to\" to be a turn or ending id in quotes, found \(value.article)",
        at: value.location, pointer: object.pointer(to: "to"))
      return nil
    }
    return target(id, at: value.location, pointer: object.pointer(to: "to"))
  }

  /// Checks that `id` names a turn or an ending.
  mutating func target(_ id: String, at location: SourceLocation, pointer: String) -> String? {
    if knownTurnsAndEndings.contains(id) { return id }
    if knownTargets.contains(id) {
      context.error(
        .unknownTarget,
        "\"\(id)\" is an option, not a turn or ending; \"next\" must lead to a client turn or an"
          + " ending",
        at: location, pointer: pointer)
      return nil
    }
    reportUnknownTarget(id, at: location, pointer: pointer)
    return nil
  }
}
