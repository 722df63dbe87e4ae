import RehabCore
import RehabScript
import Testing

/// `FILE:LINE:COL: error: MESSAGE`, the source line, a caret under the column, then hint and notes.
@Suite struct DiagnosticRendererTests {
    @Test func errorWithCaretAndHint() {
        let c = Checked("""
            program demo "Demo"
            phse protection "Protection" weeks 0-6
            phase p "P" weeks 0-6
            """)
        let out = DiagnosticRenderer(sources: c.loaded.sources).render(c.diagnostics)
        #expect(out == """
            main.rehab:2:1: error: 'phse' does not start a statement here
                phse protection "Protection" weeks 0-6
                ^^^^
              hint: did you mean 'phase'?
              fix: replace 'phse' with 'phase'

            """)
    }

    @Test func caretSitsUnderTheColumn() {
        let c = Checked("""
            program demo "Demo"
            lift at most 10 stone
            phase p "P" weeks 0-6
            """)
        let out = DiagnosticRenderer(sources: c.loaded.sources).render(c.diagnostics)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "main.rehab:2:17: error: expected a unit, 'lb' or 'kg', found 'stone'")
        #expect(lines[1] == "    lift at most 10 stone")
        #expect(lines[2] == String(repeating: " ", count: 4 + 16) + "^^^^^")
    }

    @Test func warningAndNotes() {
        let c = Checked("""
            program demo "Demo"
            exercise ankle-pumps "Ankle pumps"
            exercise ankle-pumps "Again"
            phase p "P" weeks 0-6
            """)
        let out = DiagnosticRenderer(sources: c.loaded.sources).render(c.diagnostics)
        #expect(out == """
            main.rehab:3:10: error: exercise 'ankle-pumps' is defined twice
                exercise ankle-pumps "Again"
                         ^^^^^^^^^^^
            main.rehab:2:10: note: the first definition is here
                exercise ankle-pumps "Ankle pumps"
                         ^

            """)
    }

    @Test func warningLabel() {
        let d = Diagnostic.warning(.unusedClearance, "clearance 'x' is odd", at: SourceRef(file: "a.rehab", line: 1, column: 3))
        let out = DiagnosticRenderer(sources: ["a.rehab": "no x until cleared x\n"]).render(d)
        #expect(out.hasPrefix("a.rehab:1:3: warning: clearance 'x' is odd\n    no x until cleared x\n      ^\n"))
    }

    @Test func colorsArePluggable() {
        let d = Diagnostic.error(.expected, "bad", at: SourceRef(file: "a.rehab", line: 1, column: 1))
        let plain = DiagnosticRenderer(sources: ["a.rehab": "abc"]).render(d)
        let colored = DiagnosticRenderer(sources: ["a.rehab": "abc"], colors: true).render(d)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains(StyleMarker.wrap("error", "1;31")))
        #expect(colored.contains(StyleMarker.wrap("^", "1;32")))
    }

    @Test func caretsNeverRunPastTheLine() {
        let d = Diagnostic.error(.expected, "bad", at: SourceRef(file: "a.rehab", line: 1, column: 3), length: 50)
        let out = DiagnosticRenderer(sources: ["a.rehab": "abcd"]).render(d)
        #expect(out == "a.rehab:1:3: error: bad\n    abcd\n      ^^\n")
    }

    @Test func aLineOutsideTheFileIsNotQuoted() {
        let d = Diagnostic.error(.expected, "bad", at: SourceRef(file: "a.rehab", line: 9, column: 1))
        #expect(DiagnosticRenderer(sources: ["a.rehab": "one\ntwo"]).render(d) == "a.rehab:9:1: error: bad\n")
        #expect(DiagnosticRenderer(sources: [:]).render(d) == "a.rehab:9:1: error: bad\n")
    }

    @Test func tabsAreShownAsOneSpaceSoTheCaretStaysInPlace() {
        let c = Checked("program demo \"Demo\"\nexercise a \"A\"\n\tstep \"x\"\nphase p \"P\" weeks 0-6\n")
        let out = DiagnosticRenderer(sources: c.loaded.sources).render(c.diagnostics)
        #expect(out.hasPrefix("main.rehab:3:1: error: indent with spaces, not tabs\n     step \"x\"\n    ^\n"), "\(out)")
    }

    @Test func crlfFilesAreQuotedWithoutTheCarriageReturn() {
        let c = Checked("program demo \"Demo\"\r\nfrobnicate\r\nphase p \"P\" weeks 0-6\r\n")
        let out = DiagnosticRenderer(sources: c.loaded.sources).render(c.diagnostics)
        #expect(out == "main.rehab:2:1: error: 'frobnicate' does not start a statement here\n    frobnicate\n    ^^^^^^^^^^\n"
                    + "  hint: prescriptions and 'requires' lines belong indented under a phase\n")
    }

    @Test func crlfFileQuotesOnlyTheFirstLineForALineOneDiagnostic() {
        let d = Diagnostic.error(.expected, "bad", at: SourceRef(file: "a.rehab", line: 1, column: 1))
        let out = DiagnosticRenderer(sources: ["a.rehab": "one\r\ntwo\r\nthree\r\n"]).render(d)
        #expect(out == "a.rehab:1:1: error: bad\n    one\n    ^\n")
    }
}
