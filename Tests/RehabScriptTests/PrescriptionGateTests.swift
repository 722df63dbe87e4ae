import RehabCore
import RehabScript
import Testing

/// Gates on one prescription (`bridges 2 x 10 from week 8`, `… when cleared stabilization`): parsing, and the
/// forbidden-prescription check that accepts a gate waiting for the restriction's release.
@Suite struct PrescriptionGateTests {
    static let header = """
        program demo "Demo"
        clearance stabilization "trunk control is good enough"
        exercise bridges "Bridges"
          loads bending
        exercise side-bend "Side bend and rotation"
          loads twisting
        exercise walking "Walking"

        """

    func gate(_ line: String) -> Condition? {
        let c = Checked(Self.header + "phase one \"One\" weeks 0-12\n  \(line)\n")
        #expect(!c.diagnostics.hasErrors, "\(c.rendered)")
        return c.loaded.program?.phases.first?.prescriptions.first?.gate
    }

    @Test func fromAPointOrWhenACondition() {
        #expect(gate("bridges 2 x 10 from week 8") == .week(8))
        #expect(gate("bridges 2 x 10 from day 40") == .at(.day(40)))
        #expect(gate("bridges 2 x 10, 3 times a day from month 2") == .at(.month(2)))
        #expect(gate("side-bend 10 reps when cleared stabilization") == .cleared("stabilization"))
        #expect(gate("side-bend 10 reps when cleared stabilization or week 10")
                == .any([.cleared("stabilization"), .week(10)]))
        #expect(gate("bridges 2 x 10 from week 8 and cleared stabilization") == .all([.week(8), .cleared("stabilization")]))
        #expect(gate("bridges from week 8") == .week(8))
        #expect(gate("bridges 2 x 10") == nil)
    }

    @Test func theDoseIsKeptBeforeTheGate() {
        let c = Checked(Self.header + "phase one \"One\" weeks 0-12\n  walking 10 min, +4 min each week up to 30 min from week 2\n")
        let p = c.loaded.program?.phases.first?.prescriptions.first
        #expect(p?.dose.minutes == 10 && p?.progressions.count == 1 && p?.gate == .week(2), "\(c.rendered)")
    }

    @Test func oneGateOnly() {
        let c = Checked(Self.header + "phase one \"One\" weeks 0-12\n  bridges 2 x 10 from week 8 1️⃣when cleared stabilization\n")
        c.expect("duplicate-gate", at: "1️⃣", message: ["one gate"], hint: "and cleared")
    }

    @Test func fromNeedsAPoint() {
        let c = Checked(Self.header + "phase one \"One\" weeks 0-12\n  bridges 2 x 10 from 1️⃣cleared stabilization\n")
        c.expect("expected", at: "1️⃣", message: ["after 'from'"])
    }

    @Test func aGateAtTheReleaseIsAccepted() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-6
            phase two "Two" weeks 6-16
              no bending until week 12
              no twisting until cleared stabilization or week 14
              bridges 2 x 10 from week 12
              side-bend 10 reps when cleared stabilization
            """)
        #expect(!c.diagnostics.hasErrors, "\(c.rendered)")
    }

    @Test func aGateAfterTheReleaseIsAccepted() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-16
              no bending until week 12
              bridges 2 x 10 from week 13 and cleared stabilization
            """)
        #expect(!c.diagnostics.hasErrors, "\(c.rendered)")
    }

    @Test func aGateBeforeTheReleaseIsRejectedWithAHint() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-16
              1️⃣no bending until week 12
              2️⃣bridges 2 x 10 from week 8
            """)
        let d = c.expect("forbidden-prescription", at: "2️⃣", message: ["prescribes 'bridges'", "'no bending'"],
                         hint: "add a gate that waits for the restriction's release, as in 'bridges … from week 12'")
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    @Test func aGateOnAnotherClearanceIsRejected() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-16
              no twisting until cleared twisting
              2️⃣side-bend 10 reps when cleared stabilization
            """)
        c.expect("forbidden-prescription", at: "2️⃣", message: ["'no twisting'"], hint: "when cleared twisting")
    }

    @Test func eitherOfTwoGatesMustWait() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-16
              no bending until week 12
              2️⃣bridges 2 x 10 when week 12 or cleared stabilization
            """)
        c.expect("forbidden-prescription", at: "2️⃣", message: ["'no bending'"])
    }

    @Test func aRestrictionWithNoReleaseCannotBeGatedAway() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-16
              no bending
              2️⃣bridges 2 x 10 from week 12
            """)
        c.expect("forbidden-prescription", at: "2️⃣", message: ["'no bending'"], hint: "move it to a later phase")
    }

    @Test func expectLinesSeeTheGate() {
        let c = Checked(Self.header + """
            phase one "One" weeks 0-12
              bridges 2 x 10 from week 8
              side-bend 10 reps when cleared stabilization
            expect week 7: not bridges, not side-bend
            expect week 8: bridges, not side-bend
            expect week 8 with cleared stabilization: bridges, side-bend
            """)
        #expect(!c.diagnostics.hasErrors, "\(c.rendered)")
    }

    @Test func implausibleGateWeeks() {
        let c = Checked(Self.header + "phase one \"One\" weeks 0-12\n  bridges 2 x 10 from week 1️⃣400\n")
        c.expect("implausible", at: "1️⃣", message: ["week 400"])
    }

    @Test func aBackOffHasNoGate() {
        let c = Checked(Self.header + "phase one \"One\" weeks 0-12\n  walking 10 min\n  1️⃣back off walking 5 min from week 2\n")
        c.expect("back-off-gate", at: "1️⃣", message: ["no gate"])
    }
}
