import RehabCore
import Testing
@testable import RehabShell

/// Today's guided session is built from the assessment: this week's dose with its weekly progression, the back-off
/// dose after a pain rule, and only what is not yet done today.
@Suite struct SessionPlanTests {
    static let surgery = CalendarDay(year: 2026, month: 1, day: 5)!

    static let program: Program = {
        var walking = Prescription(exercise: "walking", dose: Dose(minutes: 10, timesPerDay: 1),
                                   progressions: [WeeklyProgression(quantity: .minutes, step: 5, cap: 30)])
        walking.backOff = Dose(minutes: 5, timesPerDay: 1)
        return Program(id: "t", name: "T", phases: [
            Phase(id: "one", name: "One", startWeek: 0, endWeek: 12,
                  prescriptions: [walking, Prescription(exercise: "pumps", dose: Dose(sets: 2, reps: 10, timesPerDay: 1))]),
        ], exercises: [Exercise(id: "walking", name: "Walking", steps: ["Walk."]), Exercise(id: "pumps", name: "Ankle pumps")],
                       redFlags: [RedFlag(id: "chest", description: "Chest pain", advice: "Call 911.", severity: .emergency),
                                  RedFlag(id: "fever", description: "Fever", advice: "Call today.", severity: .soon)],
                       painRules: [PainRuleStatement(rule: .stopAtOrAbove(7))])
    }()

    func plan(_ sessions: [SessionSummary], day: Int) -> SessionPlan {
        let record = PatientRecord(sessions: sessions)
        let a = Assessor.assess(program: Self.program, record: record, surgery: Self.surgery, on: Self.surgery.adding(days: day))
        return GuidedSession.plan(a, record: record, quick: false)
    }

    @Test func theDoseGrowsWeekByWeek() {
        #expect(plan([], day: 1).exercises.first?.dose.minutes == 10)
        #expect(plan([], day: 15).exercises.first?.dose.minutes == 20)
    }

    @Test func aBackedOffExerciseComesWithItsSmallerDose() {
        let stopped = SessionSummary(on: Self.surgery.adding(days: 14), painBefore: 2, peakPain: 7, exercises: ["walking"])
        let walking = plan([stopped], day: 15).exercises.first { $0.id == "walking" }
        #expect(walking?.dose.minutes == 5)
        #expect(walking?.backedOff == true)
    }

    @Test func whatIsDoneTodayIsLeftOut() {
        let done = SessionSummary(on: Self.surgery.adding(days: 3), painBefore: 2, peakPain: 2, exercises: ["pumps"])
        #expect(plan([done], day: 3).exercises.map(\.id) == ["walking"])
    }

    @Test func theReadinessScreenListsTheSignsToCallAboutNow() {
        #expect(plan([], day: 1).warningSigns == ["Chest pain"])
    }
}
