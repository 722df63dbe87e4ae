import RehabCore
import RehabScript
import Testing

/// Numbers no therapist means are errors reported at the statement that wrote them.
@Suite struct ImplausibleValueTests {
    static let header = """
        program demo "Demo"
        exercise ankle-pumps "Ankle pumps"
        exercise walking "Walking"

        """

    @Test func zeroSets() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-6
              ankle-pumps 1️⃣0 x 10
            """)
        c.expect("implausible", at: "1️⃣", message: ["0 sets is not plausible", "1 to 20"])
    }

    @Test func holdOfThreeHours() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-6
              ankle-pumps 10 reps, hold 1️⃣10800 s
            """)
        c.expect("implausible", at: "1️⃣", message: ["a hold of 10800 s is not plausible"], hint: "'10 min'")
    }

    @Test func weekFourHundredInAPhase() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-1️⃣400
            """)
        c.expect("implausible", at: "1️⃣", message: ["week 400 is more than two years after surgery"])
    }

    @Test func weekFourHundredInARestriction() {
        let c = Checked(Self.header + """
            no bending until week 1️⃣400
            phase protection "Protection" weeks 0-6
            """)
        c.expect("implausible", at: "1️⃣", message: ["week 400"])
    }

    @Test func weekFourHundredInAnExpectation() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-6
            expect week 1️⃣400: ankle-pumps
            """)
        c.expect("implausible", at: "1️⃣", message: ["week 400"])
    }

    @Test func elevenDaysAWeek() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-6
              walking 10 min, 1️⃣11 days a week
            """)
        c.expect("implausible", at: "1️⃣", message: ["a week has 7 days, so 11 days a week is not possible"])
    }

    @Test func painTwelveInAPainRule() {
        let c = Checked(Self.header + """
            stop if pain reaches 1️⃣12
            phase protection "Protection" weeks 0-6
            """)
        c.expect("implausible", at: "1️⃣", message: ["pain is scored from 0 to 10", "12"])
    }

    @Test func painTwelveInAGate() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-6
            phase stabilization "Stabilization" weeks 6-12
              requires pain at most 1️⃣12 over 7 days
            """)
        c.expect("implausible", at: "1️⃣", message: ["pain is scored from 0 to 10, not 12"])
    }

    @Test func liftingLimitOfZero() {
        let c = Checked(Self.header + """
            lift at most 1️⃣0 lb
            phase protection "Protection" weeks 0-6
            """)
        c.expect("implausible", at: "1️⃣", message: ["lifting limit of 0 lb"])
    }

    @Test func ladderWithOneRungAndZeroSessions() {
        let c = Checked(Self.header + """
            ladder 1️⃣core "Core"
              rungs ankle-pumps
            phase protection "Protection" weeks 0-6
            """)
        c.expect("implausible", at: "1️⃣", message: ["needs at least two rungs"])
    }

    @Test func zeroWeeklyStep() {
        let c = Checked(Self.header + """
            phase protection "Protection" weeks 0-6
              walking 10 min, +1️⃣0 min each week up to 30 min
            """)
        c.expect("implausible", at: "1️⃣", message: ["a weekly step of 0"])
    }

    @Test func plausibleValuesAtTheEdgesAreAccepted() {
        let c = Checked(Self.header + """
            stop if pain reaches 10
            hold if pain reaches 1
            lift at most 200 lb until week 104
            phase protection "Protection" weeks 0-104
              requires pain at most 10 over 90 days
              ankle-pumps 20 x 100, hold 300 s, 12 times a day, 7 days a week, rest 600 s
              walking 240 min, +1 min each week up to 240 min
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }
}
