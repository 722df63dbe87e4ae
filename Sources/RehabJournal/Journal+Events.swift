import GRDB
import RehabCore

extension Journal {
    /// Appends one event and returns its id, only after the transaction committed, so the caller
    /// may tell the patient it is saved.
    @discardableResult
    public func append(_ event: PatientEvent, to patient: String, recordedAt: String) throws(JournalError) -> Int64 {
        let payload = try guarded { try EventCoding.encode(event) }
        return try guarded {
            try queue.write { db in
                let patientID = try Self.requirePatient(db, patient)
                return try Self.insert(db, patientID, event, payload, recordedAt)
            }
        }
    }

    /// Appends several events in one transaction: all of them are saved, or none.
    public func append(_ events: [PatientEvent], to patient: String, recordedAt: String) throws(JournalError) {
        let payloads = try guarded { try events.map(EventCoding.encode) }
        try guarded {
            try queue.write { db in
                let patientID = try Self.requirePatient(db, patient)
                for (event, payload) in zip(events, payloads) {
                    try Self.insert(db, patientID, event, payload, recordedAt)
                }
            }
        }
    }

    /// The patient's events in the order they were appended.
    public func events(of patient: String) throws(JournalError) -> [StoredEvent] {
        try guarded {
            let (patientID, rows) = try queue.read { db in
                let patientID = try Self.requirePatient(db, patient)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, recorded_at, payload FROM events WHERE patient_id = ? AND id > ? ORDER BY id
                    """, arguments: [patientID, cache.lastID(of: patientID)])
                return (patientID, rows)
            }
            var newer = try rows.map { row in
                StoredEvent(id: row[0], event: try EventCoding.decode(row[2] as String), recordedAt: row[1])
            }
            // Program copies keep their files in `program_files`; put them back.
            for (i, stored) in newer.enumerated() {
                guard case .programAssigned(var copy) = stored.event, copy.files.isEmpty else { continue }
                let files = try queue.read { db in
                    try Row.fetchAll(db, sql: "SELECT path, text FROM program_files WHERE hash = ?", arguments: [copy.contentHash])
                }
                for f in files { copy.files[f[0] as String] = f[1] as String }
                newer[i] = StoredEvent(id: stored.id, event: .programAssigned(copy), recordedAt: stored.recordedAt)
            }
            return cache.merge(newer, into: patientID)
        }
    }

    /// Everything known about the patient, folded from their events in append order.
    ///
    /// Only events appended since the previous call are decoded; the fold itself is cheap.
    public func record(of patient: String) throws(JournalError) -> PatientRecord {
        PatientRecord(events: try events(of: patient).map(\.event))
    }

    /// How many sessions the patient logged, counted without decoding any event.
    public func sessionCount(of patient: String) throws(JournalError) -> Int {
        try guarded {
            try queue.read { db in
                let patientID = try Self.requirePatient(db, patient)
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE patient_id = ? AND kind = ?",
                                        arguments: [patientID, PatientEvent.sessionKind]) ?? 0
            }
        }
    }

    @discardableResult
    private static func insert(_ db: Database, _ patientID: Int64, _ event: PatientEvent, _ payload: String,
                               _ recordedAt: String) throws -> Int64 {
        if case .programAssigned(let copy) = event {
            for (path, text) in copy.files {
                try db.execute(sql: "INSERT OR IGNORE INTO program_files (hash, path, text) VALUES (?, ?, ?)",
                               arguments: [copy.contentHash, path, text])
            }
        }
        try db.execute(sql: """
            INSERT INTO events (patient_id, kind, day, recorded_at, payload) VALUES (?, ?, ?, ?, ?)
            """, arguments: [patientID, event.kind, event.day.iso, recordedAt, payload])
        return db.lastInsertedRowID
    }
}

extension PatientEvent {
    /// The `kind` column value of a logged session.
    static var sessionKind: String {
        PatientEvent.sessionLogged(SessionRecord(on: CalendarDay(ordinal: 0))).kind
    }
}
