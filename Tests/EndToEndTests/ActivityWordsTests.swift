import Foundation
import Testing

/// Declared activities through the real binary: answers and `preview` show the patient's words, `--json` the ids.
@Suite("Activities in the patient's words")
struct ActivityWordsTests {
    @Test("can reach answers in the declared words, never the id")
    func canReach() throws {
        let p = try SafetyTests.Patient()
        let reach = try p.run("can", "reach")
        #expect(reach.status == 0)
        #expect(reach.stdout.hasPrefix("No — no reaching above your shoulders until week 12"), "\(reach.stdout)")
        #expect(!reach.stdout.contains("overhead-reaching"), "\(reach.stdout)")
        let json = try p.run("can", "reach", "--json")
        #expect(json.stdout.contains("\"id\" : \"overhead-reaching\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"words\" : \"reaching above your shoulders\""), "\(json.stdout)")
        let bend = try p.run("can", "bend")
        #expect(bend.stdout.hasPrefix("No — no bending forward at the waist until week 12"), "\(bend.stdout)")
        let next = try p.run("next")
        #expect(next.stdout.contains("• 'no reaching above your shoulders' ends — "), "\(next.stdout)")
    }

    @Test("allowed lists activities by their words; its JSON keeps the ids and adds the words")
    func allowed() throws {
        let p = try SafetyTests.Patient()
        let text = try p.run("allowed").stdout
        #expect(text.contains("no  tub baths — no tub baths until"), "\(text)")
        #expect(!text.contains("no  bathing"), "\(text)")
        let json = try p.run("allowed", "--json").stdout
        #expect(json.contains("\"id\" : \"bathing\""), "\(json)")
        #expect(json.contains("\"words\" : \"tub baths\""), "\(json)")
    }

    @Test("preview shows the words of each restriction in force")
    func preview() throws {
        let sandbox = Sandbox()
        let r = try runRehab(["preview", "cervical-fusion", "--week", "3"], env: PatientJourney.environment(sandbox))
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("• no turning or bending your neck, until"), "\(r.stdout)")
        #expect(r.stdout.contains("• no lifting anything above your head, until month 6"), "\(r.stdout)")
        #expect(!r.stdout.contains("no neck-motion") && !r.stdout.contains("no overhead-lifting"), "\(r.stdout)")
    }

    @Test("check: an undeclared activity is an error with its fix, and respects is a deprecation warning")
    func check() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/p.rehab"
        try sandbox.write("""
            program p "P"
            no overhead-reachng until week 12
            routine log-roll "Log roll"
              respects no bending
              step "Roll onto your side"
            phase one "One" weeks 0-6
              routine log-roll
            """, to: path)
        let r = try runRehab(["check", path], env: PatientJourney.environment(sandbox))
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("p.rehab:2:4: error: unknown activity 'overhead-reachng'"), "\(r.stderr)")
        #expect(r.stderr.contains("  fix: replace 'overhead-reachng' with 'overhead-reaching'"), "\(r.stderr)")
        #expect(r.stderr.contains("p.rehab:4:3: warning: 'respects' is deprecated"), "\(r.stderr)")
    }
}
