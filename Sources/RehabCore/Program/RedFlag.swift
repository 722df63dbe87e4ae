/// A symptom that stops exercise and puts the patient on hold until it is resolved.
public struct RedFlag: Hashable, Sendable, Codable {
    public var id: String
    public var description: String
    public var advice: String
    /// Emergency signs are named plainly and sent to emergency services, not the office.
    public var emergency: Bool
    public var source: SourceRef?

    public init(id: String, description: String, advice: String, emergency: Bool = false, source: SourceRef? = nil) {
        self.id = id; self.description = description; self.advice = advice; self.emergency = emergency; self.source = source
    }
}
