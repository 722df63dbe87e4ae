import Foundation
import Testing
@testable import RehabJournal

/// SQLite's quick check guards the journal: before the first write of a process, and at the open of
/// a journal whose last writer did not close cleanly (issue 11, row 4). A damaged file keeps its bytes.
@Suite("Quick check of damaged journals")
struct QuickCheckTests {
    /// A real journal with a table of its own over several pages, checkpointed into the main file;
    /// returns the byte offset of that table's root page, which no rehab query reads.
    static func journalWithPadding(in dir: String) throws -> Int {
        let journal = try Journal.open(dataDir: dir)
        try journal.createPatient(named: "Sam")
        try journal.append((0..<10).map(dailySession), to: "Sam", recordedAt: stamp)
        return try journal.withConnection { db in
            try db.execute("""
                CREATE TABLE padding(x);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                INSERT INTO padding SELECT randomblob(200) FROM n;
                """)
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            guard case .integer(let size)? = try db.scalar("PRAGMA page_size"),
                  case .integer(let root)? = try db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'padding'")
            else { throw JournalError.storage("no padding table") }
            return Int((root - 1) * size)
        }
    }

    static func damage(_ path: String, at offset: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
        try handle.close()
    }

    @Test("a cleanly closed journal with a damaged page opens, but its first write is refused, bytes unchanged")
    func firstWrite() throws {
        try withTemporaryDirectory { dir in
            let offset = try Self.journalWithPadding(in: dir)
            let path = journalPath(in: dir)
            try Self.damage(path, at: offset)
            let before = try FileSnapshot.taking(path)
            let journal = try Journal.open(dataDir: dir)
            #expect(throws: JournalError.damaged(path: path)) {
                try journal.append(dailySession(11), to: "Sam", recordedAt: stamp)
            }
            #expect(throws: JournalError.damaged(path: path)) { try journal.createPatient(named: "Bo") }
            #expect(try FileSnapshot(path) == before)
        }
    }

    @Test("a journal left with WAL frames by an unclean close is checked at open, bytes unchanged")
    func uncleanOpen() throws {
        try withTemporaryDirectory { root in
            let first = root + "/first"
            let offset = try Self.journalWithPadding(in: first)
            // A writer that has not closed: its WAL holds frames. Copy the files as a crash would leave them.
            let writer = try Journal.open(dataDir: first)
            try writer.append(dailySession(12), to: "Sam", recordedAt: stamp)
            let copy = root + "/copy"
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(atPath: journalPath(in: first) + suffix, toPath: journalPath(in: copy) + suffix)
            }
            _ = writer
            let path = journalPath(in: copy)
            try Self.damage(path, at: offset)
            let before = try FileSnapshot.taking(path)
            let wal = try FileSnapshot.taking(path + "-wal")
            #expect(throws: JournalError.damaged(path: path)) { try Journal.open(dataDir: copy) }
            #expect(try FileSnapshot(path) == before)
            #expect(try FileSnapshot(path + "-wal") == wal)
        }
    }

    @Test("an intact journal passes the check and takes writes")
    func intact() throws {
        try withTemporaryDirectory { dir in
            _ = try Self.journalWithPadding(in: dir)
            let journal = try Journal.open(dataDir: dir)
            try journal.append(dailySession(11), to: "Sam", recordedAt: stamp)
            #expect(try journal.sessionCount(of: "Sam") == 11)
        }
    }
}
