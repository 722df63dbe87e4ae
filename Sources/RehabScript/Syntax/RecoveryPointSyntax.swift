import RehabCore

extension LineCursor {
    /// Whether `day N`, `week N` or `month N` comes next.
    var atPoint: Bool { (isWord("day") || isWord("week") || isWord("month")) && peek(1)?.kind == .number }

    /// `day 30`, `week 6`, `month 3`: a point in recovery since surgery.
    mutating func point(_ what: String = "'day N', 'week N' or 'month N'") throws(Failure) -> RecoveryPoint {
        if take("day") { return .day(try int("a day number")) }
        if take("week") { return .week(try int("a week number")) }
        if take("month") { return .month(try int("a month number")) }
        throw expected(what)
    }

    /// A phase's window: `weeks 0-6`, `days 1-30`, `months 3-6`, or open-ended `weeks 26-` / `from month 6`.
    mutating func phaseRange() throws(Failure) -> (start: RecoveryPoint, end: RecoveryPoint?) {
        let what = "'weeks A-B', 'days A-B', 'months A-B' or 'from month N'"
        if take("from") { return (try point("'day N', 'week N' or 'month N' after 'from'"), nil) }
        let unit: (Int) -> RecoveryPoint
        if take("weeks") { unit = RecoveryPoint.week } else if take("days") { unit = RecoveryPoint.day }
        else if take("months") { unit = RecoveryPoint.month } else { throw expected(what) }
        let from = try int("the first \(unit(0).unit)")
        guard take(.dash) else { throw expected("'-' between the \(unit(0).unit)s, as in '\(unit(0).unit)s 0-6'") }
        // Nothing after the dash: the last phase, open-ended.
        if atEnd { return (unit(from), nil) }
        return (unit(from), unit(try int("the last \(unit(0).unit)")))
    }
}
