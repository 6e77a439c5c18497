import AttuneCore

extension PlayLoop {
  /// Asks what the trainee notices in the client's turn, records the answer, and in practice
  /// says whether it was right.
  mutating func askWhatIsNoticed(_ turn: Turn) throws {
    screen.print("")
    screen.print(
      screen.style.cyan("What do you notice in what \(screen.clean(clientName)) just said?"))
    screen.print("  1. no rupture   2. withdrawal   3. confrontation")
    var type: RuptureType?
    ask: while true {
      switch try readLine(prompt: "notice [1-3] › ") {
      case "1":
        type = nil
        break ask
      case "2":
        type = .withdrawal
        break ask
      case "3":
        type = .confrontation
        break ask
      default: screen.print("Type 1, 2 or 3.")
      }
    }
    var subtype: MarkerSubtype?
    if let type {
      let choices = MarkerSubtype.allCases.filter { $0.type == type }
      screen.print("Which marker?")
      for (index, choice) in choices.enumerated() {
        screen.print("  \(index + 1). \(choice.title)")
      }
      while subtype == nil {
        let answer = try readLine(prompt: "marker [1-\(choices.count)] › ")
        if let number = Int(answer), (1...choices.count).contains(number) {
          subtype = choices[number - 1]
        } else {
          screen.print("Type a number from 1 to \(choices.count).")
        }
      }
    }
    let guess = try recorder.recordMarkerGuess(on: turn, type: type, subtype: subtype)
    guesses.append(guess)
    session.identify(NoticingAnswer(type: type))
    let actual = turn.marker
    let typeCorrect = guess.typeCorrect
    let subtypeCorrect = guess.subtypeCorrect
    guard practice else {
      screen.print(screen.style.dim("Noted; you will see how you did in the debrief."))
      return
    }
    if let actual {
      let verdict =
        typeCorrect && subtypeCorrect == true ? "Yes" : typeCorrect ? "Partly" : "Not quite"
      screen.print(
        "\(verdict): this is a \(actual.type.rawValue) marker (\(actual.subtype.title)),"
          + " salience \(actual.salience) of 5.")
    } else {
      screen.print(
        typeCorrect
          ? "Yes: there is no rupture marker here."
          : "Not quite: nothing here functions as a rupture marker.")
    }
  }
}

/// Hints for practice mode.
enum Hints {
  /// The author's hint for the turn, or one built from its marker.
  static func hint(for turn: Turn) -> String {
    if let hint = turn.hint { return hint }
    guard let marker = turn.marker else {
      return "No rupture is showing here. Keep the collaboration going, and watch for signs"
        + " that the client is moving away from you or against you."
    }
    switch marker.type {
    case .withdrawal:
      return "The client may be moving away (\(marker.subtype.title)). Before going on with"
        + " the task, consider attending to what is happening between you: reflect it, or"
        + " invite the client to say more about it."
    case .confrontation:
      return "The client is moving against you or the work (\(marker.subtype.title))."
        + " Staying non-defensive, validating and exploring tend to help more than"
        + " explaining or defending (Eubanks, Burckell & Goldfried 2018)."
    }
  }
}
