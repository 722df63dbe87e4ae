import Testing
@testable import RehabShell

/// Wrapping at word boundaries to the terminal's width.
@Suite struct TextWrapTests {
    @Test func wrapsAtWordsNeverMidWord() {
        let text = "No — lifting is limited to 10 lb until week 6 (2026-12-12), set by the program (lumbar-fusion.rehab:71)."
        let wrapped = TextWrap.wrap(text, width: 40)
        for line in wrapped.split(separator: "\n") { #expect(TextWrap.visibleWidth(String(line)) <= 40, "\(line)") }
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
        #expect(wrapped == """
            No — lifting is limited to 10 lb until
            week 6 (2026-12-12), set by the program
            (lumbar-fusion.rehab:71).
            """)
    }

    @Test func bulletsAndStepsHangUnderTheirText() {
        let wrapped = TextWrap.wrap("  • no twisting, until week 12 (2027-01-23) — set by the program\n  2. Roll onto your side in one piece, shoulders and hips together.", width: 40)
        #expect(wrapped == """
              • no twisting, until week 12
                (2027-01-23) — set by the program
              2. Roll onto your side in one piece,
                 shoulders and hips together.
            """)
    }

    @Test func escapesTakeNoRoomAndRedrawnLinesAreLeftAlone() {
        let red = "\u{1B}[1;31mON HOLD\u{1B}[0m — no exercises until this is resolved, then type resolve"
        for line in TextWrap.wrap(red, width: 40).split(separator: "\n") { #expect(TextWrap.visibleWidth(String(line)) <= 40) }
        #expect(TextWrap.visibleWidth("\u{1B}[1;31mON HOLD\u{1B}[0m") == 7)
        let bar = "\r  [########............] 12 s left, and some more words to make it long \u{1B}[K"
        #expect(TextWrap.wrap(bar, width: 40) == bar)
    }

    @Test func aWordLongerThanTheWidthIsSplit() {
        let long = "see " + String(repeating: "x", count: 50)
        let lines = TextWrap.wrap(long, width: 20).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 20 })
        #expect(lines.joined().filter { $0 == "x" }.count == 50)
    }

    @Test func shortLinesAndNarrowWidthsAreUntouched() {
        #expect(TextWrap.wrap("Yes — fine.\n\nNext.", width: 40) == "Yes — fine.\n\nNext.")
        #expect(TextWrap.wrap("a b c d e f g", width: 5) == "a b c d e f g")
    }
}
