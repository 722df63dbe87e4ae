import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal and history files under hostile conditions: links are never followed or chmodded, a
/// damaged page is found before the first write, and a data dir open to others is tightened
/// (issue 11, rows 4, 5 and 12).
@Suite struct UntrustedJournalTests {
    static let today = "2026-11-21"

    private func prepared(_ sandbox: Sandbox) throws -> String {
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: "2026-10-31")
        return dir
    }

    @Test("a journal that is a symbolic link is refused with one sentence; the target is untouched",
          arguments: [true, false])
    func journalLink(targetExists: Bool) throws {
        let sandbox = Sandbox()
        let dir = sandbox.root + "/linked"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o700)
        let target = sandbox.root + "/other.txt"
        if targetExists { try sandbox.write("someone else's file\n", to: target, mode: 0o644) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/journal.sqlite", withDestinationPath: target)
        for words in [["status"], ["log", "pain", "3"], ["patient", "new", "Ann"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words)
            #expect(r.status == 2, "\(words): \(r)")
            #expect(r.stderrLines == ["rehab: \(dir)/journal.sqlite is a symbolic link, which rehab never follows; "
                + "put the journal file itself there, or choose another --data-dir."], "\(r.stderr)")
        }
        if targetExists {
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "someone else's file\n")
            #expect(PatientJourney.mode(of: target) == 0o644)
        } else {
            #expect(!PatientJourney.exists(target))
        }
    }

    @Test("a history file that is a symbolic link is not followed, written or chmodded")
    func historyLink() throws {
        let sandbox = Sandbox()
        let target = sandbox.root + "/precious"
        try sandbox.write("line one\n", to: target, mode: 0o644)
        let link = sandbox.root + "/history-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let session = try PTYSession(environment: sandbox.environment(["REHAB_HISTORY": link]))
        let banner = try session.expect("rehab> ")
        #expect(banner.contains("is a symbolic link or not a regular file, so it was not used"), "\(visible(banner))")
        session.send("help\r")
        _ = try session.expect("rehab> ")
        session.sendControl("d")
        #expect(try session.waitForExit() == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "line one\n")
        #expect(PatientJourney.mode(of: target) == 0o644)
    }

    @Test("a journal with a damaged b-tree page is refused before the first write, bytes unchanged")
    func damagedPage() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let path = dir + "/journal.sqlite"
        // A table of its own, spread over several pages, that no rehab command reads: only a check finds it.
        _ = try PatientJourney.sqlite(path, """
            CREATE TABLE padding(x);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO padding SELECT randomblob(200) FROM n;
            PRAGMA wal_checkpoint(TRUNCATE);
            """)
        let pageSize = try #require(Int(try PatientJourney.sqlite(path, "PRAGMA page_size")))
        let root = try #require(Int(try PatientJourney.sqlite(path, "SELECT rootpage FROM sqlite_master WHERE name = 'padding'")))
        #expect(try PatientJourney.sqlite(path, "PRAGMA integrity_check") == "ok")
        // The root is an interior page (type 5); its header gets an impossible type and cell count.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
        try handle.close()
        let damaged = try PatientJourney.tool("/usr/bin/sqlite3", [path, "PRAGMA integrity_check"])
        #expect(damaged.status != 0 || damaged.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "ok")
        let before = PatientJourney.bytes(of: path)

        for words in [["log", "pain", "3"], ["patient", "new", "Bo"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words)
            #expect(r.status == 2, "\(words): \(r)")
            #expect(r.stderrLines == ["rehab: \(path) is damaged (SQLite's check found broken pages) and was left "
                + "untouched; restore it from a backup, or save what can still be read with sqlite3's '.recover' "
                + "on a copy of it."], "\(r.stderr)")
            #expect(PatientJourney.bytes(of: path) == before)
        }
    }

    @Test("an existing data dir with mode 0755 is tightened to 0700")
    func openDataDir() throws {
        let sandbox = Sandbox()
        let dir = sandbox.root + "/wide"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["patients"])
        #expect(r.status == 0, "\(r)")
        #expect(PatientJourney.mode(of: dir) == 0o700)
    }
}
