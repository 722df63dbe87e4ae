import RehabCore
import Testing

/// `limit ACTIVITY`, a lifting limit the surgeon sets, and gear worn when or only if ordered.
@Suite struct LimitAnswerTests {
    func assess(_ restrictions: [Restriction], _ record: PatientRecord = PatientRecord(), day: Int = 21) -> Assessment {
        Assessor.assess(program: Programs.threePhases(restrictions: restrictions), record: record, surgery: Day.surgery, on: Day.n(day))
    }

    static let src = SourceRef(file: "test.rehab", line: 4)
    static let bendingLimit = Restriction(rule: .limit(.bending, note: "minimal, pain-free range only"), until: .week(12), source: src)
    static func perSurgeon(_ fallback: Weight?) -> Restriction {
        Restriction(rule: .atMostPerSurgeon(.lifting, fallback: fallback.map(Quantity.init)), until: .week(6), source: src)
    }

    // MARK: limit

    @Test func aLimitIsAQualifiedYesWithItsWordsAndEnd() {
        let v = assess([Self.bendingLimit]).can(.bending)
        #expect(v.allowed)
        #expect(v.qualifier == .limited)
        #expect(v.decision == "limited")
        #expect(v.reason.hasPrefix("minimal, pain-free range only; this limit on bending lasts until week 12"))
        #expect(v.reason.contains("set by the program (test.rehab:4)"))
        #expect(v.changesOn == Day.week(12))
        #expect(assess([Self.bendingLimit], day: 84).can(.bending).qualifier == nil)
    }

    @Test func aLimitWithoutWordsSaysKeepItSmall() {
        let r = Restriction(rule: .limit(.overheadReaching, note: nil), until: .week(12), source: Self.src)
        let v = assess([r]).can(.overheadReaching)
        #expect(v.reason.hasPrefix("keep it small and pain-free; this limit on overhead reaching lasts until week 12"))
    }

    @Test func aBanOnTheSameActivityOutranksALimit() {
        let a = assess([Self.bendingLimit, .no(.bending, until: .week(6))])
        #expect(!a.can(.bending).allowed)
        #expect(a.effectiveRestrictions.map(\.rule) == [.no(.bending)])
        #expect(a.can(.bending).decision == "no")
    }

    @Test func aLimitDoesNotForbidAnExerciseThatLoadsTheActivity() {
        #expect(Loads(activities: [.bending]).conflict(with: .limit(.bending, note: nil)) == nil)
        #expect(Loads(activities: [.bending]).conflict(with: .no(.bending)) != nil)
    }

    @Test func aNamedClearanceLiftsALimit() {
        let record = PatientRecord(clearances: [clearance("bending", 10, by: "Dr Lee")])
        #expect(assess([Self.bendingLimit], record).limitation(on: .bending) == nil)
    }

    // MARK: lift at most per surgeon

    @Test func withAFallbackTheFallbackAnswersAndTheSurgeonIsNamed() {
        let a = assess([Self.perSurgeon(lb(10))])
        let within = a.canLift(lb(8))
        #expect(within.allowed && within.qualifier == .limited)
        #expect(within.reason.contains("10 lb limit your program keeps until your surgeon's number is recorded"))
        #expect(within.reason.contains("record it with 'restrict lifting N lb by NAME'"))
        let over = a.canLift(lb(12))
        #expect(!over.allowed)
        #expect(over.reason.contains("your surgeon sets this limit — record it with 'restrict lifting N lb by NAME'"))
        #expect(a.can(.lifting).qualifier == .limited)
    }

    @Test func withoutAFallbackNoLiftingUntilTheOrder() {
        let a = assess([Self.perSurgeon(nil)])
        let v = a.canLift(lb(8))
        #expect(!v.allowed)
        #expect(v.reason.hasPrefix("no lifting until your surgeon's limit is recorded"))
        #expect(v.reason.contains("your surgeon sets this limit"))
        #expect(!a.can(.lifting).allowed)
        #expect(Loads(lift: lb(5)).conflict(with: .atMostPerSurgeon(.lifting, fallback: nil)) != nil)
        #expect(Loads(lift: lb(5)).conflict(with: .atMostPerSurgeon(.lifting, fallback: Quantity(lb(10)))) == nil)
    }

    @Test func theSurgeonsOrderReplacesIt() {
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: .lifting, limit: lb(15), by: "Dr Lee", on: Day.n(2))]
        let a = assess([Self.perSurgeon(nil)], record)
        let v = a.canLift(lb(12))
        #expect(v.allowed)
        #expect(v.qualifier == nil)
        #expect(v.reason.contains("15 lb limit"))
        #expect(v.reason.contains("It replaces the program's default, 'lift at most per surgeon'"))
        #expect(!a.canLift(lb(16)).allowed)
    }

    // MARK: gear

    @Test func gearWornWhenUpSaysWhenAndUntilWhen() {
        let r = Restriction(rule: .wear("brace"), until: .week(8), note: "when up", source: Self.src)
        let v = assess([r]).can("brace")
        #expect(v.allowed && v.qualifier == .wear && v.decision == "wear")
        #expect(v.reason == "your brace must be worn (when up) until week 8 (\(Day.week(8))), set by the program (test.rehab:4).")
        #expect(assess([r], day: 56).can("brace").qualifier == .notNeeded)
    }

    @Test func gearIfOrderedIsNotWornUntilTheOrder() {
        let r = Restriction(rule: .wearIfOrdered("collar"), note: "at night, for comfort", source: Self.src)
        let before = assess([r])
        #expect(before.wearing("collar") == nil)
        let v = before.can("collar")
        #expect(v.decision == "if-ordered")
        #expect(v.reason.contains("only worn if your surgeon orders it (at night, for comfort)"))
        var record = PatientRecord()
        record.orders = [SurgeonOrder(activity: "collar", by: "Dr Lee", on: Day.n(2))]
        let after = assess([r], record)
        #expect(after.wearing("collar") != nil)
        let w = after.can("collar")
        #expect(w.decision == "wear")
        // The order takes the program's words for when it is worn.
        #expect(w.reason.contains("must be worn (at night, for comfort)"))
        #expect(w.reason.contains("Dr Lee"))
    }

    @Test func gearNoRuleSaysNothingAsksForIt() {
        let v = assess([]).can("collar")
        #expect(v.allowed && v.qualifier == .notNeeded && v.decision == "not-needed")
        #expect(v.reason.contains("asks you to wear a collar"))
    }
}
