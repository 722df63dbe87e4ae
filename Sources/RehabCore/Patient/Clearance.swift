/// A surgeon's or therapist's permission, recorded with who gave it and when.
public struct Clearance: Hashable, Sendable, Codable {
    /// What is cleared: lifting, driving, twisting, outpatient-pt…
    public var topic: String
    /// For lifting: the new upper limit, which then acts as a restriction of its own.
    public var upTo: Weight?
    public var by: String?
    public var on: CalendarDay
    public var note: String?

    public init(topic: String, upTo: Weight? = nil, by: String? = nil, on: CalendarDay, note: String? = nil) {
        self.topic = topic; self.upTo = upTo; self.by = by; self.on = on; self.note = note
    }
}
