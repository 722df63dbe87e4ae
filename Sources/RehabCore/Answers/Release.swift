/// When a restriction stops applying: a date when time alone decides it, and plain words otherwise.
public struct Release: Hashable, Sendable {
    /// The earliest day it can end with the clearances already recorded (nil: it needs a clearance or has no end).
    public let on: CalendarDay?
    private let fixedText: String?
    /// A program condition whose words are built only when asked for: a table over many weeks never needs them.
    private let condition: Condition?
    private let surgery: CalendarDay
    private let week: Int
    private let cleared: Set<String>

    public init(on: CalendarDay?, when: String?) {
        self.on = on; self.fixedText = when; self.condition = nil
        self.surgery = CalendarDay(ordinal: 0); self.week = 0; self.cleared = []
    }

    private init(on: CalendarDay?, condition: Condition, surgery: CalendarDay, week: Int, cleared: Set<String>) {
        self.on = on; self.fixedText = nil; self.condition = condition
        self.surgery = surgery; self.week = week; self.cleared = cleared
    }

    /// "week 6 (2026-12-14) or when your surgeon clears lifting (when they do, record it with 'clear lifting by NAME')"
    public var when: String? {
        guard let condition else { return fixedText }
        let cleared = self.cleared
        return Release.words(condition, surgery: surgery, isCleared: { cleared.contains($0) }, week: week)
    }

    public static let never = Release(on: nil, when: nil)

    /// The release of a program condition, leaving out parts already met when put in words.
    static func of(_ condition: Condition, surgery: CalendarDay, isCleared: (String) -> Bool, week: Int) -> Release {
        let cleared = Set(condition.clearances.filter(isCleared))
        return Release(on: earliestDay(condition, surgery: surgery, isCleared: isCleared, week: week),
                       condition: condition, surgery: surgery, week: week, cleared: cleared)
    }

    /// The first day the condition holds if no new clearance is recorded.
    static func earliestDay(_ c: Condition, surgery: CalendarDay, isCleared: (String) -> Bool, week: Int) -> CalendarDay? {
        switch c {
        case .week(let w): return RecoveryDay.start(ofWeek: w, surgery: surgery)
        case .cleared(let t): return isCleared(t) ? surgery : nil
        case .all(let cs):
            var latest: CalendarDay?
            for sub in cs {
                guard let d = earliestDay(sub, surgery: surgery, isCleared: isCleared, week: week) else { return nil }
                latest = max(latest ?? d, d)
            }
            return latest
        case .any(let cs):
            return cs.compactMap { earliestDay($0, surgery: surgery, isCleared: isCleared, week: week) }.min()
        }
    }

    static func words(_ c: Condition, surgery: CalendarDay, isCleared: (String) -> Bool, week: Int) -> String {
        switch c {
        case .week(let w): return "week \(w) (\(RecoveryDay.start(ofWeek: w, surgery: surgery)))"
        case .cleared(let t): return "your surgeon clears \(t) (when they do, record it with 'clear \(t) by NAME')"
        case .all(let cs):
            let open = cs.filter { !holds($0, isCleared: isCleared, week: week) }
            return (open.isEmpty ? cs : open).map { words($0, surgery: surgery, isCleared: isCleared, week: week) }
                .joined(separator: " and ")
        case .any(let cs):
            return cs.map { words($0, surgery: surgery, isCleared: isCleared, week: week) }.joined(separator: " or ")
        }
    }

    static func holds(_ c: Condition, isCleared: (String) -> Bool, week: Int) -> Bool {
        switch c {
        case .week(let w): return week >= w
        case .cleared(let t): return isCleared(t)
        case .all(let cs): return cs.allSatisfy { holds($0, isCleared: isCleared, week: week) }
        case .any(let cs): return cs.contains { holds($0, isCleared: isCleared, week: week) }
        }
    }
}
