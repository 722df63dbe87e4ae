import Foundation
import Testing

/// Outcome questionnaires on the real binary and a real journal: one-shot answers, the terminal interview, refusals
/// that record nothing, and the change against the minimal important change.
@Suite("measure: ODI, NDI and PSFS on the real binary")
struct MeasureTests {
    typealias Repl = PatientFlowTests.Repl

    func measures(_ p: SafetyTests.Patient) throws -> Int {
        let db = p.dataDir + "/journal.sqlite"
        let q = try runProcess("/usr/bin/sqlite3", [db, "SELECT count(*) FROM events WHERE kind = 'measure'"])
        return Int(q.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("one-shot ODI: the score, its band, and the change since last time judged against 10 points")
    func oswestryOneShot() throws {
        let p = try SafetyTests.Patient()
        let first = try p.run("measure", "odi", "3", "3", "3", "3", "3", "3", "3", "3", "3", "3")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Oswestry Disability Index: 60%, severe disability."), "\(first.stdout)")
        // One section skipped: 16 of 45, as in the published example.
        let second = try p.run("measure", "odi", "2", "2", "2", "2", "2", "2", "2", "1", "1", "-")
        #expect(second.stdout.contains("36%, moderate disability"), "\(second.stdout)")
        #expect(second.stdout.contains("Better by 24.4 percentage points since last time: a real change"), "\(second.stdout)")
        let third = try p.run("measure", "odi", "2", "2", "2", "2", "2", "2", "2", "1", "1", "1")
        #expect(third.stdout.contains("Better by 1.6 percentage points since last time: less than the smallest change"),
                "\(third.stdout)")
        #expect(try measures(p) == 3)
        let history = try p.run("measure")
        #expect(history.stdout.components(separatedBy: "ODI").count == 4, "\(history.stdout)")
    }

    @Test("bad answers get one sentence, a non-zero exit, and nothing is recorded",
          arguments: [["odi", "1", "2"], ["odi", "9", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
                      ["odi", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"], ["psfs", "walk"], ["bogus"], ["odi"],
                      ["ndi", "1", "1", "1", "1", "1", "1", "1", "-", "-", "-"], ["odi", "x", "0", "0", "0", "0", "0", "0", "0", "0", "0"]])
    func refusals(_ words: [String]) throws {
        let p = try SafetyTests.Patient()
        let r = try p.run(["measure"] + words)
        #expect(r.status == 2, "\(words): \(r.stdout) \(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("rehab: "), "\(words): \(r.stderr)")
        #expect(!r.stderr.contains("Fatal") && !r.stderr.contains("Swift/"))
        #expect(try measures(p) == 0)
    }

    @Test("NDI after a neck fusion: raw total out of 50 and the percentage; the ODI gets a note after neck surgery")
    func neckIndex() throws {
        let p = try SafetyTests.Patient(procedure: "cervical-fusion")
        let r = try p.run("measure", "ndi", "2", "2", "2", "2", "2", "2", "2", "2", "1", "1")
        #expect(r.stdout.contains("Neck Disability Index: 18 of 50 (36%), moderate disability."), "\(r.stdout)")
        let odi = try p.run("measure", "odi", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1")
        #expect(odi.stdout.contains("the ODI is for the low back"), "\(odi.stdout)")
    }

    @Test("PSFS: the activities the patient names and the mean rating")
    func functionalScale() throws {
        let p = try SafetyTests.Patient()
        let r = try p.line("measure psfs \"walking the dog=4\" \"putting on socks=6\"")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Patient-Specific Functional Scale: 5 of 10"), "\(r.stdout)")
        let payload = try runProcess("/usr/bin/sqlite3", [p.dataDir + "/journal.sqlite",
                                                          "SELECT payload FROM events WHERE kind = 'measure'"]).stdout
        #expect(payload.contains("walking the dog") && payload.contains("putting on socks"), "\(payload)")
    }

    @Test("at the terminal: the ODI asked one section at a time, with skip, then scored and recorded")
    func interview() throws {
        let p = try SafetyTests.Patient()
        let r = try Repl(p.sandbox, dataDir: p.dataDir, today: SafetyTests.today, prompt: RoutineTests.week3)
        defer { r.session.terminate() }
        _ = try r.start()
        let sections = ["Pain intensity", "Personal care (washing, dressing)", "Lifting", "Walking", "Sitting",
                        "Standing", "Sleeping", "Sex life", "Social life", "Travelling"]
        #expect(try r.run("measure odi", next: "1/10 Pain intensity: ").contains("0 (no problem) to 5"))
        #expect(try r.run("7", next: "1/10 Pain intensity: ").contains("Type a number from 0 to 5, or 'skip'."))
        let answers = ["2", "2", "2", "2", "2", "2", "2", "1", "1"]
        for (i, a) in answers.enumerated() { _ = try r.run(a, next: "\(i + 2)/10 \(sections[i + 1]): ") }
        let done = try r.run("skip", next: RoutineTests.week3)
        #expect(done.contains("Oswestry Disability Index: 36%, moderate disability."), "\(done)")
        #expect(try measures(p) == 1)
        #expect(try r.quit() == 0)
    }

    @Test("the program offers its questionnaire at a checkpoint week until it is filled in; none between checkpoints")
    func offeredAtCheckpoints() throws {
        let p = try SafetyTests.Patient()
        let week0 = "2026-11-02"
        #expect(try p.run("status", today: week0).stdout.contains("Outcome questionnaire due: type 'measure odi'"))
        #expect(try p.run("due", today: week0).stdout.contains("a questionnaire ('rehab measure odi')"))
        #expect(!(try p.run("status").stdout.contains("Outcome questionnaire due")), "week 3 is not a checkpoint")
        try p.run("measure", "odi", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", today: week0)
        #expect(!(try p.run("status", today: week0).stdout.contains("Outcome questionnaire due")))
        let neck = try SafetyTests.Patient(procedure: "cervical-fusion")
        #expect(try neck.run("status", today: "2026-12-13").stdout.contains("type 'measure ndi'"), "week 6 of a neck fusion")
    }
}
