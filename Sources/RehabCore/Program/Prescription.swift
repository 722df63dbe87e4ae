/// An exercise as a phase prescribes it: the dose and how it grows week by week.
public struct Prescription: Hashable, Sendable, Codable {
    /// An exercise id, or a ladder id when `isLadder`.
    public var exercise: String
    public var isLadder: Bool
    /// Positions the patient may choose between (`hip-flexor-stretch kneeling or prone`); empty: the exercise's own.
    public var alternatives: [Position] = []
    public var dose: Dose
    public var progressions: [WeeklyProgression]
    /// The smaller dose to use after a pain rule stops this exercise (`back off walking 5 min`); nil: half.
    public var backOff: Dose?
    public var backOffSource: SourceRef?
    public var source: SourceRef?
    /// `from week 8`, `when cleared stabilization`: until it holds, the item is not yet part of the phase.
    public var gate: Condition?
    /// `onward`: the prescription goes on into every later phase until one prescribes it again or says `stop`.
    public var carriesOn: Bool?
    /// The id of the phase that wrote it, when it was carried into this one by `onward`.
    public var carriedFrom: String?
    /// What published protocols give when they disagree on its dose or timing (`sources 6-14 weeks "…"`).
    public var sources: SourcesRange?

    public init(exercise: String, isLadder: Bool = false, dose: Dose = Dose(), progressions: [WeeklyProgression] = [],
                backOff: Dose? = nil, source: SourceRef? = nil) {
        self.exercise = exercise; self.isLadder = isLadder; self.dose = dose
        self.progressions = progressions; self.backOff = backOff; self.source = source
    }

    /// The dose after a pain-rule stop: the program's back-off dose, or half the volume of the dose in force,
    /// never more than the dose in force when it fired.
    ///
    /// Halving follows the traffic-light systems' "modify: reduce load or volume" (Provide Physiotherapy,
    /// https://providephysiotherapy.org.uk/pain-traffic-light/ ; MVMT "change intensity or volume",
    /// https://mvmtevanston.com/blog/traffic-lights-amp-pain — clinical-reference.md §6.2).
    public func backedOffDose(from current: Dose) -> Dose {
        guard let named = backOff else { return current.halved }
        return named.capped(by: current)
    }

    /// The gate as written in a program: `from week 8`, `when cleared stabilization`.
    public var gateSyntax: String? {
        guard let gate else { return nil }
        if case .at = gate { return "from \(gate.text)" }
        return "when \(gate.text)"
    }

    /// The dose in a given week, counting weeks from the phase's first week.
    public func dose(weeksIntoPhase: Int) -> Dose {
        var d = dose
        let n = max(0, weeksIntoPhase)
        for p in progressions { p.apply(weeks: n, to: &d) }
        return d
    }
}

/// How much of an exercise to do.
public struct Dose: Hashable, Sendable, Codable {
    public var sets: Int?
    public var reps: Int?
    public var holdSeconds: Int?
    public var minutes: Int?
    public var timesPerDay: Int?
    public var daysPerWeek: Int?
    public var restSeconds: Int?
    /// Tops of ranges (`10-15 reps`, `2-3 times a day`, `20-30 min`): the low number is the dose counted and timed,
    /// the top is how far the patient may go when it feels easy.
    public var repsUpTo: Int?
    public var minutesUpTo: Int?
    public var timesPerDayUpTo: Int?
    /// `at least 30 min`: a floor, not a target (sitting up in a chair for every meal).
    public var minutesAreMinimum: Bool?
    /// `1 mi`, `1.5 km`, with or instead of minutes.
    public var distance: Distance?
    /// `with 2 lb`, `light band`: what the patient works against, in the program's words.
    public var resistance: String?
    /// `as tolerated`: no number the patient must reach; pain and fatigue decide.
    public var asTolerated: Bool?
    /// `+5% a day if recovered overnight`: how the patient may add on, shown with the dose. rehab does not raise the
    /// number itself; the next-morning pain rule already backs off a dose the patient did not recover from.
    public var percentStep: PercentStep?

    public init(sets: Int? = nil, reps: Int? = nil, holdSeconds: Int? = nil, minutes: Int? = nil,
                timesPerDay: Int? = nil, daysPerWeek: Int? = nil, restSeconds: Int? = nil) {
        self.sets = sets; self.reps = reps; self.holdSeconds = holdSeconds; self.minutes = minutes
        self.timesPerDay = timesPerDay; self.daysPerWeek = daysPerWeek; self.restSeconds = restSeconds
    }

    /// Half the volume, rounded up: reps, minutes and holds; sets and frequency stay.
    public var halved: Dose {
        func half(_ v: Int?) -> Int? { v.map { max(1, ($0 + 1) / 2) } }
        var d = self
        d.reps = half(reps); d.minutes = half(minutes); d.holdSeconds = half(holdSeconds)
        if reps == nil, minutes == nil, holdSeconds == nil { d.sets = half(sets) }
        return d
    }

    /// Each quantity no larger than the other dose's, so a back-off never asks for more.
    public func capped(by other: Dose) -> Dose {
        func cap(_ a: Int?, _ b: Int?) -> Int? {
            guard let a else { return nil }
            guard let b else { return a }
            return min(a, b)
        }
        return Dose(sets: cap(sets, other.sets), reps: cap(reps, other.reps), holdSeconds: cap(holdSeconds, other.holdSeconds),
                    minutes: cap(minutes, other.minutes), timesPerDay: cap(timesPerDay, other.timesPerDay),
                    daysPerWeek: cap(daysPerWeek, other.daysPerWeek), restSeconds: restSeconds ?? other.restSeconds)
    }

    /// Whether any quantity is larger than in another dose (for "no dose increases during a back-off").
    public func exceeds(_ other: Dose) -> Bool {
        let pairs = [(sets, other.sets), (reps, other.reps), (holdSeconds, other.holdSeconds), (minutes, other.minutes),
                     (timesPerDay, other.timesPerDay), (daysPerWeek, other.daysPerWeek)]
        return pairs.contains { a, b in
            guard let a else { return false }
            guard let b else { return true }
            return a > b
        }
    }

    /// "2 × 10, hold 5 s, 3 times a day"
    public var text: String {
        var parts: [String] = []
        if let s = sets, let r = reps { parts.append("\(s) × \(r)") } else if let r = reps { parts.append("\(r) reps") }
        else if let s = sets { parts.append("\(s) sets") }
        if let top = repsUpTo, let r = reps, let last = parts.last, last.hasSuffix("\(r) reps") || last.hasSuffix("× \(r)") {
            parts[parts.count - 1] = last.hasSuffix("reps") ? "\(r)–\(top) reps" : String(last.dropLast("\(r)".count)) + "\(r)–\(top)"
        }
        if let h = holdSeconds { parts.append("hold \(h) s") }
        if let m = minutes {
            if minutesAreMinimum == true { parts.append("at least \(m) min") }
            else if let top = minutesUpTo { parts.append("\(m)–\(top) min") } else { parts.append("\(m) min") }
        }
        if let d = distance { parts.append(d.description) }
        if let w = resistance { parts.append(w.hasSuffix("band") ? "with a \(w)" : "with \(w)") }
        if let r = restSeconds { parts.append("rest \(r) s") }
        if let t = timesPerDay {
            if let top = timesPerDayUpTo { parts.append("\(t)–\(top) times a day") }
            else { parts.append(t == 1 ? "once a day" : t == 2 ? "twice a day" : "\(t) times a day") }
        }
        if let d = daysPerWeek { parts.append("\(d) days a week") }
        if asTolerated == true { parts.append("as tolerated") }
        if let p = percentStep { parts.append(p.description) }
        return parts.joined(separator: ", ")
    }
}

/// A quantity that grows by a step each week up to a cap (walking +5 min a week up to 30).
public struct WeeklyProgression: Hashable, Sendable, Codable {
    public enum Quantity: String, Hashable, Sendable, Codable { case minutes = "min", holdSeconds = "s hold", reps, sets }
    public var quantity: Quantity
    public var step: Int
    public var cap: Int

    public init(quantity: Quantity, step: Int, cap: Int) { self.quantity = quantity; self.step = step; self.cap = cap }

    func apply(weeks: Int, to dose: inout Dose) {
        func grow(_ v: Int?) -> Int? {
            guard let v else { return nil }
            return step >= 0 ? min(cap, v + step * weeks) : max(cap, v + step * weeks)
        }
        switch quantity {
        case .minutes: dose.minutes = grow(dose.minutes)
        case .holdSeconds: dose.holdSeconds = grow(dose.holdSeconds)
        case .reps: dose.reps = grow(dose.reps)
        case .sets: dose.sets = grow(dose.sets)
        }
    }
}
