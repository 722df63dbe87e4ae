import Foundation
import Testing

/// Safety where the patient acts (issue 9), on the real binary: red flags in the patient's words, holds that
/// stop coaching, pain rules that stop and back off, nothing logged silently against the rules, and the
/// surgeon's word over the program's defaults. Every reproducer starts from a fresh data dir at week 3.
@Suite("Safety where the patient acts")
struct SafetyTests {
    static let today = "2026-11-21"
    static let surgery = "2026-10-31"

    /// A fresh lumbar-fusion patient in week 3, and a way to run one-shot commands for them.
    struct Patient {
        let sandbox = Sandbox()
        let dataDir: String

        init(procedure: String = "lumbar-fusion") throws {
            dataDir = PatientJourney.freshDataDir(sandbox)
            try PatientJourney.setUpPatient(sandbox, dataDir: dataDir, today: SafetyTests.today, surgery: SafetyTests.surgery,
                                            procedure: procedure)
        }

        @discardableResult
        func run(_ words: String..., today: String = SafetyTests.today) throws -> RunResult {
            try run(words, today: today)
        }

        @discardableResult
        func run(_ words: [String], today: String = SafetyTests.today) throws -> RunResult {
            try PatientJourney.rehab(sandbox, dataDir: dataDir, today: today, words)
        }

        /// `-c 'LINE'`, so a whole command line is split as the REPL splits it.
        @discardableResult
        func line(_ text: String, today: String = SafetyTests.today) throws -> RunResult {
            try PatientJourney.rehab(sandbox, dataDir: dataDir, today: today, ["-c", text])
        }

        func sessions() throws -> Int {
            // Every session is an event of the journal; count them from the SQLite file itself.
            let db = dataDir + "/journal.sqlite"
            let q = try runProcess("/usr/bin/sqlite3", [db, "SELECT count(*) FROM events WHERE kind = 'session'"])
            return Int(q.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }

        func reported() throws -> [String] {
            let r = try run("flags")
            return r.stdout.split(separator: "\n").filter { $0.hasPrefix("REPORTED ") }
                .map { String($0.dropFirst(9).prefix { $0 != " " }) }
        }
    }

    // MARK: 1. red flags in the patient's own words

    @Test("a symptom in the patient's words finds its red flag and records it", arguments: [
        ("chest pain", "chest-breathing"), ("calf pain", "calf-pain"), ("shortness of breath", "chest-breathing"),
        ("saddle numbness", "bowel-bladder"), ("can't pee", "bowel-bladder"), ("my calf is sore and swollen", "calf-pain"),
        ("CHEST  PAINS!", "chest-breathing"), ("pain in my calves", "calf-pain"), ("shortnes of breath", "chest-breathing"),
        ("breath short", "chest-breathing"),
    ])
    func flagFromWords(words: String, flag: String) throws {
        let p = try Patient()
        let r = try p.line("flag " + words)
        #expect(r.status == 0, "flag \(words): \(r.stderr)")
        #expect(try p.reported().contains(flag), "flag \(words) should record \(flag): \(r.stdout)")
        #expect(!r.stdout.contains("new symptom"), "flag \(words) was not recognised: \(r.stdout)")
    }

    @Test("trouble swallowing is a red flag for a lumbar patient too, not an unknown symptom")
    func swallowing() throws {
        let p = try Patient()
        let r = try p.line("flag trouble swallowing")
        #expect(r.status == 0)
        #expect(!r.stdout.contains("new symptom"), "\(r.stdout)")
        #expect(try !p.reported().isEmpty && !p.reported().contains("unlisted"))
    }

    @Test("a symptom that matches nothing is recorded, holds the patient and lists the emergency signs")
    func unlistedSymptom() throws {
        let p = try Patient()
        let r = try p.line("flag my ears are ringing loudly")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("If you have any of these, call 911 now:"), "\(r.stdout)")
        #expect(r.stdout.contains("call your surgeon's office today"), "\(r.stdout)")
        #expect(try p.reported().contains("unlisted"))
        let can = try p.run("can", "do", "walking")
        #expect(can.stdout.hasPrefix("No"), "\(can.stdout)")
        #expect(can.stdout.contains("ears are ringing"), "the hold names what the patient said: \(can.stdout)")
    }

    @Test("the emergency number is the patient's own in every emergency text")
    func emergencyNumber() throws {
        let p = try Patient()
        #expect(try p.run("profile", "set", "emergency-number", "112").status == 0)
        let r = try p.line("flag chest pain")
        #expect(r.stdout.contains("Call 112"), "\(r.stdout)")
        #expect(!r.stdout.contains("911"), "\(r.stdout)")
        #expect(try p.run("can", "lift", "5", "lb").stdout.contains("112"))
        #expect(try p.run("profile", "set", "emergency-number", "call-me").status == 2)
    }

    // MARK: 2. holds that stop coaching

    @Test("an open emergency stops every coaching command; questions that do not coach still work")
    func emergencyStopsCoaching() throws {
        let p = try Patient()
        #expect(try p.run("flag", "chest-breathing").status == 0)
        let lift = try p.run("can", "lift", "gallon-of-milk")
        #expect(lift.stdout.hasPrefix("No"), "\(lift.stdout)")
        #expect(lift.stdout.contains("Call 911 now"), "\(lift.stdout)")
        let before = try p.sessions()
        let log = try p.run("log", "pain", "2", "after", "2", "walking")
        #expect(log.status != 0, "an exercise log during an emergency must fail: \(log.stdout)")
        #expect(log.stdout.contains("Call 911 now"), "\(log.stdout)")
        #expect(try p.sessions() == before, "nothing may be recorded")
        let timer = try p.run("timer", "3", "hold")
        #expect(timer.status != 0)
        #expect(!timer.stdout.contains("done"), "the timer must not run: \(timer.stdout)")
        let allowed = try p.run("allowed")
        #expect(allowed.stdout.hasPrefix("EMERGENCY"), "\(allowed.stdout)")
        #expect(!allowed.stdout.contains("Exercises:"), "\(allowed.stdout)")
        let status = try p.run("status")
        #expect(!status.stdout.contains("Due today"), "\(status.stdout)")
        #expect(status.stdout.contains("resolve chest-breathing"), "\(status.stdout)")
        for ok in [["flags"], ["orders"], ["profile"], ["help"]] {
            #expect(try p.run(ok).status == 0, "\(ok) still works during an emergency")
        }
        // Resolving it gives coaching back.
        #expect(try p.run("resolve", "chest-breathing").status == 0)
        #expect(try p.run("can", "lift", "gallon-of-milk").stdout.hasPrefix("Yes"))
    }

    @Test("an urgent hold keeps only what the flag says continues, and can says so with the advice")
    func urgentHoldKeepsWhatContinues() throws {
        let p = try Patient()
        #expect(try p.run("flag", "fever").status == 0)
        let bridgesLike = try p.run("can", "do", "long-arc-quads")
        #expect(bridgesLike.stdout.hasPrefix("No"), "\(bridgesLike.stdout)")
        #expect(bridgesLike.stdout.contains("on hold"), "\(bridgesLike.stdout)")
        let lift = try p.run("can", "lift", "5", "lb")
        #expect(lift.stdout.contains("You are on hold"), "an activity answer says the hold: \(lift.stdout)")
    }

    // MARK: 3. pain rules that act where pain is logged

    @Test("a stop rule fires when pain is logged: stop, the rule and its line, and a backed-off dose")
    func stopRuleBacksOff() throws {
        let p = try Patient()
        let normal = try p.run("can", "do", "walking").stdout
        #expect(normal.hasPrefix("Yes"), "\(normal)")
        let log = try p.run("log", "pain", "3", "after", "7", "walking")
        #expect(log.status == 0, "\(log.stderr)")
        #expect(log.stdout.contains("Stop for today"), "\(log.stdout)")
        #expect(log.stdout.contains("stop if pain reaches 7"), "\(log.stdout)")
        #expect(log.stdout.contains("lumbar-fusion.rehab:"), "the rule's program line: \(log.stdout)")
        #expect(log.stdout.contains("call your therapist"), "\(log.stdout)")
        let can = try p.run("can", "do", "walking")
        #expect(can.stdout.hasPrefix("Back off"), "\(can.stdout)")
        let status = try p.run("status")
        #expect(status.stdout.contains("Backed off"), "\(status.stdout)")
        #expect(status.stdout.contains("(backed off)"), "\(status.stdout)")
        let why = try p.run("why", "walking")
        #expect(why.stdout.contains("backed off Walking"), "\(why.stdout)")
        // The next session of it at the usual pain recovers it.
        #expect(try p.run("log", "pain", "3", "after", "3", "walking", today: "2026-11-22").stdout.contains("back to the usual dose"))
        #expect(try p.run("can", "do", "walking", today: "2026-11-22").stdout.hasPrefix("Yes"))
    }

    @Test("pain still above the usual level the next morning backs off the day before's exercises")
    func nextMorningRule() throws {
        let p = try Patient()
        #expect(try p.run("log", "pain", "2", "after", "3", "walking", "ankle-pumps", today: "2026-11-19").status == 0)
        #expect(try p.run("log", "pain", "2", "after", "3", "walking", "ankle-pumps", today: "2026-11-20").status == 0)
        let morning = try p.run("log", "pain", "4", today: "2026-11-21")
        #expect(morning.stdout.contains("above your usual (2)"), "\(morning.stdout)")
        #expect(try p.run("can", "do", "ankle-pumps").stdout.hasPrefix("Back off"))
    }

    // MARK: 4. what is logged against the rules

    @Test("an exercise not allowed now is refused in a one-shot log, and recorded only with --anyway, marked")
    func againstTheRules() throws {
        let p = try Patient()
        let refused = try p.run("log", "pain", "2", "after", "3", "bridges")
        #expect(refused.status == 2, "exit \(refused.status): \(refused.stderr)")
        #expect(refused.stderr.contains("Bridges"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--anyway"), "\(refused.stderr)")
        #expect(try p.sessions() == 0, "nothing recorded")
        let anyway = try p.run("log", "pain", "2", "after", "3", "bridges", "--anyway")
        #expect(anyway.status == 0, "\(anyway.stderr)")
        #expect(anyway.stdout.contains("against your program's rules"), "\(anyway.stdout)")
        #expect(try p.sessions() == 1)
        let why = try p.run("why", "bridges")
        #expect(why.stdout.contains("Logged against the rules on 2026-11-21"), "\(why.stdout)")
    }

    @Test("during a hold an exercise log is not recorded silently either")
    func againstTheRulesOnHold() throws {
        let p = try Patient()
        #expect(try p.run("flag", "fever").status == 0)
        let refused = try p.run("log", "pain", "2", "long-arc-quads")
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("on hold"), "\(refused.stderr)")
    }

    // MARK: 5. the surgeon's word over the program's defaults

    @Test("a surgeon's clearance releases the program's default, and the answer names both")
    func clearanceReleasesDefault() throws {
        let p = try Patient()
        #expect(try p.run("can", "massage").stdout.hasPrefix("No"))
        let clear = try p.line("clear massage by \"Dr Lee\"")
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stdout.contains("Now allowed: massage"), "\(clear.stdout)")
        let can = try p.run("can", "massage")
        #expect(can.stdout.hasPrefix("Yes"), "\(can.stdout)")
        #expect(can.stdout.contains("Dr Lee"), "\(can.stdout)")
        #expect(can.stdout.contains("2026-11-21"), "\(can.stdout)")
        #expect(can.stdout.contains("no massage"), "what the program's default was: \(can.stdout)")
    }

    @Test("a clearance that lifts a rule needs who gave it in a script; one that changes nothing says why")
    func clearanceNeedsWho() throws {
        let p = try Patient()
        let r = try p.run("clear", "massage")
        #expect(r.status == 2, "exit \(r.status)")
        #expect(r.stderr.contains("by \"Dr Lee\""), "\(r.stderr)")
        #expect(try p.run("can", "massage").stdout.hasPrefix("No"), "nothing recorded")
        let gate = try p.run("clear", "outpatient-pt")
        #expect(gate.status == 0, "\(gate.stderr)")
        #expect(gate.stdout.contains("Nothing changes today"), "\(gate.stdout)")
    }

    @Test("a surgeon's looser limit becomes the one limit, said as the surgeon's order; the latest order stands")
    func orderReplacesLimit() throws {
        let p = try Patient()
        let r = try p.line("restrict lifting 20 lb until week 10 by \"Dr Lee\"")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("lifting is limited to 20 lb"), "\(r.stdout)")
        let status = try p.run("status").stdout
        let liftLines = status.split(separator: "\n").filter { $0.contains("lifting is limited") }
        #expect(liftLines.count == 1, "one effective lifting limit: \(liftLines)")
        #expect(liftLines.first?.contains("20 lb") == true && liftLines.first?.contains("Dr Lee") == true, "\(liftLines)")
        #expect(try p.run("can", "lift", "15", "lb").stdout.hasPrefix("Yes"))
        // A later, stricter order replaces it (no `by` needed to tighten).
        #expect(try p.line("restrict lifting 5 lb").status == 0)
        #expect(try p.run("can", "lift", "8", "lb").stdout.hasPrefix("No"))
        // Loosening without who gave it is refused.
        #expect(try p.run("restrict", "lifting", "25", "lb").status == 2)
        // After the surgeon's week the program's default comes back.
        let later = try p.run("can", "lift", "15", "lb", today: "2027-01-10")
        #expect(later.stdout.hasPrefix("No") || later.stdout.hasPrefix("Yes"), "\(later.stdout)")
    }

    // MARK: 6. whose record this is

    @Test("with several patients, answers and the list name each one with week, phase and hold")
    func severalPatients() throws {
        let p = try Patient()
        #expect(try p.run("profile", "set", "name", "Ann").status == 0)
        #expect(try p.run("patient", "new", "bob").status == 0)
        #expect(try p.run("profile", "set", "surgery", "2026-09-01").status == 0)
        #expect(try p.run("profile", "set", "procedure", "cervical-fusion").status == 0)
        #expect(try p.run("flag", "fever").status == 0)
        let list = try p.run("patients").stdout
        #expect(list.contains("me — week 3"), "\(list)")
        #expect(list.contains("bob — week 11") && list.contains("ON HOLD"), "\(list)")
        let can = try p.run("can", "lift", "5", "lb").stdout
        #expect(can.hasPrefix("bob — week 11"), "\(can)")
        let ann = try p.run("--patient", "me", "status").stdout
        #expect(ann.hasPrefix("Ann — week 3"), "\(ann)")
    }

    @Test("advance before its gates are met names them and needs who decided")
    func advanceNeedsWho() throws {
        let p = try Patient()
        let r = try p.run("advance", "strong and pain-free")
        #expect(r.status == 2, "exit \(r.status): \(r.stdout)")
        #expect(r.stdout.contains("gates not yet met"), "\(r.stdout)")
        let ok = try p.line("advance \"strong and pain-free\" by \"Sam (PT)\"")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Overridden"), "\(ok.stdout)")
        #expect(try p.run("why", "walking").stdout.contains("by Sam (PT)"))
    }

    @Test("Due today counts what was logged today")
    func dueTodayCounts() throws {
        let p = try Patient()
        #expect(try p.run("log", "pain", "2", "walking").status == 0)
        let status = try p.run("status").stdout
        #expect(status.contains("Walking — 22 min, 3 times a day, 2 more times today"), "\(status)")
        _ = try p.run("log", "pain", "2", "walking")
        _ = try p.run("log", "pain", "2", "walking")
        #expect(try p.run("status").stdout.contains("Walking — 22 min, 3 times a day, done for today"))
    }
}
