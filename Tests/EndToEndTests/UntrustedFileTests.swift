import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Program files come from other people: links out of the folder, devices, FIFOs and huge files
/// are refused with one sentence, at once, and never quoted (issue 11, rows 1–3).
@Suite struct UntrustedFileTests {
    func run(_ sandbox: Sandbox, _ words: [String], timeout: Double = 20) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox), timeout: timeout)
    }

    /// A folder `p` with a program that uses `target`, and a secret file outside the folder.
    func folder(_ sandbox: Sandbox, using target: String) throws -> String {
        let p = sandbox.root + "/p"
        try sandbox.write("SECRET-LINE root:x:0:0\n", to: sandbox.root + "/elsewhere/x.rehab")
        try sandbox.write("""
            program main "Main"
            use "\(target)"
            phase one "One" weeks 0-6
            """, to: p + "/main.rehab")
        return p
    }

    @Test("a use through a linked folder that leads outside is refused and the target never quoted",
          arguments: ["check", "preview", "graph", "program show"])
    func linkedFolder(command: String) throws {
        let sandbox = Sandbox()
        let p = try folder(sandbox, using: "out/x.rehab")
        try FileManager.default.createSymbolicLink(atPath: p + "/out", withDestinationPath: sandbox.root + "/elsewhere")
        let r = try run(sandbox, command.split(separator: " ").map(String.init) + [p + "/main.rehab"])
        #expect(r.status == 1 || r.status == 2, "\(r)")
        #expect(r.stderr.contains("'out/x.rehab' is outside the program's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET-LINE") && !r.stdout.contains("SECRET-LINE"), "\(r)")
    }

    @Test("a program file that is a link to /etc/passwd is refused without quoting it",
          arguments: ["check", "preview", "graph", "program show"])
    func linkedFile(command: String) throws {
        let sandbox = Sandbox()
        let p = sandbox.root + "/p"
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: p + "/pw.rehab", withDestinationPath: "/etc/passwd")
        let r = try run(sandbox, command.split(separator: " ").map(String.init) + [p + "/pw.rehab"])
        #expect(r.status != 0, "\(r)")
        #expect(r.stderr.contains("is a link to a file outside its folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("root:") && !r.stdout.contains("root:"), "\(r)")
    }

    @Test("profile set program with a link to /etc/passwd is refused without quoting it")
    func profileProgramLink() throws {
        let sandbox = Sandbox()
        let p = sandbox.root + "/p"
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: p + "/pw.rehab", withDestinationPath: "/etc/passwd")
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: "2026-11-21", surgery: "2026-10-31")
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["profile", "set", "program", p + "/pw.rehab"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("is a link to a file outside its folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("root:") && !r.stdout.contains("root:"), "\(r)")
    }

    @Test("a use of a link to /etc/passwd inside the folder is refused without quoting it")
    func useOfLinkedFile() throws {
        let sandbox = Sandbox()
        let p = try folder(sandbox, using: "pw.rehab")
        try FileManager.default.createSymbolicLink(atPath: p + "/pw.rehab", withDestinationPath: "/etc/passwd")
        let r = try run(sandbox, ["check", p + "/main.rehab"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("'pw.rehab' is outside the program's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("root:"), "\(r.stderr)")
    }

    @Test("a link that stays inside the folder is followed")
    func linkInside() throws {
        let sandbox = Sandbox()
        let p = sandbox.root + "/p"
        try sandbox.write("""
            program main "Main"
            use "lib/x.rehab"
            phase one "One" weeks 0-6
              ankle-pumps 2 x 10
            """, to: p + "/main.rehab")
        try sandbox.write("""
            exercise ankle-pumps "Ankle pumps"
            """, to: p + "/real/x.rehab")
        try FileManager.default.createSymbolicLink(atPath: p + "/lib", withDestinationPath: p + "/real")
        let r = try run(sandbox, ["check", p + "/main.rehab"])
        #expect(!r.stderr.contains("outside the program's folder"), "\(r.stderr)")
    }

    @Test("check of a device is refused at once with one sentence and exit 2",
          arguments: ["/dev/zero", "/dev/urandom"])
    func device(path: String) throws {
        let sandbox = Sandbox()
        let r = try run(sandbox, ["check", path], timeout: 10)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderrLines == ["rehab: '\(path)' is not a regular file (a device, a pipe or a socket); "
            + "name a program file such as 'Programs/lumbar-fusion.rehab'."], "\(r.stderr)")
    }

    @Test("a use of a link to /dev/zero is refused at once")
    func useOfDevice() throws {
        let sandbox = Sandbox()
        let p = try folder(sandbox, using: "z.rehab")
        try FileManager.default.createSymbolicLink(atPath: p + "/z.rehab", withDestinationPath: "/dev/zero")
        let r = try run(sandbox, ["check", p + "/main.rehab"], timeout: 10)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("'z.rehab' is outside the program's folder"), "\(r.stderr)")
    }

    @Test("a FIFO as a program file, or as a use target, is refused at once")
    func fifo() throws {
        let sandbox = Sandbox()
        let p = try folder(sandbox, using: "f.rehab")
        #expect(mkfifo(p + "/f.rehab", 0o600) == 0)
        let direct = try run(sandbox, ["check", p + "/f.rehab"], timeout: 10)
        #expect(direct.status == 2, "\(direct)")
        #expect(direct.stderr.contains("is not a regular file"), "\(direct.stderr)")
        let used = try run(sandbox, ["check", p + "/main.rehab"], timeout: 10)
        #expect(used.status == 1, "\(used)")
        #expect(used.stderr.contains("'f.rehab' is not a regular file (a device, a pipe or a socket), so it was not read"),
                "\(used.stderr)")
    }

    @Test("a program file over 16 MB is refused with one sentence")
    func huge() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/huge.rehab"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(16 * 1024 * 1024 + 1)) == 0)
        let r = try run(sandbox, ["check", path], timeout: 10)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("is larger than 16 MB"), "\(r.stderr)")
    }
}
