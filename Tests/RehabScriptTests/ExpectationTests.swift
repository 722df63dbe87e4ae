import RehabCore
import RehabScript
import Testing

/// A program's own `expect` lines: a failure is reported at the failing item's own column.
@Suite struct ExpectationTests {
    static let program = """
        program demo "Demo"
        lift at most 10 lb until week 6 and cleared lifting
        no bending until week 6
        sit at most 30 min until week 6
        wear brace until week 6 or cleared brace
        exercise ankle-pumps "Ankle pumps"
        exercise bridges "Bridges"
          loads bending
        red flag fever "Fever"
          says "fever", "high temperature"
          advice "Call the office."
        phase protection "Protection" weeks 0-6
          ankle-pumps 2 x 10
        phase strength "Strength" weeks 6-12
          requires cleared outpatient-pt
          bridges 2 x 10

        """

    @Test func passingExpectationsReportNothing() {
        let c = Checked(Self.program + """
            expect week 3: phase protection, lift at most 10 lb, no bending, sit at most 30 min, wear brace, ankle-pumps, not bridges
            expect week 6: phase protection, lift at most 10 lb, sit any, ankle-pumps
            expect week 6 with cleared lifting: lift any
            expect week 7 with cleared outpatient-pt: phase strength, not ankle-pumps
            expect week 3 with flag fever: on hold, not ankle-pumps
            expect week 3 with cleared brace: no bending
            expect week 3: lift at most 4.536 kg
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        #expect(c.loaded.program != nil)
    }

    @Test func failingItemIsReportedAtItsOwnColumn() {
        let c = Checked(Self.program + """
            expect week 3: phase protection, 1️⃣lift at most 20 lb, no bending
            """)
        c.expect("expectation", at: "1️⃣", message: ["expected 'lift at most 20 lb' in week 3", "the limit in force is 10 lb", "main.rehab:2"])
    }

    @Test func eachFailingItemOnALineIsReported() {
        let c = Checked(Self.program + """
            expect week 13 with cleared lifting, cleared outpatient-pt: 1️⃣no bending, sit any, 2️⃣not bridges, 3️⃣on hold
            """)
        let spots = c.diagnostics.filter { $0.id == "expectation" }.map(\.location.spot)
        #expect(spots == [c.source["1️⃣"], c.source["2️⃣"], c.source["3️⃣"]], "\(c.rendered)")
        #expect(c.diagnostics.first?.message.contains("with cleared lifting") == true)
    }

    @Test func withoutGearHoldsOnceTheBraceIsReleased() {
        let passing = Checked(Self.program + """
            expect week 6: without brace
            expect week 2 with cleared brace: without brace
            """)
        #expect(passing.diagnostics.isEmpty, "\(passing.rendered)")
        let failing = Checked(Self.program + """
            expect week 5: 1️⃣without brace
            """)
        failing.expect("expectation", at: "1️⃣", message: ["expected no 'wear brace' rule in week 5", "'wear brace' is in force until week 6"])
    }

    @Test func phaseExpectationSaysWhereThePatientIs() {
        let c = Checked(Self.program + """
            expect week 7: 1️⃣phase strength
            """)
        c.expect("expectation", at: "1️⃣", message: ["expected phase 'strength' in week 7", "phase 1 of 2, 'Protection'"])
    }

    @Test func expectationsDoNotRunWhenThereAreErrors() {
        let c = Checked(Self.program + """
            phase 1️⃣late "Late" weeks 14-20
            expect week 3: lift at most 20 lb
            """)
        #expect(c.ids == ["phase-gap"], "\(c.rendered)")
    }

    @Test func expectationsCanBeSkipped() {
        let c = Checked(Self.program + """
            expect week 3: lift at most 20 lb
            """, runExpectations: false)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func expectationItemsParseToTheRightValues() {
        let c = Checked(Self.program + """
            expect week 8 with cleared lifting, flag fever: 1️⃣on hold, 2️⃣lift at most 25 lb, 3️⃣sit at most 20 min, 4️⃣wear collar, 5️⃣no driving, 6️⃣phase strength, 7️⃣ankle-pumps, 8️⃣not bridges
            """, runExpectations: false)
        let e = c.loaded.draft.expectations.first
        #expect(e?.at == .week(8))
        #expect(e?.cleared == ["lifting"])
        #expect(e?.flags == ["fever"])
        #expect(e?.items == [.onHold, .atMost(.lifting, Quantity(Weight(25, .lb))), .atMost(.sitting, .minutes(20)), .wear("collar"), .forbidden("driving"),
                             .phase("strength"), .allowed("ankle-pumps"), .notAllowed("bridges")])
        #expect(e?.itemSources.map(\.spot) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣"].map { c.source[$0] })
    }
}
