import RehabCore
import RehabScript
import Testing

/// `onward` carries a prescription into later phases when the program is assembled; `stop` ends it.
@Suite struct CarriedPrescriptionTests {
    static let header = """
        program demo "Demo"
        exercise walking "Walking"
        exercise bridges "Bridges"
          loads bending
        exercise pumps "Ankle pumps"

        """

    func phases(_ body: String) -> [Phase] {
        let c = Checked(Self.header + body)
        #expect(!c.diagnostics.hasErrors, "\(c.rendered)")
        return c.loaded.program?.phases ?? []
    }

    func walking(_ phase: Phase) -> Prescription? { phase.prescriptions.first { $0.exercise == "walking" } }

    @Test func carriedIntoEveryLaterPhase() {
        let ps = phases("""
            phase one "One" weeks 0-6
              walking 30 min, 5 days a week, onward
              pumps 2 x 10
            phase two "Two" weeks 6-12
              bridges 2 x 10
            phase three "Three" weeks 12-26
            """)
        #expect(ps.count == 3)
        for p in ps.dropFirst() {
            #expect(walking(p)?.dose.minutes == 30 && walking(p)?.dose.daysPerWeek == 5, "\(p.id)")
            #expect(walking(p)?.carriedFrom == "one")
            #expect(walking(p)?.source?.line == 7, "the origin line, for answers and diagnostics")
            #expect(!p.prescriptions.contains { $0.exercise == "pumps" })
        }
        #expect(walking(ps[0])?.carriedFrom == nil && walking(ps[0])?.carriesOn == true)
    }

    @Test func commaBeforeOnwardIsOptional() {
        let ps = phases("""
            phase one "One" weeks 0-6
              walking 30 min onward
            phase two "Two" weeks 6-12
            """)
        #expect(walking(ps[1])?.dose.minutes == 30)
    }

    @Test func aLaterPhaseOwnLineWinsAndMayCarryOnItself() {
        let ps = phases("""
            phase one "One" weeks 0-6
              walking 20 min, onward
            phase two "Two" weeks 6-12
              walking 40 min, daily, onward
            phase three "Three" weeks 12-26
            phase four "Four" weeks 26-52
              walking 10 min
            phase five "Five" weeks 52-60
            """)
        #expect(ps[1].prescriptions.filter { $0.exercise == "walking" }.count == 1)
        #expect(walking(ps[1])?.dose.minutes == 40 && walking(ps[1])?.carriedFrom == nil)
        #expect(walking(ps[2])?.dose.minutes == 40 && walking(ps[2])?.carriedFrom == "two")
        #expect(walking(ps[3])?.dose.minutes == 10)
        #expect(walking(ps[4]) == nil, "the last own line did not say onward")
    }

    @Test func stopEndsIt() {
        let ps = phases("""
            phase one "One" weeks 0-6
              walking 20 min, onward
            phase two "Two" weeks 6-12
            phase three "Three" weeks 12-26
              stop walking
            phase four "Four" weeks 26-52
            """)
        #expect(walking(ps[1]) != nil)
        #expect(walking(ps[2]) == nil && walking(ps[3]) == nil)
    }

    @Test func stopWithNothingCarriedIsAnError() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-6
              walking 20 min
            phase two "Two" weeks 6-12
              stop 1️⃣walking
            """)
        c.expect("stop-not-carried", at: "1️⃣", message: ["'stop walking'", "phase 'two'"], hint: "'onward'")
    }

    @Test func aWeeklyProgressionCarriesTheDoseReachedAndGoesOn() {
        let ps = phases("""
            phase one "One" weeks 0-6
              walking 10 min, +4 min each week up to 40 min, onward
            phase two "Two" weeks 6-8
            phase three "Three" weeks 8-26
            """)
        // Weeks 0..5 of phase one: 10, 14, …, 30 on its last day.
        #expect(walking(ps[1])?.dose.minutes == 30)
        #expect(walking(ps[1])?.dose(weeksIntoPhase: 1).minutes == 34, "it keeps growing, from the dose reached")
        // Phase two's last day is its week 1: 34, carried on into phase three.
        #expect(walking(ps[2])?.dose.minutes == 34)
        #expect(walking(ps[2])?.dose(weeksIntoPhase: 5).minutes == 40, "up to its cap")
    }

    @Test func aCarriedItemIsReportedOncePerRestrictionLine() {
        let c = Checked("""
            program demo "Demo"
            no bending from week 6 until week 20
            exercise bridges "Bridges"
              loads bending
            phase one "One" weeks 0-6
              1️⃣bridges 2 x 10, onward
            phase two "Two" weeks 6-12
            phase three "Three" weeks 12-26
            """)
        c.expect("forbidden-prescription", at: "1️⃣", message: ["phase 'two'", "carried on from phase 'one'"])
    }

    @Test func aShownProgramSaysTheGateAndWhereACarriedItemComesFrom() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-6
              walking 20 min, onward
            phase two "Two" weeks 6-12
              bridges 2 x 10 from week 8
            """)
        let two = c.loaded.program?.phases.last?.prescriptions
        #expect(two?.first?.gateSyntax == "from week 8")
        #expect(two?.last?.carriedFrom == "one" && two?.last?.gateSyntax == nil)
    }

    @Test func aCarriedItemThatBreaksALaterRestrictionIsReportedAtItsLine() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-6
              1️⃣bridges 2 x 10, onward
            phase two "Two" weeks 6-12
              no bending until week 12
            """)
        c.expect("forbidden-prescription", at: "1️⃣", message: ["phase 'two'", "carried on from phase 'one'"],
                 hint: "add 'stop bridges'")
    }
}
