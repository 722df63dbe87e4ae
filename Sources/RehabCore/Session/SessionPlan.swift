/// One exercise of today's guided session: how to do it and this week's dose (already backed off if a pain rule
/// stopped it), with the pain rules that can stop it.
public struct PlannedExercise: Hashable, Sendable {
    public let id: String
    public let name: String
    public let steps: [String]
    public let cues: [String]
    public let stopIf: [String]
    public let dose: Dose
    public let backedOff: Bool
    /// The program's stop rules and the exercise's own.
    public let painRules: [PainRuleStatement]

    public init(id: String, name: String, steps: [String] = [], cues: [String] = [], stopIf: [String] = [], dose: Dose,
                backedOff: Bool = false, painRules: [PainRuleStatement] = []) {
        self.id = id; self.name = name; self.steps = steps; self.cues = cues; self.stopIf = stopIf; self.dose = dose
        self.backedOff = backedOff; self.painRules = painRules
    }

    /// Walking, cycling: a dose in minutes with no sets or reps is one timed bout.
    public var isTimedBout: Bool { dose.minutes != nil && dose.reps == nil && dose.sets == nil }
}

/// What the guided session is built from: the readiness screen and today's exercises, in the program's order.
public struct SessionPlan: Hashable, Sendable {
    /// Warning signs asked about before starting (the program's red flags, most severe first).
    public let warningSigns: [String]
    public let exercises: [PlannedExercise]
    /// What the phase teaches (`teach posture "…"`), "Posture: Keep your ears…": read before the first exercise.
    public var reading: [String] = []
    /// Seconds of rest between sets when the dose names none.
    public let defaultRestSeconds: Int
    /// No timers: each exercise is confirmed or skipped in one answer (`start --quick`).
    public let quick: Bool

    public init(warningSigns: [String], exercises: [PlannedExercise], defaultRestSeconds: Int = 30, quick: Bool = false) {
        self.warningSigns = warningSigns; self.exercises = exercises; self.defaultRestSeconds = defaultRestSeconds
        self.quick = quick
    }
}

/// How the session went, for the closing summary.
public struct SessionSummaryText: Hashable, Sendable {
    public var done: [(name: String, detail: String)] = []
    public var skipped: [(name: String, reason: String)] = []
    /// Why the session ended early, if it did.
    public var stoppedBecause: String?
    public var seconds = 0
    public var painBefore: Int?
    public var painAfter: Int?

    public init() {}

    public static func == (a: SessionSummaryText, b: SessionSummaryText) -> Bool {
        a.done.map(\.name) == b.done.map(\.name) && a.done.map(\.detail) == b.done.map(\.detail)
            && a.skipped.map(\.name) == b.skipped.map(\.name) && a.skipped.map(\.reason) == b.skipped.map(\.reason)
            && a.stoppedBecause == b.stoppedBecause && a.seconds == b.seconds && a.painBefore == b.painBefore
            && a.painAfter == b.painAfter
    }

    public func hash(into h: inout Hasher) {
        h.combine(done.map(\.name)); h.combine(skipped.map(\.name)); h.combine(stoppedBecause); h.combine(seconds)
    }
}
