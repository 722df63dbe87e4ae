import RehabCore

/// The journal's tables, as an ordered list of named migrations.
///
/// Migrations are only ever appended: "v1", "v2", … Each one also sets `PRAGMA user_version` to
/// its number, so an older rehab can tell it is looking at a newer journal. Applied names are kept in
/// `grdb_migrations`, the table GRDB made when rehab used it, so journals from rehab 0.3 open unchanged.
enum Schema {
    /// The highest migration this build knows.
    static var version: Int { migrations.count }

    struct Migration: Sendable {
        let identifier: String
        let apply: @Sendable (Connection) throws -> Void
    }

    static let migrations: [Migration] = [
        Migration(identifier: "v1") { db in
            try db.execute("""
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
                """)
        },
        Migration(identifier: "v2") { db in
            // What the progression rules read from each session, beside its JSON, so that answering
            // never decodes years of sessions. The payload stays the fact; these columns repeat part of it.
            try db.execute("""
                CREATE TABLE session_facts (
                    patient_id INTEGER NOT NULL REFERENCES patients(id),
                    event_id INTEGER NOT NULL REFERENCES events(id),
                    day INTEGER NOT NULL,
                    pain_before INTEGER,
                    peak_pain INTEGER,
                    exercises TEXT NOT NULL,
                    PRIMARY KEY (patient_id, event_id)
                ) WITHOUT ROWID;
                """)
            let sessions = try db.query("SELECT patient_id, id, payload FROM events WHERE kind = 'session' ORDER BY id") {
                ($0.int64(0), $0.int64(1), $0.text(2))
            }
            for (patientID, id, payload) in sessions {
                // A payload this build cannot read keeps no facts; reading it later reports the damage.
                guard case .sessionLogged(let s)? = try? EventCoding.decode(payload) else { continue }
                try SessionFacts.insert(SessionSummary(s), patientID: patientID, eventID: id, into: db)
            }
        },
        Migration(identifier: "v3") { db in
            // A reader's worked-out summary of one patient (the roster's line), with the latest event it reflects and
            // the key it was worked out under (the day it was for). Only ever a cache: a summary whose event or key
            // no longer matches is worked out again, and deleting every row loses nothing.
            try db.execute("""
                CREATE TABLE summaries (
                    patient_id INTEGER NOT NULL REFERENCES patients(id),
                    kind TEXT NOT NULL,
                    through_event INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (patient_id, kind)
                ) WITHOUT ROWID;
                """)
        },
    ]

    /// Throws `.newerSchema` when the database was touched by a newer rehab; otherwise returns the
    /// migrations already applied, so opening reads them once. Only reads.
    ///
    /// Both signs count: a `user_version` above ours, or a migration name we never had, since
    /// either means tables may hold data this build would misread.
    @discardableResult
    static func refuseNewer(_ db: Connection, path: String) throws -> [String] {
        let userVersion = try userVersion(db)
        let known = Set(migrations.map(\.identifier))
        let done = try applied(db)
        let unknown = done.filter { !known.contains($0) }
        guard userVersion > version || !unknown.isEmpty else { return done }
        // With only unnumbered unknown migrations, all we know is that the journal is past ours.
        let found = max(userVersion, unknown.compactMap(number(of:)).max() ?? 0, version + 1)
        throw JournalError.newerSchema(path: path, found: found, supported: version)
    }

    /// Applies missing migrations, each with its name and the new user_version, in one write
    /// transaction; nothing when `applied` (as just read, or read here) is already complete. Two rehabs
    /// opening a new journal together queue on the write lock, and the second finds the work done.
    static func migrate(_ db: Connection, applied alreadyApplied: [String]? = nil) throws {
        let done = try alreadyApplied ?? db.transaction(writing: false) { try applied(db) }
        if Set(done).isSuperset(of: migrations.map(\.identifier)) { return }
        try db.transaction(writing: true) {
            try db.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            let done = Set(try applied(db))
            for (i, migration) in migrations.enumerated() where !done.contains(migration.identifier) {
                try migration.apply(db)
                try db.run("INSERT INTO grdb_migrations (identifier) VALUES (?)", [.text(migration.identifier)])
                try db.execute("PRAGMA user_version = \(i + 1)")
            }
        }
    }

    static func userVersion(_ db: Connection) throws -> Int {
        if case .integer(let n)? = try db.scalar("PRAGMA user_version") { return Int(n) }
        return 0
    }

    /// Names of applied migrations; none when the table does not exist yet.
    static func applied(_ db: Connection) throws -> [String] {
        guard try db.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") != nil
        else { return [] }
        return try db.query("SELECT identifier FROM grdb_migrations") { $0.text(0) }
    }

    /// "v12" → 12; anything else → nil.
    private static func number(of identifier: String) -> Int? {
        guard identifier.first == "v" else { return nil }
        return Int(identifier.dropFirst())
    }
}
