import Foundation
import Testing

/// The program language's second edition on the real binary: alternatives, items left to the therapist
/// (`prescribe`), what a phase teaches, and goals (`met`, `requires met`).
@Suite("Alternatives, therapist's items, teaching and goals")
struct SecondEditionTests {
    static let program = """
        program teach-demo "Teaching demo"
        procedure lumbar-fusion
        goal lift-20-lb "Lift 20 lb with ease"
        no prone until week 4
        exercise hip-flexor-stretch "Hip flexor stretch"
          position kneeling
          loads none
        exercise band-rows "Resistance-band rows"
          loads none
        exercise walking "Walking"
          loads none
        phase early "Early" weeks 0-6
          teach posture "Keep your ears over your shoulders when you sit"
          walking 10 min, once a day
          hip-flexor-stretch kneeling or prone 3 reps, hold 1 s, once a day
          resistance-training as prescribed by your therapist
        phase later "Later" weeks 6-12
          requires met lift-20-lb
          walking 20 min
        """

    /// A week-3 patient (surgery 2026-10-31, today 2026-11-21) on the demo program.
    static func patient() throws -> (SafetyTests.Patient, String) {
        let p = try SafetyTests.Patient()
        let file = p.sandbox.root + "/teach.rehab"
        try p.sandbox.write(Self.program, to: file)
        let r = try p.run("program", "use", file, "--yes")
        try #require(r.status == 0, "\(r.stderr)")
        return (p, file)
    }

    func events(_ p: SafetyTests.Patient) throws -> String {
        try runProcess("/usr/bin/sqlite3", [p.dataDir + "/journal.sqlite", "SELECT count(*) FROM events"]).stdout
    }

    @Test("preview: one position ruled out offers the other; later both; teaching and the therapist's item are shown")
    func preview() throws {
        let (p, file) = try Self.patient()
        let early = try p.run("preview", file, "--week", "3")
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("Hip flexor stretch (kneeling)"), "\(early.stdout)")
        #expect(early.stdout.contains("Resistance training — as prescribed by your therapist"), "\(early.stdout)")
        #expect(early.stdout.contains("Posture: Keep your ears over your shoulders when you sit"), "\(early.stdout)")
        let later = try p.run("preview", file, "--week", "5")
        #expect(later.stdout.contains("Hip flexor stretch (kneeling or lying face down)"), "\(later.stdout)")
        let check = try p.run("check", file)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("prescribe: refusals are one sentence, exit 2, nothing recorded; the choice then is the patient's item")
    func prescribe() throws {
        let (p, _) = try Self.patient()
        let status = try p.run("status").stdout
        #expect(status.contains("Resistance training — as prescribed by your therapist"), "\(status)")
        #expect(status.contains("Posture: Keep your ears"), "\(status)")
        #expect(status.contains("Hip flexor stretch (kneeling)"), "\(status)")
        let before = try events(p)
        for (line, words) in [
            ("prescribe resistance-trainin band-rows 3 x 10 by \"Sam PT\"", "did you mean 'resistance-training'?"),
            ("prescribe resistance-training band-rowz 3 x 10 by \"Sam PT\"", "did you mean 'band-rows'?"),
            ("prescribe resistance-training band-rows 3 x 10", "which therapist"),
            ("prescribe resistance-training band-rows 3 x tens by \"Sam PT\"", "is not a dose"),
            ("prescribe resistance-training band-rows by \"Sam PT\"", "give the dose"),
        ] {
            let r = try p.line(line)
            #expect(r.status == 2, "\(line): \(r.stdout)")
            #expect(r.stderr.contains(words), "\(line): \(r.stderr)")
            #expect(r.stderrLines.count == 1, "\(line): \(r.stderr)")
        }
        #expect(try events(p) == before, "a refusal records nothing")
        let ok = try p.line("prescribe resistance-training band-rows 3 x 10, light band by \"Sam PT\"")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Resistance-band rows, 3 × 10, with a light band, prescribed by Sam PT"), "\(ok.stdout)")
        let now = try p.run("status").stdout
        #expect(now.contains("Resistance-band rows — 3 × 10, with a light band"), "\(now)")
        #expect(!now.contains("as prescribed by your therapist"), "\(now)")
        #expect(try p.run("can", "band-rows").stdout.hasPrefix("Yes"))
    }

    @Test("goals: an unknown goal is refused; 'next' says what to type; 'met' opens the phase that requires it")
    func goals() throws {
        let (p, _) = try Self.patient()
        let week7 = "2026-12-19"
        let next = try p.run("next", today: week7)
        #expect(next.stdout.contains("your therapist records the goal 'Lift 20 lb with ease' as met"), "\(next.stdout)")
        #expect(next.stdout.contains("type 'met lift-20-lb by NAME'"), "\(next.stdout)")
        let before = try events(p)
        let typo = try p.line("met lift-20lb by \"Sam PT\"", today: week7)
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'lift-20-lb'?"), "\(typo.stderr)")
        let nobody = try p.line("met lift-20-lb", today: week7)
        #expect(nobody.status == 2, "\(nobody.stdout)")
        #expect(try events(p) == before, "a refusal records nothing")
        let met = try p.line("met lift-20-lb by \"Sam PT\"", today: week7)
        #expect(met.status == 0, "\(met.stderr)")
        #expect(met.stdout.contains("goal 'Lift 20 lb with ease' met, by Sam PT"), "\(met.stdout)")
        #expect(met.stdout.contains("Now: phase 2 of 2, 'Later'"), "\(met.stdout)")
        #expect(try p.run("status", today: week7).stdout.contains("Phase 2 of 2, 'Later'"))
    }

    @Test("the new events round-trip through export and import, and are listed with the orders in CSV")
    func export() throws {
        let (p, _) = try Self.patient()
        try p.line("prescribe resistance-training band-rows 3 x 10 by \"Sam PT\"")
        try p.line("met lift-20-lb by \"Sam PT\"")
        let first = p.sandbox.root + "/first.json"
        #expect(try p.run("export", "--format", "json", "--out", first).status == 0)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("categoryPrescribed") && text.contains("goalMet"))
        let other = p.sandbox.root + "/other-data"
        let imported = try PatientJourney.rehab(p.sandbox, dataDir: other, today: SafetyTests.today, ["import", first])
        #expect(imported.status == 0, "\(imported.stderr)")
        let second = p.sandbox.root + "/second.json"
        _ = try PatientJourney.rehab(p.sandbox, dataDir: other, today: SafetyTests.today, ["export", "--format", "json", "--out", second])
        #expect(try String(contentsOfFile: second, encoding: .utf8) == text, "re-export differs")
        let status = try PatientJourney.rehab(p.sandbox, dataDir: other, today: SafetyTests.today, ["status"]).stdout
        #expect(status.contains("Resistance-band rows — 3 × 10"), "\(status)")
        let folder = p.sandbox.root + "/csv"
        #expect(try p.run("export", "--format", "csv", "--out", folder).status == 0)
        let orders = try String(contentsOfFile: folder + "/orders.csv", encoding: .utf8)
        #expect(orders.contains("prescription,resistance-training") && orders.contains("goal met,lift-20-lb"), "\(orders)")
        let fhir = try p.run("export", "--format", "fhir")
        #expect(fhir.status == 0, "\(fhir.stderr)")
    }

    @Test("the guided session shows what the phase teaches, and the therapist's item, before the first exercise")
    func session() throws {
        let (p, _) = try Self.patient()
        let r = try PatientFlowTests.Repl(p.sandbox, dataDir: p.dataDir, today: SafetyTests.today, prompt: "rehab[wk 3 · phase 1]> ")
        defer { r.session.terminate() }
        _ = try r.start()
        _ = try r.run("start --quick", next: "Your pain right now, 0 to 10: ")
        let first = try r.run("2", next: "Enter when you have done Walking, or skip: ")
        let reading = try #require(first.range(of: "Posture: Keep your ears over your shoulders when you sit"), "\(first)")
        let walking = try #require(first.range(of: "1 of 2: Walking"), "\(first)")
        #expect(reading.lowerBound < walking.lowerBound)
        #expect(first.contains("Resistance training — as prescribed by your therapist"), "\(first)")
        _ = try r.run("", next: "How was your pain during Walking? 0 to 10: ")
        let second = try r.run("2", next: "or skip: ")
        #expect(second.contains("2 of 2: Hip flexor stretch (kneeling)"), "\(second)")
    }

    @Test("a therapist's choice the rules in force rule out today is recorded, and says so")
    func prescribeRuledOut() throws {
        let p = try SafetyTests.Patient()
        let file = p.sandbox.root + "/heavy.rehab"
        try p.sandbox.write("""
            program heavy "Heavy"
            procedure lumbar-fusion
            no bending until week 6
            exercise deadlift "Deadlift"
              loads bending
            phase early "Early" weeks 0-12
              strength as prescribed by your therapist
            """, to: file)
        #expect(try p.run("program", "use", file, "--yes").status == 0)
        let r = try p.line("prescribe strength deadlift 3 x 5 by \"Sam PT\"")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Not today, though: Deadlift: it involves bending"), "\(r.stdout)")
        #expect(try p.run("can", "deadlift").stdout.hasPrefix("No"))
    }
}
