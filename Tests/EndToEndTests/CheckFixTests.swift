import Foundation
import Testing

/// `check --fix` through the real binary: edits a program file in place, atomically, and never through a link.
@Suite struct CheckFixTests {
    func run(_ sandbox: Sandbox, _ words: [String]) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox))
    }

    static let broken = """
        program knee "Knee"
        wear brace at night until week 6
        phase one "One" weeks 0-6
          ankle-pumps 2 x 10
          bridgs 2 x 10

        """

    /// A program beside a copy of the shipped exercise library, which it forgets to `use`.
    func programFolder(_ sandbox: Sandbox) throws -> (folder: String, path: String, library: String) {
        let folder = sandbox.root + "/programs"
        try FileManager.default.createDirectory(atPath: folder + "/library", withIntermediateDirectories: true)
        let shipped = PatientJourney.programsDir + "/library/exercises.rehab"
        let library = try String(contentsOfFile: shipped, encoding: .utf8)
        try sandbox.write(library, to: folder + "/library/exercises.rehab")
        // The exercise library uses the activity declarations beside it.
        let activities = try String(contentsOfFile: PatientJourney.programsDir + "/library/activities.rehab", encoding: .utf8)
        try sandbox.write(activities, to: folder + "/library/activities.rehab")
        let path = folder + "/knee.rehab"
        try sandbox.write(Self.broken, to: path)
        return (folder, path, library)
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("check shows each fix under its diagnostic and changes nothing")
    func checkShowsFixes() throws {
        let sandbox = Sandbox()
        let (_, path, _) = try programFolder(sandbox)
        let r = try run(sandbox, ["check", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("  hint: 'ankle-pumps' is defined in 'library/exercises.rehab', "
                                  + "which this file does not use\n"
                                  + "  fix: insert 'use \"library/exercises.rehab\"'\n"), "\(r.stderr)")
        #expect(r.stderr.contains("  fix: replace 'at night' with '\"at night\"'\n"), "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.broken)
    }

    @Test("check --fix applies every fix, says each change, keeps the mode and leaves a file that checks clean")
    func fixes() throws {
        let sandbox = Sandbox()
        let (folder, path, library) = try programFolder(sandbox)
        #expect(chmod(path, 0o640) == 0)
        let r = try run(sandbox, ["check", "--fix", path])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == """
            \(path):2:1: inserted 'use "library/exercises.rehab"'
            \(path):3:12: replaced 'at night' with '"at night"'
            \(path):6:3: replaced 'bridgs' with 'bridges'
            \(path): ok — 3 files, 1 phase, 0 expectations passed

            """, "\(r.stdout)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
            program knee "Knee"
            use "library/exercises.rehab"
            wear brace "at night" until week 6
            phase one "One" weeks 0-6
              ankle-pumps 2 x 10
              bridges 2 x 10

            """)
        #expect(try mode(path) == 0o640)
        #expect(try String(contentsOfFile: folder + "/library/exercises.rehab", encoding: .utf8) == library)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["knee.rehab", "library"])
        let again = try run(sandbox, ["check", path])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again)")
    }

    @Test("check --fix refuses a symbolic link before it changes any file")
    func refusesLinks() throws {
        let sandbox = Sandbox()
        let (folder, path, _) = try programFolder(sandbox)
        let other = folder + "/other.rehab"
        try sandbox.write(Self.broken, to: other)
        let link = folder + "/link.rehab"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "knee.rehab")
        let r = try run(sandbox, ["check", "--fix", other, link])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("'\(link)' is a symbolic link; --fix rewrites only plain files"), "\(r.stderr)")
        #expect(r.stdout.isEmpty, "\(r.stdout)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.broken)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == Self.broken)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "knee.rehab")
    }
}
