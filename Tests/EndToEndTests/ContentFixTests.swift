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

    @Test("lumbar: walking keeps its 40 minutes when phase 3 starts, and belly breathing is a phase 1 basic")
    func lumbarDosesFromTheSources() throws {
        let sandbox = Sandbox()
        func preview(_ program: String, _ week: String) throws -> String {
            try runRehab(["preview", program, "--week", week, "--cleared", "outpatient-pt"],
                         env: PatientJourney.environment(sandbox)).stdout
        }
        #expect(try preview("lumbar-fusion", "11").contains("Walking — part of phase 'Early stabilization'"))
        #expect(try preview("lumbar-fusion", "11").contains(": 40 min, 5 days a week."))
        let twelve = try preview("lumbar-fusion", "12")
        #expect(twelve.contains("Walking — part of phase 'Functional strengthening' (continued from phase 'Protection'): "
                                + "40 min, 5 days a week."), "\(twelve)")
        for program in ProgramCommandTests.shipped {
            let week1 = try preview(program, "1")
            #expect(week1.contains("yes Belly breathing — part of phase 'Protection': as tolerated."), "\(program): \(week1)")
        }
        let p = try SafetyTests.Patient()
        let r = try p.run("can", "do", "diaphragmatic-breathing")
        #expect(r.stdout.hasPrefix("Yes"), "\(r.stdout)")
    }

    @Test("after ACDF, chin tucks and isometrics say why they are fine while 'no neck-motion' holds, and only then")
    func neckExercisesSayWhy() throws {
        let p = try SafetyTests.Patient(procedure: "cervical-fusion")
        for exercise in ["chin-tucks", "neck-isometrics"] {
            let r = try p.run("can", "do", exercise)
            #expect(r.stdout.hasPrefix("Yes — part of phase 'Protection'"), "\(r.stdout)")
            #expect(r.stdout.contains("It is fine while 'no turning or bending your neck' holds:"), "\(exercise): \(r.stdout)")
        }
        // Week 12: the ban has ended, so there is nothing to explain.
        let later = try p.run(["can", "do", "chin-tucks"], today: "2027-01-23")
        #expect(!later.stdout.contains("It is fine while"), "\(later.stdout)")
    }

    @Test("after ACDF, 'can twist' and 'can bend' answer from the neck's own rule, not a plain Yes")
    func acdfTwistAndBend() throws {
        let p = try SafetyTests.Patient(procedure: "cervical-fusion")
        let twist = try p.run("can", "twist").stdout
        #expect(twist.hasPrefix("Limited — turn your whole body, not your neck"), "\(twist)")
        #expect(twist.contains("clear neck-motion by NAME") && twist.contains("set by the program"), "\(twist)")
        #expect(try p.run("can", "bend").stdout.hasPrefix("Limited — bend at your hips and knees"))
        // The lumbar program keeps its own ban on bending.
        let lumbar = try SafetyTests.Patient()
        #expect(try lumbar.run("can", "bend").stdout.hasPrefix("No"))
        #expect(try p.run(["can", "twist"], today: "2027-01-23").stdout.hasPrefix("Yes"))
    }
}
