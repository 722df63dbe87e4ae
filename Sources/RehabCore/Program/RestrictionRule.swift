/// What a restriction limits. The strictest rule of each kind in force wins.
public enum RestrictionRule: Hashable, Sendable, Codable {
    case liftAtMost(Weight)
    case sitAtMost(minutes: Int)
    case no(Activity)
    case wear(String)
    /// Allowed within the words' limits (`limit bending "minimal, pain-free range only"`): not a ban.
    case limit(Activity, note: String?)
    /// A lifting limit the surgeon sets; until an order records the number, the stated fallback (none: no lifting).
    case liftPerSurgeon(fallback: Weight?)
    /// Gear worn only once a surgeon's order to wear it is recorded (`wear collar if ordered`).
    case wearIfOrdered(String)

    /// The activity this rule is about, for grouping answers.
    public var activity: Activity {
        switch self {
        case .liftAtMost, .liftPerSurgeon: return .lifting
        case .sitAtMost: return .sitting
        case .no(let a), .limit(let a, _): return a
        case .wear(let gear), .wearIfOrdered(let gear): return Activity(gear)
        }
    }

    /// Whether a movement routine (a transfer) could break this rule; `no driving` it cannot.
    public var isBodyMovement: Bool {
        switch self {
        case .liftAtMost, .liftPerSurgeon: return true
        case .sitAtMost, .wear, .wearIfOrdered: return false
        case .no(let a), .limit(let a, _): return Activity.bodyMovements.contains(a)
        }
    }

    /// `kind` as shown in JSON: lifting, sitting, no-driving, wear-brace…
    /// A limit shares its activity's kind with a ban, so the one that decides the answer is shown.
    public var kind: String {
        switch self {
        case .liftAtMost, .liftPerSurgeon: return "lifting"
        case .sitAtMost: return "sitting"
        case .no(let a), .limit(let a, _): return a.name
        case .wear(let g), .wearIfOrdered(let g): return "wear-\(g)"
        }
    }

    /// The most a lifting rule allows: a surgeon's limit not yet recorded allows its fallback, or nothing.
    public var liftCap: Weight? {
        switch self {
        case .liftAtMost(let w): return w
        case .liftPerSurgeon(let fallback): return fallback ?? Weight(0, .lb)
        default: return nil
        }
    }

    /// Program text for the rule (`lift at most 10 lb`).
    public var text: String {
        switch self {
        case .liftAtMost(let w): return "lift at most \(w)"
        case .sitAtMost(let m): return "sit at most \(m) min"
        case .no(let a): return "no \(a.name)"
        case .wear(let g): return "wear \(g)"
        case .limit(let a, let note): return "limit \(a.name)" + (note.map { " \"\($0)\"" } ?? "")
        case .liftPerSurgeon(let f): return "lift at most per surgeon" + (f.map { ", else \($0)" } ?? "")
        case .wearIfOrdered(let g): return "wear \(g) if ordered"
        }
    }

    /// Plain words for a patient; `words` gives an activity's declared words (`no reaching above your shoulders`).
    public func plain(unit: Weight.Unit, words: (Activity) -> String = \.defaultWords) -> String {
        switch self {
        case .liftAtMost(let w): return "lifting is limited to \(w.shown(in: unit))"
        case .sitAtMost(let m): return "sitting is limited to \(m) minutes at a time"
        case .no(let a): return "no \(words(a))"
        case .wear(let g): return "wear your \(g)"
        case .limit(let a, let note): return "\(words(a)) is limited: " + (note ?? RestrictionRule.limitWords)
        case .liftPerSurgeon(let f):
            return "lifting is limited to what your surgeon sets"
                + (f.map { " (\($0.shown(in: unit)) until it is recorded)" } ?? " (no lifting until it is recorded)")
        case .wearIfOrdered(let g): return "wear your \(g) only if your surgeon orders it"
        }
    }

    /// What a `limit` without a note asks of the patient.
    public static let limitWords = "keep it small and pain-free"
}
