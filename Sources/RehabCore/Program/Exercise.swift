/// An exercise definition: how to do it and what it asks of the spine.
public struct Exercise: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var position: Position?
    public var loads: Loads
    public var steps: [String]
    public var cues: [String]
    public var stopIf: [String]
    /// Pain rules of this exercise alone (`stop if pain reaches 5`), on top of the program's.
    public var painRules: [PainRuleStatement]
    /// Why it is fine while a ban is in force, by the banned activity (`while no neck-motion "…"`): a chin tuck
    /// while "no neck motion" holds reads as a contradiction unless the patient is told.
    public var whileBanned: [String: String] = [:]
    /// What published protocols give for its timing or dose when they disagree (`sources vary "…"` in the exercise),
    /// shown when a ladder prescribes it: a range on the ladder line would show on every rung.
    public var sources: SourcesRange?
    /// Names patients use for it (`says "press-ups"`), besides its id and name, for questions in their own words.
    public var phrases: [String] = []
    public var source: SourceRef?

    public init(id: String, name: String, position: Position? = nil, loads: Loads = Loads(), steps: [String] = [],
                cues: [String] = [], stopIf: [String] = [], painRules: [PainRuleStatement] = [], source: SourceRef? = nil) {
        self.id = id; self.name = name; self.position = position; self.loads = loads
        self.steps = steps; self.cues = cues; self.stopIf = stopIf; self.painRules = painRules; self.source = source
    }
}

/// The body position an exercise or routine step starts from.
public enum Position: String, Hashable, Sendable, CaseIterable, Codable {
    case supine, sideLying = "side-lying", prone, sitting, standing, kneeling, quadruped = "hands-and-knees"

    /// In the patient's words: "lying face down" for prone.
    public var words: String {
        switch self {
        case .supine: return "lying on your back"
        case .sideLying: return "lying on your side"
        case .prone: return "lying face down"
        case .sitting: return "sitting"
        case .standing: return "standing"
        case .kneeling: return "kneeling"
        case .quadruped: return "on hands and knees"
        }
    }

    /// The activity a restriction names to rule the position out (`no prone until week 6`).
    public var activity: Activity { Activity(rawValue) }
}

/// What an exercise or routine puts on the spine; a restriction in force forbids a matching load.
public struct Loads: Hashable, Sendable, Codable {
    public var lift: Weight?
    public var activities: Set<Activity>

    public init(lift: Weight? = nil, activities: Set<Activity> = []) { self.lift = lift; self.activities = activities }

    public var isEmpty: Bool { lift == nil && activities.isEmpty }

    /// The first rule this load breaks, if any; `words` names an activity (the checker keeps ids, answers use words).
    public func conflict(with rule: RestrictionRule, words: (Activity) -> String = \.name) -> String? {
        switch rule {
        case .atMost(.lifting, let limit):
            if let lift, limit.isExceeded(by: Quantity(lift)) { return "it lifts \(lift), over the \(limit) limit" }
            return nil
        case .no(let a):
            if a == .lifting, let lift { return "it lifts \(lift), and lifting is not allowed" }
            return activities.contains(a) ? "it involves \(words(a))" : nil
        case .atMostPerSurgeon(.lifting, let fallback):
            guard let lift else { return nil }
            guard let fallback else { return "it lifts \(lift), and your surgeon has not set a lifting limit yet" }
            return fallback.isExceeded(by: Quantity(lift))
                ? "it lifts \(lift), over the \(fallback) limit kept until your surgeon sets one" : nil
        case .atMost, .atMostPerSurgeon, .wear, .wearIfOrdered:
            return nil
        case .limit:
            // A limit is not a ban: the exercise is written to stay within it (docs/language.md).
            return nil
        }
    }
}
