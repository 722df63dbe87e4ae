import RehabCore

extension Parser {
    /// `2 x 10, hold 5 s, 3 times a day, +5 s hold each week up to 30 s`
    mutating func dose(_ c: inout LineCursor, into p: inout Prescription) throws(LineCursor.Failure) {
        if c.atEnd { return }
        repeat { try doseItem(&c, into: &p) } while c.take(.comma)
        try c.endOfLine()
    }

    private mutating func doseItem(_ c: inout LineCursor, into p: inout Prescription) throws(LineCursor.Failure) {
        if c.take(.plus) {
            p.progressions.append(try progression(&c))
            return
        }
        if c.take("hold") {
            p.dose.holdSeconds = try c.int("the hold in seconds"); try c.seconds(); return
        }
        if c.take("rest") {
            p.dose.restSeconds = try c.int("the rest in seconds"); try c.seconds(); return
        }
        if c.take("daily") { p.dose.timesPerDay = 1; return }
        if c.take("once") { try c.expect("a"); try c.expect("day"); p.dose.timesPerDay = 1; return }
        if c.take("twice") { try c.expect("a"); try c.expect("day"); p.dose.timesPerDay = 2; return }
        guard c.peek?.kind == .number else {
            throw c.expected("a dose such as '2 x 10', 'hold 5 s', '10 min' or '3 times a day'")
        }
        let n = try c.int("a number")
        if c.take(.times) {
            p.dose.sets = n
            p.dose.reps = try c.int("the number of repetitions")
            _ = c.take("reps")
        } else if c.take("reps") || c.take("rep") || c.take("repetitions") {
            p.dose.reps = n
        } else if c.take("sets") || c.take("set") {
            p.dose.sets = n
        } else if c.take("min") || c.take("mins") || c.take("minutes") || c.take("minute") {
            p.dose.minutes = n
        } else if c.take("s") || c.take("sec") || c.take("seconds") {
            p.dose.holdSeconds = n
        } else if c.take("times") || c.take("time") {
            try c.expect("a", "'a day' or 'a week'")
            if c.take("day") { p.dose.timesPerDay = n } else if c.take("week") { p.dose.daysPerWeek = n }
            else { throw c.expected("'day' or 'week'") }
        } else if c.take("days") {
            try c.expect("a"); try c.expect("week")
            p.dose.daysPerWeek = n
        } else {
            throw c.expected("'x', 'reps', 'sets', 'min', 's', 'times a day' or 'days a week' after the number")
        }
    }

    /// After `+`: `5 min each week up to 30 min`, `5 s hold each week up to 30 s`, `2 reps each week up to 15`.
    private mutating func progression(_ c: inout LineCursor) throws(LineCursor.Failure) -> WeeklyProgression {
        let step = try c.int("how much to add each week")
        let quantity: WeeklyProgression.Quantity
        if c.take("min") || c.take("minutes") { quantity = .minutes }
        else if c.take("s") || c.take("sec") || c.take("seconds") { _ = c.take("hold"); quantity = .holdSeconds }
        else if c.take("reps") || c.take("rep") { quantity = .reps }
        else if c.take("sets") || c.take("set") { quantity = .sets }
        else { throw c.expected("'min', 's hold', 'reps' or 'sets'") }
        try c.expect("each", "'each week'"); try c.expect("week")
        try c.expect("up", "'up to N' (the cap)"); try c.expect("to")
        let cap = try c.int("the cap")
        switch quantity {
        case .minutes: try c.minutes()
        case .holdSeconds: try c.seconds()
        case .reps: _ = c.take("reps")
        case .sets: _ = c.take("sets")
        }
        return WeeklyProgression(quantity: quantity, step: step, cap: cap)
    }
}
