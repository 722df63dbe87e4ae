/// When pain stops a session or puts progression on hold.
public enum PainRule: Hashable, Sendable, Codable {
    /// Stop the session when pain reaches this score.
    case stopAtOrAbove(Int)
    /// Stop when pain rises this many points over the session's start.
    case stopOnRise(Int)
    /// A logged score at or above this puts the patient on hold (a pain-rule breach).
    case holdAtOrAbove(Int)

    public var text: String {
        switch self {
        case .stopAtOrAbove(let n): return "stop if pain reaches \(n)"
        case .stopOnRise(let n): return "stop if pain rises \(n)"
        case .holdAtOrAbove(let n): return "hold if pain reaches \(n)"
        }
    }
}

/// A pain rule with the line that stated it.
public struct PainRuleStatement: Hashable, Sendable, Codable {
    public var rule: PainRule
    public var source: SourceRef?
    public init(rule: PainRule, source: SourceRef? = nil) { self.rule = rule; self.source = source }
}
