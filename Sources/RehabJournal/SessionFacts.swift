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

    /// Reads the columns selected as `day, pain_before, peak_pain, exercises` starting at `column`.
    /// Patients repeat the same routine day after day, so each distinct exercise list is split once.
    static func summary(_ row: Row, from column: Int32, lists: inout [String: [String]]) -> SessionSummary {
        let joined = row.text(column + 3)
        let exercises: [String]
        if let known = lists[joined] {
            exercises = known
        } else {
            exercises = joined.isEmpty ? [] : joined.split(separator: separator).map(String.init)
            lists[joined] = exercises
        }
        return SessionSummary(on: CalendarDay(ordinal: Int(truncatingIfNeeded: row.int64(column))),
                              painBefore: row.int(column + 1), peakPain: row.int(column + 2), exercises: exercises)
    }
}
