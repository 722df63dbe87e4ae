/// Where a date falls relative to surgery: day 0 is the day of surgery, days 0–6 are week 0.
///
/// Patients confuse "week 3" (the fourth week) with "three full weeks", so every answer shows both
/// the week and the day count.
public struct RecoveryDay: Hashable, Sendable {
    public let day: Int
    public var week: Int { day >= 0 ? day / 7 : -((-day + 6) / 7) }

    public init(day: Int) { self.day = day }

    public init(surgery: CalendarDay, on date: CalendarDay) { self.day = date.days(since: surgery) }

    /// "week 3, day 23 since surgery"
    public var phrase: String { "week \(week), day \(day) since surgery" }

    /// The first calendar day of `week` for a given surgery date.
    public static func start(ofWeek week: Int, surgery: CalendarDay) -> CalendarDay {
        RecoveryPoint.week(week).date(surgery: surgery)
    }
}

/// Why a surgery date cannot be used; checked wherever a date enters the system.
public enum SurgeryDateProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case inFuture(surgery: CalendarDay, today: CalendarDay)
    case tooLongAgo(surgery: CalendarDay, today: CalendarDay)

    public var description: String {
        switch self {
        case .inFuture(let s, let t):
            return "the surgery date \(s) is after today (\(t)); type the date of your operation as YYYY-MM-DD."
        case .tooLongAgo(let s, _):
            return "the surgery date \(s) is more than 10 years ago; check the year and type it as YYYY-MM-DD."
        }
    }

    public static func check(surgery: CalendarDay, today: CalendarDay) -> SurgeryDateProblem? {
        if surgery > today { return .inFuture(surgery: surgery, today: today) }
        let t = today.fields
        // Ten calendar years back (29 February falls back to the 28th).
        let limit = CalendarDay(year: t.year - 10, month: t.month, day: t.day)
            ?? CalendarDay(year: t.year - 10, month: t.month, day: t.day - 1) ?? today.adding(days: -3652)
        if surgery < limit { return .tooLongAgo(surgery: surgery, today: today) }
        return nil
    }
}
