/// One line of the `patients` listing, read without decoding any event.
public struct PatientSummary: Hashable, Sendable {
    public var name: String
    /// When the patient was added, as an ISO 8601 UTC timestamp (`2025-03-01T09:30:00Z`).
    public var created: String
    public var eventCount: Int

    public init(name: String, created: String, eventCount: Int) {
        self.name = name; self.created = created; self.eventCount = eventCount
    }
}
