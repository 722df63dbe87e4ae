import RehabCore

/// An event as the journal holds it: the row id gives the append order, and `recordedAt` says
/// when it was typed, which can differ from the day the event takes effect.
public struct StoredEvent: Hashable, Sendable {
    public var id: Int64
    public var event: PatientEvent
    /// The caller's ISO 8601 timestamp at the moment of appending.
    public var recordedAt: String

    public init(id: Int64, event: PatientEvent, recordedAt: String) {
        self.id = id; self.event = event; self.recordedAt = recordedAt
    }
}
