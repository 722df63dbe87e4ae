import RehabCore
import RehabScript
import Testing

/// One test per way a line can fail to parse: the id, the message, the spot and the hint.
@Suite struct ParseErrorTests {
    @Test func unknownStatementSuggestsTheKeyword() {
        let c = Checked("""
            program demo "Demo"
            1️⃣phse protection "Protection" weeks 0-6
            phase p "P" weeks 0-6
            """)
        c.expect("unknown-statement", at: "1️⃣", message: ["'phse'", "does not start a statement"], hint: "did you mean 'phase'?")
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
    }

    @Test func unknownStatementWithNothingCloseSaysWhereLinesBelong() {
        let c = Checked("""
            program demo "Demo"
            1️⃣requires cleared lifting
            """)
        c.expect("unknown-statement", at: "1️⃣", message: ["'requires'"], hint: "belong indented under a phase")
    }

    @Test func missingQuotesAroundAName() {
        let c = Checked("""
            program demo 1️⃣Demo program
            """)
        c.expect("expected", at: "1️⃣", message: ["the program's name in quotes", "found 'Demo'"], hint: "double quotes")
    }

    @Test func missingQuotesAroundAStep() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              step 1️⃣Pull your toes up.
            """)
        c.expect("expected", at: "1️⃣", message: ["the step in quotes", "'Pull'"], hint: "double quotes")
    }

    @Test func unterminatedString() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              cue 1️⃣"Move slowly
            phase p "P" weeks 0-6
            """)
        c.expect("unterminated-string", at: "1️⃣", message: ["no closing quote"], hint: "end the text with \"")
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
    }

    @Test func escapedQuoteDoesNotCloseTheString() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              cue 1️⃣"Say \\"stop\\"
            """)
        c.expect("unterminated-string", at: "1️⃣", message: ["no closing quote"])
    }

    @Test func escapesInsideStringsAreDecoded() {
        let c = Checked(#"""
            program demo "A \"quoted\" \\ name"
            """#)
        #expect(c.loaded.draft.name == #"A "quoted" \ name"#)
    }

    @Test func tabIndent() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            1️⃣\tstep "Lie on your back."
            """)
        c.expect("tab-indent", at: "1️⃣", message: ["spaces, not tabs"])
    }

    @Test func tabAfterSpacesIsReportedAtTheTab() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              1️⃣\tstep "Lie on your back."
            """)
        c.expect("tab-indent", at: "1️⃣", message: ["tabs"])
    }

    @Test func strayIndent() {
        let c = Checked("""
            program demo "Demo"
            lift at most 10 lb
              1️⃣ankle-pumps 2 x 10
            """)
        c.expect("stray-indent", at: "1️⃣", message: ["belongs to no block"], hint: "remove the indent")
    }

    @Test func inconsistentIndentInsideABlock() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              step "One."
                1️⃣step "Two."
            """)
        c.expect("indent", at: "1️⃣", message: ["indented differently"], hint: "same number of spaces")
    }

    @Test func wrongBlockKeywordInAPhase() {
        let c = Checked("""
            program demo "Demo"
            phase protection "Protection" weeks 0-6
              1️⃣step "Lie on your back."
            """)
        c.expect("wrong-block", at: "1️⃣", message: ["'step'", "not in a phase"])
    }

    @Test func wrongBlockKeywordInAnExercise() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              1️⃣rungs a, b
            """)
        c.expect("wrong-block", at: "1️⃣", message: ["'rungs'", "does not belong in an exercise"], hint: "'position'")
    }

    @Test func wrongBlockKeywordInALadderRoutineAndRedFlag() {
        let c = Checked("""
            program demo "Demo"
            ladder core "Core"
              1️⃣step "x"
            routine log-roll "Log roll"
              2️⃣rungs a, b
            red flag fever "Fever"
              3️⃣step "x"
            """)
        let found = c.diagnostics.filter { $0.id == "wrong-block" }.map(\.location.spot)
        #expect(found == [c.source["1️⃣"], c.source["2️⃣"], c.source["3️⃣"]], "\(c.rendered)")
    }

    @Test func badDoseItem() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            phase protection "Protection" weeks 0-6
              ankle-pumps 2 x 10, 3 1️⃣bananas
            """)
        c.expect("expected", at: "1️⃣", message: ["after the number", "found 'bananas'"])
    }

    @Test func doseItemThatIsNotANumber() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            phase protection "Protection" weeks 0-6
              ankle-pumps 2 x 10, 1️⃣lots
            """)
        c.expect("expected", at: "1️⃣", message: ["a dose such as", "found 'lots'"])
    }

    @Test func badWeightUnit() {
        let c = Checked("""
            program demo "Demo"
            lift at most 10 1️⃣stone
            """)
        c.expect("expected", at: "1️⃣", message: ["a unit, 'lb' or 'kg'", "found 'stone'"])
    }

    @Test func weightWithoutAUnitAtTheEndOfTheLine() {
        let c = Checked("""
            program demo "Demo"
            lift at most 101️⃣
            """)
        c.expect("expected", at: "1️⃣", message: ["a unit", "at the end of the line"])
    }

    @Test func badPositionWithSuggestion() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              position 1️⃣supin
            """)
        c.expect("unknown-position", at: "1️⃣", message: ["'supin' is not a position"], hint: "did you mean 'supine'?")
    }

    @Test func badPositionWithNothingCloseListsThePositions() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
              position 1️⃣upside-down
            """)
        c.expect("unknown-position", at: "1️⃣", message: ["'upside-down'"], hint: "supine, side-lying, prone")
    }

    @Test func uppercaseId() {
        let c = Checked("""
            program demo "Demo"
            exercise 1️⃣Ankle-Pumps "Ankle pumps"
            """)
        c.expect("id-case", at: "1️⃣", message: ["'Ankle-Pumps'", "lower case"], hint: "write 'ankle-pumps'")
    }

    @Test func underscoreIdGetsAHyphenatedHint() {
        let c = Checked("""
            program demo "Demo"
            exercise 1️⃣ankle_pumps "Ankle pumps"
            """)
        c.expect("id-case", at: "1️⃣", message: ["'ankle_pumps'"], hint: "write 'ankle-pumps'")
    }

    @Test func phaseWeeksWithoutADash() {
        let c = Checked("""
            program demo "Demo"
            phase protection "Protection" weeks 0 1️⃣6
            """)
        c.expect("expected", at: "1️⃣", message: ["'-' between the weeks", "found '6'"])
    }

    @Test func enDashBetweenWeeksIsAccepted() {
        let c = Checked("""
            program demo "Demo"
            phase protection "Protection" weeks 0–6
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        #expect(c.loaded.draft.phases.first?.end == .week(6))
    }

    @Test func somethingLeftAtTheEndOfAStatement() {
        let c = Checked("""
            program demo "Demo" 1️⃣extra
            """)
        c.expect("unexpected", at: "1️⃣", message: ["unexpected 'extra'"])
    }

    @Test func fromAfterUntil() {
        let c = Checked("""
            program demo "Demo"
            no bending until week 12 1️⃣from week 2
            """)
        c.expect("order", at: "1️⃣", message: ["'from week N' comes before 'until'"])
    }

    @Test func unknownGear() {
        let c = Checked("""
            program demo "Demo"
            wear 1️⃣helmet until week 6
            """)
        c.expect("unknown-gear", at: "1️⃣", message: ["'helmet'", "'brace' or 'collar'"])
    }

    @Test func routineUseAtTheTopLevel() {
        let c = Checked("""
            program demo "Demo"
            routine 1️⃣log-roll
            """)
        c.expect("routine-outside-phase", at: "1️⃣", message: ["belongs inside a phase"], hint: "indent it under a phase")
    }

    @Test func secondProgramLine() {
        let c = Checked("""
            1️⃣program demo "Demo"
            program 2️⃣other "Other"
            """)
        let d = c.expect("duplicate-program", at: "2️⃣", message: ["only one 'program' line"])
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    @Test func emptyFileHasNoProgramLine() {
        let c = Checked("1️⃣")
        c.expect("missing-program", at: "1️⃣", message: ["starts with 'program ID \"NAME\"'"], hint: "program my-program")
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
        #expect(c.loaded.program == nil)
    }

    @Test func missingMainFile() {
        let loaded = ProgramLoader.load("nowhere.rehab", from: MemorySources([:]))
        #expect(loaded.diagnostics.map(\.id) == ["missing-file"])
        #expect(loaded.diagnostics.first?.location == SourceRef(file: "nowhere.rehab", line: 1, column: 1))
        #expect(loaded.program == nil)
    }

    @Test func columnsCountCharactersNotBytes() {
        // "–" and "é" are several bytes in UTF-8 but one column each.
        let c = Checked("""
            program demo "Démo – 1" 1️⃣extra
            """)
        c.expect("unexpected", at: "1️⃣", message: ["'extra'"])
    }

    @Test func byteOrderMarkAtTheStartIsIgnored() {
        // Editors on Windows often save UTF-8 with a BOM; it is invisible, so it must not be an error.
        let c = Checked("\u{FEFF}program demo \"Demo\"\nphase p \"P\" weeks 0-6\n")
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        #expect(c.loaded.draft.id == "demo")
    }

    @Test func crlfLineEndingsParseLikeLF() {
        let c = Checked("program demo \"Demo\"\r\nphase protection \"Protection\" weeks 0-6\r\n  1️⃣bogus-item 2 x 10\r\n")
        c.expect("unknown-exercise", at: "1️⃣", message: ["'bogus-item'"])
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
    }

    @Test func timesSignVariantsAllMeanSetsByReps() {
        let c = Checked("""
            program demo "Demo"
            exercise a "A"
            exercise b "B"
            exercise d "D"
            phase protection "Protection" weeks 0-6
              a 2x10
              b 2 × 10
              d 2 X 10 reps
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let doses = c.loaded.draft.phases.first?.prescriptions.map { [$0.dose.sets, $0.dose.reps] }
        #expect(doses == [[2, 10], [2, 10], [2, 10]])
    }
}
