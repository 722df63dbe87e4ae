import Foundation
import GRDB

extension Journal {
    /// Every patient with when they were added and how many events they have, by name.
    public func patients() throws(JournalError) -> [PatientSummary] {
        try guarded {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT p.name, p.created, (SELECT count(*) FROM events e WHERE e.patient_id = p.id) AS n
                    FROM patients p ORDER BY p.name
                    """).map { row in
                    PatientSummary(name: row[0], created: row[1], eventCount: row[2])
                }
            }
        }
    }

    /// Adds a patient with no events. Names are compared exactly, so "Sam" and "sam" are two patients.
    public func createPatient(named name: String) throws(JournalError) {
        if PatientName.problem(with: name) != nil { throw .invalidName(name) }
        let created = Date.now.formatted(.iso8601)
        try guarded {
            try queue.write { db in
                if try Self.patientID(db, name) != nil { throw JournalError.duplicatePatient(name) }
                try db.execute(sql: "INSERT INTO patients (name, created) VALUES (?, ?)", arguments: [name, created])
            }
        }
    }

    public func hasPatient(named name: String) throws(JournalError) -> Bool {
        try guarded { try queue.read { db in try Self.patientID(db, name) != nil } }
    }

    static func patientID(_ db: Database, _ name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM patients WHERE name = ?", arguments: [name])
    }

    /// The patient's row id, or `.unknownPatient`.
    static func requirePatient(_ db: Database, _ name: String) throws -> Int64 {
        guard let id = try patientID(db, name) else { throw JournalError.unknownPatient(name) }
        return id
    }
}
