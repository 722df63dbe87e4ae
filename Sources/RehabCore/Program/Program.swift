/// A whole post-operative program, as lowered from a `.rehab` file and its libraries.
public struct Program: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var procedure: String?
    /// Citations (`source "…"` lines) for the clinical content.
    public var sources: [String]
    public var phases: [Phase]
    /// Program-wide restrictions, in force from surgery (or `from`) until released.
    public var restrictions: [Restriction]
    public var exercises: [Exercise]
    public var routines: [Routine]
    public var ladders: [Ladder]
    public var redFlags: [RedFlag]
    public var painRules: [PainRuleStatement]
    public var expectations: [Expectation]
    /// When the program offers outcome questionnaires.
    public var measures: [MeasureSchedule] = []
    /// Clearance topics the program declares (`clearance wound "…"`), with what each means for the patient.
    public var declaredClearances: [String: String] = [:]
    /// Measurable goals (`goal lift-20-lb "…"`) a therapist records as met and phases may require.
    public var goals: [Goal] = []
    /// What each declared activity means for the patient (`activity overhead-reaching "reaching above your shoulders"`).
    public var activityWords: [String: String] = [:]
    /// Advice on activities (`advise …`) and the topics the sources are silent on (`ask surgeon about …`).
    public var advice: [Advice] = []
    /// What patients say for each declared activity (`says "sleep on my stomach"`), for questions in their own words.
    public var activityPhrases: [String: [String]] = [:]

    public init(id: String, name: String, procedure: String? = nil, sources: [String] = [], phases: [Phase] = [],
                restrictions: [Restriction] = [], exercises: [Exercise] = [], routines: [Routine] = [],
                ladders: [Ladder] = [], redFlags: [RedFlag] = [], painRules: [PainRuleStatement] = [],
                expectations: [Expectation] = []) {
        self.id = id; self.name = name; self.procedure = procedure; self.sources = sources; self.phases = phases
        self.restrictions = restrictions; self.exercises = exercises; self.routines = routines; self.ladders = ladders
        self.redFlags = redFlags; self.painRules = painRules; self.expectations = expectations
    }

    public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }
    public func routine(_ id: String) -> Routine? { routines.first { $0.id == id } }
    public func ladder(_ id: String) -> Ladder? { ladders.first { $0.id == id } }
    public func redFlag(_ id: String) -> RedFlag? { redFlags.first { $0.id == id } }
    public func phaseIndex(_ id: String) -> Int? { phases.firstIndex { $0.id == id } }
    public func goal(_ id: String) -> Goal? { goals.first { $0.id == id } }

    /// The words a patient reads for an activity: its declaration's, else its id with spaces; never the bare id.
    public func words(for activity: Activity) -> String { activityWords[activity.name] ?? activity.defaultWords }

    /// A clearance in the patient's words: its declared meaning ("your surgeon allows driving, and …"), or, for a
    /// clearance named after an activity, "your surgeon clears turning or bending your neck"; nil for other ids.
    public func clearanceWords(_ topic: String) -> String? {
        if let declared = declaredClearances[topic], !declared.isEmpty { return declared }
        if let words = activityWords[topic], words != topic { return "your surgeon clears \(words)" }
        return nil
    }

    /// The first week in which the last phase has ended, or (open-ended) has begun: how far a week-by-week table goes.
    public func lastWeek(surgery: CalendarDay) -> Int {
        guard let last = phases.last else { return 0 }
        let day = (last.end ?? last.start).date(surgery: surgery).days(since: surgery)
        return max(0, (day + 6) / 7)
    }

    /// Every restriction with its scope, program-wide first.
    public var allRestrictions: [Restriction] { restrictions + phases.flatMap(\.restrictions) }

    /// Every activity the program names, plus the everyday ones.
    public var activities: [Activity] {
        var seen = Activity.everyday
        for r in allRestrictions where !seen.contains(r.rule.activity) {
            if case .wear = r.rule { continue }   // a brace is worn, not done: it is a restriction, not an activity
            if case .wearIfOrdered = r.rule { continue }
            seen.append(r.rule.activity)
        }
        for a in advice where !seen.contains(a.activity) && !Activity.gear.contains(a.activity) { seen.append(a.activity) }
        return seen
    }

    /// The gear (`brace`, `collar`) any rule of the program says to wear, so `can brace` has an answer.
    public var gear: [Activity] {
        var seen: [Activity] = []
        for r in allRestrictions {
            switch r.rule {
            case .wear(let g), .wearIfOrdered(let g): if !seen.contains(Activity(g)) { seen.append(Activity(g)) }
            default: break
            }
        }
        return seen
    }

    /// Every clearance the program refers to anywhere.
    public var clearanceNames: [String] {
        var names: [String] = []
        func add(_ n: String) { if !names.contains(n) { names.append(n) } }
        for r in allRestrictions { r.until?.clearances.forEach(add) }
        for p in phases { for g in p.gates { if case .cleared(let c) = g.gate { add(c) } } }
        declaredClearances.keys.sorted().forEach(add)
        return names
    }
}
