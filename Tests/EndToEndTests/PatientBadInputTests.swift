import Foundation
import Testing

/// Bad input to the patient commands: one plain sentence on stderr, exit 2 once from the shell,
/// `rehab: line N:` and exit 1 in a script, and nothing written to the journal.
@Suite("Bad input to the patient commands")
struct PatientBadInputTests {
    static let today = "2026-11-21"
    static let surgery = "2026-10-31"

    struct BadInput: CustomTestStringConvertible, Sendable {
        let words: [String]
        let fragment: String
        var testDescription: String { words.joined(separator: " ") }
        init(_ words: [String], _ fragment: String) { self.words = words; self.fragment = fragment }
    }

    static let cases: [BadInput] = [
        BadInput(["profile", "set", "surgery", "2026-02-30"], "'2026-02-30' is not a date"),
        BadInput(["profile", "set", "surgery", "2026-13-01"], "'2026-13-01' is not a date"),
        BadInput(["profile", "set", "surgery", "31/10/2026"], "is not a date"),
        BadInput(["profile", "set", "surgery", "2026-12-01"], "the surgery date 2026-12-01 is after today (2026-11-21)"),
        BadInput(["profile", "set", "surgery", "2015-06-01"], "more than 10 years ago"),
        BadInput(["profile", "set", "unit", "stone"], "the unit is 'lb' or 'kg'"),
        BadInput(["profile", "set", "procedure", "knee"], "'knee' is not a procedure"),
        BadInput(["profile", "set", "colour", "blue"], "no field 'colour'"),
        BadInput(["can", "juggle"], "no activity 'juggle'"),
        BadInput(["can", "lift", "-5", "lb"], "a weight must be more than 0"),
        BadInput(["can", "lift", "9000", "lb"], "at most 500 lb"),
        BadInput(["can", "lift", "0", "kg"], "a weight must be more than 0"),
        BadInput(["can", "lift", "nan", "lb"], "is not a weight"),
        BadInput(["can", "lift", "1e400", "lb"], "is not a weight"),
        BadInput(["can", "lift", "piano"], "'piano' is not a weight or an object"),
        BadInput(["can", "do", "jumping-jacks"], "no exercise 'jumping-jacks'"),
        BadInput(["can", "routine", "cartwheel"], "no routine 'cartwheel'"),
        BadInput(["can", "sit", "0", "min"], "say how long in minutes"),
        BadInput(["can"], "ask about something"),
        BadInput(["why", "juggle"], "no activity 'juggle'"),
        BadInput(["clear", "juggling"], "nothing called 'juggling' to clear"),
        BadInput(["clear", "lifting", "up", "to", "-3", "lb"], "a limit must be more than 0"),
        BadInput(["clear", "lifting", "on", "2026-12-01"], "between your surgery (2026-10-31) and today (2026-11-21)"),
        BadInput(["restrict", "lifting", "0", "lb"], "a lifting limit must be more than 0"),
        BadInput(["restrict", "lifting", "5", "lb", "until", "week", "2"], "would already be over (2026-11-14)"),
        BadInput(["log", "pain", "11"], "from 0 to 10"),
        BadInput(["log", "pain", "-1"], "from 0 to 10"),
        BadInput(["log", "pain", "2", "after", "3", "moonwalk"], "no exercise 'moonwalk'"),
        BadInput(["allowed", "--week", "-1"], "--week takes a week number from 0 to 520"),
        BadInput(["allowed", "--week", "9999"], "--week takes a week number from 0 to 520"),
        BadInput(["allowed", "--on", "2026-02-30"], "'2026-02-30' is not a date"),
        BadInput(["allowed", "--on", "2026-10-01"], "before your surgery"),
        BadInput(["flag"], "say what you notice"),
        BadInput(["resolve", "fever"], "nothing to resolve"),
        BadInput(["advance"], "give a reason"),
        BadInput(["regress", "flare"], "no phase to regress to"),
        BadInput(["patient", "use", "nobody"], "no patient named 'nobody'"),
        BadInput(["status", "--wat"], "no option --wat"),
    ]

    /// A patient set up on 2026-10-31, and the number of events in the journal.
    private func prepared() throws -> (Sandbox, String, String) {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery)
        let events = try PatientJourney.sqlite(dir + "/journal.sqlite", "SELECT count(*) FROM events")
        return (sandbox, dir, events)
    }

    @Test("one-shot bad input: one sentence on stderr, nothing on stdout, exit 2, nothing recorded", arguments: cases)
    func oneShot(_ c: BadInput) throws {
        let (sandbox, dir, events) = try prepared()
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, c.words)
        #expect(r.status == 2, "'\(c.testDescription)' exited \(r.status); stdout: \(r.stdout) stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty, "'\(c.testDescription)' printed on stdout: \(r.stdout)")
        PatientJourney.expectOneSentence(r.stderr, context: c.testDescription)
        #expect(r.stderr.lowercased().contains(c.fragment.lowercased()), "'\(c.testDescription)': \(r.stderr)")
        #expect(r.noEscapes)
        #expect(try PatientJourney.sqlite(dir + "/journal.sqlite", "SELECT count(*) FROM events") == events,
                "'\(c.testDescription)' changed the journal")
    }

    @Test("error messages are punctuated sentences, not two sentences run together", arguments: cases)
    func punctuated(_ c: BadInput) throws {
        let (sandbox, dir, _) = try prepared()
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, c.words)
        let runOn = PatientJourney.runOnSentence(in: r.stderr)
        #expect(runOn == nil, "'\(c.testDescription)': a full stop is missing before '\(runOn ?? "")' in: \(r.stderr)")
    }

    @Test("a surgery date more than 10 years back is refused even by one day; exactly 10 years is accepted")
    func tenYearBoundary() throws {
        let (sandbox, dir, _) = try prepared()
        // 2016-11-21 → 2026-11-21 is exactly ten years (3652 days: 2020 and 2024 are leap years).
        let exact = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["profile", "set", "surgery", "2016-11-21"])
        #expect(exact.status == 0, "exactly 10 years back: \(exact.stderr)")
        let older = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["profile", "set", "surgery", "2016-11-20"])
        #expect(older.status == 2, "10 years and a day back was accepted: \(older.stdout)")
        #expect(older.stderr.contains("more than 10 years ago"), "stderr: \(older.stderr)")
    }

    @Test("a bad --today is one sentence and exit 2", arguments: ["2026-02-30", "tomorrow", ""])
    func badToday(_ value: String) throws {
        let sandbox = Sandbox()
        let r = try runRehab(["--today", value, "--data-dir", PatientJourney.freshDataDir(sandbox), "status"],
                             env: PatientJourney.environment(sandbox))
        if value.isEmpty {
            // An empty --today is not a date either; it must not be silently replaced by the clock.
            #expect(r.status == 2, "--today '': \(r.stdout) \(r.stderr)")
        } else {
            #expect(r.status == 2)
            PatientJourney.expectOneSentence(r.stderr, context: "--today \(value)")
        }
    }

    @Test("bad lines in a script: 'rehab: line N: …' each, the script goes on, status 1; --bail stops at the first")
    func badInputInScript() throws {
        let (sandbox, dir, _) = try prepared()
        let script = "can juggle\ncan lift 15 lb\ncan lift -5 lb\nprofile set surgery 2026-02-30\ncan lift gallon-of-milk\n"
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, [], stdin: script)
        #expect(r.status == 1)
        #expect(r.stderrLines.count == 3, "stderr: \(visible(r.stderr))")
        for (i, n) in [1, 3, 4].enumerated() where i < r.stderrLines.count {
            #expect(r.stderrLines[i].hasPrefix("rehab: line \(n): "), "stderr line \(i): \(r.stderrLines[i])")
        }
        #expect(PatientJourney.missingInOrder(["No — lifting is limited to 10 lb", "Yes — a gallon of milk"], in: r.stdout) == nil,
                "the good lines still ran: \(r.stdout)")
        for marker in PatientJourney.crashMarkers { #expect(!r.stderr.contains(marker)) }

        let bail = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["--bail"], stdin: script)
        #expect(bail.status == 1)
        #expect(bail.stderrLines.count == 1 && bail.stderrLines.first?.hasPrefix("rehab: line 1: ") == true, "stderr: \(bail.stderr)")
        #expect(bail.stdout.isEmpty, "--bail stops before line 2: \(bail.stdout)")
    }

    @Test("questions before any profile: one sentence pointing to 'profile', exit 2, in an empty data dir",
          arguments: [["status"], ["can", "lift", "15", "lb"], ["allowed"], ["next"], ["why", "twist"], ["log", "pain", "2"], ["profile"]])
    func beforeAnyProfile(_ words: [String]) throws {
        let sandbox = Sandbox()
        let r = try PatientJourney.rehab(sandbox, dataDir: PatientJourney.freshDataDir(sandbox), today: Self.today, words)
        #expect(r.status == 2, "\(words): \(r.status) \(r.stdout)")
        PatientJourney.expectOneSentence(r.stderr, context: words.joined(separator: " "))
        #expect(r.stderr.contains("profile"), "\(words) should point to 'profile': \(r.stderr)")
    }
}
