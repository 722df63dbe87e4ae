/// A therapist's own test of a program: on day, week or month N, with these clearances, this must hold.
public struct Expectation: Hashable, Sendable, Codable {
    public var at: RecoveryPoint
    public var cleared: [String]
    public var flags: [String]
    public var items: [Item]
    /// Where each item was written, for failures reported at their own column.
    public var itemSources: [SourceRef]
    public var source: SourceRef?

    public init(at: RecoveryPoint, cleared: [String] = [], flags: [String] = [], items: [Item], itemSources: [SourceRef] = [],
                source: SourceRef? = nil) {
        self.at = at; self.cleared = cleared; self.flags = flags; self.items = items
        self.itemSources = itemSources; self.source = source
    }

    public enum Item: Hashable, Sendable, Codable {
        case phase(String)
        case onHold
        /// The strictest amount in force on a measured activity is this one (`sit at most 30 min`).
        case atMost(Activity, Quantity)
        /// No amount rule is in force on a measured activity (`lift any`).
        case unlimited(Activity)
        case forbidden(Activity)
        /// A `limit ACTIVITY` decides the answer (allowed, within its words; no ban outranks it).
        case limited(Activity)
        case wear(String)
        /// No `wear GEAR` rule is in force (the brace or collar is released).
        case without(String)
        /// An exercise, routine or activity that must be allowed.
        case allowed(String)
        /// An exercise, routine or activity that must not be allowed.
        case notAllowed(String)
    }
}
