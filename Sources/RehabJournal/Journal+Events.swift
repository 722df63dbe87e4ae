import RehabCore

extension Journal {
    /// Appends one event and returns its id, only after the transaction committed, so the caller
    /// may tell the patient it is saved.
    @discardableResult
    public func append(_ event: PatientEvent, to patient: String, recordedAt: String) throws(JournalError) -> Int64 {
        try append([event], to: patient, recordedAt: recordedAt).last ?? 0
    }

    /// Appends several events in one transaction: all of them are saved, or none. Returns their ids.
    @discardableResult
    public func append(_ events: [PatientEvent], to patient: String, recordedAt: String) throws(JournalError) -> [Int64] {
        let payloads: [String]
        do { payloads = try events.map(EventCoding.encode) } catch { throw JournalError.wrapping(error, place: place) }
        return try withWritingConnection { db in
            try db.transaction(writing: true) {
                let patientID = try Self.requirePatient(db, patient)
                return try zip(events, payloads).map { event, payload in
                    try Self.insertEvent(db, patientID, event, payload, recordedAt)
                }
            }
        }
    }

    /// The patient's events in the order they were appended, every one decoded in full.
    public func events(of patient: String) throws(JournalError) -> [StoredEvent] {
        try withConnection { db in
            try db.transaction(writing: false) {
                let patientID = try Self.requirePatient(db, patient)
                let rows = try db.query("SELECT id, recorded_at, payload FROM events WHERE patient_id = ? ORDER BY id",
                                        [.integer(patientID)]) { ($0.int64(0), $0.text(1), $0.text(2)) }
                return try rows.map { id, recordedAt, payload in
                    StoredEvent(id: id, event: try Self.withFiles(try EventCoding.decode(payload, id: id), db),
                                recordedAt: recordedAt)
                }
            }
        }
    }

    /// Everything the rules need about the patient, folded from their events in append order.
    ///
    /// Sessions come from their `session_facts` columns, so the cost hardly grows with years of
    /// history; other events are decoded from JSON. Only events appended since the previous call
    /// are read: the fold is kept per patient.
    public func record(of patient: String) throws(JournalError) -> PatientRecord {
        try withState { state in
            let db = state.connection
            return try db.transaction(writing: false) {
                let patientID = try Self.requirePatient(db, patient)
                var (record, lastID) = state.records[patientID] ?? (PatientRecord(), 0)
                let known: [SQLValue] = [.integer(patientID), .integer(lastID)]
                var lists = SessionFacts.Lists()
                let sessions = try db.query("""
                    SELECT event_id, day, pain_before, peak_pain, exercises FROM session_facts
                    WHERE patient_id = ? AND event_id > ? ORDER BY event_id
                    """, known) { (id: $0.int64(0), summary: SessionFacts.summary($0, from: 1, lists: &lists)) }
                // Sessions without facts (a payload the v2 migration could not read) come with the other events.
                let sessionEvents = try db.scalar("SELECT count(*) FROM events WHERE patient_id = ? AND kind = 'session' AND id > ?", known)
                let others = try db.query(sessionEvents == .integer(Int64(sessions.count)) ? """
                    SELECT id, payload FROM events INDEXED BY events_by_patient_kind
                    WHERE patient_id = ? AND id > ? AND kind != 'session' ORDER BY id
                    """ : """
                    SELECT id, payload FROM events WHERE patient_id = ?1 AND id > ?2 AND (kind != 'session' OR id NOT IN
                        (SELECT event_id FROM session_facts WHERE patient_id = ?1)) ORDER BY id
                    """, known) { (id: $0.int64(0), payload: $0.text(1)) }
                // Merge the two by id, so every event keeps its place in the journal.
                var s = sessions.startIndex
                for other in others {
                    while s < sessions.endIndex, sessions[s].id < other.id {
                        record.apply(sessions[s].summary, position: Int(sessions[s].id)); s += 1
                    }
                    let e = try EventCoding.decode(other.payload, id: other.id)
                    let f = try Self.withFiles(e, db, known: &state.programFiles)
                    record.apply(f, position: Int(other.id))
                }
                for rest in sessions[s...] { record.apply(rest.summary, position: Int(rest.id)) }
                lastID = max(sessions.last?.id ?? 0, others.last?.id ?? 0, lastID)
                state.records[patientID] = (record, lastID)
                return record
            }
        }
    }

    /// How many sessions the patient logged, counted without decoding any event.
    public func sessionCount(of patient: String) throws(JournalError) -> Int {
        try withConnection { db in
            let patientID = try Self.requirePatient(db, patient)
            guard case .integer(let n)? = try db.scalar("SELECT count(*) FROM events WHERE patient_id = ? AND kind = ?",
                                                        [.integer(patientID), .text(PatientEvent.sessionKind)]) else { return 0 }
            return Int(n)
        }
    }

    /// Program copies keep their files in `program_files`; put them back.
    private static func withFiles(_ event: PatientEvent, _ db: Connection,
                                  known: inout [String: [String: String]]) throws -> PatientEvent {
        guard case .programAssigned(var copy) = event, copy.files.isEmpty else { return event }
        if let files = known[copy.contentHash] { copy.files = files; return .programAssigned(copy) }
        for (path, text) in try db.query("SELECT path, text FROM program_files WHERE hash = ?", [.text(copy.contentHash)],
                                         row: { ($0.text(0), $0.text(1)) }) {
            copy.files[path] = text
        }
        known[copy.contentHash] = copy.files
        return .programAssigned(copy)
    }

    private static func withFiles(_ event: PatientEvent, _ db: Connection) throws -> PatientEvent {
        var none: [String: [String: String]] = [:]
        return try withFiles(event, db, known: &none)
    }

    static func insertEvent(_ db: Connection, _ patientID: Int64, _ event: PatientEvent, _ payload: String,
                               _ recordedAt: String) throws -> Int64 {
        if case .programAssigned(let copy) = event {
            for (path, text) in copy.files {
                try db.run("INSERT OR IGNORE INTO program_files (hash, path, text) VALUES (?, ?, ?)",
                           [.text(copy.contentHash), .text(path), .text(text)])
            }
        }
        try db.run("INSERT INTO events (patient_id, kind, day, recorded_at, payload) VALUES (?, ?, ?, ?, ?)",
                   [.integer(patientID), .text(event.kind), .text(event.day.iso), .text(recordedAt), .text(payload)])
        let id = db.lastInsertedRowID
        if case .sessionLogged(let s) = event {
            try SessionFacts.insert(SessionSummary(s), patientID: patientID, eventID: id, into: db)
        }
        return id
    }
}

extension PatientEvent {
    /// The `kind` column value of a logged session.
    static var sessionKind: String {
        PatientEvent.sessionLogged(SessionRecord(on: CalendarDay(ordinal: 0))).kind
    }
}

extension Journal {
    /// Sessions recorded although the rules said no (`log --anyway`), for the therapist's roster.
    public func againstRulesCount(of patient: String) throws(JournalError) -> Int {
        try withConnection { db in
            let id = try Self.requirePatient(db, patient)
            guard case .integer(let n)? = try db.scalar(
                "SELECT count(*) FROM events WHERE patient_id = ? AND kind = 'session' AND instr(payload, '\"againstRules\"') > 0",
                [.integer(id)]) else { return 0 }
            return Int(n)
        }
    }
}
