import Foundation
import Testing

/// Gates on one prescription and `onward` on the real binary: `preview` of a program file, and a patient whose
/// gated item is not due, not logged, until its week.
@Suite("gated and carried prescriptions: preview, due and log")
struct GatedPrescriptionTests {
    static let program = """
        program gated "Gated demo"
        clearance stabilization "trunk control is good enough"
        exercise bridges "Bridges"
          position supine
          loads bending
        exercise walking "Walking"
          position standing
        exercise side-bend "Side bend and rotation"
          position standing
          loads twisting
        phase protection "Protection" weeks 0-6
          walking 10 min, twice a day, +4 min each week up to 40 min, onward
          bridges 2 x 10 from week 4
        phase strength "Strength" weeks 6-16
          no bending until week 12
          no twisting until cleared stabilization
          bridges 2 x 10 from week 12
          side-bend 10 reps when cleared stabilization
        phase return "Return" weeks 16-26
          stop walking
        """

    func write(_ sandbox: Sandbox) throws -> String {
        let path = sandbox.root + "/gated.rehab"
        try sandbox.write(Self.program, to: path)
        return path
    }

    func run(_ sandbox: Sandbox, _ words: [String]) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox))
    }

    @Test("check accepts gates that wait for the release; preview says not yet, and carries walking on")
    func preview() throws {
        let sandbox = Sandbox()
        let path = try write(sandbox)
        let check = try run(sandbox, ["check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let week8 = try run(sandbox, ["preview", path, "--week", "8", "--all"]).stdout
        #expect(week8.contains("Bridges — not yet: Bridges is part of phase 'Strength' from week 12."), "\(week8)")
        #expect(week8.contains("Side bend and rotation — not yet: Side bend and rotation is part of phase 'Strength' "
                               + "when your surgeon or therapist clears stabilization."), "\(week8)")
        // Week 5 of protection reached 30 min; week 2 of strength is two steps on: the progression does not restart.
        #expect(week8.contains("Walking — part of phase 'Strength' (continued from phase 'Protection'): 38 min, twice a day."),
                "\(week8)")
        let week12 = try run(sandbox, ["preview", path, "--week", "12"]).stdout
        #expect(week12.contains("yes Bridges — part of phase 'Strength'"), "\(week12)")
        let week17 = try run(sandbox, ["preview", path, "--week", "17", "--all"]).stdout
        #expect(!week17.contains("Walking — part of"), "stopped in phase 'Return': \(week17)")
        // The week-by-week table: bridges from week 12 only, walking until the stop.
        let table = try run(sandbox, ["preview", path]).stdout.split(separator: "\n").map { String($0) }
        let row = { (week: Int) in table.first { $0.hasPrefix("\(week) ") } ?? "" }
        #expect(row(11).hasSuffix("walking") && row(12).hasSuffix("bridges, walking"), "\(table)")
        #expect(row(16).hasSuffix("-"), "\(table)")
        let shown = try run(sandbox, ["program", "show", path]).stdout
        #expect(shown.contains("  bridges 2 × 10 from week 12\n"), "\(shown)")
        #expect(shown.contains("(continued from phase protection)"), "\(shown)")
    }

    @Test("check rejects a gate that opens before the restriction ends, and a stop with nothing carried")
    func rejected() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/early.rehab"
        try sandbox.write(Self.program.replacingOccurrences(of: "bridges 2 x 10 from week 12", with: "bridges 2 x 10 from week 8")
                              .replacingOccurrences(of: "  walking 10 min, twice a day, +4 min each week up to 40 min, onward",
                                                    with: "  walking 10 min, twice a day"), to: path)
        let r = try run(sandbox, ["check", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):17:3: error: phase 'strength' prescribes 'bridges'"), "\(r.stderr)")
        #expect(r.stderr.contains("as in 'bridges … from week 12'"), "\(r.stderr)")
        #expect(r.stderr.contains("\(path):20:8: error: 'stop walking' in phase 'return' stops nothing"), "\(r.stderr)")
    }

    @Test("a patient: not due and not logged before its week; due from it")
    func patient() throws {
        let p = try SafetyTests.Patient()
        let path = sandboxProgram(p)
        let use = try p.run("program", "use", path, "--yes")
        try #require(use.status == 0, "\(use.stdout)\(use.stderr)")
        // Surgery 2026-10-31, today 2026-11-21: week 3.
        let due = try p.run("due")
        #expect(due.stdout.contains("1 exercise due today"), "walking only: \(due.stdout)")
        let logged = try p.run("log", "pain", "2", "bridges")
        #expect(logged.status != 0, "\(logged.stdout)")
        #expect((logged.stdout + logged.stderr).contains("not yet: Bridges is part of phase 'Protection' from week 4 (2026-11-28)"),
                "\(logged.stdout)\(logged.stderr)")
        #expect(try p.sessions() == 0)
        let week4 = try p.run(["due"], today: "2026-11-28")
        #expect(week4.stdout.contains("2 exercises due today"), "walking and bridges: \(week4.stdout)")
        #expect(try p.run(["log", "pain", "2", "bridges"], today: "2026-11-28").status == 0)
        #expect(try p.sessions() == 1)
    }

    func sandboxProgram(_ p: SafetyTests.Patient) -> String {
        let path = p.sandbox.root + "/gated.rehab"
        try? p.sandbox.write(Self.program, to: path)
        return path
    }
}
