import Foundation
import Testing

/// Output wraps at word boundaries to the terminal's width, and stays readable at 40 columns.
@Suite("Wrapping at the terminal's width")
struct WrappingTests {
    func run(_ words: [String], columns: UInt16, until last: String) throws -> String {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: SafetyTests.today, surgery: SafetyTests.surgery)
        let session = try PTYSession(arguments: ["--today", SafetyTests.today, "--data-dir", dir] + words,
                                     environment: PatientJourney.environment(sandbox, ["NO_COLOR": "1"]), columns: columns)
        defer { session.terminate() }
        let out = try session.expect(last, timeout: 10)
        _ = try session.waitForExit(timeout: 10)
        return out.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test("can lift 15 lb at 40 columns (golden)")
    func golden() throws {
        let out = try run(["can", "lift", "15", "lb"], columns: 40, until: "lb is over it.")
        #expect(out == """
            No — lifting is limited to 10 lb until
            week 6 (2026-12-12) and your surgeon
            clears lifting (when they do, record it
            with 'clear lifting by NAME'), set by
            the program (lumbar-fusion.rehab:71); 15
            lb is over it.
            """, "\(out)")
    }

    @Test("status at 40 columns: no line is wider, no word is split, bullets hang under their text")
    func status() throws {
        let narrow = try run(["status"], columns: 40, until: "first.\r\n")
        let wide = try run(["status"], columns: 200, until: "first.\r\n")
        for line in narrow.split(separator: "\n") {
            #expect(line.count <= 40, "'\(line)' is \(line.count) columns")
        }
        let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
        #expect(words(narrow) == words(wide), "wrapping changed the words")
        // A bullet's continuation lines start under its text, four columns in.
        let bullet = narrow.split(separator: "\n").firstIndex { $0.hasPrefix("  • lifting is limited") }
        let lines = narrow.split(separator: "\n")
        #expect(bullet.map { lines[$0 + 1].hasPrefix("    ") && !lines[$0 + 1].hasPrefix("     ") } == true, "\(narrow)")
    }
}
