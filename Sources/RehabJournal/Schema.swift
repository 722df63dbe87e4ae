import Foundation
import GRDB

/// The journal's tables, as an ordered list of named migrations.
///
/// Migrations are only ever appended: "v1", "v2", … Each one also sets `PRAGMA user_version` to
/// its number, so an older rehab can tell it is looking at a newer journal even without GRDB.
enum Schema {
    /// The highest migration this build knows. Bump it together with a new `registerMigration`.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE patients (
                    id INTEGER PRIMARY KEY,
                    name TEXT UNIQUE NOT NULL,
                    created TEXT NOT NULL
                );
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    patient_id INTEGER NOT NULL REFERENCES patients(id),
                    kind TEXT NOT NULL,
                    day TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    payload TEXT NOT NULL
                );
                CREATE INDEX events_by_patient ON events(patient_id, id);
                CREATE INDEX events_by_patient_kind ON events(patient_id, kind);
                -- The text of every program file a patient was assigned, once per content hash. Kept out of
                -- the event payloads so that reading a journal never re-parses whole programs as JSON.
                CREATE TABLE program_files (
                    hash TEXT NOT NULL,
                    path TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (hash, path)
                );
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY,
                    value TEXT
                );
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }

    /// Throws `.newerSchema` when the database was touched by a newer rehab. Only reads.
    ///
    /// Both signs count: a `user_version` above ours, or a migration identifier we never registered
    /// (`hasBeenSuperseded`), since either means tables may hold data this build would misread.
    static func refuseNewer(_ db: Database, path: String) throws {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let migrator = self.migrator
        let superseded = try migrator.hasBeenSuperseded(db)
        guard userVersion > version || superseded else { return }
        let known = Set(migrator.migrations)
        let unknownNumbers = try migrator.appliedIdentifiers(db).subtracting(known).compactMap(number(of:))
        // With only unnumbered unknown migrations, all we know is that the journal is past ours.
        let found = max(userVersion, unknownNumbers.max() ?? 0, version + 1)
        throw JournalError.newerSchema(path: path, found: found, supported: version)
    }

    /// Applies missing migrations; a no-op read when the journal is current.
    ///
    /// Two rehabs opening a brand-new journal together can both see "v1" missing; the loser's
    /// migration fails inside its own transaction and rolls back, so it looks again and finds the
    /// work done. A failure with no such progress by someone else (and no lock contention) is real.
    static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = self.migrator
        if try queue.read(migrator.hasCompletedMigrations) { return }
        var attempts = 0
        while true {
            let before = try queue.read(migrator.appliedIdentifiers)
            do {
                try migrator.migrate(queue)
                return
            } catch {
                attempts += 1
                if try queue.read(migrator.hasCompletedMigrations) { return }
                let progressed = try queue.read(migrator.appliedIdentifiers) != before
                guard progressed || Contention.isBusy(error), attempts < 100 else { throw error }
                if !progressed { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
    }

    /// "v12" → 12; anything else → nil.
    private static func number(of identifier: String) -> Int? {
        guard identifier.first == "v" else { return nil }
        return Int(identifier.dropFirst())
    }
}
