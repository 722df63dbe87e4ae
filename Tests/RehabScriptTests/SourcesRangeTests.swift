import Foundation
import RehabCore
import RehabScript
import Testing

/// `, sources 4-15 lb`, `, sources 2-6 weeks "…"` and `, sources vary "…"` at the end of a restriction line.
@Suite struct SourcesRangeTests {
    func rules(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Restriction] {
        let c = Checked(text)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)", sourceLocation: sourceLocation)
        return c.loaded.program?.allRestrictions ?? []
    }

    @Test func aRangeInTheRulesUnitAfterUntil() {
        let r = rules("""
            program demo "Demo"
            lift at most 10 lb until week 6 and cleared lifting, sources 4-15 lb
            sit at most 30 min until week 6, sources 15-45 min
            phase p "P" weeks 0-12
            """)
        #expect(r.map(\.sources) == [SourcesRange(low: 4, high: 15, unit: .lb), SourcesRange(low: 15, high: 45, unit: .min)])
        #expect(r.first?.until == .all([.at(.week(6)), .cleared("lifting")]))
        #expect(r.first?.sources?.rangeText == "4-15 lb")
        #expect(r.first?.sources?.sentence == "Published protocols range from 4 to 15 lb; your surgeon's limit comes first.")
    }

    @Test func aWeightRangeIsShownInThePatientsUnit() {
        let range = SourcesRange(low: 4, high: 15, unit: .lb)
        #expect(range.sentence(in: .kg)
                == "Published protocols range from 1.8 to 6.8 kg (4-15 lb); your surgeon's limit comes first.")
        #expect(range.sentence(in: .lb) == range.sentence)
        #expect(SourcesRange(low: 2, high: 6, unit: .weeks).sentence(in: .kg)
                == "Published protocols range from 2 to 6 weeks; your surgeon's timing comes first.")
    }

    @Test func weeksWithWordsAndVaryWithWordsOnly() throws {
        let r = rules("""
            program demo "Demo"
            activity massage "massage"
            no driving until week 2 and cleared driving, sources 2-6 weeks "never while taking opioids"
            no massage, sources vary "some wait 4 weeks, others 8"
            phase p "P" weeks 0-12
            """)
        try #require(r.count == 2)
        #expect(r[0].sources == SourcesRange(low: 2, high: 6, unit: .weeks, note: "never while taking opioids"))
        #expect(r[0].sources?.sentence
                == "Published protocols range from 2 to 6 weeks (never while taking opioids); your surgeon's timing comes first.")
        #expect(r[1].sources == SourcesRange(note: "some wait 4 weeks, others 8"))
        #expect(r[1].until == nil)
        #expect(r[1].sources?.rangeText == nil)
        #expect(r[1].sources?.sentence == "Published sources vary: some wait 4 weeks, others 8; your surgeon's timing comes first.")
    }

    @Test func everyRuleOnTheLineCarriesIt() throws {
        let r = rules("""
            program demo "Demo"
            no bending, no twisting from week 2 until week 12, sources 6-26 weeks
            lift at most per surgeon, else 5 kg until week 6, sources 2-7 kg
            wear brace when up until week 6, sources 3-12 weeks
            phase p "P" weeks 0-12
            """)
        try #require(r.count == 4)
        #expect(r[0].sources == SourcesRange(low: 6, high: 26, unit: .weeks) && r[1].sources == r[0].sources)
        #expect(r[0].from == .week(2))
        #expect(r[2].rule == .atMostPerSurgeon(.lifting, fallback: Quantity(Weight(5, .kg))) && r[2].sources?.unit == .kg)
        #expect(r[3].note == "when up" && r[3].sources?.high == 12)
    }

    @Test func aRangeThatGoesDownIsAnErrorWithTheFixedRange() {
        let c = Checked("""
            program demo "Demo"
            lift at most 10 lb until week 6, sources 1️⃣15-4 lb
            phase p "P" weeks 0-12
            """)
        let d = c.only("sources-range")
        #expect(d?.location.spot == c.source["1️⃣"])
        #expect(d?.message == "the range '15-4' goes down")
        #expect(d?.hint == "write the smaller number first: 'sources 4-15 lb'")
    }

    @Test func aRangeInAnotherUnitIsAnError() {
        let c = Checked("""
            program demo "Demo"
            no driving until cleared driving, sources 2-6 1️⃣lb
            sit at most 30 min, sources 15-45 2️⃣weeks
            phase p "P" weeks 0-12
            """)
        let found = c.diagnostics.filter { $0.id == "sources-range" }
        #expect(found.map(\.location.spot) == [c.source["1️⃣"], c.source["2️⃣"]], "\(c.rendered)")
        #expect(found.first?.hint == "give it in 'weeks'")
        #expect(found.last?.message == "a range for 'sit at most 30 min' is not in 'weeks'")
    }

    @Test func aMissingUnitOrNoteIsExpected() {
        for line in ["no driving, sources 2-6", "no driving, sources vary", "no driving, sources 2 weeks",
                     "no driving, sources 2-6 fortnights"] {
            let c = Checked("program demo \"Demo\"\n\(line)\nphase p \"P\" weeks 0-12\n")
            #expect(c.diagnostics.map(\.id) == ["expected"], "\(line): \(c.rendered)")
        }
    }

    @Test func aPrescriptionTakesARangeInMinutesRepsOrWeeks() {
        let c = Checked("""
            program demo "Demo"
            exercise bike "Stationary bike"
              loads none
            exercise slides "Heel slides"
              loads none
            phase p "P" weeks 0-12
              bike 20 min, 2 days a week, +2 min each week up to 30 min, sources 6-14 weeks "for when cycling starts"
              slides 3 x 10, sources 10-30 reps from week 2
            phase q "Q" weeks 12-26
              bike 30 min, 2 days a week, sources 4-15 1️⃣lb
            """)
        let found = c.diagnostics.filter { $0.id == "sources-range" }
        #expect(found.map(\.location.spot) == [c.source["1️⃣"]], "\(c.rendered)")
        #expect(found.first?.hint == "give it in 'min' or 'reps' or 'weeks'")
        let draft = ProgramLoader.load("main.rehab", from: MemorySources(["main.rehab": c.source.text
            .replacingOccurrences(of: ", sources 4-15 lb", with: "")]))
        let rx = draft.program?.phases.first?.prescriptions ?? []
        #expect(rx.first?.sources == SourcesRange(low: 6, high: 14, unit: .weeks, note: "for when cycling starts"))
        #expect(rx.first?.progressions.isEmpty == false)
        #expect(rx.last?.sources == SourcesRange(low: 10, high: 30, unit: .reps) && rx.last?.gate == .at(.week(2)))
    }

    @Test func anExerciseCarriesItsOwnRangeInItsBlock() throws {
        let c = Checked("""
            program demo "Demo"
            exercise heel-slides "Heel slides"
              loads none
              sources 0-6 weeks "for when they start"
            phase p "P" weeks 0-12
              heel-slides 3 x 10
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let program = try #require(c.loaded.program)
        #expect(program.exercise("heel-slides")?.sources
                == SourcesRange(low: 0, high: 6, unit: .weeks, note: "for when they start"))
        let surgery = try #require(CalendarDay(iso: "2026-10-31"))
        let a = Assessor.assess(program: program, record: PatientRecord(), surgery: surgery, on: surgery.adding(days: 3))
        let v = a.exercise("heel-slides")
        #expect(v.allowed && v.sources?.rangeText == "0-6 weeks", "\(v.reason)")
        #expect(v.reason.hasSuffix("Published protocols range from 0 to 6 weeks (for when they start); "
                                   + "your therapist's plan comes first."),
                "\(v.reason)")
        // An exercise's range is in a prescription's units: minutes, reps or weeks.
        let pounds = Checked("""
            program demo "Demo"
            exercise other "Other"
              sources 10-15 lb
            phase p "P" weeks 0-12
            """)
        #expect(pounds.diagnostics.map(\.id) == ["sources-range"], "\(pounds.rendered)")
    }

    @Test func aChangeLineTakesARangeToo() {
        let c = Checked("""
            program lee "Lee"
            extends "base.rehab"
            change lifting to at most 5 lb until week 12, sources 4-15 lb
            """, others: ["base.rehab": """
            program base "Base"
            lift at most 10 lb until week 6
            phase p "P" weeks 0-12
            """])
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        #expect(c.loaded.program?.allRestrictions.first?.sources == SourcesRange(low: 4, high: 15, unit: .lb))
    }
}
