import RehabCore

extension Parser {
    /// `2 x 10, hold 5 s, 3 times a day, +5 s hold each week up to 30 s`
    /// May end with a gate (`from week 8`, `when cleared stabilization`) and `onward` (carry into later phases).
    mutating func dose(_ c: inout LineCursor, into p: inout Prescription) throws(LineCursor.Failure) {
        if c.atEnd { return }
        if !atDoseEnding(c) {
            repeat {
                if atDoseEnding(c) { break }
                try doseItem(&c, into: &p)
            } while c.take(.comma)
        }
        try doseEnding(&c, into: &p)
        try c.endOfLine()
    }

    /// `from`, `when`, `onward` or `sources`: what may follow the dose on a prescription line.
    private func atDoseEnding(_ c: LineCursor) -> Bool {
        c.isWord("from") || c.isWord("when") || c.isWord("onward") || c.isWord("sources")
    }

    /// `from week 8 [and cleared X]`, `when cleared X [or week 12]`, `onward`, `sources …`, in any order.
    private mutating func doseEnding(_ c: inout LineCursor, into p: inout Prescription) throws(LineCursor.Failure) {
        while atDoseEnding(c) {
            let at = c.peek
            if c.take("onward") {
                p.carriesOn = true
                _ = c.take(.comma)
                continue
            }
            if c.take("sources") {
                p.sources = try sourcesRange(&c, units: SourcesRange.prescriptionUnits, for: "a prescription")
                _ = c.take(.comma)
                continue
            }
            if p.gate != nil {
                throw c.fail(.duplicateGate, "a prescription has one gate; join conditions with 'and' or 'or'", at: at,
                             hint: "write for example 'from week 8 and cleared stabilization'")
            }
            if c.take("from") {
                // `from` reads as a point in time; `when` takes any condition.
                guard c.atPoint else { throw c.expected("'week N', 'day N' or 'month N' after 'from', as in 'from week 8'") }
            } else {
                _ = c.advance()
            }
            p.gate = try condition(&c)
            _ = c.take(.comma)
        }
    }

    private mutating func doseItem(_ c: inout LineCursor, into p: inout Prescription) throws(LineCursor.Failure) {
        if c.take(.plus) {
            if c.peek(1)?.text == "%" {
                p.dose.percentStep = try percentStep(&c)
            } else {
                p.progressions.append(try progression(&c))
            }
            return
        }
        if c.take("hold") {
            p.dose.holdSeconds = try c.int("the hold in seconds"); try c.seconds(); return
        }
        if c.take("rest") {
            p.dose.restSeconds = try c.int("the rest in seconds"); try c.seconds(); return
        }
        if c.take("as") { try c.expect("tolerated", "'as tolerated'"); p.dose.asTolerated = true; return }
        if c.take("with") { p.dose.resistance = try resistance(&c); return }
        if let band = c.peek?.text, ["light", "medium", "heavy"].contains(band), c.isWord("band", at: 1) {
            p.dose.resistance = try resistance(&c); return
        }
        if c.take("at") {
            try c.expect("least", "'at least N min'")
            p.dose.minutes = try c.int("the least number of minutes"); try c.minutes()
            p.dose.minutesAreMinimum = true
            return
        }
        if c.take("daily") { p.dose.timesPerDay = 1; return }
        if c.take("once") { try c.expect("a"); try c.expect("day"); p.dose.timesPerDay = 1; return }
        if c.take("twice") { try c.expect("a"); try c.expect("day"); p.dose.timesPerDay = 2; return }
        guard c.peek?.kind == .number else {
            throw c.expected("a dose such as '2 x 10', 'hold 5 s', '10 min' or '3 times a day'")
        }
        // A distance may have a fraction (`1.5 km`); every other count is whole.
        if let unit = c.peek(1).flatMap({ Self.distanceUnit($0.text) }) {
            p.dose.distance = Distance(try c.number("a distance such as '1 mi'"), unit)
            _ = c.advance()
            return
        }
        let n = try c.int("a number")
        let top = try rangeTop(&c, from: n)
        if c.take(.times) {
            p.dose.sets = n
            p.dose.reps = try c.int("the number of repetitions")
            p.dose.repsUpTo = try rangeTop(&c, from: p.dose.reps ?? 0)
            _ = c.take("reps")
        } else if c.take("reps") || c.take("rep") || c.take("repetitions") {
            p.dose.reps = n; p.dose.repsUpTo = top
        } else if c.take("sets") || c.take("set") {
            p.dose.sets = n
        } else if c.take("min") || c.take("mins") || c.take("minutes") || c.take("minute") {
            p.dose.minutes = n; p.dose.minutesUpTo = top
        } else if c.take("s") || c.take("sec") || c.take("seconds") {
            p.dose.holdSeconds = n
        } else if c.take("times") || c.take("time") {
            try c.expect("a", "'a day' or 'a week'")
            if c.take("day") { p.dose.timesPerDay = n; p.dose.timesPerDayUpTo = top }
            else if c.take("week") { p.dose.daysPerWeek = n }
            else { throw c.expected("'day' or 'week'") }
        } else if c.take("days") {
            try c.expect("a"); try c.expect("week")
            p.dose.daysPerWeek = n
        } else {
            throw c.expected("'x', 'reps', 'sets', 'min', 's', 'times a day' or 'days a week' after the number")
        }
    }

    /// `-15` after `10` in `10-15 reps`: the top of a range, never below its bottom.
    private func rangeTop(_ c: inout LineCursor, from low: Int) throws(LineCursor.Failure) -> Int? {
        guard c.take(.dash) else { return nil }
        let at = c.peek
        let high = try c.int("the top of the range, as in '10-15 reps'")
        guard high > low else {
            throw c.fail(.badDose, "the range \(low)-\(high) must go up, as in '10-15 reps'", at: at)
        }
        return high
    }

    /// `with 2 lb`, `with a light band`, `light band`.
    private func resistance(_ c: inout LineCursor) throws(LineCursor.Failure) -> String {
        _ = c.take("a")
        if let band = c.peek?.text, ["light", "medium", "heavy"].contains(band) {
            _ = c.advance()
            try c.expect("band", "'band', as in 'light band'")
            return band + " band"
        }
        let w = try c.weight()
        return w.description
    }

    static func distanceUnit(_ word: String) -> Distance.Unit? {
        switch word.lowercased() {
        case "mi", "mile", "miles": return .mi
        case "km", "kilometre", "kilometres", "kilometer", "kilometers": return .km
        case "m", "metres", "meters": return .m
        default: return nil
        }
    }

    /// After `+`: `5 min each week up to 30 min`, `5 s hold each week up to 30 s`, `2 reps each week up to 15`, or
    /// `5% a day if recovered overnight`.
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

    /// `5% a day if recovered overnight` (after the `+`).
    private func percentStep(_ c: inout LineCursor) throws(LineCursor.Failure) -> PercentStep {
        let at = c.peek
        let percent = try c.int("the percentage, as in '+5% a day'")
        _ = c.advance()
        guard (1...50).contains(percent) else {
            throw c.fail(.badDose, "a step of \(percent)% is not a gentle progression; use 1 to 50, as in '+5% a day'", at: at)
        }
        try c.expect("a", "'a day' or 'a week', as in '+5% a day'")
        let every: PercentStep.Every
        if c.take("day") { every = .day } else if c.take("week") { every = .week } else { throw c.expected("'day' or 'week'") }
        var words: [String] = []
        if c.take("if") {
            while let t = c.peek, t.kind == .word, !atDoseEnding(c) { words.append(t.text); _ = c.advance() }
            guard !words.isEmpty else { throw c.expected("the condition, as in 'if recovered overnight'") }
        }
        return PercentStep(percent: percent, every: every, condition: words.isEmpty ? nil : words.joined(separator: " "))
    }
}
