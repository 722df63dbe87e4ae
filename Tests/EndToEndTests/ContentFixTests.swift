import Foundation
import Testing

/// Content found wrong when the shipped programs were tried as a patient would (issue 13), each kept by a test.
@Suite("content fixes in the shipped programs")
struct ContentFixTests {
    @Test("after ACDF the severe-pain flag speaks of the wound, not of a bulge in the back")
    func severePainAfterACDF() throws {
        let p = try SafetyTests.Patient(procedure: "cervical-fusion")
        let r = try p.run("flag", "a", "bulge", "at", "my", "wound")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("a new bulge or lump at your wound"), "\(r.stdout)")
        #expect(!r.stdout.contains("in your back"), "\(r.stdout)")
        #expect(try p.reported().contains("severe-pain"))
        // A lump in the neck after surgery from the front also reads as the airway emergency: the safe side.
        let neck = try SafetyTests.Patient(procedure: "cervical-fusion")
        _ = try neck.run("flag", "lump", "in", "my", "neck")
        #expect(try neck.reported().contains("neck-swelling"))
    }

    @Test("week 8, cleared for outpatient PT, no pain score: next says what is missing and what to type; a score moves on")
    func missingPainScoreInPlainWords() throws {
        let p = try SafetyTests.Patient()
        try p.line("clear outpatient-pt by \"Dr Lee\"", today: "2026-12-26")
        let next = try p.run(["next"], today: "2026-12-26").stdout
        #expect(next.contains("you have not logged a pain score in the last 7 days; type 'log pain N'"), "\(next)")
        #expect(!next.contains("no pain score logged"))
        _ = try p.run(["log", "pain", "2"], today: "2026-12-26")
        let status = try p.run(["status"], today: "2026-12-26").stdout
        #expect(status.contains("Early stabilization"), "one score in the window meets 'pain at most 4': \(status)")
    }
}
