/// A condition for entering a phase. Gates are data so a blocked transition can say which failed.
public enum Gate: Hashable, Sendable, Codable {
    /// Not before this day, week or month since surgery.
    case minimum(RecoveryPoint)
    case cleared(String)
    /// Every pain score in the last `days` days at most `score` (and at least one recorded).
    case painAtMost(Int, days: Int)
    /// At least this many sessions logged in the phase before.
    case sessions(Int)
    /// A therapist has recorded the program's goal with this id as met (`requires met lift-20-lb`).
    case met(String)

    public var text: String {
        switch self {
        case .minimum(let p): return p.text
        case .cleared(let c): return "cleared \(c)"
        case .painAtMost(let s, let d): return "pain at most \(s) over \(d) days"
        case .sessions(let n): return "\(n) sessions"
        case .met(let g): return "met \(g)"
        }
    }
}
