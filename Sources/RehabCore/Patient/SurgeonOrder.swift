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
    /// The amount ordered for a measured activity (`restrict riding 30 min`); nil orders the activity stopped.
    public var amount: Quantity?
    public var until: Until?
    public var by: String?
    public var on: CalendarDay
    public var note: String?

    public init(activity: Activity, amount: Quantity? = nil, until: Until? = nil, by: String? = nil,
                on: CalendarDay, note: String? = nil) {
        self.activity = activity; self.amount = amount; self.until = until
        self.by = by; self.on = on; self.note = note
    }

    /// A lifting order (`restrict lifting 5 lb`).
    public init(activity: Activity, limit: Weight, until: Until? = nil, by: String? = nil, on: CalendarDay,
                note: String? = nil) {
        self.init(activity: activity, amount: Quantity(limit), until: until, by: by, on: on, note: note)
    }

    /// A lifting order's weight, for the renderers that show it in the patient's unit.
    public var limit: Weight? { amount?.weight }

    /// The rule this order adds.
    public var rule: RestrictionRule {
        if let amount, MeasuredActivity.of(activity)?.dimensions.contains(amount.dimension) == true {
            return .atMost(activity, amount)
        }
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

extension SurgeonOrder {
    /// Journals written before amounts had one shape keep a lifting order's weight as `limit` and a sitting order's
    /// minutes as `minutes`; both are still read, and still written so, so older copies of rehab read new journals.
    enum CodingKeys: String, CodingKey { case activity, amount, limit, minutes, until, by, on, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        activity = try c.decode(Activity.self, forKey: .activity)
        if let w = try c.decodeIfPresent(Weight.self, forKey: .limit) {
            amount = Quantity(w)
        } else if let m = try c.decodeIfPresent(Int.self, forKey: .minutes) {
            amount = .minutes(m)
        } else {
            amount = try c.decodeIfPresent(Quantity.self, forKey: .amount)
        }
        until = try c.decodeIfPresent(Until.self, forKey: .until)
        by = try c.decodeIfPresent(String.self, forKey: .by)
        on = try c.decode(CalendarDay.self, forKey: .on)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(activity, forKey: .activity)
        if let w = amount?.weight {
            try c.encode(w, forKey: .limit)
        } else if let amount, amount.unit == .min, amount.value == amount.value.rounded(), let m = amount.minutes {
            try c.encode(m, forKey: .minutes)
        } else {
            try c.encodeIfPresent(amount, forKey: .amount)
        }
        try c.encodeIfPresent(until, forKey: .until)
        try c.encodeIfPresent(by, forKey: .by)
        try c.encode(on, forKey: .on)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
