/// An exercise as a phase prescribes it: the dose and how it grows week by week.
public struct Prescription: Hashable, Sendable, Codable {
    /// An exercise id, or a ladder id when `isLadder`.
    public var exercise: String
    public var isLadder: Bool
    public var dose: Dose
    public var progressions: [WeeklyProgression]
    public var source: SourceRef?

    public init(exercise: String, isLadder: Bool = false, dose: Dose = Dose(), progressions: [WeeklyProgression] = [],
                source: SourceRef? = nil) {
        self.exercise = exercise; self.isLadder = isLadder; self.dose = dose
        self.progressions = progressions; self.source = source
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

    public init(sets: Int? = nil, reps: Int? = nil, holdSeconds: Int? = nil, minutes: Int? = nil,
                timesPerDay: Int? = nil, daysPerWeek: Int? = nil, restSeconds: Int? = nil) {
        self.sets = sets; self.reps = reps; self.holdSeconds = holdSeconds; self.minutes = minutes
        self.timesPerDay = timesPerDay; self.daysPerWeek = daysPerWeek; self.restSeconds = restSeconds
    }

    /// "2 × 10, hold 5 s, 3 times a day"
    public var text: String {
        var parts: [String] = []
        if let s = sets, let r = reps { parts.append("\(s) × \(r)") } else if let r = reps { parts.append("\(r) reps") }
        else if let s = sets { parts.append("\(s) sets") }
        if let h = holdSeconds { parts.append("hold \(h) s") }
        if let m = minutes { parts.append("\(m) min") }
        if let r = restSeconds { parts.append("rest \(r) s") }
        if let t = timesPerDay { parts.append(t == 1 ? "once a day" : "\(t) times a day") }
        if let d = daysPerWeek { parts.append("\(d) days a week") }
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
