import Foundation
import Testing

/// `extends`, `use library` and library checks through the real binary (issue "second edition", items 15–17).
@Suite struct VariantCommandTests {
    static let example = PatientJourney.programsDir + "/examples/lumbar-fusion-lee.rehab"

    func run(_ sandbox: Sandbox, _ words: [String]) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox))
    }

    @Test("the shipped surgeon's variant checks clean and its preview shows the 5 lb limit and the brace")
    func exampleVariant() throws {
        let sandbox = Sandbox()
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        #expect(text.split(separator: "\n").count < 10)
        #expect(text.contains("extends \"lumbar-fusion\""))
        let check = try run(sandbox, ["check", Self.example])
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        #expect(check.stdout.contains("lumbar-fusion-lee.rehab: ok — 6 files, 4 phases"), "\(check.stdout)")
        let preview = try run(sandbox, ["preview", Self.example, "--week", "4"])
        #expect(preview.status == 0, "\(preview)")
        #expect(preview.stdout.contains("Lumbar fusion, Dr Lee — week 4"), "\(preview.stdout)")
        #expect(preview.stdout.contains("lifting is limited to 5 lb, until week 12"), "\(preview.stdout)")
        #expect(preview.stdout.contains("wear your brace (when up), until week 8"), "\(preview.stdout)")
        #expect(!preview.stdout.contains("10 lb, until"), "\(preview.stdout)")
        let table = try run(sandbox, ["preview", Self.example])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("5 lb"), "\(table.stdout)")
    }

    @Test("a variant in any folder extends a shipped program by name and uses a shipped library by name")
    func variantElsewhere() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/clinic/v.rehab"
        try sandbox.write("""
            program v "Variant"
            extends "lumbar-fusion"
            use library "exercises"
            drop bridges
            replace walking with stationary-bike
            activity golf "golf"
            no golf until week 20
            expect week 30 with cleared outpatient-pt: not bridges, stationary-bike, no driving
            """, to: path)
        let r = try run(sandbox, ["check", path])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("v.rehab: ok"), "\(r.stdout)")
        let typo = sandbox.root + "/clinic/typo.rehab"
        try sandbox.write("program t \"T\"\nextends \"lumbar-fusion\"\ndrop bridgs\n", to: typo)
        let bad = try run(sandbox, ["check", typo])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("typo.rehab:3:6: error: 'drop bridgs': the base program prescribes no 'bridgs'"), "\(bad.stderr)")
        #expect(bad.stderr.contains("did you mean 'bridges'?"), "\(bad.stderr)")
    }

    @Test("a patient put on the variant keeps its rules from the frozen copy")
    func programUseOfAVariant() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: "2026-11-21", surgery: "2026-10-31")
        let preview = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["program", "use", Self.example])
        // Only what the variant changes shows: the base's own rules cite the same lines as before.
        #expect(preview.stdout.contains("+ lift at most 5 lb until 2027-01-23 — the program (lumbar-fusion-lee.rehab:4)"),
                "\(preview)")
        #expect(preview.stdout.contains("no longer: wear brace until 2026-12-12"), "\(preview)")
        #expect(!preview.stdout.contains("no bending"), "\(preview)")
        let use = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["program", "use", Self.example, "--yes"])
        #expect(use.status == 0, "\(use)")
        let can = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["can", "lift", "8", "lb"])
        #expect(can.stdout.contains("5 lb"), "\(can)")
        // Moved shipped programs do not break the frozen copy.
        let moved = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-22", ["can", "lift", "8", "lb"],
                                             env: PatientJourney.environment(sandbox, ["REHAB_PROGRAMS": sandbox.root + "/none"]))
        #expect(moved.stdout.contains("5 lb"), "\(moved)")
    }

    @Test("a variant named like its shipped base keeps both files apart in the frozen copy")
    func variantNamedLikeItsBase() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/clinic/lumbar-fusion.rehab"
        try sandbox.write("program clinic-lumbar \"Clinic\"\nextends \"lumbar-fusion\"\nchange lifting to at most 5 lb\ndrop lifting-practice\n",
                          to: path)
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: "2026-11-21", surgery: "2026-10-31")
        let use = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["program", "use", path, "--yes"])
        #expect(use.status == 0, "\(use)")
        let can = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["can", "bend"])
        #expect(can.stdout.contains("(@shipped/lumbar-fusion.rehab:87)"), "\(can)")
        let lift = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["can", "lift", "8", "lb"])
        #expect(lift.stdout.contains("limited to 5 lb"), "\(lift)")
    }

    @Test("a library file is checked as a library", arguments: [
        ("exercises", "library: 44 exercises, 0 routines, 0 red flags, 46 activities; no errors"),
        ("activities", "library: 0 exercises, 0 routines, 0 red flags, 46 activities; no errors"),
        ("red-flags", "library: 0 exercises, 0 routines, 14 red flags; no errors; defined by the programs that use it: walking, ankle-pumps"),
    ])
    func libraryCheck(name: String, summary: String) throws {
        let sandbox = Sandbox()
        let r = try run(sandbox, ["check", PatientJourney.programsDir + "/library/\(name).rehab"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains(summary), "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test("a linked library file inside the folder that points outside is refused, and never quoted")
    func linkedLibraryFile() throws {
        let sandbox = Sandbox()
        let p = sandbox.root + "/p"
        try sandbox.write("exercise secret \"SECRET-LINE\"\n", to: sandbox.root + "/elsewhere/x.rehab")
        try sandbox.write("program main \"Main\"\nuse \"lib.rehab\"\nphase one \"One\" weeks 0-6\n", to: p + "/main.rehab")
        try FileManager.default.createSymbolicLink(atPath: p + "/lib.rehab", withDestinationPath: sandbox.root + "/elsewhere/x.rehab")
        let r = try run(sandbox, ["check", p + "/main.rehab"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("main.rehab:2:5: error: 'lib.rehab' is outside the program's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET-LINE") && !r.stdout.contains("SECRET-LINE"), "\(r)")
    }

    @Test("a linked base program that points outside the folder is refused")
    func linkedBase() throws {
        let sandbox = Sandbox()
        let p = sandbox.root + "/p"
        try sandbox.write("program secret \"SECRET-LINE\"\n", to: sandbox.root + "/elsewhere/b.rehab")
        try sandbox.write("program v \"V\"\nextends \"b.rehab\"\n", to: p + "/v.rehab")
        try FileManager.default.createSymbolicLink(atPath: p + "/b.rehab", withDestinationPath: sandbox.root + "/elsewhere/b.rehab")
        let r = try run(sandbox, ["check", p + "/v.rehab"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("'b.rehab' is outside the program's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET-LINE") && !r.stdout.contains("SECRET-LINE"), "\(r)")
    }
}
