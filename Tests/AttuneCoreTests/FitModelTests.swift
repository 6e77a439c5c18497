import Testing

@testable import AttuneCore

@Suite struct FitModelTests {
  func option(_ codes: [Code], task: Int = 0, fit: Bool = true) -> TherapistOption {
    TherapistOption(
      id: "o", text: "", codes: codes, alliance: AllianceChange(task: task), sets: [], adds: [],
      feedback: nil,
      next: Transition(branches: [Branch(condition: nil, destination: .target("x"))]),
      kind: .sticky, condition: nil, whenUnavailable: .hidden, attendsOverride: nil,
      appliesFitAdjustments: fit)
  }

  func client(anxiety: Double = 2, avoidance: Double = 2, reactance: Reactance = .low)
    -> ClientProfile
  {
    ClientProfile(
      name: "C", concern: "", background: "",
      attachment: Attachment(anxiety: anxiety, avoidance: avoidance), reactance: reactance)
  }

  func changes(_ codes: [Code], _ client: ClientProfile, early: Bool = false, task: Int = 0)
    -> [String: AllianceChange]
  {
    Dictionary(
      uniqueKeysWithValues: FitModel.adjustments(
        for: option(codes, task: task), client: client, isEarly: early
      )
      .map { ($0.rule, $0.change) })
  }

  @Test func avoidancePenalisesEarlyClosenessAndRewardsDistance() {
    let dismissing = client(avoidance: 6)
    #expect(
      changes([.discloseExperience], dismissing, early: true) == [
        "avoidance-closeness": AllianceChange(bond: -2)
      ])
    #expect(changes([.discloseExperience], dismissing, early: false).isEmpty)
    #expect(
      changes([.validateDefense], client(avoidance: 4.5)) == [
        "avoidance-distance": AllianceChange(bond: 1)
      ])
    #expect(
      changes([.validateDefense], client(avoidance: 4)).isEmpty, "4 is the midpoint, not high")
  }

  @Test func anxietyPenalisesWithdrawalAndReassuranceGivesBondWithoutTask() {
    let preoccupied = client(anxiety: 5.8)
    #expect(
      changes([.ignoreMarker], preoccupied) == ["anxiety-withdrawal": AllianceChange(bond: -2)])
    #expect(
      changes([.reassure], preoccupied, task: 3) == [
        "anxiety-reassurance": AllianceChange(bond: 2, task: -3)
      ])
    #expect(
      changes([.reassure], preoccupied, task: -1) == [
        "anxiety-reassurance": AllianceChange(bond: 2)
      ])
  }

  @Test func reactanceMatching() {
    #expect(
      changes([.persuade], client(reactance: .high)) == [
        "reactance-directive": AllianceChange(bond: -1, task: -2)
      ])
    #expect(
      changes([.persuade], client(reactance: .moderate)) == [
        "reactance-directive": AllianceChange(task: -1)
      ])
    #expect(
      changes([.persuade], client(reactance: .low)) == [
        "reactance-directive": AllianceChange(task: 1)
      ])
    #expect(
      changes([.emphasizeAutonomy], client(reactance: .high)) == [
        "reactance-autonomy": AllianceChange(task: 2)
      ])
    #expect(changes([.emphasizeAutonomy], client(reactance: .low)).isEmpty)
  }

  @Test func anOptionCanOptOut() {
    let adjustments = FitModel.adjustments(
      for: option([.persuade], fit: false), client: client(reactance: .high), isEarly: true)
    #expect(adjustments.isEmpty)
  }

  @Test func attachmentCategoriesFromDimensions() {
    #expect(Attachment(anxiety: 2, avoidance: 2).derivedCategory == .secure)
    #expect(Attachment(anxiety: 5, avoidance: 2).derivedCategory == .preoccupied)
    #expect(Attachment(anxiety: 2, avoidance: 5).derivedCategory == .dismissing)
    #expect(Attachment(anxiety: 5, avoidance: 5).derivedCategory == .fearful)
    #expect(Attachment(anxiety: 4, avoidance: 4.01).derivedCategory == .dismissing)
    #expect(Attachment(anxiety: 5, avoidance: 5, category: .secure).category == .secure)
  }
}
