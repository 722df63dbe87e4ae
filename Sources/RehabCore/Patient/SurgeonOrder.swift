/// A stricter order from the surgeon (`restrict lifting 5 lb until week 8 by Dr Lee`).
///
/// Protocols differ between surgeons; an order never loosens the program, it only adds to it,
/// and the strictest rule in force wins.
public struct SurgeonOrder: Hashable, Sendable, Codable {
    public enum Until: Hashable, Sendable, Codable {
        case week(Int)
        case date(CalendarDay)
    }

    public var activity: Activity
    public var limit: Weight?
    public var minutes: Int?
    public var until: Until?
    public var by: String?
    public var on: CalendarDay
    public var note: String?

    public init(activity: Activity, limit: Weight? = nil, minutes: Int? = nil, until: Until? = nil, by: String? = nil,
                on: CalendarDay, note: String? = nil) {
        self.activity = activity; self.limit = limit; self.minutes = minutes; self.until = until
        self.by = by; self.on = on; self.note = note
    }

    /// The rule this order adds.
    public var rule: RestrictionRule {
        if activity == .lifting, let limit { return .liftAtMost(limit) }
        if activity == .sitting, let minutes { return .sitAtMost(minutes: minutes) }
        if activity.name == "brace" || activity.name == "collar" { return .wear(activity.name) }
        return .no(activity)
    }

    /// The day the order stops applying, if it has an end.
    public func endDay(surgery: CalendarDay) -> CalendarDay? {
        switch until {
        case .none: return nil
        case .week(let w)?: return RecoveryPoint.week(w).date(surgery: surgery)
        case .date(let d)?: return d
        }
    }
}
