import RehabCore
import RehabScript
import Testing

/// The parser never stops at the first mistake: one run reports every error, each once.
@Suite struct RecoveryTests {
    @Test func twoErrorsOnDifferentLinesAreBothReported() {
        let c = Checked("""
            program demo "Demo"
            lift at most 10 1️⃣stone
            exercise ankle-pumps "Ankle pumps"
              position 2️⃣supin
              step "Pull your toes up."
            phase p "P" weeks 0-6
            """)
        #expect(c.diagnostics.map(\.id) == ["expected", "unknown-position"], "\(c.rendered)")
        #expect(c.diagnostics.map(\.location.spot) == [c.source["1️⃣"], c.source["2️⃣"]])
        // The bad line did not end the exercise block: the step after it still belongs to the exercise.
        #expect(c.loaded.draft.exercise("ankle-pumps")?.steps == ["Pull your toes up."])
    }

    @Test func parseAndSemanticErrorsComeOutTogetherInFileOrder() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            phase protection "Protection" weeks 0-6
              1️⃣ankel-pumps 2 x 10
              ankle-pumps 2 x 10, 2️⃣lots
            phase 3️⃣late "Late" weeks 8-12
            4️⃣frobnicate
            """)
        #expect(c.diagnostics.map(\.id) == ["unknown-exercise", "expected", "phase-gap", "unknown-statement"], "\(c.rendered)")
        #expect(c.diagnostics.map(\.location.spot) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣"].map { c.source[$0] })
    }

    @Test func errorsInSeveralFilesAreAllReported() {
        let lib = MarkedSource("""
            exercise a "A"
              position 1️⃣floating
            """)
        let main = MarkedSource("""
            program demo "Demo"
            use "lib.rehab"
            2️⃣oops
            phase p "P" weeks 0-6
            """)
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources(["main.rehab": main.text, "lib.rehab": lib.text]))
        let found = loaded.diagnostics.map { "\($0.location.file):\($0.location.spot)" }
        #expect(found == ["lib.rehab:\(lib["1️⃣"])", "main.rehab:\(main["2️⃣"])"])
    }

    @Test func aBrokenPhaseLineStillOwnsItsIndentedLines() {
        // One mistake in a block's first line is one error, not one more for every line under it.
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            phase protection "Protection" weeks 0 1️⃣6
              ankle-pumps 2 x 10
              ankle-pumps 3 x 10
            phase later "Later" weeks 6-12
            """)
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
        c.expect("expected", at: "1️⃣", message: ["'-' between the weeks"])
    }

    @Test func aMisspelledBlockKeywordStillOwnsItsIndentedLines() {
        // 'exercize' is reported once, with its suggestion; its indented lines are not "stray" on top of it.
        let c = Checked("""
            program demo "Demo"
            1️⃣exercize ankle-pumps "Ankle pumps"
              position supine
              step "Pull your toes up."
            phase p "P" weeks 0-6
            """)
        #expect(c.ids == ["unknown-statement"], "\(c.rendered)")
        c.expect("unknown-statement", at: "1️⃣", message: ["'exercize'"], hint: "did you mean 'exercise'?")
    }

    @Test func aBrokenProgramLineIsNotAlsoReportedAsMissing() {
        // The 'program' line is there, with a mistake: one error at the mistake, none at 1:1 for a missing line.
        let c = Checked("""
            program demo 1️⃣Demo
            phase p "P" weeks 0-6
            """)
        #expect(c.ids == ["expected"], "\(c.rendered)")
        c.expect("expected", at: "1️⃣", message: ["the program's name in quotes"])
    }

    @Test func everyBadLineInABlockIsReported() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            phase protection "Protection" weeks 0-6
              ankle-pumps 1️⃣two x 10
              ankle-pumps 2 x 2️⃣ten
              3️⃣step "x"
            """)
        #expect(c.diagnostics.map(\.location.spot) == ["1️⃣", "2️⃣", "3️⃣"].map { c.source[$0] }, "\(c.rendered)")
    }

    @Test func aProgramWithErrorsStillHasADraft() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            phase protection "Protection" weeks 0-6
              ankle-pumps 2 x 10
              bogus 2 x 10
            """)
        #expect(c.loaded.program == nil)
        #expect(c.loaded.draft.id == "demo")
        #expect(c.loaded.draft.phases.first?.prescriptions.map(\.exercise) == ["ankle-pumps", "bogus"])
    }
}
