import RehabCore

/// Phases follow each other with no gap and no overlap; only the last may be open-ended.
enum PhaseWeeks {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if program.phases.isEmpty, !program.id.isEmpty {
            out.append(.warning(.noPhases, "this program has no phase, so it prescribes nothing",
                                at: Validator.here(nil, program)))
        }
        for (i, p) in program.phases.enumerated() {
            let at = Validator.here(p.source, program)
            if let end = p.end, end.count <= p.start.count {
                let unit = p.start.unit
                out.append(.error(.phaseWeeks, "phase '\(p.id)' ends (\(end.text)) before it starts (\(p.start.text))",
                                  at: at, length: p.id.count,
                                  hint: "write the \(unit)s as '\(unit)s FIRST-LAST', for example 'weeks 6-12'"))
            }
            if p.end == nil, i + 1 < program.phases.count {
                let next = program.phases[i + 1]
                let message = "phase '\(p.id)' has no end, but phase '\(next.id)' follows it; "
                    + "only the last phase may be open-ended"
                out.append(.error(.phaseOpenEnd, message, at: at, length: p.id.count,
                                  hint: "end it where phase '\(next.id)' starts, at \(next.start.text)"))
            }
            guard i > 0, let prevEnd = program.phases[i - 1].end else { continue }
            let prev = program.phases[i - 1]
            let note = prev.source.map { [Diagnostic.Note("phase '\(prev.id)' ends at \(prevEnd.text) here", at: $0)] }
                ?? []
            let hint = "start it at \(prevEnd.text)"
            let order = compare(p.start, prevEnd)
            if order > 0 {
                let message = "phase '\(p.id)' starts at \(p.start.text), leaving \(gap(prevEnd, p.start)) with no phase"
                out.append(.error(.phaseGap, message, at: at, length: p.id.count, notes: note, hint: hint))
            } else if order < 0 {
                let message = "phase '\(p.id)' starts at \(p.start.text), before phase '\(prev.id)' ends at \(prevEnd.text)"
                out.append(.error(.phaseOverlap, message, at: at, length: p.id.count, notes: note, hint: hint))
            }
        }
        return out
    }

    /// The order of two points: exact for days and weeks, and for months against months. A month has no fixed length,
    /// so a month and a day or week meet when some surgery date makes them the same day (`days 0-30`, then
    /// `months 1-3`): the later phase then starts on its own calendar day.
    static func compare(_ a: RecoveryPoint, _ b: RecoveryPoint) -> Int {
        func sign(_ x: Int, _ y: Int) -> Int { x == y ? 0 : (x < y ? -1 : 1) }
        if let x = a.exactDays, let y = b.exactDays { return sign(x, y) }
        if case .month(let x) = a, case .month(let y) = b { return sign(x, y) }
        if case .month(let m) = a, let y = b.exactDays { return -compareDays(y, months: m) }
        if case .month(let m) = b, let x = a.exactDays { return compareDays(x, months: m) }
        return 0
    }

    /// Whether `days` falls before (-1), within (0) or after (1) the lengths `months` calendar months can have.
    static func compareDays(_ days: Int, months: Int) -> Int {
        let span = monthSpan(months)
        return days < span.lowerBound ? -1 : (days > span.upperBound ? 1 : 0)
    }

    /// The shortest and longest `months` months can be, over every surgery date of a four-year leap cycle.
    static func monthSpan(_ months: Int) -> ClosedRange<Int> {
        let first = CalendarDay(ordinal: 19723) // 2024-01-01
        var shortest = Int.max, longest = Int.min
        for k in 0..<1461 {
            let s = first.adding(days: k)
            let n = RecoveryPoint.month(months).date(surgery: s).days(since: s)
            shortest = min(shortest, n); longest = max(longest, n)
        }
        return shortest...longest
    }

    /// "weeks 6–8", or "week 6 to day 50" when the units differ.
    static func gap(_ from: RecoveryPoint, _ to: RecoveryPoint) -> String {
        from.unit == to.unit ? "\(from.unit)s \(from.count)–\(to.count)" : "\(from.text) to \(to.text)"
    }
}
