import Foundation
import Testing
import RehabCore
@testable import RehabShell

@Suite("show and due")
struct ShowAndDueTests {
    @Test("show: the verdict, this week's dose, steps, cues and stop-if lines")
    func showAllowed() throws {
        let r = try PatientRig()
        let out = try r.run("show ankle pumps")
        #expect(out.hasPrefix("Ankle pumps (starts lying on your back)\nAllowed now — part of phase 'Protection': 3 × 10, twice a day.\n"
                              + "This week: 3 × 10, twice a day\nSteps:\n  1. Lie on your back"), "\(out)")
        #expect(out.contains("Keep in mind:\n  • Move slowly and keep breathing.\n"))
        #expect(out.hasSuffix("Stop if:\n  ✗ Calf pain, swelling, redness or warmth in one leg: stop and call your surgeon.\n"))
    }

    @Test("show: the dose grows week by week and a pain stop backs it off")
    func showDose() throws {
        let r = try PatientRig()
        #expect(try r.run("show walking").contains("This week: 22 min, 3 times a day\n"))
        let week1 = try PatientRig(surgery: "2026-03-08")
        #expect(try week1.run("show walking").contains("This week: 14 min, 3 times a day\n"))
        try r.shell.execute("log pain 3 after 7 walking")
        let backed = try r.run("show walking")
        #expect(backed.contains("This week: 10 min, 3 times a day (backed off after a pain rule)\n"), "\(backed)")
        #expect(backed.contains("Allowed now — back off: 10 min"))
    }

    @Test("show: an exercise not allowed now says why and gives no dose; an unknown one suggests the closest")
    func showNotAllowed() throws {
        let r = try PatientRig()
        let out = try r.run("show bridges")
        #expect(out.contains("Not allowed now — not yet: Bridges starts in phase 'Functional strengthening' (week 12).\n"))
        #expect(!out.contains("This week:"))
        #expect(r.rig.error("show walkng")?.message
                == "your program has no exercise 'walkng' — did you mean 'walking'? Type 'allowed' to see them.")
        #expect(r.rig.error("show")?.kind == .usage)
    }

    @Test("show and an urgent hold: the exercises the hold keeps are allowed, others are not")
    func showOnHold() throws {
        let r = try PatientRig()
        try r.shell.execute("flag my incision is red")
        #expect(try r.run("show quad-sets").contains("Not allowed now — not now: you are on hold"))
        #expect(try r.run("show walking").contains("Allowed now"))
    }

    @Test("due is listed with the shell commands, so it never prints a patient header first")
    func dueGroup() {
        #expect(CommandTable.standard.command(named: "due")?.group == .shell)
    }

    @Test("due: one line with what is due and the routines being learnt")
    func dueLine() throws {
        let r = try PatientRig()
        let out = try r.run("due")
        let phase = try #require(try r.shell.assessment(r.shell.patientView()).phase)
        #expect(out == "rehab: 7 exercises due today; \(phase.routines.count) routines to practise.\n", "\(out)")
        #expect(phase.routines.contains { $0.routine == "pick-up-from-floor" })
    }

    @Test("due: done for today leaves it out")
    func dueCountsDone() throws {
        let r = try PatientRig()
        for _ in 0..<2 { try r.shell.execute("log pain 1 ankle-pumps") }
        #expect(try r.run("due").hasPrefix("rehab: 6 exercises due today;"))
    }

    @Test("due: an emergency is one line that says to look now")
    func dueEmergency() throws {
        let r = try PatientRig()
        try r.shell.execute("flag chest pain")
        let out = try r.run("due")
        #expect(out.hasPrefix("rehab: an emergency warning sign is open (") && out.hasSuffix("type 'rehab status' now.\n"), "\(out)")
        #expect(out.split(separator: "\n").count == 1)
    }

    @Test("due: silent, successful and leaves nothing behind with no journal, no profile or no program")
    func dueSilent() throws {
        let rig = Rig()
        try rig.shell.execute("due")
        #expect(rig.console.output.isEmpty && rig.console.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: rig.dataDir), "due must not create the data dir")
        try rig.shell.execute("profile set name Ann")
        try rig.shell.execute("due")
        #expect(rig.console.output.isEmpty || !rig.console.output.contains("due today"))
    }
}
