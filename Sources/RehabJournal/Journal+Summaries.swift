/// Summaries that a reader works out from a patient's whole record and keeps, so that a clinic's roster does not
/// replay ten thousand records each time it is shown.
///
/// The journal does not know what a summary says; it keeps the text with the id of the latest event it reflects and
/// the reader's key (for the roster: the day it was worked out for and the layout's version). A summary is handed
/// back only while both still match, so a new event or a new day always means working it out again.
extension Journal {
    public struct PatientSummaryState: Sendable {
        public var name: String
        /// The id of the patient's latest event; 0 with none.
        public var latestEvent: Int64
        /// The kept text, when it reflects `latestEvent` and was kept under the key asked for.
        public var summary: String?
    }

    public func summaries(kind: String, key: String) throws(JournalError) -> [PatientSummaryState] {
        try withConnection { db in
            try db.transaction(writing: false) {
                try db.query("""
                    SELECT p.name, coalesce((SELECT max(e.id) FROM events e WHERE e.patient_id = p.id), 0) AS latest,
                           s.through_event, s.key, s.text
                    FROM patients p LEFT JOIN summaries s ON s.patient_id = p.id AND s.kind = ?
                    ORDER BY p.name
                    """, [.text(kind)]) { row in
                    let latest = row.int64(1)
                    let fresh = !row.isNull(2) && row.int64(2) == latest && !row.isNull(3) && row.text(3) == key
                    return PatientSummaryState(name: row.text(0), latestEvent: latest, summary: fresh ? row.text(4) : nil)
                }
            }
        }
    }

    /// Keeps summaries worked out from each patient's record up to `through`, in one transaction.
    public func keepSummaries(_ items: [(patient: String, through: Int64, text: String)], kind: String,
                              key: String) throws(JournalError) {
        guard !items.isEmpty else { return }
        try withWritingConnection { db in
            try db.transaction(writing: true) {
                for item in items {
                    try db.run("""
                        INSERT OR REPLACE INTO summaries (patient_id, kind, through_event, key, text)
                        SELECT id, ?, ?, ?, ? FROM patients WHERE name = ?
                        """, [.text(kind), .integer(item.through), .text(key), .text(item.text), .text(item.patient)])
                }
            }
        }
    }
}
