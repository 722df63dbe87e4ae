import RehabCore
import RehabScript
import Testing

/// Names that must be defined somewhere, and names defined twice.
@Suite struct ReferenceTests {
    static let library = """
        exercise ankle-pumps "Ankle pumps"
          loads none
        exercise bridges "Bridges"
          loads bending
        routine log-roll-out-of-bed "Log roll"
          loads none
        ladder core "Core"
          rungs ankle-pumps, bridges
        red flag fever "Fever"
          says "fever", "high temperature"
          advice "Call the office."
        """

    @Test func unknownExerciseWithSuggestion() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            phase protection "Protection" weeks 0-6
              1️⃣ankle-pump 2 x 10
            """, others: ["lib.rehab": Self.library])
        c.expect("unknown-exercise", at: "1️⃣", message: ["unknown exercise 'ankle-pump'"], hint: "did you mean 'ankle-pumps'?")
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
    }

    @Test func exerciseThatIsALadderSaysSo() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            phase protection "Protection" weeks 0-6
              1️⃣core 2 x 10
            """, others: ["lib.rehab": Self.library])
        c.expect("unknown-exercise", at: "1️⃣", message: ["'core'", "it is a ladder, so write 'ladder core'"])
    }

    @Test func unknownLadderRung() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            ladder core "Core"
              rungs ankle-pumps, 1️⃣brdiges
            """)
        c.expect("unknown-exercise", at: "1️⃣", message: ["'brdiges'"])
    }

    @Test func unknownRoutine() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            phase protection "Protection" weeks 0-6
              routine 1️⃣log-roll-out-of-bad
            """, others: ["lib.rehab": Self.library])
        c.expect("unknown-routine", at: "1️⃣", message: ["unknown routine 'log-roll-out-of-bad'"],
                 hint: "did you mean 'log-roll-out-of-bed'?")
    }

    @Test func unknownLadder() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            phase protection "Protection" weeks 0-6
              ladder 1️⃣cor 2 x 10
            """, others: ["lib.rehab": Self.library])
        c.expect("unknown-ladder", at: "1️⃣", message: ["unknown ladder 'cor'"], hint: "did you mean 'core'?")
    }

    @Test func unknownRedFlagInAnExpectation() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            phase protection "Protection" weeks 0-6
            expect week 1 with flag 1️⃣fevr: on hold
            """, others: ["lib.rehab": Self.library])
        c.expect("unknown-red-flag", at: "1️⃣", message: ["unknown red flag 'fevr'"], hint: "did you mean 'fever'?")
    }

    @Test func unknownPhaseInAnExpectation() {
        let c = Checked("""
            program demo "Demo"
            phase protection "Protection" weeks 0-6
            expect week 1: phase 1️⃣protecton
            """)
        c.expect("unknown-phase", at: "1️⃣", message: ["unknown phase 'protecton'"], hint: "did you mean 'protection'?")
    }

    @Test func unknownItemInAnExpectation() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            phase protection "Protection" weeks 0-6
              ankle-pumps 2 x 10
            expect week 1: ankle-pumps, not 1️⃣bridgs
            """, others: ["lib.rehab": Self.library])
        c.expect("unknown-item", at: "1️⃣", message: ["unknown exercise, routine or activity 'bridgs'"], hint: "did you mean 'bridges'?")
    }

    @Test func unknownItemWithNothingCloseSaysWhatItCanBe() {
        let c = Checked("""
            program demo "Demo"
            phase protection "Protection" weeks 0-6
            expect week 1: 1️⃣zzzzzzzzzz
            """)
        c.expect("unknown-item", at: "1️⃣", message: ["'zzzzzzzzzz'"], hint: "name an exercise, a routine or a restricted activity")
    }

    @Test func activitiesAreKnownItems() {
        // Everyday activities and any activity a restriction names may be expected without a definition.
        let c = Checked("""
            program demo "Demo"
            activity swimming "swimming"
            no swimming until week 4
            phase protection "Protection" weeks 0-6
            expect week 1: not swimming, driving, bending
            expect week 5: swimming
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func duplicateExercisePointsAtTheFirst() {
        let c = Checked("""
            program demo "Demo"
            exercise 1️⃣ankle-pumps "Ankle pumps"
            exercise 2️⃣ankle-pumps "Ankle pumps again"
            """)
        let d = c.expect("duplicate-id", at: "2️⃣", message: ["exercise 'ankle-pumps' is defined twice"])
        #expect(d?.notes.count == 1)
        #expect(d?.notes.first?.location.spot == c.source["1️⃣"])
        #expect(d?.notes.first?.message.contains("first definition") == true)
    }

    @Test func duplicateAcrossFilesPointsIntoTheLibrary() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            exercise 1️⃣bridges "Bridges again"
            """, others: ["lib.rehab": Self.library])
        let d = c.only("duplicate-id")
        // The library is read after the main file, so the main file's definition is the first one.
        #expect(d?.location.file == "lib.rehab")
        #expect(d?.location.line == 3)
        #expect(d?.notes.first?.location.file == "main.rehab")
        #expect(d?.notes.first?.location.spot == c.source["1️⃣"])
    }

    @Test func duplicatePhaseRoutineLadderAndRedFlag() {
        let c = Checked("""
            program demo "Demo"
            exercise a "A"
            exercise b "B"
            routine r "R"
            routine 1️⃣r "R again"
            ladder l "L"
              rungs a, b
            ladder 2️⃣l "L again"
              rungs a, b
            red flag f "F"
            red flag 3️⃣f "F again"
            phase p "P" weeks 0-6
            phase 4️⃣p "P again" weeks 6-12
            """)
        let spots = c.diagnostics.filter { $0.id == "duplicate-id" }.map(\.location.spot)
        #expect(spots == ["1️⃣", "2️⃣", "3️⃣", "4️⃣"].map { c.source[$0] }, "\(c.rendered)")
    }

    @Test func exerciseAndRoutineSharingAnId() {
        let c = Checked("""
            program demo "Demo"
            exercise sit-to-stand "Sit to stand"
            routine 1️⃣sit-to-stand "Sit to stand"
            """)
        c.expect("duplicate-id", at: "1️⃣", message: ["names both an exercise and a routine"])
    }
}
