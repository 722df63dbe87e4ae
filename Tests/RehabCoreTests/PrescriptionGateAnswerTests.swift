import RehabCore
import Testing

/// A prescription's own gate in the answers: "not yet" with the date or the clearance, and no longer among the
/// exercises allowed today until it holds; a carried item names the phase it comes from.
@Suite struct PrescriptionGateAnswerTests {
    func assess(_ program: Program, _ record: PatientRecord = PatientRecord(), day: Int) -> Assessment {
        Assessor.assess(program: program, record: record, surgery: Day.surgery, on: Day.n(day))
    }

    /// Protection weeks 0-12, with bridges from week 8 and dead bug when cleared stabilization.
    static func gated() -> Program {
        var bridges = Prescription(exercise: "bridges", dose: Dose(sets: 2, reps: 10))
        bridges.gate = .week(8)
        var deadBug = Prescription(exercise: "dead-bug", dose: Dose(reps: 10))
        deadBug.gate = .cleared("stabilization")
        var p = Program(id: "test", name: "Test", phases: [
            Phase(id: "protection", name: "Protection", startWeek: 0, endWeek: 12,
                  prescriptions: [Prescription(exercise: "ankle-pumps"), bridges, deadBug]),
        ], exercises: Programs.exercises)
        p.declaredClearances = ["stabilization": "trunk control"]
        return p
    }

    @Test func beforeAWeekGateItIsNotYetWithTheDate() {
        let a = assess(Self.gated(), day: 30)
        let v = a.exercise("bridges")
        #expect(!v.allowed)
        #expect(v.reason == "not yet: Bridges is part of phase 'Protection' from week 8 (\(Day.week(8))).", "\(v.reason)")
        #expect(v.changesOn == Day.week(8))
        #expect(!a.allowedExerciseIDs().contains("bridges"))
        #expect(a.allowedExerciseIDs().contains("ankle-pumps"))
    }

    @Test func fromTheWeekItIsPartOfThePhase() {
        let a = assess(Self.gated(), day: 56)
        let v = a.exercise("bridges")
        #expect(v.allowed && v.reason == "part of phase 'Protection': 2 × 10.", "\(v.reason)")
        #expect(a.allowedExerciseIDs().contains("bridges"))
    }

    @Test func aClearanceGateWaitsForTheClearance() {
        let v = assess(Self.gated(), day: 70).exercise("dead-bug")
        #expect(!v.allowed)
        #expect(v.reason.hasSuffix("when your surgeon or therapist clears stabilization."), "\(v.reason)")
        #expect(v.changesOn == nil)
        #expect(v.changesWhen?.contains("clear stabilization") == true)
        let cleared = PatientRecord(clearances: [clearance("stabilization", 60)])
        #expect(assess(Self.gated(), cleared, day: 70).exercise("dead-bug").allowed)
        #expect(assess(Self.gated(), cleared, day: 59).exercise("dead-bug").allowed == false)
    }

    @Test func whatChangesNextIncludesTheGatedItems() {
        let unlocks = assess(Self.gated(), day: 30).unlocks
        let bridges = unlocks.first { $0.what == "Bridges starts" }
        #expect(bridges?.on == Day.week(8), "\(unlocks.map(\.what))")
        let deadBug = unlocks.first { $0.what == "Dead bug starts" }
        #expect(deadBug?.on == nil && deadBug?.when?.contains("clear stabilization") == true, "\(unlocks.map(\.what))")
        #expect(!assess(Self.gated(), day: 56).unlocks.contains { $0.what == "Bridges starts" })
    }

    @Test func aCarriedItemSaysWhereItComesFrom() {
        var carried = Prescription(exercise: "ankle-pumps", dose: Dose(sets: 2, reps: 10))
        carried.carriedFrom = "protection"
        let program = Program(id: "test", name: "Test", phases: [
            Phase(id: "protection", name: "Protection", startWeek: 0, endWeek: 6,
                  prescriptions: [Prescription(exercise: "ankle-pumps", dose: Dose(sets: 2, reps: 10))]),
            Phase(id: "middle", name: "Middle", startWeek: 6, endWeek: 12, prescriptions: [Prescription(exercise: "bridges")]),
            Phase(id: "late", name: "Late", startWeek: 12, endWeek: 26, prescriptions: [carried]),
        ], exercises: Programs.exercises)
        let v = assess(program, day: 90).exercise("ankle-pumps")
        #expect(v.allowed)
        #expect(v.reason.hasPrefix("part of phase 'Late' (continued from phase 'Protection')"), "\(v.reason)")
    }
}
