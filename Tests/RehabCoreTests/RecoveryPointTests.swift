import RehabCore
import Testing

/// Days, weeks and months since surgery, and phases and releases stated in them.
@Suite struct RecoveryPointTests {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay {
        CalendarDay(year: y, month: m, day: d) ?? CalendarDay(ordinal: 0)
    }

    // MARK: the one conversion

    @Test func daysAndWeeksCountWholeDays() {
        let surgery = Self.date(2026, 1, 5)
        #expect(RecoveryPoint.day(0).date(surgery: surgery) == surgery)
        #expect(RecoveryPoint.day(30).date(surgery: surgery) == Self.date(2026, 2, 4))
        #expect(RecoveryPoint.week(6).date(surgery: surgery) == Self.date(2026, 2, 16))
        #expect(RecoveryPoint.week(6).date(surgery: surgery) == RecoveryDay.start(ofWeek: 6, surgery: surgery))
    }

    @Test("a month is a calendar month, clamped to the last day of a shorter month", arguments: [
        // surgery, months, expected
        ((2026, 1, 31), 1, (2026, 2, 28)),
        ((2028, 1, 31), 1, (2028, 2, 29)),   // leap year
        ((2028, 2, 29), 12, (2029, 2, 28)),  // leap day, a year on
        ((2028, 2, 29), 48, (2032, 2, 29)),
        ((2026, 3, 31), 1, (2026, 4, 30)),
        ((2026, 1, 31), 2, (2026, 3, 31)),   // clamping is per target month, not cumulative
        ((2026, 12, 31), 2, (2027, 2, 28)),  // across the year end
        ((2026, 11, 15), 3, (2027, 2, 15)),
        ((2026, 5, 20), 0, (2026, 5, 20)),
        ((2026, 1, 15), 24, (2028, 1, 15)),
    ])
    func monthArithmetic(surgery: (Int, Int, Int), months: Int, expected: (Int, Int, Int)) {
        let s = Self.date(surgery.0, surgery.1, surgery.2)
        #expect(RecoveryPoint.month(months).date(surgery: s) == Self.date(expected.0, expected.1, expected.2))
    }

    @Test func textAndJSONAreTheProgramWords() {
        #expect(RecoveryPoint.month(3).text == "month 3")
        #expect(Condition.week(6) == .at(.week(6)))
        #expect(Condition.all([.at(.day(30)), .phase("return")]).text == "day 30 and phase return")
    }

    // MARK: phases in days and months

    static func timed() -> Program {
        var p = Program(id: "timed", name: "Timed")
        p.exercises = [Exercise(id: "walking", name: "Walking")]
        p.phases = [
            Phase(id: "early", name: "Early", start: .day(0), end: .day(30),
                  prescriptions: [Prescription(exercise: "walking", dose: Dose(minutes: 10))]),
            Phase(id: "middle", name: "Middle", start: .day(30), end: .month(3)),
            Phase(id: "late", name: "Late", start: .month(3), end: .month(6)),
            Phase(id: "maintenance", name: "Maintenance", start: .month(6), end: nil),
        ]
        return p
    }

    func phase(_ program: Program, surgery: CalendarDay, on day: CalendarDay) -> String {
        let a = Assessor.assess(program: program, record: PatientRecord(), surgery: surgery, on: day)
        return a.phase?.id ?? "\(a.state)"
    }

    @Test func aDaysPhaseEndsOnItsDayNotAtAWeekStart() {
        let s = Self.date(2026, 1, 5)
        #expect(phase(Self.timed(), surgery: s, on: s.adding(days: 29)) == "early")
        #expect(phase(Self.timed(), surgery: s, on: s.adding(days: 30)) == "middle")
    }

    @Test func aMonthsPhaseStartsOnTheCalendarDay() {
        let s = Self.date(2026, 1, 31)
        // 31 January + 3 months = 30 April; + 6 months = 31 July.
        #expect(phase(Self.timed(), surgery: s, on: Self.date(2026, 4, 29)) == "middle")
        #expect(phase(Self.timed(), surgery: s, on: Self.date(2026, 4, 30)) == "late")
        #expect(phase(Self.timed(), surgery: s, on: Self.date(2026, 7, 30)) == "late")
        #expect(phase(Self.timed(), surgery: s, on: Self.date(2026, 7, 31)) == "maintenance")
    }

    @Test func anOpenEndedLastPhaseNeverCompletes() {
        let s = Self.date(2026, 1, 5)
        let a = Assessor.assess(program: Self.timed(), record: PatientRecord(), surgery: s, on: s.adding(days: 3000))
        #expect(a.state == .inPhase(3))
        #expect(!a.unlocks.contains { $0.what == "the end of the program" })
        // 5 July 2026 is day 181, in week 25: a week-by-week table goes on to week 26, the first week start after it.
        #expect(Self.timed().lastWeek(surgery: s) == 26)
    }

    @Test func aGateInDaysOpensOnItsDay() {
        var p = Self.timed()
        p.phases[1].gates = [GateStatement(gate: .minimum(.day(33)))]
        let s = Self.date(2026, 1, 5)
        #expect(phase(p, surgery: s, on: s.adding(days: 32)) == "early")
        #expect(phase(p, surgery: s, on: s.adding(days: 33)) == "middle")
        let m = Replay.machine(program: p, record: PatientRecord(), surgery: s, through: s.adding(days: 31))
        #expect(m.gates(for: 1, on: s.adding(days: 31)).first { !$0.met }?.opensOn == s.adding(days: 33))
    }

    @Test func aDoseGrowsByWeeksOfThePhaseNotOfRecovery() {
        var p = Self.timed()
        p.phases[1].prescriptions = [Prescription(exercise: "walking", dose: Dose(minutes: 10),
                                                  progressions: [WeeklyProgression(quantity: .minutes, step: 5, cap: 30)])]
        let s = Self.date(2026, 1, 5)
        let a = Assessor.assess(program: p, record: PatientRecord(), surgery: s, on: s.adding(days: 30 + 13))
        let rx = p.phases[1].prescriptions[0]
        // Day 43 is week 6 of recovery, but the phase began on day 30: one whole week in.
        #expect(a.dose(of: rx, exercise: "walking").minutes == 15)
    }

    // MARK: releases

    @Test func aRestrictionUntilAPhaseHoldsUntilThePatientReachesIt() {
        var p = Self.timed()
        p.phases[2].gates = [GateStatement(gate: .cleared("outpatient-pt"))]
        p.restrictions = [Restriction(rule: .no("contact-sports"), until: .phase("late"))]
        let s = Self.date(2026, 1, 5)
        let held = Assessor.assess(program: p, record: PatientRecord(), surgery: s, on: Self.date(2026, 6, 1))
        let ban = held.ban(on: "contact-sports")
        #expect(ban?.untilText == "until you reach phase 'Late'")
        #expect(ban?.release.on == nil)
        // The gate held the patient back past month 3; the clearance lets them in, and that releases it.
        let cleared = PatientRecord(clearances: [Clearance(topic: "outpatient-pt", on: Self.date(2026, 6, 1))])
        let after = Assessor.assess(program: p, record: cleared, surgery: s, on: Self.date(2026, 6, 1))
        #expect(after.phase?.id == "late")
        #expect(after.ban(on: "contact-sports") == nil)
    }

    @Test func releasesAndStartsInDaysAndMonths() {
        var p = Self.timed()
        p.restrictions = [Restriction(rule: .no("driving"), until: .at(.day(14))),
                          Restriction(rule: .no("swimming"), from: .month(1), until: .at(.month(2)))]
        let s = Self.date(2026, 1, 31)
        func assess(_ d: CalendarDay) -> Assessment { Assessor.assess(program: p, record: PatientRecord(), surgery: s, on: d) }
        #expect(assess(s.adding(days: 13)).ban(on: "driving")?.untilText == "until day 14 (2026-02-14)")
        #expect(assess(s.adding(days: 14)).ban(on: "driving") == nil)
        #expect(assess(Self.date(2026, 2, 27)).ban(on: "swimming") == nil)
        #expect(assess(Self.date(2026, 2, 28)).ban(on: "swimming") != nil)
        #expect(assess(Self.date(2026, 3, 30)).ban(on: "swimming") != nil)
        #expect(assess(Self.date(2026, 3, 31)).ban(on: "swimming") == nil)
    }
}
