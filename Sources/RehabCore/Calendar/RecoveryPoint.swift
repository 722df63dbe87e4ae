/// A point in recovery as a program states it: day N, week N or month N after surgery.
///
/// Every comparison of times goes through `date(surgery:)`, so days, weeks and months can be mixed in one
/// program without any of them being converted to another by rounding.
public enum RecoveryPoint: Hashable, Sendable, Codable {
    /// Surgery date + N days; day 0 is the day of surgery.
    case day(Int)
    /// Surgery date + 7 × N days; week 0 starts on the day of surgery.
    case week(Int)
    /// N calendar months after the surgery date, on the same day of the month, or the month's last day when it is
    /// shorter (surgery on 31 January + 1 month = 28 or 29 February).
    case month(Int)

    /// The first calendar day this point names for a patient operated on `surgery`.
    public func date(surgery: CalendarDay) -> CalendarDay {
        switch self {
        case .day(let n): return surgery.adding(days: n)
        case .week(let n): return surgery.adding(days: 7 * n)
        case .month(let n): return surgery.adding(months: n)
        }
    }

    public var count: Int {
        switch self {
        case .day(let n), .week(let n), .month(let n): return n
        }
    }

    /// The unit's word, singular: `day`, `week`, `month`.
    public var unit: String {
        switch self {
        case .day: return "day"
        case .week: return "week"
        case .month: return "month"
        }
    }

    /// Program text: `week 6`, `day 30`, `month 3`.
    public var text: String { "\(unit) \(count)" }

    /// Days since surgery when the unit fixes it (days and weeks); nil for months, whose length depends on the date.
    public var exactDays: Int? {
        switch self {
        case .day(let n): return n
        case .week(let n): return 7 * n
        case .month: return nil
        }
    }

    /// Stored as its program text (`"month 3"`), so `program show --json` reads like the program.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[1]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a recovery point: \(text)"))
        }
        switch parts[0] {
        case "day": self = .day(n)
        case "week": self = .week(n)
        case "month": self = .month(n)
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a recovery point: \(text)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension CalendarDay {
    /// The same day of the month `months` calendar months later, clamped to the last day of a shorter month.
    public func adding(months: Int) -> CalendarDay {
        let f = fields
        let index = f.year * 12 + (f.month - 1) + months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        let day = min(f.day, CalendarDay.daysIn(month: month, year: year))
        // Out of the calendar's range (years 1–9999) only for absurd counts: fall back to 30-day months.
        return CalendarDay(year: year, month: month, day: day) ?? adding(days: months * 30)
    }
}
