/// What a restriction limits. The strictest rule of each kind in force wins.
public enum RestrictionRule: Hashable, Sendable, Codable {
    /// A measured activity up to an amount: `lift at most 10 lb`, `sit at most 30 min`, `ride at most 1 h`.
    case atMost(Activity, Quantity)
    case no(Activity)
    case wear(String)
    /// Allowed within the words' limits (`limit bending "minimal, pain-free range only"`): not a ban.
    case limit(Activity, note: String?)
    /// An amount the surgeon sets (`lift at most per surgeon`); until an order records it, the stated fallback
    /// (none: not at all).
    case atMostPerSurgeon(Activity, fallback: Quantity?)
    /// Gear worn only once a surgeon's order to wear it is recorded (`wear collar if ordered`).
    case wearIfOrdered(String)

    /// The activity this rule is about, for grouping answers.
    public var activity: Activity {
        switch self {
        case .atMost(let a, _), .atMostPerSurgeon(let a, _), .no(let a), .limit(let a, _): return a
        case .wear(let gear), .wearIfOrdered(let gear): return Activity(gear)
        }
    }

    /// Whether a movement routine (a transfer) could break this rule; `no driving` it cannot.
    public var isBodyMovement: Bool {
        switch self {
        case .wear, .wearIfOrdered: return false
        case .atMost(let a, _), .atMostPerSurgeon(let a, _), .no(let a), .limit(let a, _):
            return Activity.bodyMovements.contains(a)
        }
    }

    /// `kind` as shown in JSON: lifting, sitting, no-driving, wear-brace…
    /// A limit shares its activity's kind with a ban, so the one that decides the answer is shown.
    public var kind: String {
        switch self {
        case .atMost(let a, _), .atMostPerSurgeon(let a, _), .no(let a), .limit(let a, _): return a.name
        case .wear(let g), .wearIfOrdered(let g): return "wear-\(g)"
        }
    }

    /// The most an amount rule allows: a surgeon's amount not yet recorded allows its fallback, or nothing.
    public var cap: Quantity? {
        switch self {
        case .atMost(_, let q): return q
        case .atMostPerSurgeon(let a, let fallback):
            return fallback ?? MeasuredActivity.of(a)?.dimensions.first.map(Quantity.zero) ?? Quantity(0, .lb)
        default: return nil
        }
    }

    /// Whether this is a measured rule (an amount) on `activity`.
    public func isAmount(on activity: Activity) -> Bool { cap != nil && self.activity == activity }

    /// The verb the program writes the activity with (`lift`, `sit`), or its id.
    var verb: String { MeasuredActivity.of(activity)?.verb ?? activity.name }

    /// Program text for the rule (`lift at most 10 lb`).
    public var text: String {
        switch self {
        case .atMost(_, let q): return "\(verb) at most \(q)"
        case .no(let a): return "no \(a.name)"
        case .wear(let g): return "wear \(g)"
        case .limit(let a, let note): return "limit \(a.name)" + (note.map { " \"\($0)\"" } ?? "")
        case .atMostPerSurgeon(_, let f): return "\(verb) at most per surgeon" + (f.map { ", else \($0)" } ?? "")
        case .wearIfOrdered(let g): return "wear \(g) if ordered"
        }
    }

    /// Plain words for a patient; `words` gives an activity's declared words (`no reaching above your shoulders`).
    public func plain(unit: Weight.Unit, words: (Activity) -> String = \.defaultWords) -> String {
        switch self {
        case .atMost(let a, let q): return "\(words(a)) is limited to \(RestrictionRule.amount(q, of: a, unit: unit))"
        case .no(let a): return "no \(words(a))"
        case .wear(let g): return "wear your \(g)"
        case .limit(let a, let note): return "\(words(a)) is limited: " + (note ?? RestrictionRule.limitWords)
        case .atMostPerSurgeon(let a, let f):
            return "\(words(a)) is limited to what your surgeon sets"
                + (f.map { " (\($0.shown(in: unit)) until it is recorded)" } ?? " (no \(words(a)) until it is recorded)")
        case .wearIfOrdered(let g): return "wear your \(g) only if your surgeon orders it"
        }
    }

    /// "10 lb", "30 minutes at a time": an amount with what it is counted per.
    public static func amount(_ q: Quantity, of a: Activity, unit: Weight.Unit) -> String {
        q.shown(in: unit) + (MeasuredActivity.of(a)?.per.map { " " + $0 } ?? "")
    }

    /// What a `limit` without a note asks of the patient.
    public static let limitWords = "keep it small and pain-free"
}

extension Quantity {
    /// Nothing at all, in a dimension's first unit: what a surgeon's amount allows before it is recorded.
    static func zero(_ d: Dimension) -> Quantity {
        switch d {
        case .weight: return Quantity(0, .lb)
        case .time: return Quantity(0, .min)
        case .distance: return Quantity(0, .m)
        }
    }
}
