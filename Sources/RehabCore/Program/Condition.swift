/// When a restriction is released: a week since surgery, a recorded clearance, or a combination.
public indirect enum Condition: Hashable, Sendable, Codable {
    case week(Int)
    case cleared(String)
    case all([Condition])
    case any([Condition])

    /// Every clearance name the condition mentions, for validation and completion.
    public var clearances: [String] {
        switch self {
        case .week: return []
        case .cleared(let c): return [c]
        case .all(let cs), .any(let cs): return cs.flatMap(\.clearances)
        }
    }

    /// Program text for the condition (`week 6 and cleared lifting`).
    public var text: String {
        switch self {
        case .week(let n): return "week \(n)"
        case .cleared(let c): return "cleared \(c)"
        case .all(let cs): return cs.map(\.text).joined(separator: " and ")
        case .any(let cs): return cs.map(\.text).joined(separator: " or ")
        }
    }
}
