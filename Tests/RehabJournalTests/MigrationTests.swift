import Foundation
import RehabCore
import Testing
@testable import RehabJournal

@Suite("Schema migrations")
struct MigrationTests {
    /// PRAGMA user_version, read from bytes 60–63 of the closed file's header.
    static func userVersion(_ path: String) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(64))
        return bytes[60..<64].reduce(0) { $0 << 8 | Int($1) }
    }

    @Test("opening twice migrates once and keeps the data")
    func idempotent() throws {
        try withTemporaryDirectory { dir in
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
                try journal.append(dailySession(1), to: "Sam", recordedAt: stamp)
                let again = try Journal.open(dataDir: dir)   // while the first is still open
                #expect(try again.sessionCount(of: "Sam") == 1)
            }
            let journal = try Journal.open(dataDir: dir)
            #expect(try journal.rawStrings(sql: "SELECT identifier FROM grdb_migrations") == ["v1", "v2", "v3"])
            #expect(try journal.rawStrings(sql: "SELECT CAST(user_version AS TEXT) FROM pragma_user_version") == ["\(Schema.version)"])
            #expect(try journal.rawStrings(sql: "SELECT journal_mode FROM pragma_journal_mode") == ["wal"])
            #expect(try journal.sessionCount(of: "Sam") == 1)
        }
        try withTemporaryDirectory { dir in
            do { _ = try Journal.open(dataDir: dir) }
            #expect(try Self.userVersion(journalPath(in: dir)) == Schema.version)
        }
    }

    @Test("reopening an up-to-date journal writes nothing to it")
    func reopenDoesNotWrite() throws {
        try withTemporaryDirectory { dir in
            let path = journalPath(in: dir)
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
            }
            #expect(!sideFilesExist(path))
            let before = try FileSnapshot.taking(path)
            do {
                let journal = try Journal.open(dataDir: dir)
                #expect(try journal.hasPatient(named: "Sam"))
            }
            #expect(try FileSnapshot(path) == before)
            #expect(!sideFilesExist(path))
        }
    }

    @Test("the schema has the tables and indexes the other modules rely on")
    func schema() throws {
        let journal = try Journal.inMemory()
        let names = try journal.rawStrings(sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        #expect(names == ["events", "events_by_patient", "events_by_patient_kind", "grdb_migrations", "patients", "program_files", "session_facts", "settings", "summaries"])
        let columns = try journal.rawStrings(sql: "SELECT name FROM pragma_table_info('events') ORDER BY cid")
        #expect(columns == ["id", "patient_id", "kind", "day", "recorded_at", "payload"])
    }

    @Test("the kind and day columns mirror the event")
    func indexedColumns() throws {
        let journal = try Journal.inMemory()
        try journal.createPatient(named: "Sam")
        try journal.append(everyKindOfEvent, to: "Sam", recordedAt: stamp)
        #expect(try journal.rawStrings(sql: "SELECT kind FROM events ORDER BY id") == everyKindOfEvent.map(\.kind))
        #expect(try journal.rawStrings(sql: "SELECT day FROM events ORDER BY id") == everyKindOfEvent.map(\.day.iso))
    }

    /// The record folded from JSON alone, positions being journal ids: what `record(of:)` must equal.
    static func recordFromPayloads(_ journal: Journal, _ patient: String) throws -> PatientRecord {
        var record = PatientRecord()
        for stored in try journal.events(of: patient) { record.apply(stored.event, position: Int(stored.id)) }
        return record
    }

    @Test("v2 fills session columns for a journal written by rehab 0.3, and answers stay the same")
    func sessionFactsBackfilled() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/journal.sqlite"
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
                try journal.append(everyKindOfEvent + (1...40).map(dailySession), to: "Sam", recordedAt: stamp)
            }
            // Back to the version 1 layout, as rehab 0.3 left it.
            try Journal.executeRaw(sql: """
                DROP TABLE session_facts; DROP TABLE summaries; DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3');
                PRAGMA user_version = 1;
                """, onFileAt: path)
            #expect(try Self.userVersion(path) == 1)
            let journal = try Journal.open(dataDir: dir)
            #expect(try journal.rawStrings(sql: "SELECT CAST(user_version AS TEXT) FROM pragma_user_version") == ["\(Schema.version)"])
            #expect(try journal.rawStrings(sql: "SELECT count(*) FROM session_facts") == ["42"])
            let record = try journal.record(of: "Sam")
            #expect(record.sessions.count == 42)
            #expect(record == (try Self.recordFromPayloads(journal, "Sam")))
        }
    }

    @Test("a session whose columns are missing is read from its JSON, in its place")
    func sessionWithoutFacts() throws {
        try withTemporaryDirectory { dir in
            let journal = try Journal.open(dataDir: dir)
            try journal.createPatient(named: "Sam")
            let odd = PatientEvent.sessionLogged(SessionRecord(on: CalendarDay(year: 2025, month: 3, day: 20)!, painBefore: 1,
                                                               painAfter: 6, exercises: [ExerciseLog(exercise: "odd\u{1F}id")]))
            try journal.append([dailySession(1), odd, dailySession(2)], to: "Sam", recordedAt: stamp)
            #expect(try journal.rawStrings(sql: "SELECT count(*) FROM session_facts") == ["2"])
            let fresh = try Journal.open(dataDir: dir)
            let record = try fresh.record(of: "Sam")
            #expect(record.sessions.map(\.exercises).contains(["odd\u{1F}id"]))
            #expect(record.sessions.map(\.peakPain).contains(6))
            #expect(record == (try Self.recordFromPayloads(fresh, "Sam")))
        }
    }
}
