import Foundation
import Testing

/// `program use FILE` on real journals and real program files: what changes is shown before anything is recorded,
/// one-shot commands need `--yes`, the REPL asks, and the history keeps the version in force on each day.
@Suite("program use: moving a patient onto another program")
struct ProgramUseTests {
    /// A surgeon's variant of the shipped lumbar program, written next to a copy of the shipped libraries:
    /// 5 lb until week 12 instead of 10 lb until week 6. Its `expect` lines are the shipped program's, so they go.
    static func variant(_ sandbox: Sandbox) throws -> String {
        let folder = sandbox.root + "/clinic-programs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: folder + "/library")
        try FileManager.default.copyItem(atPath: PatientJourney.programsDir + "/library", toPath: folder + "/library")
        let shipped = try String(contentsOfFile: PatientJourney.programsDir + "/lumbar-fusion.rehab", encoding: .utf8)
        var lines = shipped.components(separatedBy: "\n").filter { !$0.hasPrefix("expect ") }
        let id = try #require(lines.firstIndex { $0.hasPrefix("program lumbar-fusion ") })
        lines[id] = "program lumbar-fusion-lee \"Lumbar fusion, Dr Lee's limits\""
        let lift = try #require(lines.firstIndex { $0.hasPrefix("lift at most 10 lb until week 6") })
        lines[lift] = "lift at most 5 lb until week 12"
        let path = folder + "/lumbar-fusion-lee.rehab"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func events(_ p: SafetyTests.Patient) throws -> String {
        try runProcess("/usr/bin/sqlite3", [p.dataDir + "/journal.sqlite", "SELECT count(*) FROM events"]).stdout
    }

    @Test("one-shot: the change is shown, nothing is recorded without --yes; with it, the new rules answer")
    func oneShot() throws {
        let p = try SafetyTests.Patient()
        let file = try Self.variant(p.sandbox)
        let before = try events(p)
        let preview = try p.run("program", "use", file)
        #expect(preview.status == 2, "\(preview.stdout)\(preview.stderr)")
        #expect(preview.stdout.contains("What changes for me today:"), "\(preview.stdout)")
        #expect(preview.stdout.contains("+ lift at most 5 lb"), "\(preview.stdout)")
        #expect(preview.stdout.contains("− no longer: lift at most 10 lb"), "\(preview.stdout)")
        #expect(preview.stderr.contains("nothing was changed") && preview.stderr.contains("--yes"), "\(preview.stderr)")
        #expect(try events(p) == before, "a preview records nothing")
        #expect(try p.run("can", "lift", "8", "lb").stdout.hasPrefix("Yes"), "still the shipped 10 lb limit")

        let applied = try p.run("program", "use", file, "--yes")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("now follows 'lumbar-fusion-lee' version"), "\(applied.stdout)")
        #expect(try p.run("can", "lift", "8", "lb").stdout.hasPrefix("No"), "the variant's 5 lb limit answers now")
        let again = try p.run("program", "use", file, "--yes")
        #expect(again.status == 0 && again.stdout.contains("already follows"), "\(again.stdout)")
    }

    @Test("the history keeps the version in force on each day, and progress marks the change")
    func history() throws {
        let p = try SafetyTests.Patient()
        let file = try Self.variant(p.sandbox)
        #expect(try p.run(["program", "use", file, "--yes"], today: "2026-11-25").status == 0)
        let history = try p.run("program", "history").stdout.split(separator: "\n").map(String.init)
        #expect(history.count == 2, "\(history)")
        #expect(history.first?.hasPrefix("2026-11-21 until 2026-11-24: 'lumbar-fusion' version") == true, "\(history)")
        #expect(history.last?.hasPrefix("2026-11-25 to today: 'lumbar-fusion-lee' version") == true, "\(history)")
        let progress = try p.run(["progress", "--table"], today: "2026-11-25").stdout
        #expect(progress.contains("program 'lumbar-fusion-lee' version"), "\(progress)")
        // Answers about a day before the change still use the shipped program.
        #expect(try p.run(["can", "lift", "8", "lb"], today: "2026-11-24").stdout.hasPrefix("Yes"))
        #expect(try p.run(["can", "lift", "8", "lb"], today: "2026-11-25").stdout.hasPrefix("No"))
    }

    @Test("a program with errors is refused with its diagnostics and nothing changes")
    func brokenProgram() throws {
        let p = try SafetyTests.Patient()
        let broken = p.sandbox.root + "/broken.rehab"
        try "program broken \"Broken\"\nphase one \"One\" weeks 0-x\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let before = try events(p)
        let r = try p.run("program", "use", broken, "--yes")
        #expect(r.status != 0 && r.stderr.contains("broken.rehab:2:"), "\(r.stderr)")
        #expect(try events(p) == before)
    }

    @Test("at the REPL it asks first: no keeps everything, yes applies it")
    func asksAtTheRepl() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: SafetyTests.today, surgery: SafetyTests.surgery)
        let file = try Self.variant(sandbox)
        let r = try PatientFlowTests.Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: SafetyReplTests.week3)
        defer { r.session.terminate() }
        _ = try r.start()
        let question = "Put me on this program from today? [y/N] "
        let shown = try r.run("program use \(file)", next: question)
        #expect(shown.contains("+ lift at most 5 lb"), "\(shown)")
        #expect(try r.run("n", next: SafetyReplTests.week3).contains("Nothing was changed."))
        #expect(try r.run("can lift 8 lb").hasPrefix("Yes"))
        _ = try r.run("program use \(file)", next: question)
        #expect(try r.run("y", next: SafetyReplTests.week3).contains("now follows 'lumbar-fusion-lee'"))
        #expect(try r.run("can lift 8 lb").hasPrefix("No"))
        #expect(try r.quit() == 0)
    }
}
