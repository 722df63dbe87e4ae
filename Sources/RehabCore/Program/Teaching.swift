/// Something a phase teaches the patient to read, not to do (`teach posture "Keep your ears over your shoulders"`):
/// shown in status and preview, and as the first steps of a guided session.
public struct Teaching: Hashable, Sendable, Codable {
    /// What it is about, an id such as `posture`.
    public var topic: String
    public var text: String
    public var source: SourceRef?

    public init(topic: String, text: String, source: SourceRef? = nil) { self.topic = topic; self.text = text; self.source = source }

    /// "Posture"
    public var title: String { Words.title(topic) }
}
