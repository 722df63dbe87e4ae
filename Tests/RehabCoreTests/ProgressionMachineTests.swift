import RehabCore
import Testing

/// The progression machine driven event by event, as the journal replays a patient's history.
@Suite struct ProgressionMachineTests {
    static let program = Programs.threePhases()

    func machine(_ program: Program = ProgressionMachineTests.program, assume: Bool = false) -> ProgressionMachine {
        ProgressionMachine(program: program, surgery: Day.surgery, assumeHistoryGatesMet: assume)
    }

    func entered(_ m: ProgressionMachine) -> [(Int, Int)] {
        m.transitions.compactMap { t in
            if case .enteredPhase(let i) = t.kind { return (i, t.on.days(since: Day.surgery)) }
            return nil
        }
    }

    // MARK: gates

    @Test func startsInTheFirstPhaseOnTheDayOfSurgery() {
        var m = machine()
        #expect(m.state == .notStarted)
        let actions = m.handle(.dayEnded(Day.surgery))
        #expect(m.state == .inPhase(0))
        #expect(actions == [.announce(Transition(kind: .enteredPhase(0), on: Day.surgery))])
    }

    @Test func withoutTheClearanceThePatientStaysInTheFirstPhase() {
        var m = machine()
        m.run(from: 0, through: 60)
        #expect(m.state == .inPhase(0))
        let gates = m.gates(for: 1, on: Day.n(60))
        #expect(gates.map(\.met) == [true, false])
        #expect(gates[1].text.contains("clear outpatient-pt"))
        #expect(gates[0].opensOn == nil)
    }

    @Test func aClearanceMovesThePatientOnTheDayItIsRecorded() {
        var m = machine()
        m.run(from: 0, through: 60, events: [45: [.clearanceRecorded(clearance("outpatient-pt", 45))]])
        #expect(m.state == .inPhase(1))
        #expect(entered(m).map(\.0) == [0, 1])
        #expect(entered(m).map(\.1) == [0, 45])
    }

    @Test func anEarlyClearanceStillWaitsForTheWeek() {
        var m = machine()
        m.run(from: 0, through: 41, events: [10: [.clearanceRecorded(clearance("outpatient-pt", 10))]])
        #expect(m.state == .inPhase(0))
        let week = m.gates(for: 1, on: Day.n(41))[0]
        #expect(!week.met)
        #expect(week.opensOn == Day.week(6))
        m.run(from: 42, through: 42)
        #expect(m.state == .inPhase(1))
        #expect(entered(m).map(\.1) == [0, 42])
    }

    @Test func theProgramCompletesAfterTheLastPhaseEnds() {
        var m = machine(assume: true)
        m.run(from: 0, through: 26 * 7, events: [1: [.clearanceRecorded(clearance("outpatient-pt", 1))]])
        #expect(m.state == .completed)
        #expect(entered(m).map(\.1) == [0, 42, 84])
        #expect(m.transitions.last?.kind == .completed)
        #expect(m.transitions.last?.on == Day.week(26))
    }

    // MARK: holds

    @Test func aRedFlagHoldsAndNothingProgressesUntilItIsResolved() {
        var m = machine()
        m.run(from: 0, through: 100, events: [
            10: [.clearanceRecorded(clearance("outpatient-pt", 10))],
            20: [.redFlagReported(flag("fever", 20))],
        ])
        // Week 14, with the week and the clearance met: still on hold, still returning to protection.
        #expect(m.state == .onHold(returnTo: 0))
        #expect(entered(m).map(\.0) == [0])
        #expect(m.holdOrder == ["fever"])
        m.run(from: 101, through: 101, events: [101: [.redFlagResolved(flag("fever", 101))]])
        #expect(m.state == .inPhase(1))
        #expect(m.transitions.suffix(2).map(\.kind) == [.resumed(0), .enteredPhase(1)])
    }

    @Test func everyFlagMustBeResolved() {
        var m = machine()
        m.run(from: 0, through: 10, events: [3: [.redFlagReported(flag("fever", 3)), .redFlagReported(flag("calf-pain", 3))]])
        #expect(m.holdOrder == ["fever", "calf-pain"])
        m.run(from: 11, through: 11, events: [11: [.redFlagResolved(flag("fever", 11))]])
        #expect(m.state == .onHold(returnTo: 0))
        m.run(from: 12, through: 12, events: [12: [.redFlagResolved(flag("calf-pain", 12))]])
        #expect(m.state == .inPhase(0))
    }

    @Test func resolvingAFlagThatWasNotReportedChangesNothing() {
        var m = machine()
        m.run(from: 0, through: 3, events: [2: [.redFlagResolved(flag("fever", 2))]])
        #expect(m.state == .inPhase(0))
        #expect(m.transitions.count == 1)
    }

    @Test func painAtTheHoldLevelHolds() {
        var m = machine()
        m.run(from: 0, through: 5, events: [3: [.sessionLogged(session(3, pain: 8, "ankle-pumps"))]])
        #expect(m.state == .onHold(returnTo: 0))
        #expect(m.holds["pain"] == Day.n(3))
        m.run(from: 6, through: 6, events: [6: [.redFlagResolved(flag("pain", 6))]])
        #expect(m.state == .inPhase(0))
    }

    @Test func painBelowTheHoldLevelDoesNotHold() {
        var m = machine()
        m.run(from: 0, through: 5, events: [3: [.sessionLogged(session(3, pain: 7, "ankle-pumps"))]])
        #expect(m.state == .inPhase(0))
        #expect(m.painByDay[Day.n(3).ordinal] == 7)
    }

    @Test func painDuringAnExerciseCountsTowardsTheHold() {
        var m = machine()
        let s = SessionRecord(on: Day.n(3), painBefore: 2, painAfter: 3, exercises: [ExerciseLog(exercise: "ankle-pumps", pain: 9)])
        m.run(from: 0, through: 4, events: [3: [.sessionLogged(SessionSummary(s))]])
        #expect(m.state == .onHold(returnTo: 0))
    }

    @Test func aFlagBeforeTheFirstPhaseOpensDoesNotStartTheProgramEarly() {
        // The first phase starts at week 2: a flag reported and resolved in week 0 must not put the patient into it.
        let program = Program(id: "late", name: "Late start", phases: [Phase("walking", 2...6), Phase("strength", 6...12)])
        var m = machine(program)
        m.run(from: 0, through: 4, events: [3: [.redFlagReported(flag("fever", 3))], 4: [.redFlagResolved(flag("fever", 4))]])
        #expect(m.state == .notStarted, "resolved a pre-program hold into phase 1 in week 0")
        m.run(from: 5, through: 14)
        #expect(m.state == .inPhase(0))
        #expect(entered(m).last.map(\.1) == 14)
    }

    @Test func noPhaseIsEnteredWhileAFlagFromBeforeTheStartIsUnresolved() {
        // The first phase needs a clearance; a flag comes first, then the clearance, then a painful session.
        let program = Program(id: "gated", name: "Gated start", phases: [Phase("walking", 0...6, gates: [.cleared("outpatient-pt")])],
                              painRules: [PainRuleStatement(rule: .holdAtOrAbove(8))])
        var m = machine(program)
        m.run(from: 0, through: 20, events: [
            1: [.redFlagReported(flag("fever", 1))],
            5: [.clearanceRecorded(clearance("outpatient-pt", 5))],
            10: [.sessionLogged(session(10, pain: 9, "walking"))],
        ])
        #expect(entered(m).isEmpty, "entered a phase on day \(entered(m).first?.1 ?? -1) while the fever was unresolved")
        m.run(from: 21, through: 21, events: [21: [.redFlagResolved(flag("fever", 21)), .redFlagResolved(flag("pain", 21))]])
        #expect(m.state == .inPhase(0))
        #expect(entered(m).map(\.1) == [21])
    }

    @Test func aRedFlagAfterTheProgramEndsStillStopsExercise() {
        // A red flag means no exercise until it is resolved, whether or not the program is over.
        var record = PatientRecord(clearances: [clearance("outpatient-pt", 1)])
        record.flagsReported = [flag("calf-pain", 200)]
        let a = Assessor.assess(program: Self.program, record: record, surgery: Day.surgery, on: Day.n(201), assumeHistoryGatesMet: true)
        #expect(!a.exercise("bridges").allowed, "bridges allowed with an unresolved emergency red flag: \(a.exercise("bridges").reason)")
        #expect(a.state.isOnHold)
    }

    // MARK: therapist overrides

    @Test func aRegressPinsThePatientUntilTheTherapistAdvances() {
        var m = machine()
        m.run(from: 0, through: 50, events: [10: [.clearanceRecorded(clearance("outpatient-pt", 10))]])
        #expect(m.state == .inPhase(1))
        m.run(from: 51, through: 80, events: [51: [.therapistOverride(TherapistOverride(direction: .regress, on: Day.n(51), reason: "pain flare"))]])
        #expect(m.state == .inPhase(0), "the machine moved the patient back up after a regress")
        #expect(m.pinnedBelow == 1)
        m.run(from: 81, through: 81, events: [81: [.therapistOverride(TherapistOverride(direction: .advance, on: Day.n(81), reason: "better"))]])
        #expect(m.state == .inPhase(1))
        #expect(m.pinnedBelow == nil)
        // Once advanced, the gates decide again: 4 sessions with low pain in stabilization open strength at week 12.
        var events: [Int: [ProgressionMachine.Event]] = [:]
        for d in 82...85 { events[d] = [.sessionLogged(session(d, pain: 2, "ankle-pumps"))] }
        m.run(from: 82, through: 85, events: events)
        #expect(m.state == .inPhase(2))
        #expect(entered(m).last.map(\.1) == 85)
    }

    @Test func overridesRecordTheirReasonAndWho() {
        var m = machine()
        m.run(from: 0, through: 1)
        m.handle(.therapistOverride(TherapistOverride(direction: .advance, on: Day.n(2), reason: "doing well", by: "Sam")))
        #expect(m.state == .inPhase(1))
        #expect(m.transitions.last?.kind == .advancedByTherapist(1, reason: "doing well, by Sam"))
    }

    @Test func anAdvanceWhileOnHoldChangesWhereThePatientReturns() {
        var m = machine()
        m.run(from: 0, through: 3, events: [2: [.redFlagReported(flag("fever", 2))]])
        m.handle(.therapistOverride(TherapistOverride(direction: .advance, on: Day.n(4), reason: "surgeon agrees")))
        #expect(m.state == .onHold(returnTo: 1))
    }

    @Test func sessionsBeforeAnAdvanceWhileOnHoldDoNotCountForTheNextPhase() {
        // Two sessions in 'a', a hold, the therapist advances to 'b', the hold is resolved: 'c' needs two sessions in 'b'.
        let program = Program(id: "s", name: "Sessions", phases: [Phase("a", 0...4), Phase("b", 4...8), Phase("c", 8...12, gates: [.sessions(2)])])
        var m = machine(program)
        m.run(from: 0, through: 60, events: [
            1: [.sessionLogged(session(1, "x"))], 2: [.sessionLogged(session(2, "x"))],
            3: [.redFlagReported(flag("fever", 3))],
            4: [.therapistOverride(TherapistOverride(direction: .advance, on: Day.n(4), reason: "surgeon agrees"))],
            5: [.redFlagResolved(flag("fever", 5))],
        ])
        #expect(m.state == .inPhase(1), "sessions logged in 'a' opened 'c'")
        #expect(m.gates(for: 2, on: Day.n(60)).last?.text.contains("(0 so far)") == true)
    }

    @Test func aRegressFromTheEndOfTheProgramHolds() {
        var m = machine(assume: true)
        m.run(from: 0, through: 185, events: [1: [.clearanceRecorded(clearance("outpatient-pt", 1))]])
        #expect(m.state == .completed)
        m.run(from: 186, through: 200, events: [186: [.therapistOverride(TherapistOverride(direction: .regress, on: Day.n(186), reason: "back pain"))]])
        #expect(m.state == .inPhase(2), "the therapist's regress was undone at the end of the day")
    }

    // MARK: session and pain gates

    static let sessionsProgram = Program(id: "s", name: "Sessions", phases: [
        Phase("a", 0...1), Phase("b", 1...2, gates: [.sessions(2)]), Phase("c", 2...3, gates: [.sessions(2)]),
    ])

    @Test func sessionsGateCountsSessionsInThePhaseBefore() {
        var m = machine(Self.sessionsProgram)
        m.run(from: 0, through: 14, events: [
            2: [.sessionLogged(session(2, "x"))], 3: [.sessionLogged(session(3, "x"))],
        ])
        // Two sessions in 'a' open 'b' at week 1; none in 'b' yet, so 'c' waits.
        #expect(m.state == .inPhase(1))
        #expect(entered(m).map(\.1) == [0, 7])
        #expect(m.gates(for: 2, on: Day.n(14)).last?.text.contains("(0 so far)") == true)
        m.run(from: 15, through: 16, events: [15: [.sessionLogged(session(15, "x"))], 16: [.sessionLogged(session(16, "x"))]])
        #expect(m.state == .inPhase(2))
        #expect(entered(m).last.map(\.1) == 16)
    }

    @Test func sessionsOnOneDayCountOnce() {
        // A guided session writes one session per exercise; the gate counts days.
        var m = machine(Self.sessionsProgram)
        m.run(from: 0, through: 8, events: [2: [.sessionLogged(session(2, "x")), .sessionLogged(session(2, "y")), .sessionLogged(session(2))]])
        #expect(m.sessionsInPhase == 1)
        #expect(m.state == .inPhase(0), "three sessions on one day opened 'b'")
        m.run(from: 9, through: 9, events: [9: [.sessionLogged(session(9, "x"))]])
        #expect(m.state == .inPhase(1))
    }

    @Test func oneSessionCountsForOnePhaseOnly() {
        // 'requires N sessions' means sessions logged in the phase before: one session cannot open two phases.
        let program = Program(id: "s", name: "Sessions", phases: [
            Phase("a", 0...1), Phase("b", 1...2, gates: [.sessions(1)]), Phase("c", 2...3, gates: [.sessions(1)]),
        ])
        var m = machine(program)
        m.run(from: 0, through: 14, events: [14: [.sessionLogged(session(14, "x"))]])
        #expect(m.state == .inPhase(1), "a session logged in 'a' also counted as a session in 'b'")
        m.run(from: 15, through: 15, events: [15: [.sessionLogged(session(15, "x"))]])
        #expect(m.state == .inPhase(2))
    }

    static let painProgram = Program(id: "p", name: "Pain", phases: [Phase("a", 0...1), Phase("b", 1...4, gates: [.painAtMost(3, days: 7)])])

    @Test func painGateNeedsAScoreInTheWindow() {
        var m = machine(Self.painProgram)
        m.run(from: 0, through: 10, events: [0: [.sessionLogged(session(0, pain: 2, "x"))]])
        // The only score (day 0) is outside the 7-day windows of days 7 to 10.
        #expect(m.state == .inPhase(0))
        let gate = m.gates(for: 1, on: Day.n(10))[1]
        #expect(!gate.met)
        #expect(gate.text.contains("you have not logged a pain score in the last 7 days; type 'log pain N'"))
        m.run(from: 11, through: 11, events: [11: [.sessionLogged(session(11, pain: 3, "x"))]])
        #expect(m.state == .inPhase(1))
    }

    @Test func painGateWaitsForAHighScoreToLeaveTheWindow() {
        var m = machine(Self.painProgram)
        m.run(from: 0, through: 17, events: [
            11: [.sessionLogged(session(11, pain: 5, "x"))], 12: [.sessionLogged(session(12, pain: 2, "x"))],
        ])
        #expect(m.state == .inPhase(0))
        #expect(m.gates(for: 1, on: Day.n(17))[1].text.contains("highest pain in the last 7 days: 5/10"))
        m.run(from: 18, through: 18)
        #expect(m.state == .inPhase(1))
        #expect(entered(m).last.map(\.1) == 18)
    }

    @Test func assumedHistoryGatesAreMet() {
        var m = machine(Self.painProgram, assume: true)
        m.run(from: 0, through: 7)
        #expect(m.state == .inPhase(1))
    }

    // MARK: replay

    @Test func replayMatchesDeliveringTheEventsByHand() {
        var record = PatientRecord()
        record.clearances = [clearance("outpatient-pt", 30)]
        record.flagsReported = [flag("fever", 50)]
        record.flagsResolved = [flag("fever", 55)]
        record.sessions = [session(20, pain: 2, "ankle-pumps")]
        let replayed = Replay.machine(program: Self.program, record: record, surgery: Day.surgery, through: Day.n(70))
        var m = machine()
        m.run(from: 0, through: 70, events: [
            20: [.sessionLogged(record.sessions[0])], 30: [.clearanceRecorded(record.clearances[0])],
            50: [.redFlagReported(record.flagsReported[0])], 55: [.redFlagResolved(record.flagsResolved[0])],
        ])
        #expect(replayed.state == m.state)
        #expect(replayed.transitions == m.transitions)
        #expect(replayed.state == .inPhase(1))
    }

    @Test func replayIgnoresEventsAfterTheDayAndMovesEarlierOnesToSurgery() {
        var record = PatientRecord()
        record.clearances = [clearance("outpatient-pt", -5)]
        record.flagsReported = [flag("fever", 43)]
        let m = Replay.machine(program: Self.program, record: record, surgery: Day.surgery, through: Day.n(42))
        #expect(m.state == .inPhase(1))
        #expect(m.holds.isEmpty)
        #expect(m.isCleared("outpatient-pt", on: Day.surgery))
    }

    @Test func aReportAndItsResolutionOnTheSameDayLeaveNoHold() {
        var record = PatientRecord()
        record.flagsResolved = [flag("fever", 10)]
        record.flagsReported = [flag("fever", 10)]
        let m = Replay.machine(program: Self.program, record: record, surgery: Day.surgery, through: Day.n(12))
        #expect(m.state == .inPhase(0))
        #expect(record.activeFlags(on: Day.n(10)).isEmpty)
    }
}
