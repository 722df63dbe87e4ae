import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The guided daily session on the real binary in a pseudo-terminal, typed as a patient would, with a short program
/// whose timers last a second each so real time stays small.
@Suite("Guided session")
struct GuidedSessionTests {
    typealias Repl = PatientFlowTests.Repl
    static let prompt = "rehab[wk 3 · phase 1]> "
    static let program = """
        program short "A short test program"
        procedure lumbar-fusion
        exercise marching "Marching"
          step "Lift one knee, then the other."
        exercise squats "Chair squats"
          step "Sit back towards the chair."
        red flag chest-breathing "Chest pain or shortness of breath"
          emergency
          says "chest pain"
          advice "Call 911 now."
        stop if pain rises 2
        phase one "One" weeks 0-12
          marching 2 x 2, hold 1 s, rest 1 s, once a day
          squats 2 x 5, rest 1 s, once a day
        """

    /// A patient at week 3 on the short program.
    static func patient(_ sandbox: Sandbox) throws -> String {
        let dir = PatientJourney.freshDataDir(sandbox)
        let file = sandbox.root + "/short.rehab"
        try sandbox.write(Self.program, to: file)
        for words in [["profile", "set", "surgery", SafetyTests.surgery], ["profile", "set", "program", file]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, words)
            try #require(r.status == 0, "\(words): \(r.stderr)")
        }
        return dir
    }

    static func sessions(_ dir: String) throws -> [String] {
        let q = try runProcess("/usr/bin/sqlite3", [dir + "/journal.sqlite", "SELECT exercises FROM session_facts ORDER BY event_id"])
        return q.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
    }

    @Test("a new user types start and finishes a session guided by the prompts alone")
    func wholeSession() throws {
        let sandbox = Sandbox()
        let dir = try Self.patient(sandbox)
        let r = try Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: Self.prompt)
        defer { r.session.terminate() }
        _ = try r.start()
        let screen = try r.run("start", next: "Do you have any of these today? [y/N] ")
        #expect(screen.contains("Chest pain or shortness of breath"), "\(screen)")
        _ = try r.run("", next: "Your pain right now, 0 to 10: ")
        let intro = try r.run("2", next: "Press Enter to begin Marching (or skip, back, help): ")
        #expect(intro.contains("1 of 2: Marching — 2 × 2, hold 1 s, rest 1 s, once a day"), "\(intro)")
        #expect(intro.contains("1. Lift one knee, then the other."), "\(intro)")
        let timed = try r.run("", next: "How was your pain during Marching? 0 to 10: ", timeout: 30)
        #expect(timed.contains("Set 1 of 2, rep 1 of 2: hold: 1 s") && timed.contains("Rest: 1 s")
                && timed.contains("Set 2 of 2, rep 2 of 2: hold: 1 s"), "\(timed)")
        _ = try r.run("3", next: "Press Enter to begin Chair squats (or skip, back, help): ")
        // Marching is in the journal the moment it is done.
        #expect(try Self.sessions(dir) == ["marching"])
        _ = try r.run("", next: "Set 1 of 2: 5 reps — Enter when done: ")
        _ = try r.run("", next: "Set 2 of 2: 5 reps — Enter when done: ", timeout: 30)
        _ = try r.run("", next: "How was your pain during Chair squats? 0 to 10: ")
        _ = try r.run("3", next: "Your pain now, after the session, 0 to 10: ")
        let summary = try r.run("2", next: Self.prompt)
        #expect(summary.contains("Done: Marching (2 × 2, hold 1 s, rest 1 s, once a day, pain 3); Chair squats"), "\(summary)")
        #expect(summary.contains("Pain: 2 before, 2 after"), "\(summary)")
        #expect(try r.run("status").contains("Marching — 2 × 2, hold 1 s, rest 1 s, once a day, done for today"))
        #expect(try r.quit() == 0)
        #expect(try Self.sessions(dir) == ["marching", "squats", ""])
    }

    @Test("a red flag at readiness ends the session, records the flag and holds the patient")
    func redFlagAtReadiness() throws {
        let sandbox = Sandbox()
        let dir = try Self.patient(sandbox)
        let r = try Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: Self.prompt)
        defer { r.session.terminate() }
        _ = try r.start()
        _ = try r.run("start", next: "Do you have any of these today? [y/N] ")
        _ = try r.run("y", next: "Which? Say it in your own words: ")
        let out = try r.run("I have chest pain", next: "rehab[wk 3 · on hold]> ")
        #expect(out.contains("EMERGENCY") && out.contains("Call 911 now."), "\(out)")
        #expect(out.contains("Ended early: a red flag was reported."), "\(out)")
        #expect(try Self.sessions(dir).isEmpty)
        #expect(try r.quit() == 0)
    }

    @Test("a session killed with SIGKILL keeps its completed exercises, and start continues where it stopped")
    func killedSessionContinues() throws {
        let sandbox = Sandbox()
        let dir = try Self.patient(sandbox)
        do {
            let r = try Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: Self.prompt)
            defer { r.session.terminate() }
            _ = try r.start()
            _ = try r.run("start --quick", next: "Do you have any of these today? [y/N] ")
            _ = try r.run("", next: "Your pain right now, 0 to 10: ")
            _ = try r.run("2", next: "Enter when you have done Marching, or skip: ")
            _ = try r.run("", next: "How was your pain during Marching? 0 to 10: ")
            _ = try r.run("2", next: "Enter when you have done Chair squats, or skip: ")
            kill(r.session.pid, SIGKILL)
            #expect(try r.session.waitForExit(timeout: 10) == 128 + SIGKILL)
        }
        #expect(try Self.sessions(dir) == ["marching"], "the completed exercise survived the kill")
        let r = try Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: Self.prompt)
        defer { r.session.terminate() }
        _ = try r.start()
        let offer = try r.run("start --quick", next: "Continue with the rest? [Y/n] ")
        #expect(offer.contains("Your session earlier today stopped after Marching."), "\(offer)")
        _ = try r.run("", next: "Do you have any of these today? [y/N] ")
        _ = try r.run("", next: "Your pain right now, 0 to 10: ")
        let next = try r.run("2", next: "Enter when you have done Chair squats, or skip: ")
        #expect(next.contains("1 of 1: Chair squats"), "only what was left: \(next)")
        _ = try r.run("", next: "How was your pain during Chair squats? 0 to 10: ")
        _ = try r.run("2", next: "Your pain now, after the session, 0 to 10: ")
        _ = try r.run("2", next: Self.prompt)
        #expect(try r.quit() == 0)
        #expect(try Self.sessions(dir) == ["marching", "squats", ""])
    }

    @Test("Enter ends the walking timer early and the minutes walked are logged")
    func walkEndsOnEnter() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        let file = sandbox.root + "/walk.rehab"
        try sandbox.write("""
            program walk "Walking only"
            procedure lumbar-fusion
            exercise walking "Walking"
              step "Walk on level ground."
            phase one "One" weeks 0-12
              walking 20 min, once a day
            """, to: file)
        for words in [["profile", "set", "surgery", SafetyTests.surgery], ["profile", "set", "program", file]] {
            #expect(try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, words).status == 0)
        }
        let r = try Repl(sandbox, dataDir: dir, today: SafetyTests.today, prompt: Self.prompt)
        defer { r.session.terminate() }
        _ = try r.start()
        _ = try r.run("start", next: "Your pain right now, 0 to 10: ")
        _ = try r.run("1", next: "Press Enter to begin Walking (or skip, back, help): ")
        _ = try r.run("", next: "Walking: 20 min (Enter when you finish early): 1200 s")
        // The timer is running; the first redraw of its bar shows it has started counting.
        _ = try r.session.expect(" left")
        let ended = try r.run("", next: "How was your pain during Walking? 0 to 10: ")
        #expect(ended.contains("Walk ended after 1 min."), "\(ended)")
        _ = try r.run("1", next: "Your pain now, after the session, 0 to 10: ")
        _ = try r.run("1", next: Self.prompt)
        #expect(try r.quit() == 0)
        let minutes = try runProcess("/usr/bin/sqlite3", [dir + "/journal.sqlite",
                                                          "SELECT payload FROM events WHERE kind = 'session' ORDER BY id LIMIT 1"])
        #expect(minutes.stdout.contains("\"minutes\":1"), "\(minutes.stdout)")
    }

    @Test("start in a script says it needs a terminal, in one sentence, and records nothing")
    func startInAScript() throws {
        let sandbox = Sandbox()
        let dir = try Self.patient(sandbox)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["start"])
        #expect(r.status == 2, "exit \(r.status)")
        PatientJourney.expectOneSentence(r.stderr, context: "start in a script")
        #expect(try Self.sessions(dir).isEmpty)
    }
}
