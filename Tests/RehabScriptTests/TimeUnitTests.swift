import RehabCore
import RehabScript
import Testing

/// Days and months besides weeks, open-ended last phases and releases tied to a phase.
@Suite struct TimeUnitTests {
    static let header = """
        program demo "Demo"
        exercise walking "Walking"
        exercise bridges "Bridges"
          loads bending

        """

    // MARK: parsing and lowering

    @Test func phasesInDaysWeeksAndMonthsAndAnOpenEnd() {
        let c = Checked(Self.header + """
            phase early "Days 1–30" days 0-30
            phase middle "Middle" days 30-91
            phase strength "Strength" weeks 13-26
            phase maintenance "Maintenance" from week 26
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let phases = c.loaded.draft.phases
        #expect(phases.map(\.start) == [.day(0), .day(30), .week(13), .week(26)])
        #expect(phases.map(\.end) == [.day(30), .day(91), .week(26), nil])
        #expect(phases.map(\.rangeText) == ["days 0–30", "days 30–91", "weeks 13–26", "from week 26"])
    }

    @Test func openEndedWithATrailingDashAndMonths() {
        let c = Checked(Self.header + """
            phase early "Early" months 0-6
            phase maintenance "Maintenance" months 6-
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        #expect(c.loaded.draft.phases.map(\.end) == [.month(6), nil])
    }

    @Test func restrictionsExpectationsAndGatesTakeEveryUnit() {
        let c = Checked(Self.header + """
            activity swimming "swimming"
            activity contact-sports "contact sports"
            no driving until day 14 or cleared driving
            no swimming from month 1 until month 3
            no contact-sports until phase late and cleared contact-sports
            phase early "Early" days 0-30
            phase late "Late" from day 30
              requires day 33
            expect day 10: no driving
            expect month 2: no swimming
            """, runExpectations: false)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let r = c.loaded.draft.restrictions
        #expect(r.map(\.until) == [.any([.at(.day(14)), .cleared("driving")]), .at(.month(3)),
                                   .all([.phase("late"), .cleared("contact-sports")])])
        #expect(r[1].from == .month(1))
        #expect(c.loaded.draft.phases[1].gates.map(\.gate) == [.minimum(.day(33))])
        #expect(c.loaded.draft.expectations.map(\.at) == [.day(10), .month(2)])
    }

    @Test func aTimeInAnUnknownUnitSaysWhichAreAccepted() {
        let c = Checked(Self.header + """
            no running until 1️⃣year 1
            phase early "Early" weeks 0-6
            """)
        c.expect("expected", at: "1️⃣", message: ["'week N', 'day N', 'month N', 'phase ID' or 'cleared TOPIC'", "'year'"])
    }

    // MARK: phase windows

    @Test func daysAndWeeksMeetWhenTheyNameTheSameDay() {
        let c = Checked(Self.header + """
            phase early "Early" days 0-28
            phase late "Late" weeks 4-12
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aGapInDaysNamesTheDays() {
        let c = Checked(Self.header + """
            phase early "Early" days 0-30
            phase 1️⃣late "Late" days 35-90
            """)
        c.expect("phase-gap", at: "1️⃣", message: ["starts at day 35", "days 30–35 with no phase"], hint: "start it at day 30")
    }

    @Test func anOverlapAcrossDaysAndWeeks() {
        let c = Checked(Self.header + """
            phase early "Early" days 0-30
            phase 1️⃣late "Late" weeks 4-12
            """)
        c.expect("phase-overlap", at: "1️⃣", message: ["starts at week 4", "before phase 'early' ends at day 30"])
    }

    @Test func daysOrWeeksMeetMonthsWhenAMonthCanBeThatLong() {
        let c = Checked(Self.header + """
            phase early "Early" days 0-30
            phase middle "Middle" months 1-6
            phase late "Late" weeks 26-52
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aGapBetweenDaysAndMonths() {
        let c = Checked(Self.header + """
            phase early "Early" days 0-20
            phase 1️⃣middle "Middle" months 1-6
            phase 2️⃣late "Late" weeks 20-52
            """)
        c.expect("phase-gap", at: "1️⃣", message: ["starts at month 1", "leaving day 20 to month 1 with no phase"])
        c.expect("phase-overlap", at: "2️⃣", message: ["starts at week 20", "before phase 'middle' ends at month 6"])
    }

    @Test func onlyTheLastPhaseMayBeOpenEnded() {
        let c = Checked(Self.header + """
            phase 1️⃣early "Early" from week 0
            phase late "Late" weeks 6-12
            """)
        c.expect("phase-open-end", at: "1️⃣", message: ["'early' has no end", "only the last phase"],
                 hint: "starts, at week 6")
    }

    @Test func aMonthsPhaseEndingBeforeItStarts() {
        let c = Checked(Self.header + """
            phase 1️⃣early "Early" months 6-3
            """)
        c.expect("phase-weeks", at: "1️⃣", message: ["ends (month 3) before it starts (month 6)"])
    }

    @Test func implausibleDaysAndMonths() {
        let c = Checked(Self.header + """
            no driving until month 1️⃣30
            phase early "Early" days 0-800
            """)
        #expect(c.diagnostics.filter { $0.id == "implausible" }.map(\.message) == [
            "month 30 is more than two years after surgery; programs cover at most month 24",
            "day 800 is more than two years after surgery; programs cover at most day 728",
        ], "\(c.rendered)")
        #expect(c.diagnostics.first?.location.spot == c.source["1️⃣"])
    }

    // MARK: releases tied to phases

    @Test func anUnknownPhaseSuggestsTheClosest() {
        let c = Checked(Self.header + """
            no contact-sports until phase 1️⃣retrun
            phase early "Early" weeks 0-6
            phase return "Return to activity" from week 6
            """)
        c.expect("unknown-phase", at: "1️⃣", message: ["unknown phase 'retrun'"], hint: "did you mean 'return'?")
    }

    @Test func aRestrictionUntilAPhaseIsReleasedWhenThatPhaseStarts() {
        // `bridges` loads bending: allowed in 'return', where 'no bending until phase return' has ended.
        let c = Checked(Self.header + """
            no bending until phase return
            phase early "Early" weeks 0-6
              walking 10 min
            phase return "Return to activity" from week 6
              bridges 2 x 10
            expect week 3: no bending, not bridges
            expect week 6: bridges
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aRestrictionUntilAPhaseStillForbidsThePhaseBefore() {
        let c = Checked(Self.header + """
            no bending until phase late
            phase early "Early" weeks 0-6
              1️⃣bridges 2 x 10
            phase late "Late" from week 6
            """)
        c.expect("forbidden-prescription", at: "1️⃣", message: ["'no bending' is in force at week 0"])
    }

    @Test func aPhaseRestrictionReleasedByItsOwnPhaseGetsAWarning() {
        let c = Checked(Self.header + """
            phase early "Early" weeks 0-6
            phase late "Late" from week 6
              1️⃣no running until phase early
            """)
        c.expect("phase-release-past", .warning, at: "1️⃣", message: ["'no running' in phase 'late'", "never applies"],
                 hint: "drop 'until'")
    }

    @Test func aPhaseJoinedByAndMayStillHoldARestriction() {
        let c = Checked(Self.header + """
            phase early "Early" weeks 0-6
            phase late "Late" from week 6
              no running until phase early and cleared running
            """)
        #expect(!c.ids.contains("phase-release-past"), "\(c.rendered)")
    }

    @Test func aFailingExpectationNamesItsDayOrMonth() {
        let c = Checked(Self.header + """
            no driving until day 14
            phase early "Early" days 0-30
            phase late "Late" from day 30
            expect day 14: 1️⃣no driving
            expect month 2: 2️⃣phase early
            """)
        #expect(c.diagnostics.filter { $0.id == "expectation" }.map(\.location.spot) == [c.source["1️⃣"], c.source["2️⃣"]])
        #expect(c.diagnostics.first?.message.contains("expected 'no driving' on day 14") == true, "\(c.rendered)")
        #expect(c.diagnostics.last?.message.contains("in month 2, but the patient is phase 2 of 2") == true, "\(c.rendered)")
    }
}
