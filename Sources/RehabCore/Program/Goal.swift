/// A measurable goal the program names (`goal lift-20-lb "Lift 20 lb with ease"`): a therapist records it as met
/// (`met lift-20-lb by "Sam PT"`), and a phase can wait for it (`requires met lift-20-lb`).
public struct Goal: Hashable, Sendable, Codable {
    public var id: String
    /// What the patient will be able to do, in the patient's words.
    public var text: String
    public var source: SourceRef?

    public init(id: String, text: String, source: SourceRef? = nil) { self.id = id; self.text = text; self.source = source }
}
