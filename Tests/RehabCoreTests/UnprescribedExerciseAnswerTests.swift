import RehabCore
import Testing

/// `can do cobra` for an exercise the program defines but no phase prescribes: answered from what it loads.
@Suite struct UnprescribedExerciseAnswerTests {
    static let extensionBan = Restriction(rule: .no("extension"), until: .week(12),
                                          source: SourceRef(file: "test.rehab", line: 7))
    static let endRangeBan = Restriction(rule: .no("end-range-back-motion"), source: SourceRef(file: "test.rehab", line: 9))
    static let bendingLimit = Restriction(rule: .limit(.bending, note: "bend at your hips and knees"), until: .week(8),
                                          source: SourceRef(file: "test.rehab", line: 5))

    func assess(_ restrictions: [Restriction], day: Int) -> Assessment {
        var program = Programs.threePhases(restrictions: restrictions)
        program.exercises += [
            Exercise(id: "prone-press-ups", name: "Prone press-ups", loads: Loads(activities: ["extension"])),
            Exercise(id: "toe-touches", name: "Toe touches", loads: Loads(activities: [.bending, "end-range-back-motion"])),
            Exercise(id: "planks", name: "Planks"),
            Exercise(id: "kettlebell-swing", name: "Kettlebell swing", loads: Loads(lift: lb(25))),
        ]
        return Assessor.assess(program: program, record: PatientRecord(), surgery: Day.surgery, on: Day.n(day))
    }

    @Test func aBanOnWhatItLoadsIsANoWithTheRuleItsEndAndWhoseItIs() {
        let v = assess([Self.extensionBan], day: 21).exercise("prone-press-ups")
        #expect(!v.allowed)
        #expect(v.reason.hasPrefix("doing prone press-ups involves extension, and 'no extension' until week 12"), "\(v.reason)")
        #expect(v.reason.contains("set by the program (test.rehab:7)"))
        #expect(v.reason.hasSuffix("ask your therapist before adding it once that changes."))
        #expect(v.changesOn == Day.week(12))
    }

    @Test func onceTheBanEndsItIsAskFirstWithTheTherapist() {
        let v = assess([Self.extensionBan], day: 12 * 7).exercise("prone-press-ups")
        #expect(!v.allowed && v.qualifier == .askFirst && v.decision == "ask-first")
        // Yes to the question, but not the program's plan: expectations and `log` do not count it as allowed.
        #expect(v.notPrescribed && !v.allowedInProgram)
        #expect(!assess([], day: 21).exercise("ankle-pumps").notPrescribed)
        #expect(v.reason == "nothing in force rules out doing prone press-ups (it involves extension), but "
                    + "it is not part of your program, so ask your therapist before adding it.")
    }

    @Test func theRuleThatLastsLongestDecidesWhenTheAnswerChanges() {
        let v = assess([.no(.bending, until: .week(12)), Self.endRangeBan], day: 21).exercise("toe-touches")
        #expect(!v.allowed)
        #expect(v.changesOn == nil && v.restriction?.rule == .no("end-range-back-motion"))
        #expect(v.reason.contains("'no bending' until week 12") && v.reason.contains("with no end date set"), "\(v.reason)")
        #expect(!v.reason.contains("once that changes"))
    }

    @Test func aLimitOnWhatItLoadsIsLimitedWithTheLimitsWords() {
        let v = assess([Self.bendingLimit], day: 21).exercise("toe-touches")
        #expect(v.allowed && v.decision == "limited")
        #expect(v.reason.contains("bending is limited until week 8"), "\(v.reason)")
        #expect(v.reason.contains("bend at your hips and knees, set by the program (test.rehab:5)"))
        #expect(v.reason.hasSuffix("ask your therapist before adding it."))
    }

    @Test func aLoadOverTheLiftingLimitIsANo() {
        let a = assess([.lift(lb(10), until: .week(6))], day: 21)
        #expect(!a.exercise("kettlebell-swing").allowed)
        #expect(a.exercise("kettlebell-swing").reason.contains("lifting 25 lb"))
        #expect(a.exercise("planks").qualifier == .askFirst)
        #expect(a.exercise("planks").reason.contains("(it holds your spine still)"))
    }

    @Test func aHoldStillComesFirst() {
        var program = Programs.threePhases(restrictions: [])
        program.exercises.append(Exercise(id: "planks", name: "Planks"))
        let record = PatientRecord(flagsReported: [flag("fever", 10)])
        let v = Assessor.assess(program: program, record: record, surgery: Day.surgery, on: Day.n(21)).exercise("planks")
        #expect(!v.allowed && v.reason.hasPrefix("not now"), "\(v.reason)")
    }
}
