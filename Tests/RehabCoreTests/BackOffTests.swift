import PropertyBased
import RehabCore
import Testing

/// Pain rules that stop and back off: back-off is state in the progression machine, read by every answer.
@Suite struct BackOffTests {
    /// Walking that grows 2 min a week, with a named back-off, and bridges with their own stricter rule.
    static func program(backOff: Dose? = Dose(minutes: 5, timesPerDay: 2)) -> Program {
        var walking = Prescription(exercise: "walking", dose: Dose(minutes: 10, timesPerDay: 3),
                                   progressions: [WeeklyProgression(quantity: .minutes, step: 2, cap: 30)], backOff: backOff)
        walking.backOffSource = SourceRef(file: "test.rehab", line: 9)
        var p = Program(id: "t", name: "T", phases: [
            Phase(id: "one", name: "One", startWeek: 0, endWeek: 12,
                  prescriptions: [walking, Prescription(exercise: "bridges", dose: Dose(sets: 2, reps: 10))]),
        ], exercises: [
            Exercise(id: "walking", name: "Walking"),
            Exercise(id: "bridges", name: "Bridges", painRules: [PainRuleStatement(rule: .stopAtOrAbove(4))]),
        ], painRules: [PainRuleStatement(rule: .stopAtOrAbove(7), source: SourceRef(file: "test.rehab", line: 3)),
                       PainRuleStatement(rule: .stopOnRise(2))])
        p.declaredClearances = [:]
        return p
    }

    func assess(_ program: Program, _ sessions: [SessionSummary], day: Int) -> Assessment {
        Assessor.assess(program: program, record: PatientRecord(sessions: sessions), surgery: Day.surgery, on: Day.n(day))
    }

    @Test func aStopRuleBacksOffTheExerciseWithTheNamedDose() {
        let a = assess(Self.program(), [session(14, pain: 7, before: 3, "walking")], day: 14)
        let v = a.exercise("walking")
        #expect(v.allowed)
        #expect(v.backOff != nil)
        #expect(v.reason.contains("5 min, twice a day"), "\(v.reason)")
        #expect(v.reason.contains("stop if pain reaches 7"), "\(v.reason)")
        #expect(a.machine.transitions.contains { if case .backedOff(["walking"], _) = $0.kind { return true } else { return false } })
    }

    @Test func withoutANamedDoseTheVolumeIsHalved() {
        let a = assess(Self.program(backOff: nil), [session(14, pain: 6, before: 3, "walking")], day: 14)
        // Week 2: 10 + 2 × 2 = 14 min, halved to 7.
        #expect(a.exercise("walking").reason.contains("7 min, 3 times a day"), "\(a.exercise("walking").reason)")
    }

    @Test func aRiseRuleNeedsTheStartingScore() {
        #expect(assess(Self.program(), [session(14, pain: 5, before: 3, "walking")], day: 14).machine.backOffs["walking"] != nil)
        #expect(assess(Self.program(), [session(14, pain: 4, before: 3, "walking")], day: 14).machine.backOffs["walking"] == nil)
        #expect(assess(Self.program(), [session(14, pain: 5, "walking")], day: 14).machine.backOffs["walking"] == nil)
    }

    @Test func anExercisesOwnRuleFiresBelowTheProgramsLevel() {
        let a = assess(Self.program(), [session(14, pain: 4, before: 3, "bridges", "walking")], day: 14)
        #expect(a.machine.backOffs["bridges"] != nil)
        #expect(a.machine.backOffs["walking"] == nil, "walking's rules are the program's alone")
    }

    @Test func theNextSessionAtTheUsualPainRecovers() {
        var sessions = [session(14, pain: 7, before: 3, "walking")]
        sessions.append(session(15, pain: 4, before: 3, "walking"))
        #expect(assess(Self.program(), sessions, day: 15).machine.backOffs["walking"] != nil, "4 is above the usual 3")
        sessions.append(session(16, pain: 3, before: 2, "walking"))
        let a = assess(Self.program(), sessions, day: 16)
        #expect(a.machine.backOffs["walking"] == nil)
        #expect(a.exercise("walking").backOff == nil)
        #expect(a.machine.transitions.contains { $0.kind == .recovered(["walking"]) })
    }

    @Test func painAboveTheUsualLevelTheNextMorningBacksOffYesterday() {
        let sessions = [session(12, pain: 3, before: 2, "walking"), session(13, pain: 3, before: 2, "walking", "bridges"),
                        SessionSummary(on: Day.n(14), painBefore: 4, peakPain: 4, exercises: [])]
        let a = assess(Self.program(), sessions, day: 14)
        #expect(a.machine.backOffs["walking"] != nil && a.machine.backOffs["bridges"] != nil)
        if case .nextDay(let pain, let usual)? = a.machine.backOffs["walking"]?.cause {
            #expect(pain == 4 && usual == 2)
        } else {
            Issue.record("expected the next-morning rule: \(String(describing: a.machine.backOffs["walking"]))")
        }
        // The same score two days later says nothing about the day before yesterday.
        let gap = [session(11, pain: 3, before: 2, "walking"), SessionSummary(on: Day.n(13), painBefore: 4, peakPain: 4, exercises: [])]
        #expect(assess(Self.program(), gap, day: 13).machine.backOffs.isEmpty)
    }

    /// After a stop rule fires, no dose of that exercise increases before it recovers, whatever else is logged.
    @Test func noDoseIncreasesBeforeRecovery() async {
        let gen = Gen.int(in: 0...10).array(of: 1...40)
        await propertyCheck(count: 200, input: gen, Gen.int(in: 0...2)) { pains, named in
            let program = Self.program(backOff: named == 0 ? nil : Dose(minutes: 4 + named, timesPerDay: 2))
            var sessions: [SessionSummary] = []
            var backedOffSince: Dose?
            for (i, peak) in pains.enumerated() {
                let day = i * 2
                let before = max(0, peak - (i % 3))
                sessions.append(SessionSummary(on: Day.n(day), painBefore: before, peakPain: peak, exercises: ["walking"]))
                let a = assess(program, sessions, day: day + 1)
                guard let p = a.phase?.prescriptions.first(where: { $0.exercise == "walking" }) else { continue }
                let dose = a.dose(of: p, exercise: "walking")
                if a.machine.backOffs["walking"] != nil {
                    if let first = backedOffSince {
                        #expect(!dose.exceeds(first), "dose \(dose.text) grew past \(first.text) during a back-off; pains \(pains)")
                    } else {
                        backedOffSince = dose
                        let normal = p.dose(weeksIntoPhase: a.recovery.week)
                        #expect(!dose.exceeds(normal), "a back-off \(dose.text) above the usual \(normal.text); pains \(pains)")
                    }
                } else {
                    backedOffSince = nil
                }
            }
        }
    }
}
