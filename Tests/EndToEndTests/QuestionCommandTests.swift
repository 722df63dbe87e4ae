import Foundation
import Testing

/// The patient, question and order commands run once from the shell and as a script from a pipe,
/// their `--json` shapes, and the effect of clearances and surgeon's orders on the answers.
@Suite("Questions, orders and patients from the command line")
struct QuestionCommandTests {
    static let today = "2026-11-21"      // week 3, day 21
    static let week8 = "2026-12-26"      // surgery + 56 days
    static let week12 = "2027-01-23"     // surgery + 84 days
    static let surgery = "2026-10-31"

    /// A sandbox with one lumbar-fusion patient ("me") operated on 2026-10-31.
    private func prepared(today: String = QuestionCommandTests.today) throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: today, surgery: Self.surgery)
        return (sandbox, dir)
    }

    private func rehab(_ sandbox: Sandbox, _ dir: String, _ words: [String], today: String = QuestionCommandTests.today,
                       stdin: String = "") throws -> RunResult {
        try PatientJourney.rehab(sandbox, dataDir: dir, today: today, words, stdin: stdin)
    }

    /// Runs and requires exit 0 with nothing on stderr.
    private func ok(_ sandbox: Sandbox, _ dir: String, _ words: [String], today: String = QuestionCommandTests.today,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try rehab(sandbox, dir, words, today: today)
        #expect(r.status == 0, "rehab \(words) exited \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.isEmpty, "rehab \(words) wrote to stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.noEscapes, "rehab \(words) wrote escape codes into a pipe", sourceLocation: sourceLocation)
        return r.stdout
    }

    // MARK: 2. every command, once from the shell

    struct OneShot: CustomTestStringConvertible, Sendable {
        let words: [String]
        var before: [[String]] = []
        let fragments: [String]
        var testDescription: String { "rehab " + words.joined(separator: " ") }
    }

    static let oneShots: [OneShot] = [
        OneShot(words: ["profile"], fragments: ["Patient: me", "Surgery: 2026-10-31", "Procedure: lumbar-fusion", "Units: lb"]),
        OneShot(words: ["profile", "set", "surgery", "2026-11-01"],
                fragments: ["Surgery date set to 2026-11-01 — today is week 2, day 20 since surgery."]),
        OneShot(words: ["profile", "set", "procedure", "cervical-fusion"], fragments: ["Procedure set to cervical-fusion"]),
        OneShot(words: ["profile", "set", "program", "lumbar-disc-replacement"], fragments: ["Program set to 'lumbar-disc-replacement'"]),
        OneShot(words: ["profile", "set", "levels", "L4-L5"], fragments: ["Levels set to L4-L5."]),
        OneShot(words: ["profile", "set", "unit", "kg"], fragments: ["Weights will be shown in kg."]),
        OneShot(words: ["profile", "set", "name", "Ann Smith"], fragments: ["Name set to Ann Smith."]),
        OneShot(words: ["status"], fragments: ["You — week 3, day 21 since surgery (2026-11-21)", "Phase 1 of 4, 'Protection'",
                                               "Restrictions in force:", "lifting is limited to 10 lb", "Due today:"]),
        OneShot(words: ["allowed"], fragments: ["week 3, day 21 since surgery (2026-11-21), phase 1 of 4, 'Protection'",
                                                "Exercises:", "yes Walking", "no  Bridges", "Routines:", "Activities:"]),
        OneShot(words: ["allowed", "--week", "8"], fragments: ["week 8, day 56 since surgery (2026-12-26)"]),
        OneShot(words: ["allowed", "--on", "2027-01-23"], fragments: ["week 12, day 84 since surgery (2027-01-23)"]),
        OneShot(words: ["can", "lift", "15", "lb"], fragments: ["No — lifting is limited to 10 lb", "2026-12-12", "15 lb is over it"]),
        OneShot(words: ["can", "lift", "7", "kg"], fragments: ["No — ", "15.4 lb (7 kg) is over it"]),
        OneShot(words: ["can", "lift", "gallon-of-milk"], fragments: ["Yes — a gallon of milk (about 8.6 lb) is within your 10 lb limit"]),
        OneShot(words: ["can", "bend"], fragments: ["No — no bending forward at the waist until week 12 (2027-01-23)"]),
        OneShot(words: ["can", "twist"], fragments: ["No — no twisting your trunk until week 12 (2027-01-23)", "month 6 (2027-04-30)"]),
        OneShot(words: ["can", "drive"], fragments: ["No — no driving until your surgeon allows driving, and you are off opioid pain medicine"]),
        OneShot(words: ["can", "sit", "45", "min"], fragments: ["No — sitting is limited to 30 minutes at a time until week 6 (2026-12-12)"]),
        OneShot(words: ["can", "do", "walking"], fragments: ["Yes — part of phase 'Protection': 22 min, 3 times a day."]),
        OneShot(words: ["can", "routine", "log-roll-out-of-bed"], fragments: ["Yes — ", "is part of your program."]),
        OneShot(words: ["why", "twist"], fragments: ["No — no twisting", "lumbar-fusion.rehab:92:", "Gates for phase 2"]),
        OneShot(words: ["next"], fragments: ["• 'sit at most 30 min' ends — 2026-12-12 (week 6, day 42 since surgery)"]),
        OneShot(words: ["clear", "driving", "by", "Dr Lee", "on", "2026-11-20"],
                fragments: ["Recorded: driving cleared by Dr Lee on 2026-11-20."]),
        OneShot(words: ["clearances"], before: [["clear", "wound", "by", "Dr Lee"]],
                fragments: ["2026-11-21  cleared: wound — by Dr Lee"]),
        OneShot(words: ["restrict", "lifting", "5", "lb", "until", "week", "8", "by", "Dr Lee"],
                fragments: ["Recorded: lift at most 5 lb until 2026-12-26, ordered by Dr Lee."]),
        OneShot(words: ["restrict", "driving", "until", "week", "6"], fragments: ["Recorded: no driving until 2026-12-12."]),
        OneShot(words: ["orders"], before: [["restrict", "driving", "until", "week", "6"], ["clear", "brace", "by", "Dr Lee"]],
                fragments: ["2026-11-21  cleared: brace — by Dr Lee", "2026-11-21  restriction: no driving until 2026-12-12",
                            "In force today, one rule per activity:"]),
        OneShot(words: ["flag", "fever"], fragments: ["Temperature of 100.4 °F (38 °C) or higher",
                                                      "Stop exercising; call your surgeon's office today.", "type 'resolve fever'"]),
        OneShot(words: ["flags"], fragments: ["— Temperature of 100.4 °F", "bowel-bladder (emergency: call 911 now) — "]),
        OneShot(words: ["resolve", "fever"], before: [["flag", "fever"]], fragments: ["Resolved fever. Now: phase 1 of 4, 'Protection'."]),
        OneShot(words: ["patients"], fragments: ["* me — week 3, phase 1 of 4, 'Protection'  (3 entries, since "]),
        OneShot(words: ["patient", "new", "bob"], fragments: ["Added bob and switched to them."]),
        OneShot(words: ["patient", "use", "me"], before: [["patient", "new", "bob"]], fragments: ["Now working with me."]),
        OneShot(words: ["log", "pain", "2", "after", "3", "walking", "ankle-pumps"],
                fragments: ["Logged: pain 2 → 3, Walking, Ankle pumps."]),
        OneShot(words: ["advance", "strong, pain-free, cleared at visit", "by", "Sam (PT)"],
                fragments: ["Recorded for Sam (PT): strong, pain-free, cleared at visit. Now: phase 2 of 4, 'Early stabilization'."]),
        OneShot(words: ["regress", "pain flare"], before: [["advance", "cleared at visit", "by", "Sam (PT)"]],
                fragments: ["Recorded: pain flare. Now: phase 1 of 4, 'Protection'."]),
    ]

    @Test("every patient, question and order command runs once from the shell", arguments: oneShots)
    func oneShot(_ c: OneShot) throws {
        let (sandbox, dir) = try prepared()
        for words in c.before { _ = try ok(sandbox, dir, words) }
        let out = try ok(sandbox, dir, c.words)
        for f in c.fragments { #expect(out.contains(f), "'\(c.testDescription)' lacks '\(f)':\n\(out)") }
    }

    @Test("every command in one script from a pipe: output in order, no prompt, no escapes, status 0")
    func pipedScript() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        let script = """
            # a new patient, set up without questions
            profile set surgery 2026-10-31
            profile set procedure lumbar-fusion
            profile set levels L4-L5
            profile set unit lb
            profile set name Ann
            profile
            status
            allowed --week 8
            can lift 15 lb
            can lift 7 kg
            can lift gallon-of-milk
            can bend
            can twist
            can drive
            can sit 45 min
            can do walking
            can routine log-roll-out-of-bed
            why twist
            next
            restrict lifting 5 lb until week 8 by "Dr Lee"
            can lift 7 lb
            why lift
            restrict driving until week 6
            clear wound by "Dr Lee" on 2026-11-20
            clearances
            orders
            flag fever
            can do walking
            flags
            resolve fever
            log pain 2 after 3 walking ankle-pumps
            advance "cleared at visit" by "Sam (PT)"
            regress "pain flare"
            patient new bob
            patients
            patient use Ann
            patient use me
            """ + "\n"
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, [], stdin: script)
        // `patient use Ann` fails (the patient is 'me'; Ann is only the display name): status 1, one line on stderr.
        #expect(r.status == 1, "status \(r.status); stderr: \(r.stderr)")
        #expect(r.stderr == "rehab: line 37: there is no patient named 'Ann'; type 'patients' to list them or 'patient new Ann' to add one.\n",
                "stderr: \(visible(r.stderr))")
        #expect(r.noEscapes)
        #expect(!r.stdout.contains("rehab>") && !r.stdout.contains("rehab["), "no prompt in a script")
        let ordered = [
            "Surgery date set to 2026-10-31", "following the shipped 'lumbar-fusion' program", "Levels set to L4-L5.",
            "Weights will be shown in lb.", "Name set to Ann.", "Name: Ann",
            "Ann — week 3, day 21 since surgery (2026-11-21)", "week 8, day 56 since surgery (2026-12-26)",
            "No — lifting is limited to 10 lb", "15.4 lb (7 kg) is over it", "Yes — a gallon of milk",
            "No — no bending", "No — no twisting", "No — no driving", "No — sitting is limited to 30 minutes",
            "Yes — part of phase 'Protection'", "Yes — Getting out of bed", "lumbar-fusion.rehab:92:",
            "• 'sit at most 30 min' ends", "Recorded: lift at most 5 lb until 2026-12-26, ordered by Dr Lee.",
            "No — lifting is limited to 5 lb", "Rule: 'lift at most 5 lb', set by an order from Dr Lee",
            "Recorded: no driving until 2026-12-12.", "Recorded: wound cleared by Dr Lee on 2026-11-20.",
            "2026-11-20  cleared: wound — by Dr Lee", "restriction: no driving until 2026-12-12",
            "Red flag — call your surgeon today: Temperature", "Stop exercising;", "No — not now: you are on hold", "REPORTED fever",
            "Resolved fever.", "Logged: pain 2 → 3, Walking, Ankle pumps.", "Recorded for Sam (PT): cleared at visit. Now: phase 2 of 4",
            "Recorded: pain flare. Now: phase 1 of 4", "Added bob and switched to them.", "* bob — profile not complete",
            "  me — week 3", "Now working with me.",
        ]
        #expect(PatientJourney.missingInOrder(ordered, in: r.stdout) == nil,
                "missing or out of order: '\(PatientJourney.missingInOrder(ordered, in: r.stdout) ?? "")'\n\(r.stdout)")
    }

    @Test("-c runs several commands and exits")
    func dashC() throws {
        let (sandbox, dir) = try prepared()
        let r = try rehab(sandbox, dir, ["-c", "can lift 15 lb; can lift gallon-of-milk; restrict lifting 5 lb until week 8 by \"Dr Lee\"; why lift"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let parts = ["No — lifting is limited to 10 lb", "Yes — a gallon of milk", "ordered by Dr Lee", "set by an order from Dr Lee"]
        #expect(PatientJourney.missingInOrder(parts, in: r.stdout) == nil, "stdout: \(r.stdout)")
    }

    // MARK: orders: the surgeon's latest order replaces the program's default

    @Test("restrict lifting 5 lb until week 8 by Dr Lee: stricter than the program, so can lift 7 lb is no and why names Dr Lee")
    func surgeonOrderIsStricter() throws {
        let (sandbox, dir) = try prepared()
        #expect(try ok(sandbox, dir, ["can", "lift", "7", "lb"]).hasPrefix("Yes — 7 lb is within your 10 lb limit"))
        _ = try ok(sandbox, dir, ["restrict", "lifting", "5", "lb", "until", "week", "8", "by", "Dr Lee"])
        let seven = try ok(sandbox, dir, ["can", "lift", "7", "lb"])
        #expect(seven.hasPrefix("No — lifting is limited to 5 lb until week 8 (2026-12-26)"), "can lift 7 lb: \(seven)")
        #expect(seven.contains("Dr Lee"), "can lift 7 lb: \(seven)")
        #expect(try ok(sandbox, dir, ["can", "lift", "4", "lb"]).hasPrefix("Yes — 4 lb is within your 5 lb limit"))
        let why = try ok(sandbox, dir, ["why", "lift"])
        #expect(why.contains("Rule: 'lift at most 5 lb', set by an order from Dr Lee"), "why lift: \(why)")
        #expect(why.contains("It replaces the program's default, 'lift at most 10 lb'"), "why lift: \(why)")
        let json = try PatientJourney.object(try rehab(sandbox, dir, ["can", "lift", "7", "lb", "--json"]))
        #expect(json["allowed"] as? Bool == false)
        #expect(json["changesOn"] as? String == "2026-12-26")
        // At week 8 the order is over and the program's 10 lb rule is back in charge.
        let later = try ok(sandbox, dir, ["can", "lift", "7", "lb"], today: Self.week8)
        #expect(later.hasPrefix("Yes — 7 lb is within your 10 lb limit"), "at week 8: \(later)")
    }

    @Test("a looser order needs who gave it, and then replaces the program's default")
    func looserOrderNeedsWho() throws {
        let (sandbox, dir) = try prepared()
        let refused = try rehab(sandbox, dir, ["restrict", "lifting", "20", "lb", "until", "week", "8"])
        #expect(refused.status == 2, "exit \(refused.status)")
        PatientJourney.expectOneSentence(refused.stderr, context: "restrict lifting 20 lb without by")
        #expect(try ok(sandbox, dir, ["can", "lift", "15", "lb"]).hasPrefix("No — lifting is limited to 10 lb"), "nothing recorded")
        _ = try ok(sandbox, dir, ["restrict", "lifting", "20", "lb", "until", "week", "8", "by", "Dr Lee"])
        let out = try ok(sandbox, dir, ["can", "lift", "15", "lb"])
        #expect(out.hasPrefix("Yes — 15 lb is within your 20 lb limit"), "can lift 15 lb: \(out)")
        #expect(out.contains("'lift at most 10 lb'"), "the answer names the default it replaced: \(out)")
    }

    @Test("restrict driving until week 6: a clearance without who gave it does not lift it; the surgeon's later clearance does")
    func drivingOrderAndClearances() throws {
        let (sandbox, dir) = try prepared()
        _ = try ok(sandbox, dir, ["restrict", "driving", "until", "week", "6", "by", "Dr Lee"])
        // A clearance the program waits for needs who gave it in a script.
        let anonymous = try rehab(sandbox, dir, ["clear", "driving", "on", "2026-11-20"])
        #expect(anonymous.status == 2, "exit \(anonymous.status)")
        PatientJourney.expectOneSentence(anonymous.stderr, context: "clear driving without by")
        let now = try ok(sandbox, dir, ["can", "drive"])
        #expect(now.hasPrefix("No — no driving until week 6 (2026-12-12)"), "can drive: \(now)")
        #expect(now.contains("Dr Lee"), "can drive: \(now)")
        // The surgeon's own later clearance is the latest order for driving, so it replaces the dated one.
        let cleared = try ok(sandbox, dir, ["clear", "driving", "by", "Dr Lee"], today: "2026-11-28")
        #expect(cleared.contains("Now allowed: driving"), "clear says what changed: \(cleared)")
        let later = try ok(sandbox, dir, ["can", "drive"], today: "2026-11-28")
        #expect(later.hasPrefix("Yes — Dr Lee's clearance of 2026-11-28 allows driving"), "can drive: \(later)")
    }

    @Test("an order recorded after a same-day clearance is in force: clear, then restrict, the same day",
          arguments: [
            (["clear", "driving", "by", "Dr Kim"], ["restrict", "driving", "until", "week", "6", "by", "Dr Lee"], ["can", "drive"]),
            (["clear", "lifting", "by", "Dr Kim"], ["restrict", "lifting", "5", "lb", "until", "week", "8", "by", "Dr Lee"], ["can", "lift", "7", "lb"]),
          ] as [([String], [String], [String])])
    func orderAfterSameDayClearance(_ clear: [String], _ restrict: [String], _ question: [String]) throws {
        let (sandbox, dir) = try prepared()
        _ = try ok(sandbox, dir, clear)
        let recorded = try ok(sandbox, dir, restrict)
        #expect(recorded.contains("It replaces the program's default"), "\(recorded)")
        let answer = try ok(sandbox, dir, question)
        let story = "'\(restrict.joined(separator: " "))' was recorded after '\(clear.joined(separator: " "))', "
            + "yet '\(question.joined(separator: " "))' says: \(answer)"
        #expect(answer.hasPrefix("No — "), "\(story)")
        #expect(answer.contains("Dr Lee"), "\(answer)")
    }

    // MARK: flags

    @Test("flag fever: on hold at once with the advice; can do walking says no; status --json onHold; resolve lifts it")
    func redFlagHold() throws {
        let (sandbox, dir) = try prepared()
        let flagged = try ok(sandbox, dir, ["flag", "fever"])
        #expect(flagged.contains("Stop exercising; call your surgeon's office today."), "advice at once: \(flagged)")
        let walking = try PatientJourney.object(try rehab(sandbox, dir, ["can", "do", "walking", "--json"]))
        PatientJourney.expectShape(walking, PatientJourney.verdictShape, context: "can do walking --json on hold")
        #expect(walking["allowed"] as? Bool == false)
        #expect((walking["changesWhen"] as? String)?.contains("resolve fever") == true, "\(walking)")
        let status = try PatientJourney.object(try rehab(sandbox, dir, ["status", "--json"]))
        #expect(status["onHold"] as? Bool == true)
        #expect(status["holds"] as? [String] == ["fever"])
        #expect((status["dueToday"] as? [Any])?.isEmpty == true, "nothing is due while on hold")
        #expect(try ok(sandbox, dir, ["status"]).contains("ON HOLD"))
        #expect(try ok(sandbox, dir, ["flags"]).contains("REPORTED fever"))
        _ = try ok(sandbox, dir, ["resolve", "fever"])
        let after = try PatientJourney.object(try rehab(sandbox, dir, ["status", "--json"]))
        #expect(after["onHold"] as? Bool == false)
        #expect(try ok(sandbox, dir, ["can", "do", "walking"]).hasPrefix("Yes — "))
    }

    @Test("log pain 8 reaches the hold level: on hold until resolve pain")
    func painHold() throws {
        let (sandbox, dir) = try prepared()
        let out = try ok(sandbox, dir, ["log", "pain", "8"])
        #expect(out.contains("you are on hold"), "log pain 8: \(out)")
        #expect(try ok(sandbox, dir, ["can", "do", "walking"]).hasPrefix("No — not now"))
        #expect(try ok(sandbox, dir, ["resolve", "pain"]).contains("Resolved pain."))
        #expect(try ok(sandbox, dir, ["can", "do", "walking"]).hasPrefix("Yes — "))
    }

    // MARK: patients

    @Test("--patient NAME works before or after the command word and touches only that patient")
    func patientOption() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        _ = try ok(sandbox, dir, ["patient", "new", "ann"])
        _ = try ok(sandbox, dir, ["profile", "set", "surgery", Self.surgery])
        _ = try ok(sandbox, dir, ["profile", "set", "procedure", "lumbar-fusion"])
        _ = try ok(sandbox, dir, ["patient", "new", "bob"])
        _ = try ok(sandbox, dir, ["--patient", "bob", "profile", "set", "surgery", "2026-11-14"])
        _ = try ok(sandbox, dir, ["profile", "set", "procedure", "cervical-fusion", "--patient", "bob"])
        _ = try ok(sandbox, dir, ["patient", "use", "ann"])

        #expect(try ok(sandbox, dir, ["--patient", "bob", "status"]).contains("week 1, day 7 since surgery"))
        #expect(try ok(sandbox, dir, ["status", "--patient", "bob"]).contains("Anterior cervical"))
        #expect(try ok(sandbox, dir, ["status"]).contains("week 3, day 21 since surgery"), "ann is still current")
        // With two patients every answer first names whose it is.
        let answer = try ok(sandbox, dir, ["--patient", "ann", "can", "lift", "15", "lb"])
        #expect(answer.hasPrefix("ann — week 3, phase 1") && answer.contains("\nNo — "), "\(answer)")
        _ = try ok(sandbox, dir, ["--patient", "bob", "log", "pain", "2"])
        _ = try ok(sandbox, dir, ["--patient", "bob", "flag", "fever"])
        let bob = try PatientJourney.object(try rehab(sandbox, dir, ["--patient", "bob", "status", "--json"]))
        let ann = try PatientJourney.object(try rehab(sandbox, dir, ["--patient", "ann", "status", "--json"]))
        #expect(bob["onHold"] as? Bool == true)
        #expect(ann["onHold"] as? Bool == false, "bob's flag must not put ann on hold")
        let list = try ok(sandbox, dir, ["patients"])
        #expect(list.contains("* ann — week 3, phase 1 of 4, 'Protection'  (3 entries"), "patients: \(list)")
        #expect(list.contains("  bob — week 1, ") && list.contains("ON HOLD: Temperature") && list.contains("(5 entries"), "patients: \(list)")

        let missing = try rehab(sandbox, dir, ["--patient", "zed", "status"])
        #expect(missing.status == 2)
        PatientJourney.expectOneSentence(missing.stderr, context: "--patient zed")
        #expect(missing.stderr.contains("no patient named 'zed'"))
        let dup = try rehab(sandbox, dir, ["patient", "new", "ann"])
        #expect(dup.status == 2)
        PatientJourney.expectOneSentence(dup.stderr, context: "patient new ann (again)")
    }

    // MARK: 4. clearances

    @Test("at week 8: can lift 12 lb is no; clear lifting by the surgeon moves to the program's next limit (15 lb until week 12)")
    func clearLiftingFollowsProgram() throws {
        let (sandbox, dir) = try prepared(today: Self.week8)
        let before = try ok(sandbox, dir, ["can", "lift", "12", "lb"], today: Self.week8)
        #expect(before.hasPrefix("No — lifting is limited to 10 lb until your surgeon clears lifting"), "before: \(before)")
        #expect(before.contains("lumbar-fusion.rehab:71"))
        // It loosens a limit, so a script must say who cleared it.
        #expect(try rehab(sandbox, dir, ["clear", "lifting"], today: Self.week8).status == 2)
        let cleared = try ok(sandbox, dir, ["clear", "lifting", "by", "Dr Lee"], today: Self.week8)
        #expect(cleared.contains("Recorded: lifting cleared by Dr Lee on 2026-12-26."), "clear: \(cleared)")
        #expect(cleared.contains("Now: lifting is limited to 15 lb"), "says what changed: \(cleared)")
        let twelve = try ok(sandbox, dir, ["can", "lift", "12", "lb"], today: Self.week8)
        #expect(twelve.hasPrefix("Yes — 12 lb is within your 15 lb limit"), "after clear: \(twelve)")
        let sixteen = try ok(sandbox, dir, ["can", "lift", "16", "lb"], today: Self.week8)
        #expect(sixteen.hasPrefix("No — lifting is limited to 15 lb until week 12 (2027-01-23) and your surgeon allows lifting more than 15 lb"),
                "16 lb: \(sixteen)")
        #expect(sixteen.contains("lumbar-fusion.rehab:80"), "the program's next rule: \(sixteen)")
        let json = try PatientJourney.object(try rehab(sandbox, dir, ["can", "lift", "16", "lb", "--json"], today: Self.week8))
        #expect(json["changesOn"] is NSNull, "week 12 alone does not end it: \(json)")
        #expect((json["changesWhen"] as? String)?.contains("week 12 (2027-01-23) and your surgeon allows lifting more than 15 lb") == true, "\(json)")
        // The status lists the 15 lb limit, and no longer the 10 lb one.
        let status = try PatientJourney.object(try rehab(sandbox, dir, ["status", "--json"], today: Self.week8))
        let limits = (status["restrictions"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "lifting" }.compactMap { $0["limit"] as? String }
        #expect(limits == ["15 lb"], "lifting limits in force: \(limits)")
    }

    @Test("clear lifting up to N lb by WHO: the clearance's limit replaces the program's, in either direction")
    func clearLiftingUpTo() throws {
        // Week 8: the program allows 15 lb once lifting is cleared; a clearance up to 12 lb is stricter.
        let (sandbox, dir) = try prepared(today: Self.week8)
        let rec = try ok(sandbox, dir, ["clear", "lifting", "up", "to", "12", "lb", "by", "Dr Lee"], today: Self.week8)
        #expect(rec.contains("Recorded: lifting cleared up to 12 lb by Dr Lee on 2026-12-26."), "clear: \(rec)")
        #expect(try ok(sandbox, dir, ["can", "lift", "12", "lb"], today: Self.week8).hasPrefix("Yes — "))
        let thirteen = try ok(sandbox, dir, ["can", "lift", "13", "lb"], today: Self.week8)
        #expect(thirteen.hasPrefix("No — lifting is limited to 12 lb"), "13 lb: \(thirteen)")
        // Up to 25 lb at week 8 is looser than the program's 10 lb: it needs who gave it, and then it is the limit.
        let (s2, d2) = try prepared(today: Self.week8)
        #expect(try rehab(s2, d2, ["clear", "lifting", "up", "to", "25", "lb"], today: Self.week8).status == 2)
        _ = try ok(s2, d2, ["clear", "lifting", "up", "to", "25", "lb", "by", "Dr Lee"], today: Self.week8)
        #expect(try ok(s2, d2, ["can", "lift", "16", "lb"], today: Self.week8).hasPrefix("Yes — 16 lb is within your 25 lb limit"))
        #expect(try ok(s2, d2, ["can", "lift", "26", "lb"], today: Self.week8).hasPrefix("No — lifting is limited to 25 lb"))

        // Week 12 with heavy lifting cleared: the program has no limit left, so 25 lb is the limit.
        let (s3, d3) = try prepared(today: Self.week12)
        _ = try ok(s3, d3, ["clear", "lifting", "by", "Dr Lee", "on", "2027-01-20"], today: Self.week12)
        _ = try ok(s3, d3, ["clear", "heavy-lifting", "by", "Dr Lee", "on", "2027-01-20"], today: Self.week12)
        #expect(try ok(s3, d3, ["can", "lift", "100", "lb"], today: Self.week12).hasPrefix("Yes — no lifting limit is in force"))
        let all4 = try ok(s3, d3, ["clear", "lifting", "up", "to", "25", "lb", "by", "Dr Lee", "on", "2027-01-22"], today: Self.week12)
        #expect(all4.contains("Recorded: lifting cleared up to 25 lb by Dr Lee on 2027-01-22."), "clear …: \(all4)")
        #expect(try ok(s3, d3, ["can", "lift", "25", "lb"], today: Self.week12).hasPrefix("Yes — 25 lb is within your 25 lb limit"))
        let over = try ok(s3, d3, ["can", "lift", "26", "lb"], today: Self.week12)
        #expect(over.hasPrefix("No — lifting is limited to 25 lb"), "26 lb: \(over)")
        let status = try PatientJourney.object(try rehab(s3, d3, ["status", "--json"], today: Self.week12))
        let lifting = (status["restrictions"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "lifting" }
        #expect(lifting.count == 1 && lifting.first?["limit"] as? String == "25 lb", "lifting: \(lifting)")
        #expect(try ok(s3, d3, ["clearances"], today: Self.week12).contains("2027-01-22  cleared: lifting up to 25 lb — by Dr Lee"))
    }

    // MARK: everyday objects

    struct EverydayObject { let id: String; let pounds: Double; let name: String }

    /// Programs/everyday-objects.txt, read independently of rehab.
    static func everydayObjects() throws -> [EverydayObject] {
        let text = try String(contentsOfFile: PatientJourney.programsDir + "/everyday-objects.txt", encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard !line.hasPrefix("#"), parts.count >= 4, let v = Double(parts[1]) else { return nil }
            let pounds = parts[2] == "kg" ? v * 2.20462 : v
            return EverydayObject(id: String(parts[0]), pounds: pounds, name: parts[3...].joined(separator: " ").lowercased())
        }
    }

    @Test("can lift OBJECT for every object in everyday-objects.txt: yes exactly when it is within 10 lb at week 3")
    func everydayObjectsAgainstTheLimit() throws {
        let objects = try Self.everydayObjects()
        try #require(objects.count >= 20, "the object list was not read: \(objects.count)")
        let (sandbox, dir) = try prepared()
        let script = objects.map { "can lift \($0.id)\n" }.joined()
        let r = try rehab(sandbox, dir, [], stdin: script)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == objects.count, "one answer per object: \(lines.count) for \(objects.count)")
        for (o, line) in zip(objects, lines) {
            let expected = o.pounds <= 10 ? "Yes — " : "No — "
            #expect(line.hasPrefix(expected), "\(o.id) (\(o.pounds) lb): \(line)")
            #expect(line.contains(o.name), "\(o.id) answer should name '\(o.name)': \(line)")
        }
    }

    // MARK: 3. JSON shapes

    @Test("can … --json: allowed Bool, reason String, changesOn date or null, changesWhen String or null",
          arguments: [
            // "until week 6 and cleared lifting": time alone does not end it, so no date, only a condition.
            (["can", "lift", "15", "lb"], false, nil),
            (["can", "lift", "7", "kg"], false, nil),
            (["can", "lift", "gallon-of-milk"], true, nil),
            (["can", "bend"], false, "2027-01-23"),
            (["can", "twist"], false, "2027-04-30"),
            (["can", "drive"], false, nil),
            (["can", "sit", "45", "min"], false, "2026-12-12"),
            (["can", "do", "walking"], true, nil),
            (["can", "do", "bridges"], false, "2027-01-23"),
            (["can", "routine", "log-roll-out-of-bed"], true, nil),
            (["can", "lift", "8", "lb", "--week", "12"], true, nil),
          ] as [([String], Bool, String?)])
    func canJSON(_ words: [String], _ allowed: Bool, _ changesOn: String?) throws {
        let (sandbox, dir) = try prepared()
        let r = try rehab(sandbox, dir, words + ["--json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let o = try PatientJourney.object(r)
        PatientJourney.expectShape(o, PatientJourney.verdictShape, context: words.joined(separator: " "))
        #expect(o["allowed"] as? Bool == allowed, "\(words): \(o)")
        if let changesOn {
            #expect(o["changesOn"] as? String == changesOn, "\(words): changesOn \(o["changesOn"] ?? "missing")")
        } else {
            #expect(o["changesOn"] is NSNull, "\(words): changesOn should be null: \(o["changesOn"] ?? "missing")")
        }
        #expect(!((o["reason"] as? String) ?? "").isEmpty)
        if words.starts(with: ["can", "lift", "15"]) {
            #expect((o["changesWhen"] as? String)?.contains("week 6 (2026-12-12) and your surgeon clears lifting") == true, "\(o)")
        }
    }

    @Test("status --json: week, day, phase, onHold, and each restriction with kind, limit, releasedOn, releasedWhen")
    func statusJSON() throws {
        let (sandbox, dir) = try prepared()
        _ = try ok(sandbox, dir, ["restrict", "lifting", "5", "lb", "until", "week", "8", "by", "Dr Lee"])
        let o = try PatientJourney.object(try rehab(sandbox, dir, ["status", "--json"]))
        PatientJourney.expectShape(o, ["date": .date, "week": .int, "day": .int, "phase": .string, "phaseName": .string,
                                       "onHold": .bool, "holds": .array, "restrictions": .array, "dueToday": .array, "next": .array],
                                   context: "status --json")
        #expect(o["date"] as? String == "2026-11-21")
        #expect(o["week"] as? Int == 3)
        #expect(o["day"] as? Int == 21)
        #expect(o["phase"] as? String == "protection")
        #expect(o["onHold"] as? Bool == false)
        let restrictions = try #require(o["restrictions"] as? [[String: Any]])
        #expect(restrictions.count >= 10, "restrictions: \(restrictions.count)")
        for r in restrictions {
            PatientJourney.expectShape(r, ["kind": .string, "rule": .string, "limit": .stringOrNull, "releasedOn": .dateOrNull,
                                           "releasedWhen": .stringOrNull, "setBy": .string, "source": .stringOrNull,
                                           "replaces": .stringOrNull],
                                       context: "restriction \(r["rule"] ?? "?")")
        }
        let lifting = restrictions.filter { $0["kind"] as? String == "lifting" }
        // One effective rule per activity: the surgeon's 5 lb, saying which program rule it replaced.
        #expect(lifting.compactMap { $0["limit"] as? String } == ["5 lb"], "lifting: \(lifting)")
        #expect((lifting.first?["replaces"] as? String)?.contains("lift at most 10 lb") == true, "lifting: \(lifting)")
        let order = lifting.first { $0["limit"] as? String == "5 lb" }
        #expect(order?["releasedOn"] as? String == "2026-12-26")
        #expect((order?["setBy"] as? String)?.contains("Dr Lee") == true, "setBy: \(order ?? [:])")
        let bending = restrictions.first { $0["kind"] as? String == "bending" }
        #expect(bending?["limit"] is NSNull, "a ban has no limit: \(bending ?? [:])")
        #expect(bending?["releasedOn"] as? String == "2027-01-23")
        let sitting = restrictions.first { $0["kind"] as? String == "sitting" }
        #expect(sitting?["limit"] as? String == "30 min", "sitting: \(sitting ?? [:])")
        let endRange = restrictions.first { $0["kind"] as? String == "end-range-back-motion" }
        #expect(endRange?["releasedOn"] is NSNull && endRange?["releasedWhen"] is NSNull, "never released: \(endRange ?? [:])")
        for item in (o["dueToday"] as? [[String: Any]] ?? []) {
            PatientJourney.expectShape(item, ["id": .string, "name": .string, "dose": .string], context: "dueToday item")
        }
        for item in (o["next"] as? [[String: Any]] ?? []) {
            PatientJourney.expectShape(item, ["what": .string, "on": .dateOrNull, "when": .stringOrNull], context: "next item")
        }
    }

    @Test("allowed --json (and with --week, --on): exercises, routines and activities, each with id, allowed, reason",
          arguments: [([], 3), (["--week", "8"], 8), (["--on", "2027-05-01"], 26)] as [([String], Int)])
    func allowedJSON(_ options: [String], _ week: Int) throws {
        let (sandbox, dir) = try prepared()
        let o = try PatientJourney.object(try rehab(sandbox, dir, ["allowed", "--json"] + options))
        PatientJourney.expectShape(o, ["date": .date, "week": .int, "day": .int, "onHold": .bool,
                                       "exercises": .array, "routines": .array, "activities": .array],
                                   context: "allowed --json \(options)")
        #expect(o["week"] as? Int == week)
        #expect(o["day"] as? Int == week * 7)
        #expect(o["phase"] is String || o["phase"] is NSNull)
        for key in ["exercises", "routines", "activities"] {
            let items = (o[key] as? [[String: Any]]) ?? []
            #expect(!items.isEmpty, "\(key) is empty")
            for item in items {
                PatientJourney.expectShape(item, PatientJourney.verdictShape, context: "\(key) item \(item["id"] ?? "?")")
            }
        }
        let exercises = (o["exercises"] as? [[String: Any]]) ?? []
        let activities = (o["activities"] as? [[String: Any]]) ?? []
        func allowed(_ list: [[String: Any]], _ id: String) -> Bool? { list.first { $0["id"] as? String == id }?["allowed"] as? Bool }
        #expect(allowed(exercises, "walking") == true)
        #expect(allowed(exercises, "bridges") == false, "bridges start at week 12 and need the outpatient-pt gate")
        #expect(allowed(activities, "twisting") == (week >= 26))
        #expect(allowed(activities, "bending") == (week >= 12))
    }

    @Test("next --json: a list of {what, on, when}")
    func nextJSON() throws {
        let (sandbox, dir) = try prepared()
        let r = try rehab(sandbox, dir, ["next", "--json"])
        #expect(r.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdoutBytes)) as? [[String: Any]])
        #expect(!list.isEmpty)
        for item in list { PatientJourney.expectShape(item, ["what": .string, "on": .dateOrNull, "when": .stringOrNull], context: "next item") }
        // Week 4 (2026-11-28): desk work is the soonest dated release at week 3.
        #expect(list.first?["on"] as? String == "2026-11-28", "soonest first: \(list.first ?? [:])")
    }
}
