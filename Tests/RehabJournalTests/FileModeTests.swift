import Foundation
import Testing
@testable import RehabJournal

@Suite("Files and permissions")
struct FileModeTests {
    @Test("a created data directory is 0700 and the journal 0600")
    func modesOfNewFiles() throws {
        try withTemporaryDirectory { root in
            let dir = root + "/data"
            let journal = try Journal.open(dataDir: dir)
            try journal.createPatient(named: "Sam")
            #expect(journal.path == journalPath(in: dir))
            #expect(try mode(of: dir) == 0o700)
            #expect(try mode(of: journalPath(in: dir)) == 0o600)
            for side in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: journalPath(in: dir) + side) {
                #expect(try mode(of: journalPath(in: dir) + side) == 0o600)
            }
        }
    }

    @Test("missing parent directories are created private too")
    func nestedDirectories() throws {
        try withTemporaryDirectory { root in
            let dir = root + "/a/b/c/"
            _ = try Journal.open(dataDir: dir)
            #expect(try mode(of: root + "/a") == 0o700)
            #expect(try mode(of: root + "/a/b/c") == 0o700)
            #expect(FileManager.default.fileExists(atPath: root + "/a/b/c/journal.sqlite"))
        }
    }

    @Test("an existing journal readable by others is narrowed to 0600")
    func existingFileIsNarrowed() throws {
        try withTemporaryDirectory { dir in
            do { _ = try Journal.open(dataDir: dir) }
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: journalPath(in: dir))
            _ = try Journal.open(dataDir: dir)
            #expect(try mode(of: journalPath(in: dir)) == 0o600)
        }
    }

    @Test("an existing data directory open to others is tightened to 0700 (issue 11 row 12)")
    func existingDirectoryIsTightened() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: dir)
            let journal = try Journal.open(dataDir: dir)
            #expect(try mode(of: dir) == 0o700)
            #expect(journal.warnings.isEmpty)
        }
    }

    @Test("an empty file is taken as a new journal")
    func emptyFileIsNew() throws {
        try withTemporaryDirectory { dir in
            _ = FileManager.default.createFile(atPath: journalPath(in: dir), contents: Data())
            let journal = try Journal.open(dataDir: dir)
            try journal.createPatient(named: "Sam")
            #expect(try journal.hasPatient(named: "Sam"))
        }
    }

    @Test("a data directory that is a file cannot be used")
    func dataDirIsAFile() throws {
        try withTemporaryDirectory { root in
            let file = root + "/notes.txt"
            _ = FileManager.default.createFile(atPath: file, contents: Data("hello".utf8))
            #expect(throws: JournalError.cannotCreate(path: file, reason: "it exists and is not a directory")) {
                try Journal.open(dataDir: file)
            }
        }
    }

    @Test("an empty data directory name is refused")
    func emptyDataDir() {
        #expect(throws: JournalError.cannotCreate(path: "the data directory", reason: "no directory name was given")) {
            try Journal.open(dataDir: "")
        }
    }

    @Test("a directory where the journal should be cannot be used")
    func journalIsADirectory() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(atPath: journalPath(in: dir), withIntermediateDirectories: false)
            #expect(throws: JournalError.cannotCreate(path: journalPath(in: dir), reason: "it is a directory")) {
                try Journal.open(dataDir: dir)
            }
        }
    }

    @Test("an unwritable parent gives cannotCreate with a reason", .enabled(if: getuid() != 0))
    func unwritableParent() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: root)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root) }
            #expect(throws: JournalError.cannotCreate(path: root + "/data", reason: "permission denied")) {
                try Journal.open(dataDir: root + "/data")
            }
        }
    }
}
