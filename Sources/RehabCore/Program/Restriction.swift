/// A restriction as a program states it: the rule, when it starts, and what releases it.
public struct Restriction: Hashable, Sendable, Codable {
    public var rule: RestrictionRule
    /// When it starts to apply (nil: from surgery).
    public var from: RecoveryPoint?
    /// What releases it (nil: it lasts as long as its scope).
    public var until: Condition?
    /// The phase it belongs to; nil for a program-wide restriction.
    public var phase: String?
    /// Free words kept for the patient ("when out of bed").
    public var note: String?
    /// What published protocols give when they disagree with each other (`, sources 4-15 lb`).
    public var sources: SourcesRange?
    public var source: SourceRef?

    public init(rule: RestrictionRule, from: RecoveryPoint? = nil, until: Condition? = nil, phase: String? = nil,
                note: String? = nil, sources: SourcesRange? = nil, source: SourceRef? = nil) {
        self.rule = rule; self.from = from; self.until = until; self.phase = phase
        self.note = note; self.sources = sources; self.source = source
    }
}
