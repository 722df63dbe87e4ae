import Foundation
import Testing

/// The safety table of issue 9 typed at the real REPL in a pseudo-terminal, with the questions only a terminal asks:
/// which red flag an unclear symptom is, whether to record an exercise the rules forbid, and who gave an order.
@Suite("Safety at the REPL")
struct SafetyReplTests {
    typealias Repl = PatientFlowTests.Repl
    static let week3 = "rehab[wk 3 · phase 1]> "
    static let held = "rehab[wk 3 · on hold]> "

    func repl(_ sandbox: Sandbox) throws -> Repl {
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: SafetyTests.today, surgery: SafetyTests.surgery)
        let r = try Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: Self.week3)
        _ = try r.start()
        return r
    }

    @Test("red flags in the patient's words, an unclear one asked about, and an emergency that stops coaching")
    func flagsAtTheRepl() throws {
        let sandbox = Sandbox()
        let r = try repl(sandbox)
        defer { r.session.terminate() }
        let calf = try r.run("flag my calf is sore and swollen", next: Self.held)
        #expect(calf.contains("Pain, tenderness, swelling, redness or warmth in a calf or leg"), "\(calf)")
        #expect(try r.run("resolve calf-pain", next: Self.week3).contains("Resolved calf-pain"))
        // One telling word is unclear: the REPL asks which flag it is.
        let question = "Type a number (or several, like 1 2), or 'none' if it is something else: "
        let asked = try r.run("flag chest", next: question)
        #expect(asked.contains("Which of these is it?") && asked.contains("1. Chest pain"), "\(asked)")
        let chosen = try r.run("1", next: Self.held)
        #expect(chosen.contains("EMERGENCY"), "\(chosen)")
        #expect(chosen.contains("Call 911 now"), "\(chosen)")
        for line in ["can lift gallon-of-milk", "log pain 2 after 2 walking", "timer 3 hold"] {
            let out = try r.run(line)
            #expect(out.contains("Call 911 now"), "\(line) must repeat the emergency advice: \(out)")
            #expect(!out.contains("Logged") && !out.contains("done."), "\(line) coached during an emergency: \(out)")
        }
        #expect(try r.run("flags").contains("REPORTED chest-breathing"))
        #expect(try r.quit() == 0)
    }

    @Test("a stop rule at the REPL, an exercise against the rules asked about, and orders that ask who gave them")
    func painAndOrdersAtTheRepl() throws {
        let sandbox = Sandbox()
        let r = try repl(sandbox)
        defer { r.session.terminate() }
        let stop = try r.run("log pain 3 after 7 walking")
        #expect(stop.contains("Stop for today") && stop.contains("stop if pain reaches 7"), "\(stop)")
        #expect(try r.run("can do walking").hasPrefix("Back off"))

        let record = "Record it anyway, marked as done against your program's rules? [y/N] "
        let asked = try r.run("log pain 2 after 3 bridges", next: record)
        #expect(asked.contains("Bridges: not yet"), "\(asked)")
        let no = try r.run("n", next: Self.week3)
        #expect(no.contains("Not recorded: Bridges."), "\(no)")
        _ = try r.run("log pain 2 after 3 bridges", next: record)
        let yes = try r.run("y", next: Self.week3)
        #expect(yes.contains("Marked as done against your program's rules: Bridges."), "\(yes)")
        #expect(try r.run("why bridges").contains("Logged against the rules on 2026-11-21"))

        let who = "Who gave this order? Type their name, for example Dr Lee (Enter to cancel): "
        _ = try r.run("clear massage", next: who)
        let cleared = try r.run("Dr Lee", next: Self.week3)
        #expect(cleared.contains("Recorded: massage cleared by Dr Lee on 2026-11-21."), "\(cleared)")
        #expect(try r.run("can massage").hasPrefix("Yes — Dr Lee's clearance of 2026-11-21 allows massage"))
        let limit = try r.run("restrict lifting 20 lb until week 10 by \"Dr Lee\"")
        #expect(limit.contains("Now: lifting is limited to 20 lb"), "\(limit)")
        let status = try r.run("status")
        #expect(status.split(separator: "\n").filter { $0.contains("lifting is limited") }.count == 1, "\(status)")
        #expect(try r.quit() == 0)
    }
}
