/// A therapist's own test of a program: in week N, with these clearances, this must hold.
public struct Expectation: Hashable, Sendable {
    public var week: Int
    public var cleared: [String]
    public var flags: [String]
    public var items: [Item]
    public var source: SourceRef?

    public init(week: Int, cleared: [String] = [], flags: [String] = [], items: [Item], source: SourceRef? = nil) {
        self.week = week; self.cleared = cleared; self.flags = flags; self.items = items; self.source = source
    }

    public enum Item: Hashable, Sendable {
        case phase(String)
        case onHold
        case liftAtMost(Weight)
        case liftUnlimited
        case sitAtMost(Int)
        case sitUnlimited
        case forbidden(Activity)
        case wear(String)
        /// An exercise, routine or activity that must be allowed.
        case allowed(String)
        /// An exercise, routine or activity that must not be allowed.
        case notAllowed(String)
    }

    /// One expectation item with its own column, for precise failure reports.
    public struct Located: Hashable, Sendable {
        public var item: Item
        public var source: SourceRef?
        public init(item: Item, source: SourceRef?) { self.item = item; self.source = source }
    }
}
