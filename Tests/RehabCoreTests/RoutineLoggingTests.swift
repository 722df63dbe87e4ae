import RehabCore
import Testing

/// A practised routine is logged as a session holding only its id; the machine must not read it as exercise.
@Suite struct RoutineLoggingTests {
    func assess(_ sessions: [SessionSummary], day: Int) -> Assessment {
        Assessor.assess(program: BackOffTests.program(), record: PatientRecord(sessions: sessions), surgery: Day.surgery,
                        on: Day.n(day))
    }

    @Test func aRoutineLoggedFirstInTheMorningMustNotHideTheNextMorningRule() {
        let usual = [session(12, pain: 3, before: 2, "walking"), session(13, pain: 3, before: 2, "walking")]
        // Control: pain above the usual level first thing on day 14 backs off yesterday's walking.
        let plain = assess(usual + [session(14, pain: 4, before: 4)], day: 14)
        #expect(plain.machine.backOffs["walking"] != nil)
        // The same morning, with a log roll practised (and logged as a session) before the pain score.
        let withRoutine = assess(usual + [session(14, "log-roll-out-of-bed"), session(14, pain: 4, before: 4)], day: 14)
        #expect(withRoutine.machine.backOffs["walking"] != nil)
        #expect(withRoutine.machine.backOffs["log-roll-out-of-bed"] == nil)
    }

    @Test func aRoutinePractisedIsNoSessionForAGate() {
        var program = BackOffTests.program()
        program.routines = [Routine(id: "log-roll-out-of-bed", name: "Log roll")]
        program.phases.append(Phase(id: "two", name: "Two", startWeek: 1, endWeek: 12,
                                    gates: [GateStatement(gate: .sessions(1))]))
        program.phases[0].end = .week(1)
        let routineOnly = Assessor.assess(program: program, record: PatientRecord(sessions: [session(2, "log-roll-out-of-bed")]),
                                          surgery: Day.surgery, on: Day.n(8))
        #expect(routineOnly.state == .inPhase(0))
        let exercised = Assessor.assess(program: program, record: PatientRecord(sessions: [session(2, "walking")]),
                                        surgery: Day.surgery, on: Day.n(8))
        #expect(exercised.state == .inPhase(1))
    }
}
