import RehabCore
import Testing

/// Ladders: climb one rung after N pain-free sessions on the current rung, step down after a breach.
@Suite struct LadderTests {
    static let ladder = Programs.core   // bracing → heel-slides → dead-bug, up after 2
    static let rules: [PainRule] = [.stopAtOrAbove(7), .stopOnRise(2), .holdAtOrAbove(8)]

    func rung(_ sessions: [SessionSummary], ladder: Ladder = LadderTests.ladder) -> Int {
        LadderPosition.rung(ladder: ladder, sessions: sessions, painRules: Self.rules)
    }

    @Test func aRungsOwnPainRuleStepsTheLadderDown() {
        let climbed = [session(1, pain: 2, "bracing"), session(2, pain: 2, "bracing")]
        let flare = climbed + [session(3, pain: 5, before: 4, "heel-slides")]
        #expect(LadderPosition.rung(ladder: Self.ladder, sessions: flare, painRules: Self.rules) == 1, "5 breaks no program rule")
        #expect(LadderPosition.rung(ladder: Self.ladder, sessions: flare, painRules: Self.rules,
                                    exerciseRules: ["heel-slides": [.stopAtOrAbove(5)]]) == 0)
    }

    @Test func startsOnTheFirstRung() {
        #expect(rung([]) == 0)
    }

    @Test func climbsAfterNPainFreeSessions() {
        #expect(rung([session(1, pain: 2, "bracing")]) == 0)
        #expect(rung([session(1, pain: 2, "bracing"), session(2, pain: 1, "bracing")]) == 1)
        let four = [session(1, "bracing"), session(2, "bracing"), session(3, "heel-slides"), session(4, "heel-slides")]
        #expect(rung(four) == 2)
    }

    @Test func neverClimbsPastTheTop() {
        let many = (1...20).map { session($0, "bracing", "heel-slides", "dead-bug") }
        #expect(rung(many) == 2)
    }

    @Test func onlySessionsOnTheCurrentRungCount() {
        let other = [session(1, "ankle-pumps"), session(2, "heel-slides"), session(3, "bracing")]
        #expect(rung(other) == 0)
    }

    @Test func stepsDownAfterABreachAndStartsCountingAgain() {
        let s = [session(1, "bracing"), session(2, "bracing"),                 // → heel-slides
                 session(3, "heel-slides"), session(4, pain: 7, "heel-slides"), // breach → bracing
                 session(5, "bracing")]                                        // one pain-free: not yet
        #expect(rung(Array(s.prefix(3))) == 1)
        #expect(rung(Array(s.prefix(4))) == 0)
        #expect(rung(s) == 0)
        #expect(rung(s + [session(6, "bracing")]) == 1)
    }

    @Test func aBreachResetsTheStreakWithoutDroppingBelowTheFirstRung() {
        let s = [session(1, "bracing"), session(2, pain: 9, "bracing"), session(3, "bracing")]
        #expect(rung(s) == 0)
    }

    @Test func aRiseInPainIsABreach() {
        let s = [session(1, "bracing"), session(2, "bracing"), session(3, pain: 4, before: 2, "heel-slides")]
        #expect(rung(s) == 0)
        let small = [session(1, "bracing"), session(2, "bracing"), session(3, pain: 3, before: 2, "heel-slides")]
        #expect(rung(small) == 1)
    }

    @Test func withoutDownOnBreachTheRungIsKept() {
        var ladder = Self.ladder
        ladder.downOnBreach = false
        let s = [session(1, "bracing"), session(2, "bracing"), session(3, pain: 8, "heel-slides")]
        #expect(rung(s, ladder: ladder) == 1)
    }

    @Test func sessionsAreTakenInDateOrder() {
        let s = [session(4, pain: 7, "heel-slides"), session(1, "bracing"), session(2, "bracing")]
        #expect(rung(s) == 0)
        #expect(rung([session(2, "bracing"), session(1, "bracing")]) == 1)
    }

    @Test func theAssessmentAllowsOnlyTheCurrentRung() {
        let program = Programs.threePhases()
        var record = PatientRecord(clearances: [clearance("outpatient-pt", 1)])
        record.sessions = [session(43, pain: 1, "bracing"), session(44, pain: 1, "bracing")]
        let a = Assessor.assess(program: program, record: record, surgery: Day.surgery, on: Day.n(45))
        #expect(a.state == .inPhase(1))
        #expect(a.rung(of: Programs.core, record: record) == 1)
        #expect(a.exercise("heel-slides", record: record).allowed)
        let higher = a.exercise("dead-bug", record: record)
        #expect(!higher.allowed)
        #expect(higher.reason.contains("not yet"))
        #expect(higher.reason.contains("Heel slides"))
        let lower = a.exercise("bracing", record: record)
        #expect(!lower.allowed)
        #expect(lower.reason.contains("moved past"))
    }
}
