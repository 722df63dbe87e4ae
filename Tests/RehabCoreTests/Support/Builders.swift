import RehabCore

/// Shorthands for building programs and patient histories directly as `RehabCore` values.
enum Day {
    /// A Monday; every test counts days from it.
    static let surgery = CalendarDay(year: 2026, month: 1, day: 5)!

    /// `n` days after surgery.
    static func n(_ n: Int) -> CalendarDay { surgery.adding(days: n) }

    /// The first day of week `w`.
    static func week(_ w: Int) -> CalendarDay { RecoveryDay.start(ofWeek: w, surgery: surgery) }
}

func lb(_ v: Double) -> Weight { Weight(v, .lb) }
func kg(_ v: Double) -> Weight { Weight(v, .kg) }

extension Phase {
    init(_ id: String, _ weeks: ClosedRange<Int>, gates: [Gate] = [], prescribing: [String] = [], ladders: [String] = [],
         routines: [String] = [], restrictions: [Restriction] = []) {
        self.init(id: id, name: id.capitalized, startWeek: weeks.lowerBound, endWeek: weeks.upperBound,
                  gates: gates.map { GateStatement(gate: $0) },
                  prescriptions: prescribing.map { Prescription(exercise: $0, dose: Dose(sets: 2, reps: 10)) }
                      + ladders.map { Prescription(exercise: $0, isLadder: true, dose: Dose(sets: 2, reps: 10)) },
                  routines: routines.map { RoutineUse(routine: $0) },
                  restrictions: restrictions.map { var r = $0; r.phase = id; return r })
    }
}

extension Restriction {
    static func lift(_ w: Weight, from: Int? = nil, until: Condition? = nil) -> Restriction {
        Restriction(rule: .atMost(.lifting, Quantity(w)), from: from.map { .week($0) }, until: until, source: SourceRef(file: "test.rehab", line: 1))
    }

    static func no(_ a: Activity, from: Int? = nil, until: Condition? = nil) -> Restriction {
        Restriction(rule: .no(a), from: from.map { .week($0) }, until: until, source: SourceRef(file: "test.rehab", line: 2))
    }

    static func sit(_ m: Int, until: Condition? = nil) -> Restriction {
        Restriction(rule: .atMost(.sitting, .minutes(m)), until: until, source: SourceRef(file: "test.rehab", line: 3))
    }
}

/// A three-phase program like the shipped ones, small enough to reason about in a test.
enum Programs {
    static let exercises = [
        Exercise(id: "ankle-pumps", name: "Ankle pumps"),
        Exercise(id: "bridges", name: "Bridges", loads: Loads(activities: [.bending])),
        Exercise(id: "farmer-carry", name: "Farmer carry", loads: Loads(lift: lb(20))),
        Exercise(id: "bracing", name: "Bracing"),
        Exercise(id: "heel-slides", name: "Heel slides"),
        Exercise(id: "dead-bug", name: "Dead bug"),
    ]

    static let core = Ladder(id: "core", name: "Core", rungs: ["bracing", "heel-slides", "dead-bug"],
                             upAfterPainFreeSessions: 2, downOnBreach: true)

    /// protection 0-6 → stabilization 6-12 (cleared outpatient-pt) → strength 12-26 (pain ≤ 3 over 7 days, 4 sessions).
    static func threePhases(restrictions: [Restriction] = [], painRules: [PainRule] = [.stopAtOrAbove(7), .holdAtOrAbove(8)]) -> Program {
        var p = Program(id: "test", name: "Test", phases: [
            Phase("protection", 0...6, prescribing: ["ankle-pumps"]),
            Phase("stabilization", 6...12, gates: [.cleared("outpatient-pt")], prescribing: ["ankle-pumps"], ladders: ["core"]),
            Phase("strength", 12...26, gates: [.painAtMost(3, days: 7), .sessions(4)], prescribing: ["bridges", "farmer-carry"]),
        ], restrictions: restrictions, exercises: exercises, ladders: [core],
                        redFlags: [RedFlag(id: "fever", description: "Fever", advice: "Call the office."),
                                   RedFlag(id: "calf-pain", description: "Calf pain", advice: "Call now.", emergency: true)],
                        painRules: painRules.map { PainRuleStatement(rule: $0) })
        p.declaredClearances = [:]
        return p
    }
}

extension ProgressionMachine {
    /// Delivers each day's events and ends the day, from `from` through `through` (inclusive).
    mutating func run(from: Int, through: Int, events: [Int: [Event]] = [:]) {
        guard from <= through else { return }
        for n in from...through {
            for e in events[n] ?? [] { handle(e) }
            handle(.dayEnded(Day.n(n)))
        }
    }
}

func session(_ day: Int, pain: Int? = nil, before: Int? = nil, _ exercises: String...) -> SessionSummary {
    SessionSummary(SessionRecord(on: Day.n(day), painBefore: before, painAfter: pain, exercises: exercises.map { ExerciseLog(exercise: $0) }))
}

extension SessionRecord {
    /// A full record whose summary is `s`, for building journal events from summaries.
    init(_ s: SessionSummary) {
        self.init(on: s.on, painBefore: s.painBefore, painAfter: s.peakPain, exercises: s.exercises.map { ExerciseLog(exercise: $0) })
    }
}

func clearance(_ topic: String, _ day: Int, upTo: Weight? = nil, by: String? = nil) -> Clearance {
    Clearance(topic: topic, upTo: upTo, by: by, on: Day.n(day))
}

func flag(_ id: String, _ day: Int) -> FlagReport { FlagReport(flag: id, on: Day.n(day)) }
