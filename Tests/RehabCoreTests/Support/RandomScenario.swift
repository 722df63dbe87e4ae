import PropertyBased
import RehabCore

/// A random program, a random patient history and a day to assess it on, built directly as values.
struct Scenario: Sendable, CustomStringConvertible {
    struct Options: Sendable {
        /// Therapist overrides move a patient past gates on purpose; properties about gates leave them out.
        var overrides = true
        /// The first phase starts at a random week up to this one (0: always at surgery).
        var latestFirstWeek = 3
    }

    var program: Program
    var record: PatientRecord
    /// Days since surgery of the assessment.
    var day: Int

    var surgery: CalendarDay { Day.surgery }
    var date: CalendarDay { Day.n(day) }
    var week: Int { RecoveryDay(day: day).week }

    static let topics = ["lifting", "outpatient-pt", "driving", "wound"]
    static let activities: [Activity] = [.bending, .twisting, .driving, .neckMotion, "swimming"]
    static let flags = ["fever", "calf-pain"]

    /// A generator for property checks (no shrinking: the scenario prints itself when a check fails).
    static func generator(_ options: Options = Options()) -> Generator<Scenario, Shrink.None<Scenario>> {
        Generator(run: { rng in Scenario.random(using: &rng, options) })
    }

    static func random<R: RandomNumberGenerator>(using g: inout R, _ options: Options) -> Scenario {
        func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &g) }
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &g) < p }
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &g)] }
        func weight(_ r: ClosedRange<Int>) -> Weight { chance(0.7) ? Weight(Double(int(r)), .lb) : Weight(Double(int(r)) / 2, .kg) }
        func condition(depth: Int) -> Condition {
            switch depth > 0 ? int(0...3) : int(0...1) {
            case 0: return .week(int(1...24))
            case 1: return .cleared(pick(topics))
            case 2: return .all([condition(depth: depth - 1), condition(depth: depth - 1)])
            default: return .any([condition(depth: depth - 1), condition(depth: depth - 1)])
            }
        }
        func restriction(phase: String?) -> Restriction {
            let rule: RestrictionRule
            switch int(0...4) {
            case 0, 1: rule = .atMost(.lifting, Quantity(weight(3...30)))
            case 2: rule = .no(pick(activities))
            case 3: rule = .atMost(.sitting, .minutes(int(10...60)))
            default: rule = .wear("brace")
            }
            return Restriction(rule: rule, from: chance(0.3) ? .week(int(0...8)) : nil,
                               until: chance(0.75) ? condition(depth: 2) : nil, phase: phase)
        }

        // Exercises with random loads, and a ladder over some of them.
        let exercises = (0..<int(3...6)).map { i in
            var activities: Set<Activity> = []
            for _ in 0..<int(0...2) { activities.insert(pick(Scenario.activities)) }
            return Exercise(id: "ex-\(i)", name: "Exercise \(i)", loads: Loads(lift: chance(0.4) ? weight(2...40) : nil, activities: activities))
        }
        let ids = exercises.map(\.id)
        var rungs: [String] = []
        for id in ids.shuffled(using: &g) where rungs.count < 3 { rungs.append(id) }
        let ladder = Ladder(id: "ladder-0", name: "Ladder", rungs: rungs, upAfterPainFreeSessions: int(1...3), downOnBreach: chance(0.7))

        // 1–5 contiguous phases.
        var phases: [Phase] = []
        var start = int(0...options.latestFirstWeek)
        for i in 0..<int(1...5) {
            let id = "phase-\(i)"
            let end = start + int(1...8)
            var gates: [GateStatement] = []
            for _ in 0..<int(0...2) {
                switch int(0...2) {
                case 0: gates.append(GateStatement(gate: .cleared(pick(topics))))
                case 1: gates.append(GateStatement(gate: .painAtMost(int(2...6), days: int(1...7))))
                default: gates.append(GateStatement(gate: .sessions(int(1...4))))
                }
            }
            var prescriptions: [Prescription] = []
            for id in ids where chance(0.4) {
                prescriptions.append(Prescription(exercise: id, dose: Dose(sets: int(1...3), reps: int(5...15))))
            }
            if chance(0.4) { prescriptions.append(Prescription(exercise: ladder.id, isLadder: true, dose: Dose(reps: 10))) }
            let restrictions = (0..<int(0...2)).map { _ in restriction(phase: id) }
            phases.append(Phase(id: id, name: "Phase \(i)", startWeek: start, endWeek: end, gates: gates,
                                prescriptions: prescriptions, restrictions: restrictions))
            start = end
        }
        var painRules = [PainRuleStatement(rule: .stopAtOrAbove(int(6...9)))]
        if chance(0.5) { painRules.append(PainRuleStatement(rule: .holdAtOrAbove(int(7...10)))) }
        if chance(0.3) { painRules.append(PainRuleStatement(rule: .stopOnRise(int(2...4)))) }
        let program = Program(id: "random", name: "Random", phases: phases,
                              restrictions: (0..<int(0...4)).map { _ in restriction(phase: nil) },
                              exercises: exercises, ladders: [ladder],
                              redFlags: flags.map { RedFlag(id: $0, description: $0, advice: "Call.") },
                              painRules: painRules)

        // The patient's history.
        var record = PatientRecord()
        var liftingClearanceDays: Set<Int> = []
        for _ in 0..<int(0...4) {
            let topic = pick(topics)
            let day = int(-3...150)
            var upTo: Weight?
            if topic == "lifting" {
                // At most one lifting clearance a day, so "the latest" is never a tie.
                guard liftingClearanceDays.insert(day).inserted else { continue }
                if chance(0.5) { upTo = weight(5...40) }
            }
            record.clearances.append(Clearance(topic: topic, upTo: upTo, by: chance(0.5) ? "Dr Lee" : nil, on: Day.n(day)))
        }
        let allIDs = ids + ["walking"]
        for _ in 0..<int(0...20) {
            let day = int(0...150)
            let done = (0..<int(1...3)).map { _ in ExerciseLog(exercise: pick(allIDs)) }
            record.sessions.append(SessionSummary(SessionRecord(on: Day.n(day), painBefore: chance(0.5) ? int(0...5) : nil,
                                                                painAfter: chance(0.9) ? int(0...10) : nil, exercises: done)))
        }
        for _ in 0..<int(0...2) {
            let report = FlagReport(flag: pick(flags), on: Day.n(int(0...150)))
            record.flagsReported.append(report)
            if chance(0.5) { record.flagsResolved.append(FlagReport(flag: report.flag, on: report.on.adding(days: int(0...20)))) }
        }
        if chance(0.3) { record.flagsResolved.append(FlagReport(flag: "pain", on: Day.n(int(0...150)))) }
        for _ in 0..<int(0...2) {
            let until: SurgeonOrder.Until? = chance(0.5) ? .week(int(1...20)) : nil
            if chance(0.6) {
                record.orders.append(SurgeonOrder(activity: .lifting, limit: weight(2...30), until: until, by: "Dr Order", on: Day.n(int(0...100))))
            } else {
                record.orders.append(SurgeonOrder(activity: pick(activities), until: until, by: "Dr Order", on: Day.n(int(0...100))))
            }
        }
        if options.overrides {
            for _ in 0..<int(0...2) {
                record.overrides.append(TherapistOverride(direction: chance(0.5) ? .advance : .regress, on: Day.n(int(0...150)), reason: "random"))
            }
        }
        return Scenario(program: program, record: record, day: int(0...200))
    }

    var description: String {
        var lines: [String] = ["assessed on day \(day) (week \(week))"]
        for r in program.restrictions { lines.append("  \(r.rule.text)\(r.from.map { " from \($0.text)" } ?? "")\(r.until.map { " until \($0.text)" } ?? "")") }
        for p in program.phases {
            lines.append("phase \(p.id) \(p.rangeSyntax)" + p.gates.map { "; requires \($0.gate.text)" }.joined()
                         + "; prescribes " + p.prescriptions.map(\.exercise).joined(separator: ", "))
            for r in p.restrictions { lines.append("  \(r.rule.text)\(r.from.map { " from \($0.text)" } ?? "")\(r.until.map { " until \($0.text)" } ?? "")") }
        }
        for e in program.exercises {
            lines.append("exercise \(e.id) loads \(e.loads.lift.map { "lifting \($0) " } ?? "")\(e.loads.activities.map(\.name).sorted())")
        }
        lines.append("ladder \(program.ladders.map(\.rungs))")
        lines.append("pain rules \(program.painRules.map(\.rule.text))")
        for c in record.clearances { lines.append("clear \(c.topic)\(c.upTo.map { " up to \($0)" } ?? "") on day \(c.on.days(since: surgery))") }
        for o in record.orders { lines.append("order \(o.rule.text) until \(String(describing: o.until)) on day \(o.on.days(since: surgery))") }
        for f in record.flagsReported { lines.append("flag \(f.flag) on day \(f.on.days(since: surgery))") }
        for f in record.flagsResolved { lines.append("resolve \(f.flag) on day \(f.on.days(since: surgery))") }
        for o in record.overrides { lines.append("\(o.direction) on day \(o.on.days(since: surgery))") }
        for s in record.sessions.sorted(by: { $0.on < $1.on }) {
            lines.append("session day \(s.on.days(since: surgery)) pain \(s.painBefore.map(String.init) ?? "-")→\(s.peakPain.map(String.init) ?? "-") \(s.exercises)")
        }
        return lines.joined(separator: "\n")
    }
}

/// What the documentation says is in force, computed independently of `Assessor`.
enum Reference {
    static func isCleared(_ topic: String, _ s: Scenario) -> Bool {
        s.record.clearances.contains { $0.topic == topic && $0.on <= s.date }
    }

    static func holds(_ c: Condition, _ s: Scenario) -> Bool {
        switch c {
        case .at(let w): return s.date >= w.date(surgery: s.surgery)
        case .phase: return false   // scenarios never release by phase
        case .cleared(let t): return isCleared(t, s)
        case .all(let cs): return cs.allSatisfy { holds($0, s) }
        case .any(let cs): return cs.contains { holds($0, s) }
        }
    }

    static func inForce(_ r: Restriction, _ s: Scenario) -> Bool {
        if let from = r.from, s.date < from.date(surgery: s.surgery) { return false }
        if let until = r.until, holds(until, s) { return false }
        return true
    }

    /// Every rule in force for a patient whose rules come from phase `phaseIndex` (nil: none).
    /// The phase whose own rules apply: the current one, or the first before the program starts.
    static func ruleScope(_ state: ProgressionState, _ s: Scenario) -> Int? {
        state.phaseIndex ?? (state == .notStarted && !s.program.phases.isEmpty ? 0 : nil)
    }

    static func rules(_ s: Scenario, phaseIndex: Int?) -> [RestrictionRule] {
        var rules = s.program.restrictions.filter { inForce($0, s) }.map(\.rule)
        if let i = phaseIndex { rules += s.program.phases[i].restrictions.filter { inForce($0, s) }.map(\.rule) }
        // Orders by a clinician replace the program's rules on their activity; the latest order per activity
        // stands. These hand-built records carry no journal positions: on one day an order comes after a
        // clearance, and later entries of a kind after earlier ones.
        enum Entry { case order(SurgeonOrder), clearance(Clearance) }
        var all: [Activity: [(key: (Int, Int, Int), entry: Entry)]] = [:]
        for (j, o) in s.record.orders.enumerated() where o.on <= s.date {
            all[o.activity, default: []].append(((o.on.ordinal, 1, j), .order(o)))
        }
        for (k, c) in s.record.clearances.enumerated() where c.on <= s.date && (c.by != nil || c.upTo != nil) {
            all[Activity(c.topic), default: []].append(((c.on.ordinal, 0, k), .clearance(c)))
        }
        for (activity, entries) in all {
            // The latest stands; an open-ended order lifted by a later clearance recorded without who gave it
            // hands over to the entry before it (never straight to the program's default).
            for item in entries.sorted(by: { $0.key > $1.key }) {
                if case .order(let o) = item.entry {
                    if let end = o.endDay(surgery: s.surgery), s.date >= end { break }
                    let lifted = o.until == nil && s.record.clearances.contains {
                        $0.topic == activity.name && $0.upTo == nil && $0.by == nil && $0.on > o.on && $0.on <= s.date
                    }
                    if lifted { continue }
                    rules.removeAll { $0.activity == activity }
                    rules.append(o.rule)
                    break
                }
                if case .clearance(let c) = item.entry {
                    if let upTo = c.upTo {
                        rules.removeAll { $0.activity == activity }
                        rules.append(.atMost(.lifting, Quantity(upTo)))
                    } else {
                        rules.removeAll { $0 == .no(activity) || $0 == .wear(activity.name) }
                    }
                    break
                }
            }
        }
        return rules
    }

    /// The strictest lifting limit in tenths of a pound, nil when nothing limits lifting.
    static func liftLimitTenths(_ rules: [RestrictionRule]) -> Double? {
        rules.compactMap { if case .atMost(.lifting, let q) = $0, let w = q.weight { return tenths(w) } else { return nil } }.min()
    }

    /// Weights are compared in hundredths of a pound (so 4.536 kg is 10 lb); expressed here in tenths.
    static func tenths(_ w: Weight) -> Double { (w.pounds * 100).rounded() / 10 }

    /// Whether a load breaks a rule: heavier than a limit or a banned activity.
    static func breaks(_ loads: Loads, _ rule: RestrictionRule) -> Bool {
        switch rule {
        case .atMost(.lifting, let q): return loads.lift.map { tenths($0) > tenths(q.weight ?? Weight(0, .lb)) } ?? false
        case .no(let a): return loads.activities.contains(a)
        case .atMostPerSurgeon(.lifting, let fallback):
            guard let lift = loads.lift else { return false }
            return fallback.map { tenths(lift) > tenths($0.weight ?? Weight(0, .lb)) } ?? true
        case .atMost, .atMostPerSurgeon, .wear, .limit, .wearIfOrdered: return false
        }
    }
}
