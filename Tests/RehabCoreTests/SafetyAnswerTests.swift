import RehabCore
import Testing

/// Cases where a careless engine would answer "Yes" although something forbids it.
@Suite struct SafetyAnswerTests {
    func assess(_ program: Program, _ record: PatientRecord, day: Int) -> Assessment {
        Assessor.assess(program: program, record: record, surgery: Day.surgery, on: Day.n(day))
    }

    @Test func aFlagReportedAgainAfterItsResolutionOnTheSameDayHolds() {
        // The journal order is report, resolve, report: the patient is on hold again.
        let record = PatientRecord(events: [
            .redFlagReported(flag("fever", 10)), .redFlagResolved(flag("fever", 10)), .redFlagReported(flag("fever", 10)),
        ])
        let a = assess(Programs.threePhases(), record, day: 10)
        #expect(a.isOnHold)
        #expect(!a.exercise("ankle-pumps").allowed)
        #expect(record.activeFlags(on: Day.n(10)).map(\.flag) == ["fever"])
        // Resolved last: not on hold.
        let resolved = PatientRecord(events: [.redFlagReported(flag("fever", 10)), .redFlagResolved(flag("fever", 10))])
        #expect(!assess(Programs.threePhases(), resolved, day: 10).isOnHold)
    }

    @Test func aBanOnLiftingOrSittingIsNeverAnsweredWithALimit() {
        let program = Programs.threePhases(restrictions: [.no(.lifting, until: .week(6)), .no(.sitting, until: .week(2))])
        let a = assess(program, PatientRecord(), day: 3)
        #expect(!a.canLift(lb(1)).allowed)
        #expect(a.canLift(lb(1)).changesOn == Day.week(6))
        #expect(!a.canSit(minutes: 5).allowed)
        #expect(!a.can(.lifting).allowed)
        #expect(!a.can(.sitting).allowed)
        let later = assess(program, PatientRecord(), day: 43)
        #expect(later.canLift(lb(1)).allowed)
    }

    @Test func anExerciseThatLiftsIsForbiddenUnderNoLifting() {
        let loads = Loads(lift: lb(20))
        #expect(loads.conflict(with: .no(.lifting)) != nil)
        #expect(Loads().conflict(with: .no(.lifting)) == nil)
    }

    @Test func theFirstPhasesOwnRulesApplyBeforeTheProgramStarts() {
        // A flag on the day of surgery keeps the program from starting; phase 1's 'no bending' still applies.
        var program = Programs.threePhases()
        program.phases[0].restrictions = [Restriction(rule: .no(.bending), phase: "protection")]
        let record = PatientRecord(events: [.redFlagReported(flag("fever", 0))])
        let a = assess(program, record, day: 2)
        #expect(a.state == .notStarted)
        #expect(a.isOnHold)
        #expect(!a.can(.bending).allowed, "\(a.can(.bending).reason)")
    }

    @Test func aDatedSurgeonsOrderOutlivesALaterClearance() {
        let order = SurgeonOrder(activity: .driving, until: .week(10), by: "Dr Lee", on: Day.n(0))
        let record = PatientRecord(events: [.restrictionOrdered(order), .clearanceRecorded(clearance("driving", 14))])
        let a = assess(Programs.threePhases(), record, day: 20)
        #expect(!a.can(.driving).allowed)
        #expect(a.can(.driving).reason.contains("Dr Lee"))
        #expect(assess(Programs.threePhases(), record, day: 70).can(.driving).allowed)
        // An order with no end is lifted by a later clearance.
        let open = SurgeonOrder(activity: .driving, by: "Dr Lee", on: Day.n(0))
        let lifted = PatientRecord(events: [.restrictionOrdered(open), .clearanceRecorded(clearance("driving", 14))])
        #expect(assess(Programs.threePhases(), lifted, day: 20).can(.driving).allowed)
    }

    @Test func anOrderOnAnActivityTheProgramDoesNotNameIsStillAnswered() {
        let order = SurgeonOrder(activity: "golf", until: .week(20), by: "Dr Lee", on: Day.n(0))
        let a = assess(Programs.threePhases(), PatientRecord(events: [.restrictionOrdered(order)]), day: 30)
        let golf = a.activityVerdicts.first { $0.id == "golf" }
        #expect(golf?.allowed == false)
    }

    @Test func aBraceIsARestrictionNotAnActivity() {
        var program = Programs.threePhases()
        program.restrictions.append(Restriction(rule: .wear("brace"), until: .week(6)))
        #expect(!program.activities.contains("brace"))
        let a = assess(program, PatientRecord(), day: 3)
        #expect(a.wearing("brace") != nil)
    }

    @Test func aPhaseRuleNeverOffersAChangeDateInThePast() {
        // Week 8 without the clearance for phase 2: phase 1's own rule has no date left to change on.
        var program = Programs.threePhases()
        program.phases[0].restrictions = [Restriction(rule: .no(.bending), phase: "protection")]
        let a = assess(program, PatientRecord(), day: 56)
        let v = a.can(.bending)
        #expect(!v.allowed)
        #expect(v.changesOn == nil, "offered \(String(describing: v.changesOn)), before today \(Day.n(56))")
    }

    @Test func hugeOrBrokenWeightsFormatWithoutTrapping() {
        #expect(!Weight(1e300, .lb).description.isEmpty)
        #expect(!Weight(.infinity, .kg).description.isEmpty)
        #expect(!Weight(.nan, .lb).description.isEmpty)
    }
}
