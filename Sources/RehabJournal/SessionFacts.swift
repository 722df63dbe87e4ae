import RehabCore

/// The `session_facts` row kept beside each session event: what the rules read, in columns.
enum SessionFacts {
    /// Between exercise ids in the `exercises` column; ids never contain it (a session whose ids
    /// do is stored without facts and read back from its JSON).
    static let separator: Character = "\u{1F}"

    static func insert(_ s: SessionSummary, patientID: Int64, eventID: Int64, into db: Connection) throws {
        guard !s.exercises.contains(where: { $0.contains(separator) }) else { return }
        try db.run("""
            INSERT INTO session_facts (patient_id, event_id, day, pain_before, peak_pain, exercises) VALUES (?, ?, ?, ?, ?, ?)
            """, [.integer(patientID), .integer(eventID), .integer(s.on.ordinal), .integer(s.painBefore), .integer(s.peakPain),
                  .text(s.exercises.joined(separator: String(separator)))])
    }

    /// Exercise lists already split while reading. Patients repeat the same routine day after day, so
    /// a row whose bytes equal the previous row's reuses its list without making any string.
    struct Lists {
        private var previousBytes: [UInt8] = []
        private var previous: [String] = []
        private var seen: [String: [String]] = [:]

        mutating func list(_ row: Row, _ column: Int32) -> [String] {
            if row.withBytes(column, { $0.elementsEqual(previousBytes) }) { return previous }
            let joined = row.text(column)
            let list = seen[joined] ?? (joined.isEmpty ? [] : joined.split(separator: separator).map(String.init))
            seen[joined] = list
            previousBytes = Array(joined.utf8)
            previous = list
            return list
        }
    }

    /// Reads the columns selected as `day, pain_before, peak_pain, exercises` starting at `column`.
    static func summary(_ row: Row, from column: Int32, lists: inout Lists) -> SessionSummary {
        let exercises = lists.list(row, column + 3)
        return SessionSummary(on: CalendarDay(ordinal: Int(truncatingIfNeeded: row.int64(column))),
                              painBefore: row.int(column + 1), peakPain: row.int(column + 2), exercises: exercises)
    }
}
