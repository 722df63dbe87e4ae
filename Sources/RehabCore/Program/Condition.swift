/// When a restriction is released: a point in recovery, a recorded clearance, reaching a phase, or a combination.
public indirect enum Condition: Hashable, Sendable, Codable {
    /// A day, week or month since surgery.
    case at(RecoveryPoint)
    case cleared(String)
    /// The patient reaches this phase (by id), whatever gates held them back before it.
    case phase(String)
    case all([Condition])
    case any([Condition])

    /// `week N`, the most common condition.
    public static func week(_ n: Int) -> Condition { .at(.week(n)) }

    /// Every clearance name the condition mentions, for validation and completion.
    public var clearances: [String] {
        switch self {
        case .at, .phase: return []
        case .cleared(let c): return [c]
        case .all(let cs), .any(let cs): return cs.flatMap(\.clearances)
        }
    }

    /// Every phase id the condition mentions.
    public var phases: [String] {
        switch self {
        case .at, .cleared: return []
        case .phase(let p): return [p]
        case .all(let cs), .any(let cs): return cs.flatMap(\.phases)
        }
    }

    /// Program text for the condition (`week 6 and cleared lifting`).
    public var text: String {
        switch self {
        case .at(let p): return p.text
        case .cleared(let c): return "cleared \(c)"
        case .phase(let p): return "phase \(p)"
        case .all(let cs): return cs.map(\.text).joined(separator: " and ")
        case .any(let cs): return cs.map(\.text).joined(separator: " or ")
        }
    }
}
