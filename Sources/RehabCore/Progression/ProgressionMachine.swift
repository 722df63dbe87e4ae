/// The progression state machine: explicit states, one `mutating func` per event, and returned
/// actions that the impure caller carries out (print, record in the journal).
///
/// It does no I/O and never reads a clock: days arrive as events.
public struct ProgressionMachine: Sendable {
    public enum Event: Hashable, Sendable {
        case clearanceRecorded(Clearance)
        case sessionLogged(SessionSummary)
        case redFlagReported(FlagReport)
        case redFlagResolved(FlagReport)
        case therapistOverride(TherapistOverride)
        case goalMet(GoalMet)
        /// All of a day's events have been delivered: gates are checked.
        case dayEnded(CalendarDay)
    }

    public enum Action: Hashable, Sendable {
        case announce(Transition)
    }

    /// Held by reference: the machine is copied into every assessment, and a program is large.
    private let programBox: ProgramBox
    public var program: Program { programBox.program }
    public let surgery: CalendarDay
    /// Preview and `expect` take pain and session gates as met (a typical patient).
    public let assumeHistoryGatesMet: Bool

    public private(set) var state: ProgressionState = .notStarted
    public private(set) var transitions: [Transition] = []
    public private(set) var clearances: [String: CalendarDay] = [:]
    /// Goals recorded as met, by goal id, with the first day recorded.
    public private(set) var goalsMet: [String: GoalMet] = [:]
    /// Highest pain score per day.
    public private(set) var painByDay: [Int: Int] = [:]
    public private(set) var sessionDays: [CalendarDay] = []
    /// Hold reasons: red flag ids, and "pain" for a pain-rule breach.
    public private(set) var holds: [String: CalendarDay] = [:]
    public private(set) var holdOrder: [String] = []
    /// The day the current phase was entered.
    public private(set) var phaseEntered: CalendarDay
    /// Days with a session since the current phase began: a session counts for one phase only, and a day counts once,
    /// since a guided session writes each exercise as it completes and a patient may log walking three times a day.
    public private(set) var sessionsInPhase = 0 { didSet { if sessionsInPhase == 0 { sessionCountedDay = nil } } }
    private var sessionCountedDay: Int?
    /// After a therapist's regress, automatic progress into this phase waits for a manual advance.
    public private(set) var pinnedBelow: Int?
    public private(set) var lastDay: CalendarDay?
    /// Exercises a pain rule stopped, by exercise id, until they recover.
    public private(set) var backOffs: [String: BackOff] = [:]
    /// The first pain score of each of the last days with a session (day ordinal, score), for the usual level.
    private var startPains: [(day: Int, pain: Int)] = []
    /// The day of the latest session and its exercises, and the day before that with its exercises (the next-morning
    /// rule backs off the day before's), and the last day whose first pain score was taken.
    private var currentDay: Int?
    private var currentDayExercises: [String] = []
    private var previousDay: Int?
    private var previousDayExercises: [String] = []
    private var scoredDay: Int?

    public init(program: Program, surgery: CalendarDay, assumeHistoryGatesMet: Bool = false) {
        self.programBox = ProgramBox(program); self.surgery = surgery; self.assumeHistoryGatesMet = assumeHistoryGatesMet
        self.phaseEntered = surgery
    }

    @discardableResult
    public mutating func handle(_ event: Event) -> [Action] {
        switch event {
        case .clearanceRecorded(let c):
            if clearances[c.topic] == nil { clearances[c.topic] = c.on }
            return []
        case .sessionLogged(let s):
            return sessionLogged(s)
        case .redFlagReported(let f):
            return hold(f.flag, on: f.on)
        case .redFlagResolved(let f):
            return resolve(f.flag, on: f.on)
        case .therapistOverride(let o):
            return override(o)
        case .goalMet(let g):
            if goalsMet[g.goal] == nil { goalsMet[g.goal] = g }
            return []
        case .dayEnded(let d):
            lastDay = d
            return advance(on: d)
        }
    }

    private mutating func sessionLogged(_ s: SessionSummary) -> [Action] {
        sessionDays.append(s.on)
        // A transfer routine practised is no exercise session: it neither counts for a gate nor stands for the day.
        let box = programBox
        let routineOnly = !s.exercises.isEmpty && s.exercises.allSatisfy { !box.exerciseIDs.contains($0) && box.routineIDs.contains($0) }
        if sessionCountedDay != s.on.ordinal, !routineOnly {
            sessionsInPhase += 1
            sessionCountedDay = s.on.ordinal
        }
        var actions = backOffs(after: s)
        guard let peak = s.peakPain else { return actions }
        painByDay[s.on.ordinal] = max(painByDay[s.on.ordinal] ?? 0, peak)
        for statement in program.painRules {
            if case .holdAtOrAbove(let limit) = statement.rule, peak >= limit {
                actions += hold("pain", on: s.on)
                break
            }
        }
        return actions
    }

    /// The patient's usual pain before today: the middle of the first scores of the last 7 days with a session.
    public func usualPain(before day: CalendarDay) -> Int? {
        let recent = startPains.filter { $0.day < day.ordinal && $0.day >= day.ordinal - 7 }.map(\.pain).sorted()
        return recent.isEmpty ? nil : recent[(recent.count - 1) / 2]
    }

    /// The back-off rules for one session: the next-morning rule for yesterday's exercises, recovery of
    /// exercises backed off earlier, and stop rules that fire now.
    private mutating func backOffs(after s: SessionSummary) -> [Action] {
        var actions: [Action] = []
        if currentDay != s.on.ordinal {
            previousDay = currentDay; previousDayExercises = currentDayExercises
            currentDay = s.on.ordinal; currentDayExercises = []
        }
        // The day's first pain score, whatever was logged before it without one (a routine practised on waking).
        let firstScore = s.painBefore != nil && scoredDay != s.on.ordinal
        // Worked out only when a rule needs it: a replay of years of sessions would otherwise do it for each.
        var usualKnown = false
        var usualValue: Int?
        func usual() -> Int? {
            if !usualKnown { usualValue = usualPain(before: s.on); usualKnown = true }
            return usualValue
        }
        // Pain should settle within 24 hours (clinical-reference.md §6.2: Provide Physiotherapy, Fusion Physio
        // Chilliwack "worse next day, reduce load", MVMT next-morning check): a first score of the next day above
        // the usual level backs off the exercises done the day before.
        // A score no higher than every recent first score cannot be above their middle: most days stop here.
        if firstScore, previousDay == s.on.ordinal - 1, let before = s.painBefore,
           startPains.contains(where: { before > $0.pain && $0.day >= s.on.ordinal - 7 }), let usual = usual(), before > usual {
            let ids = previousDayExercises.filter { backOffs[$0] == nil && programBox.exerciseIDs.contains($0) }
            for id in ids {
                backOffs[id] = BackOff(exercise: id, since: s.on, cause: .nextDay(pain: before, usual: usual), usual: usual)
            }
            if !ids.isEmpty {
                actions += record(.backedOff(ids, reason: "pain the next morning was \(before), above your usual \(usual)"), on: s.on)
            }
        }
        var stopped: [String] = []
        var stopReason = ""
        var recovered: [String] = []
        for id in s.exercises {
            let firing = PainStop.firing(programBox.stopRules(for: id), painBefore: s.painBefore, peak: s.peakPain)
            if let firing, let peak = s.peakPain {
                let base = s.painBefore ?? usual() ?? 0
                // Already backed off: it stays at the dose of its first stop, so a second stop never raises it.
                if backOffs[id] == nil { backOffs[id] = BackOff(exercise: id, since: s.on, cause: .rule(firing, painBefore: s.painBefore, peak: peak),
                                       usual: base) }
                if !stopped.contains(id) { stopped.append(id) }
                if stopReason.isEmpty {
                    stopReason = BackOff(exercise: id, since: s.on, cause: .rule(firing, painBefore: s.painBefore, peak: peak), usual: base).reason
                }
            } else if let b = backOffs[id], b.since < s.on, (s.peakPain ?? 0) <= b.usual {
                backOffs[id] = nil
                recovered.append(id)
            }
        }
        if !recovered.isEmpty { actions += record(.recovered(recovered), on: s.on) }
        if !stopped.isEmpty { actions += record(.backedOff(stopped, reason: stopReason), on: s.on) }
        if firstScore, let before = s.painBefore {
            scoredDay = s.on.ordinal
            startPains.append((s.on.ordinal, before))
            if startPains.count > 14 { startPains.removeFirst(startPains.count - 14) }
        }
        for id in s.exercises where !currentDayExercises.contains(id) { currentDayExercises.append(id) }
        return actions
    }

    private mutating func hold(_ reason: String, on day: CalendarDay) -> [Action] {
        if holds[reason] == nil { holdOrder.append(reason) }
        holds[reason] = day
        switch state {
        case .inPhase(let i):
            state = .onHold(returnTo: i)
            return record(.wentOnHold(holdOrder), on: day)
        case .completed where !program.phases.isEmpty:
            // A red flag stops exercise even after the program; resolving it completes the program again.
            state = .onHold(returnTo: program.phases.count - 1)
            return record(.wentOnHold(holdOrder), on: day)
        case .notStarted where !program.phases.isEmpty:
            // A hold before the program starts keeps it from starting: no phase is entered until it is
            // resolved (`advance` waits for no holds). The state stays "not started"; answers read the holds.
            return record(.wentOnHold(holdOrder), on: day)
        case .notStarted, .onHold, .completed:
            return []
        }
    }

    private mutating func resolve(_ reason: String, on day: CalendarDay) -> [Action] {
        guard holds.removeValue(forKey: reason) != nil else { return [] }
        holdOrder.removeAll { $0 == reason }
        guard holds.isEmpty, case .onHold(let i) = state else { return [] }
        state = .inPhase(i)
        phaseEntered = day
        return record(.resumed(i), on: day)
    }

    private mutating func override(_ o: TherapistOverride) -> [Action] {
        let count = program.phases.count
        // Whose decision it was stays with the reason wherever the path is shown.
        let o = TherapistOverride(direction: o.direction, on: o.on, reason: o.reason + (o.by.map { ", by \($0)" } ?? ""), by: o.by)
        switch (o.direction, state) {
        case (.advance, .inPhase(let i)) where i + 1 == count && pinnedBelow == count:
            state = .completed; pinnedBelow = nil
            return record(.completed, on: o.on)
        case (.advance, .inPhase(let i)) where i + 1 < count:
            state = .inPhase(i + 1); phaseEntered = o.on; pinnedBelow = nil; sessionsInPhase = 0
            return record(.advancedByTherapist(i + 1, reason: o.reason), on: o.on)
        case (.advance, .onHold(let i)) where i + 1 < count:
            state = .onHold(returnTo: i + 1); pinnedBelow = nil; sessionsInPhase = 0
            return record(.advancedByTherapist(i + 1, reason: o.reason), on: o.on)
        case (.regress, .inPhase(let i)) where i > 0:
            state = .inPhase(i - 1); phaseEntered = o.on; pinnedBelow = i; sessionsInPhase = 0
            return record(.regressedByTherapist(i - 1, reason: o.reason), on: o.on)
        case (.regress, .onHold(let i)) where i > 0:
            state = .onHold(returnTo: i - 1); pinnedBelow = i; sessionsInPhase = 0
            return record(.regressedByTherapist(i - 1, reason: o.reason), on: o.on)
        case (.regress, .completed) where count > 0:
            state = .inPhase(count - 1); phaseEntered = o.on; pinnedBelow = count; sessionsInPhase = 0
            return record(.regressedByTherapist(count - 1, reason: o.reason), on: o.on)
        default:
            return []
        }
    }

    /// Moves forward as far as the gates allow; never while on hold.
    private mutating func advance(on day: CalendarDay) -> [Action] {
        var actions: [Action] = []
        loop: while true {
            switch state {
            case .onHold, .completed:
                break loop
            case .notStarted:
                guard !program.phases.isEmpty, holds.isEmpty, gatesMet(for: 0, on: day) else { break loop }
                state = .inPhase(0); phaseEntered = day; sessionsInPhase = 0
                actions += record(.enteredPhase(0), on: day)
            case .inPhase(let i):
                if i + 1 < program.phases.count {
                    guard pinnedBelow != i + 1, gatesMet(for: i + 1, on: day) else { break loop }
                    state = .inPhase(i + 1); phaseEntered = day; sessionsInPhase = 0
                    actions += record(.enteredPhase(i + 1), on: day)
                } else {
                    // An open-ended last phase never completes by itself.
                    guard let end = program.phases[i].end, day >= end.date(surgery: surgery),
                          pinnedBelow != program.phases.count else { break loop }
                    state = .completed
                    actions += record(.completed, on: day)
                }
            }
        }
        return actions
    }

    private mutating func record(_ kind: Transition.Kind, on day: CalendarDay) -> [Action] {
        let t = Transition(kind: kind, on: day)
        transitions.append(t)
        return [.announce(t)]
    }

    /// Whether every gate of a phase holds on a day; the replay's hot path, so it builds no text.
    func gatesMet(for index: Int, on day: CalendarDay) -> Bool {
        let phase = program.phases[index]
        if day < phase.start.date(surgery: surgery) { return false }
        for statement in phase.gates {
            switch statement.gate {
            case .minimum(let p): if day < p.date(surgery: surgery) { return false }
            case .cleared(let topic): if !isCleared(topic, on: day) { return false }
            case .painAtMost(let limit, let days):
                if assumeHistoryGatesMet { continue }
                var any = false
                for d in (day.ordinal - max(1, days) + 1)...day.ordinal {
                    if let s = painByDay[d] { any = true; if s > limit { return false } }
                }
                if !any { return false }
            case .sessions(let n):
                if assumeHistoryGatesMet { continue }
                if sessionsInPhase < n { return false }
            case .met(let goal): if !hasMet(goal, on: day) { return false }
            }
        }
        return true
    }

    /// Every gate of a phase, checked on a day: the data behind `next` and `why`.
    public func gates(for index: Int, on day: CalendarDay) -> [GateResult] {
        guard program.phases.indices.contains(index) else { return [] }
        return program.phases[index].allGates.map { statement in
            switch statement.gate {
            case .minimum(let p):
                let date = p.date(surgery: surgery)
                return GateResult(gate: statement, met: day >= date, opensOn: day >= date ? nil : date,
                                  text: "\(p.text) (\(date))")
            case .cleared(let topic):
                let met = clearances[topic].map { $0 <= day } ?? false
                return GateResult(gate: statement, met: met, opensOn: nil,
                                  text: "your surgeon or therapist clears \(topic) (when they do, record it with 'clear \(topic) by NAME')")
            case .painAtMost(let limit, let days):
                if assumeHistoryGatesMet {
                    return GateResult(gate: statement, met: true, opensOn: nil, text: "pain at most \(limit)/10 over \(days) days")
                }
                let window = (day.ordinal - max(1, days) + 1)...day.ordinal
                let scores = window.compactMap { painByDay[$0] }
                let met = !scores.isEmpty && scores.allSatisfy { $0 <= limit }
                // No score in the window holds the patient: the sources move phases on a checked criterion ("Pain
                // and swelling within tolerance", http://www.houstonspinesurgeon.com/post-op-lumbar-fusion.html ;
                // criterion-based phase entry, clinical-reference.md §1.5), and a criterion nobody measured is unmet.
                // The words say what is missing and what to type, not only that a number is absent.
                let detail = scores.isEmpty
                    ? "you have not logged a pain score in the last \(days) days; type 'log pain N' (0 to 10) each day "
                        + "so rehab can see your pain is low enough to move on"
                    : "highest pain in the last \(days) days: \(scores.max() ?? 0)/10"
                return GateResult(gate: statement, met: met, opensOn: nil,
                                  text: "pain at most \(limit)/10 over the last \(days) days (\(detail))")
            case .sessions(let n):
                if assumeHistoryGatesMet {
                    return GateResult(gate: statement, met: true, opensOn: nil, text: "\(n) sessions logged in the phase before")
                }
                let done = sessionsInPhase
                return GateResult(gate: statement, met: done >= n, opensOn: nil,
                                  text: "\(n) sessions logged in the phase before (\(done) so far)")
            case .met(let goal):
                let what = program.goal(goal).map { "'\($0.text)'" } ?? goal
                if let m = goalsMet[goal], m.on <= day {
                    return GateResult(gate: statement, met: true, opensOn: nil,
                                      text: "goal met: \(what) (recorded by \(m.by) on \(m.on))")
                }
                return GateResult(gate: statement, met: false, opensOn: nil,
                                  text: "your therapist records the goal \(what) as met (when they do, type 'met \(goal) by NAME')")
            }
        }
    }

    /// Whether a therapist has recorded the goal as met by `day`.
    public func hasMet(_ goal: String, on day: CalendarDay) -> Bool {
        goalsMet[goal].map { $0.on <= day } ?? false
    }

    public func isCleared(_ topic: String, on day: CalendarDay) -> Bool {
        clearances[topic].map { $0 <= day } ?? false
    }
}

/// A program shared between copies of a machine and its assessments instead of copied field by field.
final class ProgramBox: Sendable {
    let program: Program
    /// Looked up for every logged session during a replay of years of history, so worked out once per program.
    let exerciseIDs: Set<String>
    let routineIDs: Set<String>
    /// The stop rules of each exercise that has its own, on top of the program's.
    let ownStopRules: [String: [PainRuleStatement]]

    init(_ program: Program) {
        self.program = program
        exerciseIDs = Set(program.exercises.map(\.id))
        routineIDs = Set(program.routines.map(\.id))
        var own: [String: [PainRuleStatement]] = [:]
        for e in program.exercises where !e.painRules.isEmpty { own[e.id] = e.painRules + program.painRules }
        ownStopRules = own
    }

    func stopRules(for exercise: String) -> [PainRuleStatement] { ownStopRules[exercise] ?? program.painRules }
}
