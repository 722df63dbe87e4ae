import RehabCore
@testable import RehabScript
import Testing

/// Fix-its: each suggestion comes with the edit that makes it, and applying every edit gives a file that checks clean.
@Suite struct FixItTests {
    /// Applies the main file's fix-its, as `check --fix` does.
    func fixed(_ c: Checked) -> FixItApplier.Result {
        FixItApplier.apply(c.diagnostics.compactMap(\.fixIt), to: c.source.text, file: "main.rehab")
    }

    @Test func didYouMeanReplacesTheWord() {
        let c = Checked("""
            program demo "Demo"
            exercise bridges "Bridges"
              position 2️⃣standng
            phase p "P" weeks 0-6
              1️⃣bridgs 2 x 10
            """)
        let d = c.expect("unknown-exercise", at: "1️⃣", message: ["'bridgs'"], hint: "did you mean 'bridges'?")
        let spot = SourceRef(file: "main.rehab", line: 5, column: 3)
        #expect(d?.fixIt == FixIt(at: spot, replacing: "bridgs", with: "bridges"))
        #expect(d?.fixIt?.description == "replace 'bridgs' with 'bridges'")
        #expect(c.only("unknown-position")?.fixIt?.replacement == "standing")
        let r = fixed(c)
        #expect(r.applied.map(\.done) == ["replaced 'standng' with 'standing'", "replaced 'bridgs' with 'bridges'"])
        #expect(Checked(r.text).diagnostics.isEmpty, "\(Checked(r.text).rendered)")
    }

    @Test func keywordsClearancesFlagsPhasesAndIdsToo() {
        let c = Checked("""
            program demo "Demo"
            red flag fever "Fever"
              urgent
              says "fever", "chills"
            routine log-roll "Log roll"
              loads none
              step "Roll"
            lift at most 10 lb until week 6 and cleared liftin
            phse p "P" weeks 0-6
            phase q "Q" weeks 6-12
              routine log-rol
            expect week 2 with flag fevr: on hold
            expect week 7: phase qq
            """)
        let fixes = Set(c.diagnostics.compactMap(\.fixIt).map(\.description))
        #expect(fixes == ["replace 'liftin' with 'lifting'", "replace 'phse' with 'phase'",
                          "replace 'log-rol' with 'log-roll'",
                          "replace 'fevr' with 'fever'", "replace 'qq' with 'q'"], "\(c.rendered)")
        let again = Checked(fixed(c).text)
        #expect(again.diagnostics.isEmpty, "\(again.rendered)")
    }

    @Test func misspeltKeywordsInBlocksAndQuestionnaires() {
        let c = Checked("""
            program demo "Demo"
            measure odl at weeks 0, 6
            exercise bridges "Bridges"
              stpe "Lift your hips"
            routine log-roll "Log roll"
              nevr "Twist"
            ladder core "Core"
              rugns bridges, bridges
            red flag fever "Fever"
              urgnt
              says "fever"
            phase p "P" weeks 0-6
              bridges 2 x 10
            """)
        let replacements = c.diagnostics.compactMap(\.fixIt?.replacement)
        #expect(replacements == ["odi", "step", "never", "rungs", "urgent"], "\(c.rendered)")
        let again = Checked(fixed(c).text)
        #expect(again.diagnostics.filter { $0.severity == .error }.isEmpty, "\(again.rendered)")
    }

    @Test func idInCapitalsIsLowerCased() {
        let c = Checked("""
            program demo "Demo"
            exercise Heel_Slides "Heel slides"
            phase p "P" weeks 0-6
              heel-slides 2 x 10
            """)
        #expect(c.only("id-case")?.fixIt?.description == "replace 'Heel_Slides' with 'heel-slides'")
        // The id is misspelt, not its use: no edit turns 'heel-slides' into 'Heel_Slides'.
        #expect(c.only("unknown-exercise")?.fixIt == nil)
        #expect(Checked(fixed(c).text).diagnostics.isEmpty)
    }

    @Test func aNameFromALibraryNotUsedAddsTheUse() {
        let library = """
            exercise bridges "Bridges"
              step "Lift your hips"
            """
        let c = Checked("""
            program demo "Demo"
            phase p "P" weeks 0-6
              1️⃣bridges 2 x 10
            """, path: "demo/main.rehab", others: ["demo/library/exercises.rehab": library])
        let d = c.expect("unknown-exercise", at: "1️⃣", file: "demo/main.rehab", message: ["'bridges'"],
                         hint: "'bridges' is defined in 'library/exercises.rehab', which this file does not use")
        #expect(d?.fixIt == .insertLine("use \"library/exercises.rehab\"", before: 2, in: "demo/main.rehab"))
        #expect(d?.fixIt?.description == "insert 'use \"library/exercises.rehab\"'")
        let r = FixItApplier.apply(c.diagnostics.compactMap(\.fixIt), to: c.source.text, file: "demo/main.rehab")
        #expect(r.text.hasPrefix("program demo \"Demo\"\nuse \"library/exercises.rehab\"\nphase p"))
        let again = ProgramLoader.load("demo/main.rehab", from: MemorySources(["demo/main.rehab": r.text,
                                                                              "demo/library/exercises.rehab": library]))
        #expect(again.diagnostics.isEmpty)
    }

    @Test func theUseGoesAfterTheLastUseAndTwoNamesAddItOnce() {
        let c = Checked("""
            program demo "Demo"
            use "library/flags.rehab"
            phase p "P" weeks 0-6
              bridges 2 x 10
              clams 2 x 10
            """, others: ["library/flags.rehab": "red flag fever \"Fever\"\n  says \"fever\"\n",
                          "library/exercises.rehab": "exercise bridges \"B\"\nexercise clams \"C\"\n",
                          "other-program.rehab": "program other \"O\"\nexercise clams \"C\"\n"])
        let fixes = c.diagnostics.compactMap(\.fixIt)
        #expect(fixes.count == 2)
        #expect(Set(fixes) == [.insertLine("use \"library/exercises.rehab\"", before: 3, in: "main.rehab")])
        let r = fixed(c)
        #expect(r.applied.count == 1)
        #expect(r.text.components(separatedBy: "use \"library/exercises.rehab\"").count == 2)
    }

    @Test func onlyLibrariesAreSearchedForAMissingUse() {
        #expect(!MissingUses.startsAProgram("exercise a \"A\"\n# program x\n  program y\n"))
        #expect(MissingUses.startsAProgram("# lib\nprogram x \"X\"\n"))
        #expect(MissingUses.startsAProgram("program x \"X\"\n"))
        let c = Checked("""
            program demo "Demo"
            phase p "P" weeks 0-6
              clams 2 x 10
            """, others: ["sibling.rehab": "# another program\nprogram other \"O\"\nexercise clams \"C\"\n"])
        #expect(c.only("unknown-exercise")?.fixIt == nil)
    }

    @Test func freeWordsAfterWearAreQuoted() {
        let c = Checked("""
            program demo "Demo"
            wear brace 1️⃣at night  and nap time until week 6
            phase p "P" weeks 0-6
            """)
        let d = c.expect("unexpected", at: "1️⃣", message: ["'at'", "text in double quotes"],
                         hint: "wear brace \"when up\"")
        #expect(d?.fixIt?.original == "at night  and nap time")
        #expect(d?.fixIt?.replacement == "\"at night  and nap time\"")
        let again = Checked(fixed(c).text)
        #expect(again.diagnostics.isEmpty, "\(again.rendered)")
        #expect(again.loaded.program?.restrictions.first?.note == "at night  and nap time")
    }

    @Test func wordsWhereTextGoesAreQuotedUpToWhereTheStatementGoesOn() {
        let c = Checked("""
            program demo "Demo"
            source Santa Rosa Orthopaedics
            exercise bridges "Bridges"
              step Lie down until comfortable, then lift
            phase one Early days weeks 0-6
              bridges 2 x 10
            wear brace in bed, no bending until week 6
            """)
        #expect(c.diagnostics.compactMap(\.fixIt?.replacement)
                == ["\"Santa Rosa Orthopaedics\"", "\"Lie down until comfortable, then lift\"", "\"Early days\"",
                    "\"in bed\""])
        let again = Checked(fixed(c).text)
        #expect(again.diagnostics.isEmpty, "\(again.rendered)")
        #expect(again.loaded.program?.phases.first?.name == "Early days")
    }

    @Test func overlappingOrStaleEditsAreLeftOut() {
        let a = FixIt(at: SourceRef(file: "f", line: 1, column: 1), replacing: "abc", with: "x")
        let b = FixIt(at: SourceRef(file: "f", line: 1, column: 2), replacing: "bc", with: "y")
        let stale = FixIt(at: SourceRef(file: "f", line: 2, column: 1), replacing: "zzz", with: "q")
        let other = FixIt(at: SourceRef(file: "g", line: 1, column: 1), replacing: "abc", with: "q")
        let r = FixItApplier.apply([a, b, stale, other], to: "abc def\nghi\n", file: "f")
        #expect(r.text == "ay def\nghi\n")
        #expect(r.applied.map(\.fixIt) == [b])
        #expect(r.skipped == [a, stale])
    }

    @Test func eachChangeIsReportedWhereItNowIs() {
        let use = FixIt.insertLine("use \"lib.rehab\"", before: 2, in: "f")
        let a = FixIt(at: SourceRef(file: "f", line: 2, column: 1), replacing: "ab", with: "abcd")
        let b = FixIt(at: SourceRef(file: "f", line: 2, column: 4), replacing: "x", with: "y")
        let c = FixIt(at: SourceRef(file: "f", line: 3, column: 2), replacing: "z", with: "w")
        let r = FixItApplier.apply([c, b, a, use], to: "p\nab x\n z\n", file: "f")
        #expect(r.text == "p\nuse \"lib.rehab\"\nabcd y\n w\n")
        #expect(r.applied.map(\.location.spot) == [.init(line: 2, column: 1), .init(line: 3, column: 1),
                                                  .init(line: 3, column: 6), .init(line: 4, column: 2)])
    }

    @Test func anInsertedLineEndsAsTheFileLinesDo() {
        let use = FixIt.insertLine("use \"lib.rehab\"", before: 2, in: "f")
        #expect(FixItApplier.apply([use], to: "p\r\nq\r\n", file: "f").text == "p\r\nuse \"lib.rehab\"\r\nq\r\n")
        #expect(FixItApplier.apply([use], to: "p\nq\n", file: "f").text == "p\nuse \"lib.rehab\"\nq\n")
    }

    @Test func aLibraryWhoseNameAUseLineCannotHoldIsNotOffered() {
        let c = Checked("""
            program demo "Demo"
            phase p "P" weeks 0-6
              clams 2 x 10
            """, others: ["bad\nphase x \"X\" weeks 0-1\n.rehab": "exercise clams \"C\"\n",
                          "quo\"te.rehab": "exercise clams \"C\"\n"])
        #expect(c.only("unknown-exercise")?.fixIt == nil)
    }

    @Test func columnsCountScalarsAndSkipAByteOrderMark() {
        let f = FixIt(at: SourceRef(file: "f", line: 1, column: 4), replacing: "bridgs", with: "bridges")
        #expect(FixItApplier.apply([f], to: "\u{FEFF}é  bridgs\r\n", file: "f").text == "\u{FEFF}é  bridges\r\n")
        let g = FixIt(at: SourceRef(file: "f", line: 2, column: 3), replacing: "bridgs", with: "bridges")
        #expect(FixItApplier.apply([g], to: "∆\r\n  bridgs 2 x 10", file: "f").text == "∆\r\n  bridges 2 x 10")
    }

    @Test func theRendererShowsTheFixUnderTheHint() {
        let c = Checked("""
            program demo "Demo"
            wear brase until week 6
            phase p "P" weeks 0-6
            """)
        let out = DiagnosticRenderer(sources: c.loaded.sources).render(c.diagnostics)
        let expected = "    wear brase until week 6\n         ^^^^^\n  fix: replace 'brase' with 'brace'\n"
        #expect(out.contains(expected), "\(out)")
    }
}
