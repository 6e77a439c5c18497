import AttuneCore

extension Screen {
  func introduce(_ scenario: Scenario, header: TranscriptHeader, transcriptPath: String) {
    print(style.bold(clean(scenario.title)))
    if let brief = scenario.metadata.brief { print(wrap(brief)) }
    print("")
    profile(scenario.client, revealing: scenario.revealsProfile(in: header.mode))
    print("")
    let mode =
      header.mode == .practice
      ? "practice: feedback after each answer; :hint and :undo allowed"
      : "assessment: no feedback, hints or undo until the debrief"
    print(style.dim("Mode: \(mode). Seed \(header.seed). Type :help for commands."))
    print(style.dim("Transcript: \(transcriptPath)"))
  }

  /// The client's profile; the attachment and reactance figures only when `revealing`, since
  /// in an assessment the trainee infers them from the client's behaviour.
  func profile(_ client: ClientProfile, revealing: Bool) {
    let age = client.age.map { ", \($0)" } ?? ""
    print(style.bold("Client: \(clean(client.name))\(age)"))
    print(wrap("Presenting concern: " + client.concern, indent: "  "))
    print(wrap("Background: " + client.background, indent: "  "))
    guard revealing else { return }
    let attachment = client.attachment
    print(
      "  Attachment: \(attachment.category.rawValue) (anxiety \(format(attachment.anxiety)),"
        + " avoidance \(format(attachment.avoidance)) of 7); reactance \(client.reactance.rawValue)"
    )
  }

  func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  func turn(_ shown: TurnPresentation, client: String, mode: String) {
    print("")
    print(style.dim("── turn \(shown.number) " + String(repeating: "─", count: max(0, width - 12))))
    for cue in shown.cues {
      print(style.italic(wrap("(" + cue + ")", indent: "  ")))
    }
    print(wrap("\(style.bold(clean(client) + ":")) \u{201C}\(clean(shown.says))\u{201D}"))
  }

  func options(_ shown: TurnPresentation) {
    print("")
    for (index, option) in shown.options.enumerated() {
      let number = "\(index + 1). "
      let indent = String(repeating: " ", count: number.count + 2)
      let text = wrap(option.option.text, indent: indent).dropFirst(indent.count)
      if option.isAvailable {
        print("  \(style.bold(number))\(text)")
      } else {
        print(style.dim("  \(number)\(text)"))
        print(style.dim(wrap("(unavailable: \(option.disabledReason ?? ""))", indent: indent)))
      }
    }
  }

  func feedback(for step: Step, option: TherapistOption, thoughts: String?) {
    print("")
    print("  \(style.cyan("You:")) \(codes(step.codes))")
    print("  \(style.cyan("Alliance:")) \(change(step.change)) → \(alliance(step.after))")
    for adjustment in step.fit {
      print(
        style.dim(
          wrap("fit \(change(adjustment.change)): " + adjustment.reason, indent: "    ")))
    }
    if let feedback = option.feedback {
      print(wrap(feedback, indent: "  "))
    }
    if let thoughts {
      print(style.magenta(wrap("Inner thoughts: " + thoughts, indent: "  ")))
    }
  }

  func help(mode: SessionMode) {
    let practiceOnly = mode == .practice ? "" : " (practice only)"
    print(
      """
      Type the number of an option to answer. Commands:
        :help          this list
        :profile       the client's profile
        :history       the conversation so far
        :alliance      the current bond, task and goal\(practiceOnly)
        :hint          a hint for this turn\(practiceOnly); recorded in the transcript
        :undo          take back your last answer\(practiceOnly); recorded in the transcript
        :note TEXT     keep a note in the transcript
        :quit          end the session now (the transcript is kept, marked incomplete)
      Ctrl-C cancels the line you are typing; Ctrl-D on an empty line ends the session.
      """)
  }

  func history(_ session: Session) {
    let client = clean(session.scenario.client.name)
    if session.steps.isEmpty { print("Nothing has been said yet.") }
    for (index, step) in session.steps.enumerated() {
      guard let turn = session.scenario.turn(step.turn),
        let option = session.scenario.option(step.option)?.option
      else { continue }
      print(wrap("\(index + 1). \(client): \u{201C}\(turn.says)\u{201D}", indent: "  "))
      print(wrap("   You: \u{201C}\(option.text)\u{201D}", indent: "  "))
    }
  }
}
