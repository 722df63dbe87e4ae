/// When a restriction stops applying: a date when time alone decides it, and plain words otherwise.
public struct Release: Hashable, Sendable {
    /// The earliest day it can end with the clearances already recorded (nil: it needs a clearance, waits for a
    /// phase, or has no end).
    public let on: CalendarDay?
    private let fixedText: String?
    /// A program condition whose words are built only when asked for: a table over many weeks never needs them.
    private let condition: Condition?
    private let surgery: CalendarDay
    private let day: CalendarDay
    private let cleared: Set<String>
    private let reached: Set<String>
    /// Names of the phases the condition mentions, for "until you reach phase 'Return to activity'".
    private let phaseNames: [String: String]
    /// What each clearance the condition names means, in the patient's words ("your surgeon allows driving, and …").
    private let clearanceNames: [String: String]

    public init(on: CalendarDay?, when: String?) {
        self.on = on; self.fixedText = when; self.condition = nil
        self.surgery = CalendarDay(ordinal: 0); self.day = CalendarDay(ordinal: 0); self.cleared = []
        self.reached = []; self.phaseNames = [:]; self.clearanceNames = [:]
    }

    private init(on: CalendarDay?, condition: Condition, facts: Facts, cleared: Set<String>, reached: Set<String>,
                 phaseNames: [String: String], clearanceNames: [String: String]) {
        self.on = on; self.fixedText = nil; self.condition = condition
        self.surgery = facts.surgery; self.day = facts.day; self.cleared = cleared
        self.reached = reached; self.phaseNames = phaseNames; self.clearanceNames = clearanceNames
    }

    /// What a condition is judged against on one day.
    struct Facts {
        let surgery: CalendarDay
        let day: CalendarDay
        let isCleared: (String) -> Bool
        /// Whether the patient has reached a phase (by id).
        let reached: (String) -> Bool
        var phaseName: (String) -> String = { $0 }
        /// The words of a clearance: its declared meaning, or "your surgeon clears WORDS" for an activity.
        var clearanceWords: (String) -> String? = { _ in nil }
    }

    /// "week 6 (2026-12-14) or when your surgeon clears lifting (when they do, record it with 'clear lifting by NAME')"
    public var when: String? {
        guard let condition else { return fixedText }
        let cleared = self.cleared, reached = self.reached, names = self.phaseNames, clearances = self.clearanceNames
        let facts = Facts(surgery: surgery, day: day, isCleared: { cleared.contains($0) },
                          reached: { reached.contains($0) }, phaseName: { names[$0] ?? $0 },
                          clearanceWords: { clearances[$0] })
        return Release.words(condition, facts)
    }

    public static let never = Release(on: nil, when: nil)

    /// The release of a program condition, leaving out parts already met when put in words.
    static func of(_ condition: Condition, _ facts: Facts) -> Release {
        let cleared = Set(condition.clearances.filter(facts.isCleared))
        let phases = condition.phases
        let reached = Set(phases.filter(facts.reached))
        var names: [String: String] = [:]
        for p in phases { names[p] = facts.phaseName(p) }
        var clearanceNames: [String: String] = [:]
        for t in condition.clearances { clearanceNames[t] = facts.clearanceWords(t) }
        return Release(on: earliestDay(condition, facts), condition: condition, facts: facts, cleared: cleared,
                       reached: reached, phaseNames: names, clearanceNames: clearanceNames)
    }

    /// The first day the condition holds if no new clearance is recorded; a phase not yet reached gives no date,
    /// since gates other than time may hold the patient back.
    static func earliestDay(_ c: Condition, _ facts: Facts) -> CalendarDay? {
        switch c {
        case .at(let p): return p.date(surgery: facts.surgery)
        case .cleared(let t): return facts.isCleared(t) ? facts.surgery : nil
        case .phase(let p): return facts.reached(p) ? facts.surgery : nil
        case .all(let cs):
            var latest: CalendarDay?
            for sub in cs {
                guard let d = earliestDay(sub, facts) else { return nil }
                latest = max(latest ?? d, d)
            }
            return latest
        case .any(let cs):
            return cs.compactMap { earliestDay($0, facts) }.min()
        }
    }

    static func words(_ c: Condition, _ facts: Facts) -> String {
        switch c {
        case .at(let p): return "\(p.text) (\(p.date(surgery: facts.surgery)))"
        case .cleared(let t):
            return "\(facts.clearanceWords(t) ?? "your surgeon clears \(t)") (when they do, record it with 'clear \(t) by NAME')"
        case .phase(let p): return "you reach phase '\(facts.phaseName(p))'"
        case .all(let cs):
            let open = cs.filter { !holds($0, facts) }
            return (open.isEmpty ? cs : open).map { words($0, facts) }.joined(separator: " and ")
        case .any(let cs):
            return cs.map { words($0, facts) }.joined(separator: " or ")
        }
    }

    static func holds(_ c: Condition, _ facts: Facts) -> Bool {
        switch c {
        case .at(let p): return facts.day >= p.date(surgery: facts.surgery)
        case .cleared(let t): return facts.isCleared(t)
        case .phase(let p): return facts.reached(p)
        case .all(let cs): return cs.allSatisfy { holds($0, facts) }
        case .any(let cs): return cs.contains { holds($0, facts) }
        }
    }
}
