import Foundation
import Testing

/// Transfer walk-throughs, exercise how-tos, timers and the start-up line (issue 10) on the real binary: in a
/// pseudo-terminal where the patient presses Enter, and one-shot and in scripts where nobody can.
@Suite("Routines, show, timer and due on the real binary")
struct RoutineTests {
    typealias Repl = PatientFlowTests.Repl
    static let week3 = "rehab[wk 3 · phase 1]> "
    static let step = "Enter for the next step, or type back, repeat or stop: "

    func repl(_ p: SafetyTests.Patient) throws -> Repl {
        let r = try Repl(p.sandbox, dataDir: p.dataDir, today: SafetyTests.today, prompt: Self.week3)
        _ = try r.start()
        return r
    }

    @Test("at the terminal: routine log-roll-out-of-bed, warnings first, then Enter through every step to the end")
    func walkToTheEnd() throws {
        let p = try SafetyTests.Patient()
        let r = try repl(p)
        defer { r.session.terminate() }
        let first = try r.run("routine log-roll-out-of-bed", next: Self.step)
        let never = try #require(first.range(of: "NEVER:"), "\(first)")
        let step1 = try #require(first.range(of: "Step 1 of 10: Lying on your back"), "\(first)")
        #expect(never.upperBound <= step1.lowerBound, "the never warnings come before the first step")
        #expect(first.contains("✗ Sit straight up from lying on your back."))
        for n in 2...10 {
            let out = try r.run("", next: Self.step)
            #expect(out.contains("Step \(n) of 10: "), "step \(n): \(out)")
        }
        let done = try r.run("", next: Self.week3)
        #expect(done.contains("Done: Getting out of bed (log roll)."), "\(done)")
        #expect(done.contains("Logged: Getting out of bed (log roll) practised today."), "\(done)")
        #expect(try p.sessions() == 1, "a finished routine is logged")
        #expect(try r.quit() == 0)
    }

    @Test("at the terminal: back and repeat show the step again, and stop returns to the prompt")
    func backRepeatStop() throws {
        let p = try SafetyTests.Patient()
        let r = try repl(p)
        defer { r.session.terminate() }
        #expect(try r.run("routine get out of bed", next: Self.step).contains("Step 1 of 10: "))
        #expect(try r.run("", next: Self.step).contains("Step 2 of 10: Tighten your stomach muscles."))
        #expect(try r.run("", next: Self.step).contains("Step 3 of 10: Roll onto your side"))
        let back = try r.run("back", next: Self.step)
        #expect(back.contains("Step 2 of 10: Tighten your stomach muscles.") && !back.contains("Step 3"), "\(back)")
        let again = try r.run("repeat", next: Self.step)
        #expect(again.contains("Step 2 of 10: Tighten your stomach muscles."), "\(again)")
        let stop = try r.run("stop", next: Self.week3)
        #expect(stop.contains("Stopped at step 2 of 10 of Getting out of bed (log roll)."), "\(stop)")
        #expect(try r.run("help quit").contains("usage: quit"), "the REPL goes on after stop")
        #expect(try r.quit() == 0)
    }

    @Test("routine table-prone in week 3 is refused with the reason and the supine or side-lying routines")
    func proneRefused() throws {
        let p = try SafetyTests.Patient()
        for words in [["routine", "table-prone"], ["routine", "table-prone", "--print"]] {
            let r = try p.run(words)
            #expect(r.status == 1, "\(words): \(r.stderr)")
            PatientJourney.expectOneSentence(r.stderr, context: words.joined(separator: " "))
            #expect(r.stderr.contains("Lying face down on the table is taught in phase 'Early stabilization' (week 6)"))
            #expect(r.stderr.contains("'routine table-supine'") && r.stderr.contains("'routine table-side-lying'"), "\(r.stderr)")
            #expect(!r.stdout.contains("Step") && !r.stdout.contains("Steps:"))
        }
        // Once the program moves on (week 7, outpatient PT cleared, pain low) it is taught: the refusal follows the program.
        #expect(try p.run(["clear", "outpatient-pt", "by", "Dr Lee"], today: "2026-12-18").status == 0)
        #expect(try p.run(["log", "pain", "2", "walking"], today: "2026-12-18").status == 0)
        let later = try p.run(["routine", "table-prone", "--print"], today: "2026-12-20")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.hasPrefix("Lying face down on the table\nNEVER:\n  ✗ Lie face down with no support under your hips.\n"))
    }

    @Test("--print in a script, and a routine with nobody to press Enter, print the whole handout")
    func printInScript() throws {
        let p = try SafetyTests.Patient()
        let script = "routine get out of bed --print\nroutine pick up from floor\n"
        let r = try PatientJourney.rehab(p.sandbox, dataDir: p.dataDir, today: SafetyTests.today, [], stdin: script)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.noEscapes)
        #expect(r.stdout.hasPrefix("Getting out of bed (log roll)\nNEVER:\n  ✗ Sit straight up from lying on your back.\n"), "\(r.stdout)")
        #expect(r.stdout.contains("Steps:\n  1. Lying on your back") && r.stdout.contains("  10. Stand still for a moment"))
        #expect(r.stdout.contains("Picking something up from the floor\nNEVER:\n"))
        #expect(!r.stdout.contains("Step 1 of"))
        let oneShot = try p.run("routine", "car-in", "--print")
        #expect(oneShot.status == 0 && oneShot.stdout.hasPrefix("Getting into a car (passenger)\nNEVER:"), "\(oneShot.stdout)")
    }

    @Test("an unclear routine lists the candidates and exits 2")
    func unclear() throws {
        let p = try SafetyTests.Patient()
        let r = try p.run("routine", "massage", "table")
        #expect(r.status == 2)
        #expect(r.stdout.contains("table-on — Getting onto a treatment or massage table"))
        #expect(r.stdout.contains("table-off — Getting off a treatment or massage table"))
        PatientJourney.expectOneSentence(r.stderr, context: "routine massage table")
    }

    @Test("routines one-shot: allowed now, and not yet with the date")
    func routinesList() throws {
        let p = try SafetyTests.Patient()
        let r = try p.run("routines")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Allowed now:\n  • log-roll-out-of-bed"))
        #expect(r.stdout.contains("  • table-prone — Lying face down on the table: not yet:"), "\(r.stdout)")
        #expect(r.stdout.contains("from 2026-12-12"))
    }

    @Test("timer reads minutes, M:SS and seconds one-shot, and refuses zero and over an hour in one sentence")
    func timerParsing() throws {
        let sandbox = Sandbox()
        let env = sandbox.environment
        for (words, message) in [(["timer", "0"], "above zero"), (["timer", "61", "min"], "at most one hour"),
                                 (["timer", "-5"], "above zero"), (["timer", "soon"], "needs a length of time")] {
            let r = try runRehab(words, env: env)
            #expect(r.status == 2, "\(words): \(r.stderr)")
            PatientJourney.expectOneSentence(r.stderr, context: words.joined(separator: " "))
            #expect(r.stderr.contains(message), "\(words): \(r.stderr)")
        }
        let ok = try runRehab(["timer", "0:01", "hold"], env: env)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "hold: 1 s\nhold: done.\n", "\(visible(ok.stdout))")
        let s = try runRehab(["timer", "1s", "--quiet"], env: env)
        #expect(s.stdout == "Timer: 1 s\nTimer: done.\n", "\(visible(s.stdout))")
        let help = try runRehab(["help", "timer"], env: env)
        #expect(help.stdout.contains("1 min, 1:30"))
    }

    @Test("show one-shot: the verdict and this week's dose")
    func show() throws {
        let p = try SafetyTests.Patient()
        let r = try p.run("show", "ankle-pumps")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Allowed now — part of phase 'Protection'"))
        #expect(r.stdout.contains("This week: 3 × 10, twice a day\n"))
        #expect(r.stdout.contains("Stop if:\n  ✗ Calf pain"))
    }

    @Test("due: one line with a patient; silent, exit 0 and nothing created without one")
    func due() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        let empty = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["due"])
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr.isEmpty, "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir), "due must not create the data dir")
        let p = try SafetyTests.Patient()
        let r = try p.run("due")
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("rehab: 7 exercises due today; ") && r.stdout.hasSuffix(" routines to practise.\n"), "\(r.stdout)")
        #expect(r.stdout.split(separator: "\n").count == 1)
    }
}
