import RehabCore
import Testing

/// Answers name activities in the words the program declares (`activity overhead-reaching "…"`), never by id.
@Suite struct ActivityWordsTests {
    func assess(_ restrictions: [Restriction], words: [String: String], day: Int = 21) -> Assessment {
        var program = Programs.threePhases(restrictions: restrictions)
        program.activityWords = words
        return Assessor.assess(program: program, record: PatientRecord(), surgery: Day.surgery, on: Day.n(day))
    }

    static let reaching = ["overhead-reaching": "reaching above your shoulders"]

    @Test func aBanIsAnsweredInTheDeclaredWords() {
        let ban = Restriction(rule: .no(.overheadReaching), until: .week(12))
        let v = assess([ban], words: Self.reaching).can(.overheadReaching)
        #expect(!v.allowed)
        #expect(v.id == "overhead-reaching", "the id stays the program's")
        #expect(v.reason.hasPrefix("no reaching above your shoulders until week 12"), "\(v.reason)")
    }

    @Test func aFreeActivityAndALimitUseTheWordsToo() {
        let free = assess([], words: Self.reaching).can(.overheadReaching)
        #expect(free.reason.contains("rules out reaching above your shoulders this week"), "\(free.reason)")
        let limit = Restriction(rule: .limit(.overheadReaching, note: nil), until: .week(12))
        let v = assess([limit], words: Self.reaching).can(.overheadReaching)
        #expect(v.reason.contains("this limit on reaching above your shoulders lasts"), "\(v.reason)")
    }

    @Test func undeclaredActivitiesReadAsTheirIdWithSpaces() {
        let program = Programs.threePhases()
        #expect(program.words(for: "contact-sports") == "contact sports")
        #expect(RestrictionRule.no("contact-sports").plain(unit: .lb) == "no contact sports")
        #expect(RestrictionRule.no(.overheadReaching).plain(unit: .lb, words: { Self.reaching[$0.name] ?? $0.name })
                    == "no reaching above your shoulders")
    }

    @Test func aConflictNamesTheLoadInWordsOnlyWhenAsked() {
        let loads = Loads(activities: [.bending])
        #expect(loads.conflict(with: .no(.bending)) == "it involves bending")
        #expect(loads.conflict(with: .no(.bending), words: { _ in "bending forward" }) == "it involves bending forward")
    }
}
