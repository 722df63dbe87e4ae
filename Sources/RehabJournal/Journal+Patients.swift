import RehabCore
#if canImport(Glibc)
import Glibc
#endif

extension Journal {
    /// Every patient with when they were added and how many events they have, by name.
    public func patients() throws(JournalError) -> [PatientSummary] {
        try withConnection { db in
            try db.query("""
                SELECT p.name, p.created, (SELECT count(*) FROM events e WHERE e.patient_id = p.id) AS n
                FROM patients p ORDER BY p.name
                """) { PatientSummary(name: $0.text(0), created: $0.text(1), eventCount: Int($0.int64(2))) }
        }
    }

    /// How many patients the data dir holds, without counting anyone's events (every answer asks, to name the patient).
    public func patientCount() throws(JournalError) -> Int {
        try withConnection { db in
            guard case .integer(let n)? = try db.scalar("SELECT count(*) FROM patients") else { return 0 }
            return Int(n)
        }
    }

    /// Adds a patient with no events. Names are compared exactly, so "Sam" and "sam" are two patients.
    public func createPatient(named name: String) throws(JournalError) {
        if PatientName.problem(with: name) != nil { throw .invalidName(name) }
        let created = Self.utcTimestamp()
        try withWritingConnection { db in
            try db.transaction(writing: true) {
                if try Self.patientID(db, name) != nil { throw JournalError.duplicatePatient(name) }
                try db.run("INSERT INTO patients (name, created) VALUES (?, ?)", [.text(name), .text(created)])
            }
        }
    }

    public func hasPatient(named name: String) throws(JournalError) -> Bool {
        try withConnection { db in try Self.patientID(db, name) != nil }
    }

    static func patientID(_ db: Connection, _ name: String) throws -> Int64? {
        guard case .integer(let id)? = try db.scalar("SELECT id FROM patients WHERE name = ?", [.text(name)]) else { return nil }
        return id
    }

    /// The patient's row id, or `.unknownPatient`.
    static func requirePatient(_ db: Connection, _ name: String) throws -> Int64 {
        guard let id = try patientID(db, name) else { throw JournalError.unknownPatient(name) }
        return id
    }

    /// Now in UTC as ISO 8601 (`2026-11-21T20:15:03Z`), the form the `created` column has always had.
    static func utcTimestamp() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
