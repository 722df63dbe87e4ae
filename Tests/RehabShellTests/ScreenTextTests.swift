import RehabScript
import Testing
@testable import RehabShell

/// The one sanitiser on the way to the terminal: controls shown visibly, rehab's own styles kept.
@Suite struct ScreenTextTests {
    @Test("C0, C1 and DEL are shown visibly; newline and tab pass", arguments: [
        ("\u{1B}]0;PWN\u{07}\u{1B}[2J", false, "^[]0;PWN^G^[[2J"),
        ("a\tb\nc", false, "a\tb\nc"),
        ("\u{0}\u{7F}\r", false, "^@^?^M"),
        ("\u{9B}2J", false, "\\u009b2J"),
        ("plain é ✓", true, "plain é ✓"),
    ])
    func visible(input: String, colors: Bool, expected: String) {
        #expect(ScreenText.render(input, colors: colors) == expected)
    }

    @Test("style markers become SGR codes only with colour, and only after the text is escaped")
    func styles() {
        let styled = StyleMarker.wrap("No \u{1B}[2J", "1;31")
        #expect(ScreenText.render(styled, colors: true) == "\u{1B}[1;31mNo ^[[2J\u{1B}[0m")
        #expect(ScreenText.render(styled, colors: false) == "No ^[[2J")
        #expect(ScreenText.render(StyleMarker.carriageReturn + "5 s" + StyleMarker.eraseLine, colors: false)
                == "\r5 s\u{1B}[K")
    }

    @Test("a marker typed by someone that is not one of rehab's is shown visibly")
    func strayMarker() {
        #expect(ScreenText.render("\u{F8F0}2J\u{F8F1}x", colors: true) == "\\uf8f02J\\uf8f1x")
    }

    @Test("the shell's console passes everything through the sanitiser")
    func console() {
        let console = CapturingConsole()
        console.write("Name: \u{1B}]0;x\u{07}\n")
        console.report("unknown command '\u{1B}[2J'\n")
        #expect(console.output == "Name: ^[]0;x^G\n")
        #expect(console.errors == "unknown command '^[[2J'\n")
    }
}
