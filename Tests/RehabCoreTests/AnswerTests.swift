import RehabCore
import Testing

/// Restrictions in force, what releases them, surgeon orders and clearance limits, as the patient asks.
@Suite struct AnswerTests {
    func assess(_ program: Program, _ record: PatientRecord = PatientRecord(), day: Int) -> Assessment {
        Assessor.assess(program: program, record: record, surgery: Day.surgery, on: Day.n(day))
    }

    func limit(_ a: Assessment) -> Weight? {
        if case .atMost(.lifting, let q)? = a.liftLimit?.rule, let w = q.weight { return w }
        return nil
    }

    // MARK: releases

    static let andCleared = Programs.threePhases(restrictions: [.lift(lb(10), until: .all([.week(6), .cleared("lifting")]))])

    @Test func weekAndClearanceHasNoDateUntilCleared() {
        let v = assess(Self.andCleared, day: 21).canLift(lb(20))
        #expect(!v.allowed)
        #expect(v.changesOn == nil)
        #expect(v.changesWhen?.contains("week 6 (\(Day.week(6)))") == true)
        #expect(v.changesWhen?.contains("clear lifting") == true)
        #expect(v.reason.contains("10 lb"))
        #expect(v.source == SourceRef(file: "test.rehab", line: 1))
    }

    @Test func onceClearedTheWeekDecides() {
        let record = PatientRecord(clearances: [clearance("lifting", 10)])
        let v = assess(Self.andCleared, record, day: 21).canLift(lb(20))
        #expect(!v.allowed)
        #expect(v.changesOn == Day.week(6))
        // What is already met is left out of the words.
        #expect(v.changesWhen?.contains("clear lifting") == false)
        #expect(assess(Self.andCleared, record, day: 42).liftLimit == nil)
        #expect(assess(Self.andCleared, record, day: 41).liftLimit != nil)
    }

    @Test func withoutTheClearanceTheWeekAloneDoesNotRelease() {
        #expect(limit(assess(Self.andCleared, day: 100)) == lb(10))
    }

    @Test func weekOrClearanceHasTheWeekDateAndEndsAtEither() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .any([.week(12), .cleared("lifting")]))])
        let v = assess(program, day: 21).canLift(lb(20))
        #expect(v.changesOn == Day.week(12))
        #expect(v.changesWhen?.contains(" or ") == true)
        #expect(assess(program, day: 84).liftLimit == nil)
        #expect(assess(program, PatientRecord(clearances: [clearance("lifting", 30)]), day: 30).liftLimit == nil)
        #expect(assess(program, PatientRecord(clearances: [clearance("lifting", 30)]), day: 29).liftLimit != nil)
    }

    @Test func fromWeekStartsARestrictionLater() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .week(6)), .lift(lb(15), from: 6, until: .week(12))])
        #expect(limit(assess(program, day: 41)) == lb(10))
        #expect(limit(assess(program, day: 42)) == lb(15))
        #expect(limit(assess(program, day: 84)) == nil)
    }

    @Test func theStrictestLimitInForceWins() {
        let program = Programs.threePhases(restrictions: [.lift(lb(25), until: .week(12)), .lift(kg(4.5), until: .week(6)), .lift(lb(10), until: .week(8))])
        #expect(limit(assess(program, day: 10)) == kg(4.5))
        #expect(limit(assess(program, day: 45)) == lb(10))
        #expect(limit(assess(program, day: 60)) == lb(25))
    }

    @Test func phaseRestrictionsApplyOnlyInTheirPhase() {
        var program = Programs.threePhases()
        program.phases[1].restrictions = [Restriction(rule: .no(.twisting), phase: "stabilization")]
        let record = PatientRecord(clearances: [clearance("outpatient-pt", 1)])
        #expect(assess(program, record, day: 41).ban(on: .twisting) == nil)
        let inPhase = assess(program, record, day: 42)
        #expect(inPhase.ban(on: .twisting) != nil)
        #expect(inPhase.can(.twisting).changesOn == Day.week(12))
        #expect(inPhase.can(.twisting).reason.contains("phase 'Stabilization'"))
        // Without the clearance the patient never reaches that phase, so it never applies.
        #expect(assess(program, day: 60).ban(on: .twisting) == nil)
    }

    @Test func aBanWithNoEndOutlastsADatedOne() {
        let program = Programs.threePhases(restrictions: [.no(.driving, until: .week(2)), .no(.driving)])
        let v = assess(program, day: 3).can(.driving)
        #expect(!v.allowed)
        #expect(v.changesOn == nil)
    }

    @Test func sittingLimit() {
        let program = Programs.threePhases(restrictions: [.sit(20, until: .week(2)), .sit(30, until: .week(6))])
        let a = assess(program, day: 3)
        #expect(!a.canSit(minutes: 25).allowed)
        #expect(a.canSit(minutes: 20).allowed)
        #expect(assess(program, day: 20).canSit(minutes: 25).allowed)
        #expect(assess(program, day: 50).sitLimit == nil)
    }

    @Test func anExerciseBreakingARestrictionIsNotAllowed() {
        var program = Programs.threePhases(restrictions: [.lift(lb(10), until: .cleared("lifting"))])
        program.phases[0].prescriptions.append(Prescription(exercise: "farmer-carry"))
        let v = assess(program, day: 3).exercise("farmer-carry")
        #expect(!v.allowed)
        #expect(v.reason.contains("20 lb"))
        #expect(v.changesWhen?.contains("clear lifting") == true)
        #expect(assess(program, PatientRecord(clearances: [clearance("lifting", 2)]), day: 3).exercise("farmer-carry").allowed)
    }

    // MARK: surgeon orders

    @Test func aStricterOrderFromTheSurgeonWinsAndSaysWhoOrderedIt() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .week(12))])
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: .lifting, limit: lb(5), until: .week(8), by: "Dr Lee", on: Day.n(2))]
        let a = assess(program, record, day: 10)
        #expect(limit(a) == lb(5))
        #expect(a.liftLimit?.authority.contains("Dr Lee") == true)
        let v = a.canLift(lb(8))
        #expect(!v.allowed)
        #expect(v.reason.contains("Dr Lee"))
        #expect(v.changesOn == Day.week(8))
        // Before the order and after it ends, the program's limit applies.
        #expect(limit(assess(program, record, day: 1)) == lb(10))
        #expect(limit(assess(program, record, day: 56)) == lb(10))
    }

    /// The surgeon's order replaces the program's default in either direction, and says what it replaced.
    @Test func aLooserOrderReplacesTheProgramsDefault() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .week(12))])
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: .lifting, limit: lb(20), until: .week(4), by: "Dr Lee", on: Day.n(2))]
        let a = assess(program, record, day: 10)
        #expect(limit(a) == lb(20))
        #expect(a.liftLimit?.authority.contains("Dr Lee") == true)
        #expect(a.overrides[.lifting]?.replaced.map(\.rule) == [.atMost(.lifting, Quantity(lb(10)))])
        #expect(a.canLift(lb(15)).reason.contains("'lift at most 10 lb'"))
        // Before the order, and once it has ended, the program's default is back.
        #expect(limit(assess(program, record, day: 1)) == lb(10))
        #expect(limit(assess(program, record, day: 28)) == lb(10))
    }

    /// Found by `PropertyTests.aStricterOrderNeverLoosensAnything`: a clearance without `by` that lifts the newest,
    /// stricter order used to leave no order at all, so the patient had less than before that order.
    @Test func liftingTheNewestOrderBringsBackTheOneBefore() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .week(12))])
        var record = PatientRecord()
        record.clearances = [clearance("lifting", 1, upTo: lb(20), by: "Dr Lee"), clearance("lifting", 10)]
        #expect(limit(assess(program, record, day: 12)) == lb(20), "without the stricter order: Dr Lee's 20 lb")
        record.orders = [SurgeonOrder(activity: .lifting, limit: lb(5), by: "Dr Kim", on: Day.n(5))]
        #expect(limit(assess(program, record, day: 7)) == lb(5), "the stricter order stands")
        #expect(limit(assess(program, record, day: 12)) == lb(20), "lifted by the plain clearance: Dr Lee's 20 lb again")
    }

    @Test func theLatestOrderForAnActivityStands() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .week(12))])
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: .lifting, limit: lb(5), by: "Dr Lee", on: Day.n(2)),
                         SurgeonOrder(activity: .lifting, limit: lb(20), by: "Dr Kim", on: Day.n(9))]
        #expect(limit(assess(program, record, day: 5)) == lb(5))
        #expect(limit(assess(program, record, day: 10)) == lb(20))
        // A clearance by a clinician is an order too: the latest one stands.
        record.clearances = [clearance("lifting", 12, upTo: lb(8), by: "Dr Lee")]
        #expect(limit(assess(program, record, day: 13)) == lb(8))
    }

    @Test func aClearanceByAClinicianLiftsTheProgramsBanButAPlainOneOnlyMeetsItsCondition() {
        let program = Programs.threePhases(restrictions: [.no("massage", until: .all([.week(6), .cleared("massage")]))])
        let plain = PatientRecord(clearances: [clearance("massage", 10)])
        #expect(!assess(program, plain, day: 21).can("massage").allowed)
        #expect(assess(program, plain, day: 42).can("massage").allowed)
        let byLee = PatientRecord(clearances: [clearance("massage", 10, by: "Dr Lee")])
        let v = assess(program, byLee, day: 21).can("massage")
        #expect(v.allowed)
        #expect(v.reason.contains("Dr Lee") && v.reason.contains("no massage"), "\(v.reason)")
        #expect(!assess(program, byLee, day: 9).can("massage").allowed, "not before the clearance")
    }

    @Test func anOrderBansAnActivityUntilCleared() {
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: .driving, by: "Dr Patel", on: Day.n(1))]
        let a = assess(Programs.threePhases(), record, day: 20)
        let v = a.can(.driving)
        #expect(!v.allowed)
        #expect(v.restriction?.authority.contains("Dr Patel") == true)
        #expect(v.changesWhen?.contains("clear driving") == true)
        record.clearances = [clearance("driving", 25)]
        #expect(assess(Programs.threePhases(), record, day: 24).can(.driving).allowed == false)
        #expect(assess(Programs.threePhases(), record, day: 25).can(.driving).allowed)
    }

    @Test func anOrderWithAnEndDate() throws {
        var record = PatientRecord()
        let end = try #require(CalendarDay(iso: "2026-02-01"))
        record.orders = [SurgeonOrder(activity: .bending, until: .date(end), on: Day.n(0))]
        #expect(assess(Programs.threePhases(), record, day: end.days(since: Day.surgery) - 1).ban(on: .bending) != nil)
        #expect(assess(Programs.threePhases(), record, day: end.days(since: Day.surgery)).ban(on: .bending) == nil)
    }

    // MARK: clearance limits

    @Test func aClearanceUpToAWeightSetsTheLimit() {
        let program = Programs.threePhases(restrictions: [.lift(lb(10), until: .cleared("lifting"))])
        let record = PatientRecord(clearances: [clearance("lifting", 20, upTo: lb(25), by: "Dr Lee")])
        let a = assess(program, record, day: 21)
        #expect(limit(a) == lb(25))
        #expect(a.liftLimit?.authority.contains("the clearance from Dr Lee") == true)
        #expect(!a.canLift(lb(30)).allowed)
        #expect(a.canLift(lb(20)).allowed)
        #expect(limit(assess(program, record, day: 19)) == lb(10))
    }

    /// A clearance's own limit is the clinician's word on lifting: it replaces the program's limits outright.
    @Test func aClearanceLimitReplacesTheProgramsLimits() {
        let record = PatientRecord(clearances: [clearance("lifting", 10, upTo: lb(25), by: "Dr Lee")])
        #expect(limit(assess(Self.andCleared, record, day: 9)) == lb(10))
        #expect(limit(assess(Self.andCleared, record, day: 21)) == lb(25))
        #expect(limit(assess(Self.andCleared, record, day: 42)) == lb(25))
    }

    @Test func theLatestClearanceOfATopicDecides() {
        let record = PatientRecord(clearances: [clearance("lifting", 10, upTo: lb(15)), clearance("lifting", 30, upTo: lb(30))])
        #expect(limit(assess(Programs.threePhases(), record, day: 20)) == lb(15))
        #expect(limit(assess(Programs.threePhases(), record, day: 30)) == lb(30))
    }

    // MARK: holds in answers

    @Test func onHoldNoExerciseIsAllowedButRoutinesStillAre() {
        var program = Programs.threePhases()
        program.routines = [Routine(id: "log-roll", name: "Log roll")]
        program.phases[0].routines = [RoutineUse(routine: "log-roll")]
        let record = PatientRecord(flagsReported: [flag("fever", 3)])
        let a = assess(program, record, day: 4)
        #expect(a.state == .onHold(returnTo: 0))
        let v = a.exercise("ankle-pumps")
        #expect(!v.allowed)
        #expect(v.reason.contains("Fever"))
        #expect(v.reason.contains("Call the office."))
        #expect(v.changesWhen?.contains("resolve fever") == true)
        #expect(a.routine("log-roll").allowed)
    }
}
