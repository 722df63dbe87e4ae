import Foundation
import Testing
import RehabCore
@testable import RehabShell

/// A rig with one lumbar-fusion patient in week 3 (surgery 2026-02-22, today 2026-03-15), on the shipped programs.
final class PatientRig {
    let rig = Rig()
    var shell: Shell { rig.shell }
    /// What was written since the last `clear()`.
    var out: String { String(rig.console.output.dropFirst(mark)) }
    private var mark = 0
    /// Answers given to the step prompt, in order; nil once they run out (like Ctrl-D).
    var answers: [String] = []
    private(set) var asked: [String] = []

    static let programsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Programs").path

    init(surgery: String = "2026-02-22", procedure: String = "lumbar-fusion", answering: Bool = true) throws {
        rig.shell.settings.programsDir = Self.programsDir
        try rig.shell.execute("profile set surgery \(surgery)")
        try rig.shell.execute("profile set procedure \(procedure)")
        if answering {
            rig.shell.ask = { [unowned self] prompt in
                asked.append(prompt)
                return answers.isEmpty ? .end : .line(answers.removeFirst())
            }
        }
        clear()
    }

    func clear() { mark = rig.console.output.count }

    func run(_ line: String) throws(CommandError) -> String {
        clear()
        try shell.execute(line)
        return out
    }

    func sessions() throws -> [SessionSummary] { try shell.record(of: shell.currentPatient()).sessions }
}

@Suite("Routines")
struct RoutineCommandTests {
    static let program: Program = {
        let rig = try? PatientRig(answering: false)
        return (try? rig?.shell.patientView().program) ?? Program(id: "none", name: "none")
    }()

    @Test("words find a routine: its id, its name's words, plurals and -ing forms, any case")
    func matching() {
        let p = Self.program
        for words in ["log-roll-out-of-bed", "get out of bed", "Getting OUT of beds", "log roll out of bed", "out of bed"] {
            #expect(p.routineMatching(words.split(separator: " ").map(String.init)) == .found(p.routine("log-roll-out-of-bed")!),
                    "\(words)")
        }
        #expect(p.routineMatching(["pick", "up", "from", "the", "floor"]) == .found(p.routine("pick-up-from-floor")!))
        guard case .unclear(let list) = p.routineMatching(["massage", "table"]) else { Issue.record("massage table is unclear"); return }
        #expect(list.map(\.id) == ["table-on", "table-off"])
        guard case .none(let closest) = p.routineMatching(["get", "out", "of", "the", "bath"]) else {
            Issue.record("bath matches nothing"); return
        }
        #expect(closest.map(\.id).contains("log-roll-out-of-bed"))
        #expect(p.routineMatching(["zzz"]) == .none(closest: []))
    }

    @Test("routines lists those allowed now and those not yet, with the reason and the date")
    func listing() throws {
        let r = try PatientRig()
        let out = try r.run("routines")
        let allowed = try #require(out.range(of: "Allowed now:")), later = try #require(out.range(of: "Not yet:"))
        let outBed = try #require(out.range(of: "  • log-roll-out-of-bed — Getting out of bed (log roll)\n"))
        #expect(allowed.upperBound <= outBed.lowerBound && outBed.upperBound <= later.lowerBound)
        #expect(out.contains("  • pick-up-from-floor — Picking something up from the floor\n"))
        #expect(out.contains("  • table-prone — Lying face down on the table: not yet: Lying face down on the table is taught in "
                             + "phase 'Early stabilization' (week 6), from 2026-04-05 when you move on to phase 'Early stabilization'.\n"),
                "\(out)")
        #expect(!out[allowed.upperBound..<later.lowerBound].contains("table-prone"))
    }

    @Test("a walk-through shows the never warnings first, then one step per Enter, to the end; nothing is logged")
    func walkToTheEnd() throws {
        let r = try PatientRig()
        let routine = try #require(Self.program.routine("log-roll-out-of-bed"))
        r.answers = Array(repeating: "", count: routine.steps.count)
        let out = try r.run("routine get out of bed")
        let never = try #require(out.range(of: "NEVER:\n  ✗ Sit straight up from lying on your back.\n"))
        let first = try #require(out.range(of: "Step 1 of 10: Lying on your back"))
        #expect(never.upperBound <= first.lowerBound)
        for (i, step) in routine.steps.enumerated() { #expect(out.contains("Step \(i + 1) of 10: \(step)\n")) }
        #expect(out.hasSuffix("Done: Getting out of bed (log roll). Well done; move this way every time until your surgeon says otherwise.\n"
                              + "Logged: Getting out of bed (log roll) practised today.\n"))
        #expect(r.asked == Array(repeating: RoutineWalk.stepPrompt, count: 10))
        #expect((try r.sessions()).map(\.exercises) == [["log-roll-out-of-bed"]], "the finished routine is logged, alone")
    }

    @Test("back, repeat and stop at the step prompt")
    func backRepeatStop() throws {
        let r = try PatientRig()
        r.answers = ["", "", "back", "repeat", "back", "back", "huh", "", "stop"]
        let out = try r.run("routine log-roll-out-of-bed")
        let steps = out.split(separator: "\n").filter { $0.hasPrefix("Step ") }.map { String($0.prefix(12)) }
        #expect(steps == ["Step 1 of 10", "Step 2 of 10", "Step 3 of 10", "Step 2 of 10", "Step 2 of 10", "Step 1 of 10",
                          "Step 1 of 10", "Step 2 of 10"], "\(out)")
        #expect(out.contains("This is the first step.\n"))
        #expect(out.contains("'huh' is not a step command; press Enter for the next step, or type back, repeat or stop.\n"))
        #expect(out.hasSuffix("Stopped at step 2 of 10 of Getting out of bed (log roll).\n"))
        #expect(!out.contains("Done:"))
    }

    @Test("Ctrl-D or Ctrl-C at the step prompt stops the walk-through")
    func endStops() throws {
        let r = try PatientRig()
        r.answers = [""]
        let count = try #require(Self.program.routine("car-in")).steps.count
        let out = try r.run("routine car-in")
        #expect(out.hasSuffix("Stopped at step 2 of \(count) of Getting into a car (passenger).\n"), "\(out)")
    }

    @Test("--print, or nobody to answer, shows every step at once as a handout")
    func handout() throws {
        for r in [try PatientRig(), try PatientRig(answering: false)] {
            let line = r.shell.ask == nil ? "routine pick up from floor" : "routine pick-up-from-floor --print"
            let out = try r.run(line)
            #expect(r.asked.isEmpty)
            #expect(out.hasPrefix("Picking something up from the floor\nNEVER:\n  ✗ Bend over at the waist with straight legs.\n"), "\(out)")
            #expect(out.contains("Steps:\n  1. Check it is within your lifting limit"))
            #expect(out.contains("  7. Push up with your legs"))
            #expect(out.contains("Keep in mind:\n  • Turn with your feet"))
            #expect(!out.contains("Step 1 of"))
        }
    }

    @Test("lying face down before the program allows it is refused, with the reason and the supine or side-lying routines")
    func proneRefused() throws {
        let r = try PatientRig()
        r.answers = ["", ""]
        do {
            _ = try r.run("routine table-prone")
            Issue.record("table-prone was allowed in week 3")
        } catch {
            #expect(error.kind == .failed)
            #expect(error.message == "not yet: Lying face down on the table is taught in phase 'Early stabilization' (week 6), from "
                    + "2026-04-05 when you move on to phase 'Early stabilization'; for now type 'routine table-supine' (lying on your "
                    + "back on the table) or 'routine table-side-lying' (lying on your side on the table).")
        }
        #expect(r.asked.isEmpty && !r.out.contains("Step 1"))
        #expect(throws: CommandError.self) { try r.run("routine table-prone --print") }
    }

    @Test("an unclear name lists the candidates; an unknown one says what to type")
    func unclearAndUnknown() throws {
        let r = try PatientRig()
        r.clear()
        let e = r.rig.error("routine massage table")
        #expect(e?.message == "'massage table' fits several routines; type one of them, for example 'routine table-on'.")
        #expect(r.out == "'massage table' fits several routines:\n  • table-on — Getting onto a treatment or massage table\n"
                + "  • table-off — Getting off a treatment or massage table\n")
        #expect(r.rig.error("routine flying")?.message
                == "no routine of your program matches 'flying'; type 'routines' to list them, or for example 'routine get out of bed'.")
        #expect(r.rig.error("routine")?.kind == .usage)
    }

    @Test("an open emergency stops routines and walk-throughs")
    func emergency() throws {
        let r = try PatientRig()
        try r.shell.execute("flag chest pain")
        r.answers = [""]
        #expect(try r.run("routines").contains("EMERGENCY"))
        #expect(r.rig.error("routine log-roll-out-of-bed")?.kind == .failed)
        #expect(r.asked.isEmpty)
    }
}

@Suite("Routine and exercise completion")
struct RoutineCompletionTests {
    @Test("Tab after routine offers the program's routines, after show its exercises, after routine NAME --print")
    func completes() throws {
        let r = try PatientRig()
        let c = r.shell.completer
        #expect(c.candidates(line: "routine log-roll-o") == ["log-roll-out-of-bed"])
        #expect(c.candidates(line: "routine pick").contains("pick-up-from-floor"))
        #expect(c.candidates(line: "show ankle") == ["ankle-pumps"])
        #expect(c.candidates(line: "routine car-in --pr") == ["--print"])
        #expect(c.candidates(line: "timer 30 --q") == ["--quiet"])
    }
}
