/// What a restriction limits. The strictest rule of each kind in force wins.
public enum RestrictionRule: Hashable, Sendable, Codable {
    case liftAtMost(Weight)
    case sitAtMost(minutes: Int)
    case no(Activity)
    case wear(String)

    /// The activity this rule is about, for grouping answers.
    public var activity: Activity {
        switch self {
        case .liftAtMost: return .lifting
        case .sitAtMost: return .sitting
        case .no(let a): return a
        case .wear(let gear): return Activity(gear)
        }
    }

    /// Whether a movement routine (a transfer) could break this rule; `no driving` it cannot.
    public var isBodyMovement: Bool {
        switch self {
        case .liftAtMost: return true
        case .sitAtMost, .wear: return false
        case .no(let a): return Activity.bodyMovements.contains(a)
        }
    }

    /// `kind` as shown in JSON: lifting, sitting, no-driving, wear-brace…
    public var kind: String {
        switch self {
        case .liftAtMost: return "lifting"
        case .sitAtMost: return "sitting"
        case .no(let a): return a.name
        case .wear(let g): return "wear-\(g)"
        }
    }

    /// Program text for the rule (`lift at most 10 lb`).
    public var text: String {
        switch self {
        case .liftAtMost(let w): return "lift at most \(w)"
        case .sitAtMost(let m): return "sit at most \(m) min"
        case .no(let a): return "no \(a.name)"
        case .wear(let g): return "wear \(g)"
        }
    }

    /// Plain words for a patient.
    public func plain(unit: Weight.Unit) -> String {
        switch self {
        case .liftAtMost(let w): return "lifting is limited to \(w.shown(in: unit))"
        case .sitAtMost(let m): return "sitting is limited to \(m) minutes at a time"
        case .no(let a): return "no \(a.name)"
        case .wear(let g): return "wear your \(g)"
        }
    }
}
