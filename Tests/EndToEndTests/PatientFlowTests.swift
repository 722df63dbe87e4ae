import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A patient at the terminal: the guided profile, the prompt that follows their week and phase,
/// and every patient, question and order command typed at the REPL of one pseudo-terminal session.
@Suite("Patient flow in a pseudo-terminal")
struct PatientFlowTests {
    static let today = "2026-11-21"
    static let surgery = "2026-10-31"
    static let plainPrompt = "rehab> "
    static let week3Prompt = "rehab[wk 3 · phase 1]> "

    /// One REPL session: types a line, waits for the next prompt, and returns what the command printed.
    final class Repl {
        let session: PTYSession
        var prompt: String

        init(_ sandbox: Sandbox, dataDir: String, today: String = PatientFlowTests.today,
             prompt: String, env: [String: String]? = nil) throws {
            session = try PTYSession(arguments: ["--today", today, "--data-dir", dataDir],
                                     environment: env ?? PatientJourney.environment(sandbox))
            self.prompt = prompt
        }

        /// Waits for the first prompt; returns the banner before it (plain text).
        func start() throws -> String { PatientJourney.plain(try session.expect(prompt, timeout: 10)) }

        /// Types `line`, waits for `next` (default: the same prompt), returns the output between
        /// the echoed line and the prompt, as plain text.
        @discardableResult
        func run(_ line: String, next: String? = nil, timeout: Double = 10) throws -> String {
            session.send(line + "\r")
            let chunk = PatientJourney.plain(try session.expect(next ?? prompt, timeout: timeout))
            if let next { prompt = next }
            return Repl.output(of: chunk, prompt: next ?? prompt)
        }

        /// Drops the echoed line (up to the first newline) and the prompt at the end.
        static func output(of chunk: String, prompt: String) -> String {
            var text = chunk
            if text.hasSuffix(prompt) { text.removeLast(prompt.count) }
            if let nl = text.firstIndex(of: "\n") { text = String(text[text.index(after: nl)...]) } else { text = "" }
            return text
        }

        /// The non-empty lines of some output.
        static func lines(_ text: String) -> [String] {
            text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }

        func quit() throws -> Int32 {
            session.sendControl("d")
            return try session.waitForExit(timeout: 10)
        }
    }

    /// A data dir with a lumbar-fusion patient operated on 2026-10-31 (week 3 on 2026-11-21).
    private func preparedDataDir(_ sandbox: Sandbox) throws -> String {
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery)
        return dir
    }

    // MARK: 1. acceptance

    @Test("acceptance: a new user goes from an empty data dir to 'status' and 'can lift 15 lb' guided by the prompts alone")
    func newUserAcceptance() throws {
        let sandbox = Sandbox()
        let dataDir = sandbox.rehabHome  // exists and is empty
        #expect(try FileManager.default.contentsOfDirectory(atPath: dataDir).isEmpty)
        let repl = try Repl(sandbox, dataDir: dataDir, prompt: Self.plainPrompt)
        defer { repl.session.terminate() }

        // The welcome names `profile` as the first thing to type.
        let banner = try repl.start()
        #expect(banner.contains("Welcome to rehab"), "banner: \(banner)")
        #expect(banner.contains("  profile "), "the welcome should name 'profile': \(banner)")

        // Each answer is typed only after its question appears.
        repl.session.send("profile\r")
        let intro = PatientJourney.plain(try repl.session.expect("Your name or a nickname (optional): "))
        #expect(intro.contains("Let's set up your profile"), "intro: \(intro)")
        repl.session.send("Ann\r")
        try repl.session.expect("Date of your surgery (YYYY-MM-DD): ")
        repl.session.send("\(Self.surgery)\r")
        try repl.session.expect("Your operation — lumbar-fusion, cervical-fusion or lumbar-disc-replacement: ")
        repl.session.send("lumbar-fusion\r")
        try repl.session.expect("Levels operated on, e.g. L4-L5 (optional): ")
        repl.session.send("L4-L5\r")
        try repl.session.expect("Weights in lb or kg? [lb]: ")
        repl.session.send("\r")

        // "Saved", then the prompt shows the week and the phase.
        let saved = Repl.output(of: PatientJourney.plain(try repl.session.expect(Self.week3Prompt)), prompt: Self.week3Prompt)
        #expect(saved.contains("Saved. You are in week 3, day 21 since surgery: phase 1 of 4, 'Protection'."), "saved: \(saved)")
        repl.prompt = Self.week3Prompt

        let status = try repl.run("status")
        #expect(status.contains("week 3, day 21 since surgery"), "status: \(status)")
        #expect(status.contains("Phase 1 of 4, 'Protection'"), "status: \(status)")
        #expect(status.hasPrefix("Ann — "), "status should greet by name: \(status)")

        let lift = try repl.run("can lift 15 lb")
        #expect(lift.hasPrefix("No — "), "can lift 15 lb: \(lift)")
        #expect(lift.contains("10 lb"), "the limit is named: \(lift)")
        #expect(lift.contains("2026-12-12"), "the date it changes is named: \(lift)")
        #expect(try repl.quit() == 0)

        // Everything answered was saved in the journal.
        let profile = try PatientJourney.rehab(sandbox, dataDir: dataDir, today: Self.today, ["profile"])
        #expect(profile.status == 0)
        for line in ["Name: Ann", "Surgery: 2026-10-31", "Procedure: lumbar-fusion", "Levels: L4-L5", "Units: lb"] {
            #expect(profile.stdout.contains(line), "profile lacks '\(line)': \(profile.stdout)")
        }
    }

    @Test("a wrong answer (an impossible or future date) re-asks the same question after one sentence")
    func wrongAnswerReasks() throws {
        let sandbox = Sandbox()
        let dataDir = PatientJourney.freshDataDir(sandbox)
        let repl = try Repl(sandbox, dataDir: dataDir, prompt: Self.plainPrompt)
        defer { repl.session.terminate() }
        _ = try repl.start()
        let question = "Date of your surgery (YYYY-MM-DD): "
        repl.session.send("profile\r")
        try repl.session.expect("Your name or a nickname (optional): ")
        repl.session.send("\r")
        try repl.session.expect(question)

        for (bad, start) in [("2026-02-30", "'2026-02-30' is not a date"), ("2026-12-01", "The surgery date 2026-12-01 is after today")] {
            repl.session.send(bad + "\r")
            let between = Repl.lines(Repl.output(of: PatientJourney.plain(try repl.session.expect(question)), prompt: question))
            #expect(between.count == 1, "after '\(bad)' expected one sentence, got: \(between)")
            if let sentence = between.first {
                #expect(sentence.hasPrefix(start), "after '\(bad)': \(sentence)")
                #expect(sentence.hasSuffix("."), "after '\(bad)': \(sentence)")
                #expect(!PatientJourney.crashMarkers.contains { sentence.contains($0) })
            }
        }
        let operation = "Your operation — lumbar-fusion, cervical-fusion or lumbar-disc-replacement: "
        let weights = "Weights in lb or kg? [lb]: "
        repl.session.send("\(Self.surgery)\r")
        try repl.session.expect(operation)
        repl.session.send("lumbar\r")
        let hint = Repl.lines(Repl.output(of: PatientJourney.plain(try repl.session.expect(operation)), prompt: operation))
        #expect(hint.count == 1 && hint[0].contains("did you mean 'lumbar-fusion'"), "procedure typo: \(hint)")
        repl.session.send("lumbar-fusion\r")
        try repl.session.expect("Levels operated on")
        repl.session.send("\r")
        try repl.session.expect(weights)
        repl.session.send("stone\r")
        let unit = Repl.lines(Repl.output(of: PatientJourney.plain(try repl.session.expect(weights)), prompt: weights))
        #expect(unit.count == 1 && unit[0].hasPrefix("The unit is 'lb' or 'kg'"), "unit: \(unit)")
        repl.session.send("kg\r")
        let saved = try repl.session.expect(Self.week3Prompt)
        #expect(PatientJourney.plain(saved).contains("Saved. You are in week 3, day 21 since surgery"))
        repl.prompt = Self.week3Prompt
        // The wrong dates were not saved: the surgery is the one typed last.
        let lift = try repl.run("can lift 5 kg")
        #expect(lift.hasPrefix("No — lifting is limited to 4.5 kg (10 lb)"), "kg profile: \(lift)")
        #expect(try repl.quit() == 0)
    }

    @Test("three wrong answers to one question stop the set-up with a hint; the session goes on")
    func threeWrongAnswersStop() throws {
        let sandbox = Sandbox()
        let dataDir = PatientJourney.freshDataDir(sandbox)
        let repl = try Repl(sandbox, dataDir: dataDir, prompt: Self.plainPrompt)
        defer { repl.session.terminate() }
        _ = try repl.start()
        repl.session.send("profile\r")
        try repl.session.expect("Your name or a nickname (optional): ")
        repl.session.send("\r")
        var out = ""
        for bad in ["2026-02-30", "2015-01-01", "yesterday"] {
            out += PatientJourney.plain(try repl.session.expect("Date of your surgery (YYYY-MM-DD): "))
            repl.session.send(bad + "\r")
        }
        out += PatientJourney.plain(try repl.session.expect(Self.plainPrompt))
        #expect(PatientJourney.count("Date of your surgery", in: out) == 3, "asked three times: \(out)")
        #expect(out.contains("more than 10 years ago"), "2015: \(out)")
        #expect(out.contains("Let's stop here; type 'profile' to try again."), "out: \(out)")
        // Still at the REPL, with no surgery date saved.
        let status = try repl.run("status")
        #expect(status.contains("surgery date is not set") || status.contains("no profile"), "status: \(status)")
        #expect(try repl.quit() == 0)
    }

    @Test("Enter at a required question re-asks without quoting text the user never typed")
    func enterAtRequiredQuestion() throws {
        let sandbox = Sandbox()
        let repl = try Repl(sandbox, dataDir: PatientJourney.freshDataDir(sandbox), prompt: Self.plainPrompt)
        defer { repl.session.terminate() }
        _ = try repl.start()
        let question = "Date of your surgery (YYYY-MM-DD): "
        repl.session.send("profile\r")
        try repl.session.expect("Your name or a nickname (optional): ")
        repl.session.send("\r")
        try repl.session.expect(question)
        repl.session.send("\r")
        let between = Repl.lines(Repl.output(of: PatientJourney.plain(try repl.session.expect(question)), prompt: question))
        #expect(between.count == 1, "one sentence expected: \(between)")
        #expect(!(between.first ?? "").contains("'?'"), "the message quotes '?', which the user never typed: \(between)")
        // Ctrl-D at a question stops the set-up, and a second one leaves.
        repl.session.sendControl("d")
        let stopped = PatientJourney.plain(try repl.session.expect(Self.plainPrompt))
        #expect(stopped.contains("Stopped; what you answered so far is saved."), "Ctrl-D: \(stopped)")
        #expect(try repl.quit() == 0)
    }

    @Test("Ctrl-C at a profile question stops the set-up, as its first line promises")
    func ctrlCStopsProfile() throws {
        let sandbox = Sandbox()
        let repl = try Repl(sandbox, dataDir: PatientJourney.freshDataDir(sandbox), prompt: Self.plainPrompt)
        defer { repl.session.terminate() }
        _ = try repl.start()
        repl.session.send("profile\r")
        let intro = PatientJourney.plain(try repl.session.expect("Your name or a nickname (optional): "))
        #expect(intro.contains("Ctrl-C to stop"), "intro: \(intro)")
        repl.session.send("Ann\r")
        try repl.session.expect("Date of your surgery (YYYY-MM-DD): ")
        try repl.session.expectWaitingForKey()  // readline is back in its wait for a key, as in InteractiveTests
        repl.session.sendControl("c")
        let stopped = PatientJourney.plain(try repl.session.expect(Self.plainPrompt, timeout: 3))
        #expect(stopped.contains("Stopped; what you answered so far is saved."), "Ctrl-C: \(stopped)")
        #expect(!stopped.contains("Date of your surgery"), "the question was asked again after Ctrl-C: \(stopped)")
        // The name answered before Ctrl-C was kept.
        #expect(try repl.run("profile set unit kg").contains("Weights will be shown in kg."))
        #expect(try repl.quit() == 0)
        let r = try PatientJourney.rehab(sandbox, dataDir: PatientJourney.freshDataDir(sandbox), today: Self.today, ["patients"])
        #expect(r.stdout.contains("me — profile not complete  (2 entries"), "name and unit saved: \(r.stdout)")
    }

    // MARK: 5. bad input at the REPL

    @Test("bad input at the REPL: one sentence, a fresh prompt, and the session goes on")
    func badInputAtRepl() throws {
        let sandbox = Sandbox()
        let repl = try Repl(sandbox, dataDir: try preparedDataDir(sandbox), prompt: Self.week3Prompt)
        defer { repl.session.terminate() }
        _ = try repl.start()
        let cases: [(String, String)] = [
            ("profile set surgery 2026-02-30", "'2026-02-30' is not a date"),
            ("profile set surgery 2026-12-01", "is after today"),
            ("profile set surgery 2015-06-01", "more than 10 years ago"),
            ("can juggle", "no activity 'juggle'"),
            ("can lift -5 lb", "a weight must be more than 0"),
            ("can lift 9000 lb", "at most 500 lb"),
            ("can do jumping-jacks", "no exercise 'jumping-jacks'"),
            ("can routine cartwheel", "no routine 'cartwheel'"),
            ("log pain 11", "from 0 to 10"),
            ("allowed --week -1", "--week takes a week number"),
        ]
        for (line, fragment) in cases {
            let out = Repl.lines(try repl.run(line))
            #expect(out.count == 1, "'\(line)' should print one sentence, got: \(out)")
            let sentence = out.first ?? ""
            #expect(sentence.lowercased().contains(fragment.lowercased()), "'\(line)': \(sentence)")
            #expect(sentence.hasSuffix(".") || sentence.hasSuffix("?"), "'\(line)': \(sentence)")
            for marker in PatientJourney.crashMarkers { #expect(!sentence.contains(marker), "'\(line)': \(sentence)") }
        }
        // The session still works and nothing bad was saved.
        let status = try repl.run("status")
        #expect(status.contains("week 3, day 21 since surgery"), "status after errors: \(status)")
        let lift = try repl.run("can lift gallon-of-milk")
        #expect(lift.hasPrefix("Yes — a gallon of milk (about 8.6 lb)"), "lift: \(lift)")
        #expect(try repl.quit() == 0)
    }

    // MARK: 2. every command at the REPL

    @Test("questions at the REPL: profile, status, allowed, can …, why, next")
    func questionsAtRepl() throws {
        let sandbox = Sandbox()
        let repl = try Repl(sandbox, dataDir: try preparedDataDir(sandbox), prompt: Self.week3Prompt)
        defer { repl.session.terminate() }
        _ = try repl.start()

        let profile = try repl.run("profile")
        #expect(profile.contains("Surgery: 2026-10-31") && profile.contains("Procedure: lumbar-fusion"), "profile: \(profile)")
        #expect(try repl.run("profile set name Ann").contains("Name set to Ann."))
        #expect(try repl.run("profile set levels L4-L5").contains("Levels set to L4-L5."))
        #expect(try repl.run("profile set unit kg").contains("Weights will be shown in kg."))
        #expect(try repl.run("can lift 15 lb").contains("4.5 kg (10 lb)"), "limits are shown in kg now")
        #expect(try repl.run("profile set unit lb").contains("Weights will be shown in lb."))
        #expect(try repl.run("profile set procedure lumbar-fusion").contains("Procedure set to lumbar-fusion"))
        #expect(try repl.run("profile set program lumbar-fusion").contains("Program set to 'lumbar-fusion'"))
        let shown = try repl.run("profile")
        for line in ["Name: Ann", "Levels: L4-L5", "Units: lb", "Program: lumbar-fusion"] {
            #expect(shown.contains(line), "profile lacks '\(line)': \(shown)")
        }

        let status = try repl.run("status")
        #expect(status.contains("Ann — week 3, day 21 since surgery (2026-11-21)"), "status: \(status)")
        #expect(status.contains("Phase 1 of 4, 'Protection' (weeks 0–6)"), "status: \(status)")
        #expect(status.contains("lifting is limited to 10 lb"), "status: \(status)")

        let allowed = try repl.run("allowed")
        #expect(allowed.contains("week 3, day 21 since surgery"), "allowed: \(allowed)")
        #expect(allowed.contains("phase 1 of 4, 'Protection'"), "allowed: \(allowed)")
        let week8 = try repl.run("allowed --week 8")
        #expect(week8.contains("week 8, day 56 since surgery (2026-12-26)"), "allowed --week 8: \(week8)")
        let onDay = try repl.run("allowed --on 2027-01-23")
        #expect(onDay.contains("week 12, day 84 since surgery (2027-01-23)"), "allowed --on: \(onDay)")

        let answers: [(String, String, [String])] = [
            ("can lift 15 lb", "No — ", ["10 lb", "2026-12-12", "lumbar-fusion.rehab:71"]),
            ("can lift 7 kg", "No — ", ["15.4 lb (7 kg)", "10 lb"]),
            ("can lift gallon-of-milk", "Yes — ", ["a gallon of milk (about 8.6 lb)", "10 lb limit"]),
            ("can lift laundry-basket", "No — ", ["a full laundry basket (about 15 lb)"]),
            ("can bend", "No — ", ["no bending forward at the waist until week 12 (2027-01-23)"]),
            ("can twist", "No — ", ["no twisting", "month 6 (2027-04-30)"]),
            ("can drive", "No — ", ["clear driving"]),
            ("can sit 45 min", "No — ", ["30 minutes"]),
            ("can sit 20 min", "Yes — ", ["30-minute sitting limit"]),
            ("can do walking", "Yes — ", ["part of phase 'Protection'", "22 min"]),
            ("can do bridges", "No — ", ["not yet", "'Functional strengthening' (week 12)"]),
            ("can routine log-roll-out-of-bed", "Yes — ", ["part of your program"]),
        ]
        for (line, start, fragments) in answers {
            let out = try repl.run(line)
            #expect(out.hasPrefix(start), "'\(line)': \(out)")
            for f in fragments { #expect(out.contains(f), "'\(line)' lacks '\(f)': \(out)") }
        }

        let why = try repl.run("why twist")
        #expect(why.hasPrefix("No — no twisting"), "why twist: \(why)")
        #expect(why.contains("lumbar-fusion.rehab:92:  no twisting until week 12 and cleared twisting or month 6"), "why twist: \(why)")
        #expect(why.contains("set by the program"), "why twist: \(why)")

        let next = try repl.run("next")
        #expect(next.contains("• 'sit at most 30 min' ends — 2026-12-12 (week 6, day 42 since surgery)"), "next: \(next)")
        #expect(next.contains("phase 2, 'Early stabilization'"), "next: \(next)")
        #expect(try repl.quit() == 0)
    }

    @Test("orders and red flags at the REPL: clear, restrict (the surgeon's order replaces the default), orders, flag, flags, resolve")
    func ordersAndFlagsAtRepl() throws {
        let sandbox = Sandbox()
        let repl = try Repl(sandbox, dataDir: try preparedDataDir(sandbox), prompt: Self.week3Prompt)
        defer { repl.session.terminate() }
        _ = try repl.start()

        #expect(try repl.run("clearances").contains("No clearances recorded yet."))
        let cleared = try repl.run("clear wound by \"Dr Lee\" on 2026-11-20")
        #expect(cleared.contains("Recorded: wound cleared by Dr Lee on 2026-11-20."), "clear: \(cleared)")
        #expect(try repl.run("clearances").contains("2026-11-20  cleared: wound — by Dr Lee"))

        let restricted = try repl.run("restrict lifting 5 lb until week 8 by \"Dr Lee\"")
        #expect(restricted.contains("Recorded: lift at most 5 lb until 2026-12-26, ordered by Dr Lee."), "restrict: \(restricted)")
        let seven = try repl.run("can lift 7 lb")
        #expect(seven.hasPrefix("No — lifting is limited to 5 lb"), "the surgeon's 5 lb is stricter than the program's 10 lb: \(seven)")
        #expect(seven.contains("Dr Lee"), "can lift 7 lb: \(seven)")
        let why = try repl.run("why lift")
        #expect(why.contains("Rule: 'lift at most 5 lb', set by an order from Dr Lee"), "why lift: \(why)")
        #expect(why.contains("It replaces the program's default, 'lift at most 10 lb'"), "why lift names the rule it replaced: \(why)")

        let driving = try repl.run("restrict driving until week 6")
        #expect(driving.contains("Recorded: no driving until 2026-12-12."), "restrict driving: \(driving)")
        #expect(driving.contains("Now: no driving until week 6 (2026-12-12), set by an order"), "says what changed: \(driving)")
        let orders = try repl.run("orders")
        #expect(orders.contains("2026-11-20  cleared: wound — by Dr Lee"), "orders: \(orders)")
        #expect(orders.contains("2026-11-21  restriction: lift at most 5 lb until 2026-12-26 — by Dr Lee"), "orders: \(orders)")
        #expect(orders.contains("2026-11-21  restriction: no driving until 2026-12-12"), "orders: \(orders)")

        // A red flag: on hold at once, with the advice; the prompt says so.
        let holdPrompt = "rehab[wk 3 · on hold]> "
        let flag = try repl.run("flag fever", next: holdPrompt)
        #expect(flag.contains("Red flag — call your surgeon"), "flag: \(flag)")
        #expect(flag.contains("Temperature of 100.4 °F (38 °C) or higher"), "flag: \(flag)")
        #expect(flag.contains("Stop exercising; call your surgeon's office today."), "the advice is shown at once: \(flag)")
        #expect(flag.contains("type 'resolve fever'"), "flag: \(flag)")
        let walking = try repl.run("can do walking")
        #expect(walking.hasPrefix("No — not now: you are on hold since 2026-11-21"), "walking on hold: \(walking)")
        #expect(try repl.run("flags").contains("REPORTED fever ("))
        let resolved = try repl.run("resolve fever", next: Self.week3Prompt)
        #expect(resolved.contains("Resolved fever. Now: phase 1 of 4, 'Protection'."), "resolve: \(resolved)")
        #expect(try repl.run("can do walking").hasPrefix("Yes — "))
        #expect(!(try repl.run("flags")).contains("REPORTED"))
        #expect(try repl.quit() == 0)
    }

    @Test("patients, log and therapist moves at the REPL: patients, patient new/use, log pain, advance, regress")
    func patientsLogAndMovesAtRepl() throws {
        let sandbox = Sandbox()
        let repl = try Repl(sandbox, dataDir: try preparedDataDir(sandbox), prompt: Self.week3Prompt)
        defer { repl.session.terminate() }
        _ = try repl.start()

        let logged = try repl.run("log pain 2 after 3 walking ankle-pumps")
        #expect(logged.contains("Logged: pain 2 → 3, Walking, Ankle pumps."), "log: \(logged)")
        #expect(try repl.run("log pain 1").contains("Logged: pain 1."))

        let phase2 = "rehab[wk 3 · phase 2]> "
        // Its gates are not met yet, so the REPL names them and asks who decided.
        let who = "Who gave this order? Type their name, for example Dr Lee (Enter to cancel): "
        let gates = try repl.run("advance \"strong, pain-free, cleared at visit\"", next: who)
        #expect(gates.contains("This moves past gates not yet met: week 6"), "advance: \(gates)")
        let advanced = try repl.run("Sam (PT)", next: phase2)
        #expect(advanced.contains("Recorded for Sam (PT): strong, pain-free, cleared at visit. Now: phase 2 of 4, 'Early stabilization'."),
                "advance: \(advanced)")
        #expect(advanced.contains("Overridden: week 6"), "advance: \(advanced)")
        let regressed = try repl.run("regress \"pain flare\"", next: Self.week3Prompt)
        #expect(regressed.contains("Recorded: pain flare. Now: phase 1 of 4, 'Protection'."), "regress: \(regressed)")

        let list = try repl.run("patients")
        #expect(list.contains("* me — week 3, phase 1 of 4, 'Protection'  ("), "the first patient is 'me' and current: \(list)")
        let added = try repl.run("patient new bob", next: Self.plainPrompt)
        #expect(added.contains("Added bob and switched to them."), "patient new: \(added)")
        #expect(try repl.run("status").contains("surgery date is not set"))
        #expect(try repl.run("profile set surgery 2026-11-14").contains("week 1, day 7 since surgery"))
        // With two patients the prompt names whose record this is.
        let bobPrompt = "rehab[bob · wk 1 · phase 1]> "
        #expect(try repl.run("profile set procedure cervical-fusion", next: bobPrompt).contains("cervical-fusion"))
        let both = try repl.run("patients")
        #expect(both.contains("* bob — week 1, phase 1") && both.contains("  me — week 3, phase 1"), "patients: \(both)")
        let back = try repl.run("patient use me", next: "rehab[me · wk 3 · phase 1]> ")
        #expect(back.contains("Now working with me."), "patient use: \(back)")
        let status = try repl.run("status")
        #expect(status.hasPrefix("me — week 3, phase 1 of 4"), "the answer names the patient: \(status)")
        #expect(status.contains("week 3, day 21 since surgery"))
        #expect(try repl.quit() == 0)

        // The journal holds it all: me has 2 profile + 1 program + 2 sessions + 2 moves.
        let r = try PatientJourney.rehab(sandbox, dataDir: PatientJourney.freshDataDir(sandbox), today: Self.today, ["patients"])
        #expect(r.stdout.contains("(7 entries") && r.stdout.contains("* me — "), "patients: \(r.stdout)")
        #expect(r.stdout.contains("  bob — week 1, phase 1 of 4") && r.stdout.contains("(3 entries"), "patients: \(r.stdout)")
    }
}
