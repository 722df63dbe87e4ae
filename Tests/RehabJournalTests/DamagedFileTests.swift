import Foundation
import Testing
@testable import RehabJournal

/// A wrong `--data-dir` or a damaged journal must be reported and left exactly as found.
@Suite("Files that are not usable journals")
struct DamagedFileTests {
    /// Writes a real journal with some content and closes it.
    static func writeRealJournal(in dir: String) throws {
        let journal = try Journal.open(dataDir: dir)
        try journal.createPatient(named: "Sam")
        try journal.append((0..<40).map(dailySession), to: "Sam", recordedAt: stamp)
        try journal.setSetting("current-patient", "Sam")
    }

    /// Opens, expects `expected`, and checks the file and its neighbours are untouched.
    static func expectRefused(_ dir: String, with expected: JournalError, _ comment: Comment? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = journalPath(in: dir)
        #expect(!sideFilesExist(path), comment, sourceLocation: sourceLocation)
        let before = try FileSnapshot.taking(path)
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(throws: expected, comment, sourceLocation: sourceLocation) { try Journal.open(dataDir: dir) }
        #expect(try FileSnapshot(path) == before, comment, sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == listing, comment,
                sourceLocation: sourceLocation)
        #expect(!sideFilesExist(path), comment, sourceLocation: sourceLocation)
    }

    @Test("random bytes are not a journal")
    func randomBytes() throws {
        try withTemporaryDirectory { dir in
            let seed = SeededGenerator.seed()
            var generator = SeededGenerator(seed: seed)
            let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = FileManager.default.createFile(atPath: journalPath(in: dir), contents: Data([0x00] + bytes))
            try Self.expectRefused(dir, with: .notADatabase(path: journalPath(in: dir)),
                                   "random bytes from seed \(seed) (replay with REHAB_TEST_SEED=\(seed))")
        }
    }

    @Test("a text file is not a journal")
    func textFile() throws {
        try withTemporaryDirectory { dir in
            let text = String(repeating: "My recovery notes: walked 20 minutes today.\n", count: 50)
            _ = FileManager.default.createFile(atPath: journalPath(in: dir), contents: Data(text.utf8))
            try Self.expectRefused(dir, with: .notADatabase(path: journalPath(in: dir)))
        }
    }

    @Test("a file shorter than an SQLite header is not a journal")
    func tinyFile() throws {
        try withTemporaryDirectory { dir in
            _ = FileManager.default.createFile(atPath: journalPath(in: dir), contents: Data("SQLite format 3\0".utf8))
            try Self.expectRefused(dir, with: .notADatabase(path: journalPath(in: dir)))
        }
    }

    @Test("a journal truncated to 100 bytes is refused", arguments: [100, 1000, 4096])
    func truncatedToFixedSize(size: Int) throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            try Self.truncate(journalPath(in: dir), to: size)
            try Self.expectRefused(dir, with: .notADatabase(path: journalPath(in: dir)))
        }
    }

    @Test("a journal truncated to half its size is refused")
    func truncatedToHalf() throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            let path = journalPath(in: dir)
            let size = JournalFile.fileSize(path)
            #expect(size > 8192)
            try Self.truncate(path, to: size / 2)
            try Self.expectRefused(dir, with: .notADatabase(path: path))
        }
    }

    @Test("a journal with its header overwritten is refused")
    func clobberedHeader() throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            let path = journalPath(in: dir)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.write(contentsOf: Data(repeating: 0x41, count: 32))
            try handle.close()
            try Self.expectRefused(dir, with: .notADatabase(path: path))
        }
    }

    /// Opening skips the read-only look only when the header shows a version this rehab knows,
    /// with no WAL frames or rollback journal that could hide a newer one.
    @Test("the header is read as SQLite reads it")
    func headerAsSQLiteReadsIt() throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            let path = journalPath(in: dir)
            #expect(try JournalFile.examine(path) == .sqlite(.init(userVersion: Schema.version, walHasFrames: false,
                                                                   hotJournal: false)))
            try Journal.executeRaw(sql: "PRAGMA user_version = 7", onFileAt: path)
            guard case .sqlite(let header) = try JournalFile.examine(path) else {
                Issue.record("expected a SQLite header")
                return
            }
            #expect(header.userVersion == 7)
            #expect(!header.isAtMost(version: Schema.version))
            try Journal.executeRaw(sql: "PRAGMA user_version = 1", onFileAt: path)
            #expect(FileManager.default.createFile(atPath: path + "-journal", contents: Data([1, 2, 3])))
            guard case .sqlite(let hot) = try JournalFile.examine(path) else { return }
            #expect(hot.hotJournal && !hot.isAtMost(version: Schema.version))
        }
    }

    @Test("a journal whose user_version is newer is refused untouched")
    func newerUserVersion() throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            let path = journalPath(in: dir)
            try Journal.executeRaw(sql: "PRAGMA user_version = 7", onFileAt: path)
            try Self.expectRefused(dir, with: .newerSchema(path: path, found: 7, supported: Schema.version))
        }
    }

    @Test("a journal with a migration this rehab does not know is refused untouched")
    func unknownMigration() throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            let path = journalPath(in: dir)
            try Journal.executeRaw(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')", onFileAt: path)
            try Self.expectRefused(dir, with: .newerSchema(path: path, found: 99, supported: Schema.version))
        }
    }

    @Test("an unnumbered unknown migration still counts as newer")
    func unnumberedUnknownMigration() throws {
        try withTemporaryDirectory { dir in
            try Self.writeRealJournal(in: dir)
            let path = journalPath(in: dir)
            try Journal.executeRaw(sql: "INSERT INTO grdb_migrations VALUES ('add-widgets')", onFileAt: path)
            try Self.expectRefused(dir, with: .newerSchema(path: path, found: Schema.version + 1,
                                                           supported: Schema.version))
        }
    }

    @Test("the refusal messages say what to do")
    func messages() {
        let notDB = JournalError.notADatabase(path: "/d/journal.sqlite").description
        #expect(notDB.contains("/d/journal.sqlite is not a rehab journal"))
        #expect(notDB.contains("move it aside or choose another --data-dir"))
        let newer = JournalError.newerSchema(path: "/d/journal.sqlite", found: 3, supported: 1).description
        #expect(newer.contains("newer rehab"))
        #expect(newer.contains("upgrade rehab"))
    }

    static func truncate(_ path: String, to size: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }
}
