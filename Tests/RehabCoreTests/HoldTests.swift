import RehabCore
import Testing

/// Holds by severity: an emergency stops every coaching answer; urgent and soon keep only what the flag continues.
@Suite struct HoldTests {
    static func program() -> Program {
        var p = Programs.threePhases(restrictions: [.lift(lb(10))])
        p.redFlags = [
            RedFlag(id: "chest", description: "Chest pain", advice: "Call 911 now.", severity: .emergency),
            RedFlag(id: "wound", description: "Wound", advice: "Call today.", severity: .soon, continues: ["ankle-pumps"]),
            RedFlag(id: "fever", description: "Fever", advice: "Call today.", severity: .soon),
        ]
        return p
    }

    func assess(_ flags: [String], number: String = "911") -> Assessment {
        var record = PatientRecord(flagsReported: flags.map { flag($0, 3) })
        record.profile.emergencyNumber = number
        return Assessor.assess(program: Self.program(), record: record, surgery: Day.surgery, on: Day.n(10))
    }

    @Test func anEmergencyAnswersEveryCoachingQuestionWithTheAdvice() {
        let a = assess(["chest"], number: "112")
        #expect(a.emergencyAdvice?.contains("Call 112 now.") == true)
        for v in [a.canLift(lb(1)), a.can(.twisting), a.canSit(minutes: 5), a.exercise("ankle-pumps"), a.routine("log-roll")] {
            #expect(!v.allowed, "\(v.id): \(v.reason)")
            #expect(v.reason.contains("EMERGENCY"), "\(v.id): \(v.reason)")
        }
    }

    @Test func aSoonHoldKeepsWhatTheFlagContinues() {
        let a = assess(["wound"])
        #expect(a.emergencyAdvice == nil)
        let pumps = a.exercise("ankle-pumps")
        #expect(pumps.allowed, "\(pumps.reason)")
        #expect(pumps.reason.contains("on hold"), "\(pumps.reason)")
        #expect(a.canLift(lb(5)).allowed)
        #expect(a.canLift(lb(5)).reason.contains("You are on hold"))
    }

    @Test func withTwoHoldsOnlyWhatBothContinueGoesOn() {
        #expect(!assess(["wound", "fever"]).exercise("ankle-pumps").allowed)
        #expect(assess(["wound", "fever"]).continuingDuringHold.isEmpty)
    }

    @Test func anUnlistedSymptomHoldsAndIsToBeSeenToday() {
        var record = PatientRecord(flagsReported: [FlagReport(flag: Hold.unlisted, on: Day.n(3), note: "ringing ears")])
        record.profile.emergencyNumber = "911"
        let a = Assessor.assess(program: Self.program(), record: record, surgery: Day.surgery, on: Day.n(10))
        #expect(a.isOnHold)
        #expect(a.holds.first?.severity == .soon)
        #expect(a.holds.first?.description.contains("ringing ears") == true)
        #expect(!a.exercise("ankle-pumps").allowed)
    }
}
