import Synchronization

/// Events already decoded, per patient row id, so a shell asking for the record after every
/// command decodes only what was appended since.
///
/// This is safe because the journal is append-only and ids only grow: writers are serialised and
/// each takes the next id inside its transaction, so the rows any reader sees with id ≤ n never
/// change and never gain a newcomer, even with another rehab process writing the same file.
final class EventCache: Sendable {
    private let byPatient = Mutex<[Int64: [StoredEvent]]>([:])

    /// The id of the newest cached event, or 0.
    func lastID(of patientID: Int64) -> Int64 {
        byPatient.withLock { $0[patientID]?.last?.id ?? 0 }
    }

    /// Adds events read after `lastID(of:)` and returns the patient's full list.
    ///
    /// Another thread may have merged an overlapping batch meanwhile; anything already held is
    /// skipped, so the list stays in id order without repeats.
    func merge(_ newer: [StoredEvent], into patientID: Int64) -> [StoredEvent] {
        byPatient.withLock { entries in
            var events = entries[patientID] ?? []
            let known = events.last?.id ?? 0
            events.append(contentsOf: newer.lazy.filter { $0.id > known })
            entries[patientID] = events
            return events
        }
    }
}
