/// The guided daily session as a state machine: readiness screen, pain now, each exercise with its sets, reps, hold
/// and rest timers, pain during each, pain after, and a summary.
///
/// Like the progression machine it does no I/O and reads no clock: one `mutating func` per event, returning
/// actions that the REPL carries out (print, ask, run a countdown on the injected clock, write the journal).
/// Every completed exercise is handed back as `.record` the moment it completes, so a killed process loses none.
public struct SessionMachine: Sendable {
    public enum Question: Hashable, Sendable {
        case anyRedFlags, whichRedFlags, painNow, ready(Int), setDone(Int, set: Int), painDuring(Int), painAfter
        case stopSession, paused
    }

    public enum Action: Hashable, Sendable {
        case show(String)
        case ask(Question, prompt: String)
        /// A hold, rest or walking timer; `endsEarly` timers (a walk) end when the patient is done, by Enter or Ctrl-C,
        /// rather than asking whether to stop.
        case countdown(seconds: Int, label: String, endsEarly: Bool)
        /// Write this completed exercise to the journal now.
        case record(ExerciseLog, painBefore: Int?)
        /// Write the session's pain scores (before, and after when known).
        case recordPain(before: Int, after: Int?)
        /// Match the patient's words to red flags and record them (the shell knows the journal and the matcher).
        case reportFlags(String)
        case finish(SessionSummaryText)
    }

    public enum Event: Hashable, Sendable {
        case start
        case answered(String)
        /// Ctrl-C at a question.
        case interrupted
        /// Ctrl-D: the patient left.
        case ended
        case countdownFinished
        /// Ctrl-C during a timer, after this many seconds.
        case countdownCancelled(elapsed: Int)
        /// The shell recorded the flags `.reportFlags` asked for.
        case flagsRecorded
    }

    indirect enum State: Hashable, Sendable {
        case idle, anyFlags, whichFlags, flagging, painNow
        case intro(Int)
        case setPrompt(Int, set: Int)
        case holding(Int, set: Int, rep: Int)
        case resting(Int, set: Int)
        case walking(Int)
        case painDuring(Int, minutes: Int?)
        case confirmStop(resume: State)
        case paused(resume: State)
        case painAfter
        case done
    }

    public let plan: SessionPlan
    /// The program's stop rules for the session as a whole (pain now at a stop level ends it before it starts).
    public let sessionRules: [PainRuleStatement]
    private(set) var state: State = .idle
    public private(set) var summary = SessionSummaryText()
    private var painBefore: Int?

    public init(plan: SessionPlan, sessionRules: [PainRuleStatement] = []) {
        self.plan = plan; self.sessionRules = sessionRules
    }

    public var isFinished: Bool { state == .done }

    public static let words = "Enter = done / next · skip [reason] · back · repeat · pause · stop · help"

    @discardableResult
    public mutating func handle(_ event: Event) -> [Action] {
        switch (event, state) {
        case (_, .done): return []
        case (.start, .idle): return readiness()
        case (.start, _): return []
        case (.ended, _): return stop(because: "you left the session")
        case (.flagsRecorded, .flagging):
            summary.stoppedBecause = "a red flag was reported"
            return finish()
        case (.flagsRecorded, _): return []
        case (.interrupted, .confirmStop(let resume)): return enter(resume)
        case (.interrupted, _):
            return confirmStop(resume: state)
        case (.countdownFinished, _): return timerDone(cancelled: nil)
        case (.countdownCancelled(let elapsed), _): return timerDone(cancelled: elapsed)
        case (.answered(let raw), _): return answered(raw.trimmingSpaces)
        }
    }

    // MARK: steps

    private mutating func readiness() -> [Action] {
        guard !plan.warningSigns.isEmpty else { return enter(.painNow) }
        let list = plan.warningSigns.map { "  • \($0)" }.joined(separator: "\n")
        return [.show("Before you start, check for warning signs:\n\(list)")] + enter(.anyFlags)
    }

    private mutating func begin(_ i: Int) -> [Action] {
        guard i < plan.exercises.count else { return enter(.painAfter) }
        let e = plan.exercises[i]
        // The phase's teaching comes first, as a step to read before any exercise.
        let reading = i == 0 && !plan.reading.isEmpty
            ? "\nTo read first:\n" + plan.reading.map { "  • \($0)" }.joined(separator: "\n") + "\n" : ""
        var text = reading + "\n\(i + 1) of \(plan.exercises.count): \(e.name) — \(e.dose.text)" + (e.backedOff ? " (backed off after a pain rule)" : "")
        for (n, step) in e.steps.enumerated() { text += "\n  \(n + 1). \(step)" }
        for cue in e.cues { text += "\n  Tip: \(cue)" }
        for stop in e.stopIf { text += "\n  Stop if: \(stop)" }
        return [.show(text)] + enter(.intro(i))
    }

    /// Sets the state and emits what it asks or times.
    private mutating func enter(_ next: State) -> [Action] {
        state = next
        switch next {
        case .idle, .done, .flagging: return []
        case .anyFlags: return [.ask(.anyRedFlags, prompt: "Do you have any of these today? [y/N] ")]
        case .whichFlags: return [.ask(.whichRedFlags, prompt: "Which? Say it in your own words: ")]
        case .painNow: return [.ask(.painNow, prompt: "Your pain right now, 0 to 10: ")]
        case .intro(let i):
            let e = plan.exercises[i]
            return [.ask(.ready(i), prompt: plan.quick ? "Enter when you have done \(e.name), or skip: "
                                                      : "Press Enter to begin \(e.name) (or skip, back, help): ")]
        case .setPrompt(let i, let set):
            let d = plan.exercises[i].dose
            let sets = max(1, d.sets ?? 1)
            return [.ask(.setDone(i, set: set), prompt: "Set \(set) of \(sets): \(d.reps.map { "\($0) reps" } ?? "do it") — Enter when done: ")]
        case .holding(let i, let set, let rep):
            let d = plan.exercises[i].dose
            return [.countdown(seconds: d.holdSeconds ?? 1,
                               label: "Set \(set) of \(max(1, d.sets ?? 1)), rep \(rep) of \(max(1, d.reps ?? 1)): hold", endsEarly: false)]
        case .resting(let i, _):
            return [.countdown(seconds: plan.exercises[i].dose.restSeconds ?? plan.defaultRestSeconds, label: "Rest", endsEarly: false)]
        case .walking(let i):
            let e = plan.exercises[i]
            return [.countdown(seconds: (e.dose.minutes ?? 1) * 60, label: "\(e.name): \(e.dose.minutes ?? 1) min (Enter when you finish early)",
                               endsEarly: true)]
        case .painDuring(let i, _):
            return [.ask(.painDuring(i), prompt: "How was your pain during \(plan.exercises[i].name)? 0 to 10: ")]
        case .confirmStop: return [.ask(.stopSession, prompt: "Stop the session here? What you did so far is saved. [y/N] ")]
        case .paused: return [.ask(.paused, prompt: "Paused. Press Enter or type 'resume' to go on: ")]
        case .painAfter: return [.ask(.painAfter, prompt: "Your pain now, after the session, 0 to 10: ")]
        }
    }

    private mutating func startExercise(_ i: Int) -> [Action] {
        let e = plan.exercises[i]
        if plan.quick { return enter(.painDuring(i, minutes: e.dose.minutes)) }
        if e.isTimedBout { return enter(.walking(i)) }
        if e.dose.holdSeconds != nil { return enter(.holding(i, set: 1, rep: 1)) }
        return enter(.setPrompt(i, set: 1))
    }

    private mutating func endOfSet(_ i: Int, _ set: Int) -> [Action] {
        let sets = max(1, plan.exercises[i].dose.sets ?? 1)
        return set < sets ? enter(.resting(i, set: set)) : enter(.painDuring(i, minutes: plan.exercises[i].dose.minutes))
    }

    private mutating func timerDone(cancelled elapsed: Int?) -> [Action] {
        switch state {
        case .holding(let i, let set, let rep):
            if let elapsed { summary.seconds += elapsed; return confirmStop(resume: state) }
            summary.seconds += plan.exercises[i].dose.holdSeconds ?? 0
            return rep < max(1, plan.exercises[i].dose.reps ?? 1) ? enter(.holding(i, set: set, rep: rep + 1)) : endOfSet(i, set)
        case .resting(let i, let set):
            if let elapsed { summary.seconds += elapsed; return confirmStop(resume: state) }
            summary.seconds += plan.exercises[i].dose.restSeconds ?? plan.defaultRestSeconds
            return plan.exercises[i].dose.holdSeconds != nil ? enter(.holding(i, set: set + 1, rep: 1)) : enter(.setPrompt(i, set: set + 1))
        case .walking(let i):
            let planned = (plan.exercises[i].dose.minutes ?? 1) * 60
            let walked = elapsed ?? planned
            summary.seconds += walked
            // Minutes walked, rounded to the nearest minute, at least one: what the journal gets.
            let minutes = max(1, (walked + 30) / 60)
            var out: [Action] = []
            if elapsed != nil { out.append(.show("Walk ended after \(minutes) min.")) }
            return out + enter(.painDuring(i, minutes: minutes))
        default:
            return []
        }
    }

    private mutating func confirmStop(resume: State) -> [Action] {
        if case .confirmStop = resume { return enter(resume) }
        return enter(.confirmStop(resume: resume))
    }

    private mutating func stop(because reason: String) -> [Action] {
        summary.stoppedBecause = summary.stoppedBecause ?? reason
        markRemainingSkipped(after: currentExercise, reason: "not reached: \(reason)")
        return finish()
    }

    private var currentExercise: Int? {
        switch state {
        case .intro(let i), .setPrompt(let i, _), .holding(let i, _, _), .resting(let i, _), .walking(let i), .painDuring(let i, _): return i
        case .confirmStop(let s), .paused(let s):
            switch s {
            case .intro(let i), .setPrompt(let i, _), .holding(let i, _, _), .resting(let i, _), .walking(let i), .painDuring(let i, _): return i
            default: return nil
            }
        default: return nil
        }
    }

    private mutating func markRemainingSkipped(after i: Int?, reason: String) {
        guard painBefore != nil else { return }
        let from = i ?? plan.exercises.count
        let done = Set(summary.done.map(\.name) + summary.skipped.map(\.name))
        for e in plan.exercises.dropFirst(from) where !done.contains(e.name) { summary.skipped.append((e.name, reason)) }
    }

    private mutating func finish() -> [Action] {
        state = .done
        var out: [Action] = []
        if let before = painBefore { out.append(.recordPain(before: before, after: summary.painAfter)) }
        summary.painBefore = painBefore
        return out + [.finish(summary)]
    }

    // MARK: answers

    private mutating func answered(_ text: String) -> [Action] {
        let lower = text.lowercased()
        let word = lower.split(separator: " ").first.map(String.init) ?? ""
        switch state {
        case .anyFlags:
            if ["y", "yes"].contains(lower) { return enter(.whichFlags) }
            if ["", "n", "no"].contains(lower) { return enter(.painNow) }
            return [.show("Type y if you have any of these signs today, or press Enter for no.")] + enter(.anyFlags)
        case .whichFlags:
            guard !text.isEmpty else { return enter(.whichFlags) }
            state = .flagging
            return [.reportFlags(text)]
        case .painNow:
            if word == "stop" { return finish() }
            guard let n = Int(text), (0...10).contains(n) else { return [.show("Type your pain as a number from 0 to 10.")] + enter(.painNow) }
            painBefore = n
            if let rule = PainStop.firing(sessionRules, painBefore: nil, peak: n) {
                summary.stoppedBecause = "pain \(n) meets '\(rule.rule.text)'"
                markRemainingSkipped(after: 0, reason: "not started: pain too high")
                return [.show("Your pain is \(n): your program says '\(rule.rule.text)'. No exercises today; rest, and call your "
                              + "therapist if it does not settle.")] + finish()
            }
            if plan.exercises.isEmpty { return [.show("Nothing is due today.")] + enter(.painAfter) }
            return begin(0)
        case .painAfter:
            guard let n = Int(text), (0...10).contains(n) else { return [.show("Type your pain as a number from 0 to 10.")] + enter(.painAfter) }
            summary.painAfter = n
            return finish()
        case .painDuring(let i, let minutes):
            guard let n = Int(text), (0...10).contains(n) else {
                return [.show("Type your pain as a number from 0 to 10.")] + enter(state)
            }
            return completed(i, pain: n, minutes: minutes)
        case .confirmStop(let resume):
            if ["y", "yes"].contains(lower) { state = resume; return stop(because: "you stopped it") }
            return enter(resume)
        case .paused(let resume):
            if ["", "resume", "r"].contains(lower) { return enter(resume) }
            if word == "stop" { state = resume; return stop(because: "you stopped it") }
            return enter(state)
        case .intro(let i), .setPrompt(let i, _):
            return step(i, word: word, rest: String(text.dropFirst(word.count)).trimmingSpaces)
        case .idle, .flagging, .holding, .resting, .walking, .done:
            return []
        }
    }

    /// The words at an exercise's prompts: Enter, skip, back, repeat, pause, stop, help.
    private mutating func step(_ i: Int, word: String, rest: String) -> [Action] {
        switch word {
        case "":
            switch state {
            case .intro: return startExercise(i)
            case .setPrompt(_, let set): return endOfSet(i, set)
            default: return []
            }
        case "skip":
            summary.skipped.append((plan.exercises[i].name, rest.isEmpty ? "skipped" : rest))
            return begin(i + 1)
        case "back":
            if case .setPrompt(_, let set) = state, set > 1 { return enter(.setPrompt(i, set: set - 1)) }
            return i > 0 ? begin(i - 1) : begin(i)
        case "repeat":
            if case .setPrompt = state { return enter(state) }
            return begin(i)
        case "pause": return enter(.paused(resume: state))
        case "stop": return stop(because: "you stopped it")
        case "help": return [.show(SessionMachine.words)] + enter(state)
        default:
            return [.show("Press Enter when done, or type skip, back, repeat, pause, stop or help.")] + enter(state)
        }
    }

    private mutating func completed(_ i: Int, pain: Int, minutes: Int?) -> [Action] {
        let e = plan.exercises[i]
        let d = e.dose
        let log = ExerciseLog(exercise: e.id, sets: e.isTimedBout ? nil : d.sets, reps: e.isTimedBout ? nil : d.reps,
                              holdSeconds: d.holdSeconds, minutes: minutes ?? d.minutes, pain: pain, completed: true)
        summary.done.append((e.name, (minutes.map { "\($0) min" } ?? d.text) + ", pain \(pain)"))
        var out: [Action] = [.record(log, painBefore: painBefore)]
        if let rule = PainStop.firing(e.painRules, painBefore: painBefore, peak: pain) {
            let rise = painBefore.map { "pain went from \($0) to \(pain)" } ?? "pain reached \(pain)"
            summary.stoppedBecause = "\(rise) during \(e.name), which meets '\(rule.rule.text)'"
            markRemainingSkipped(after: i + 1, reason: "stopped by a pain rule")
            out.append(.show("Stop here for today: \(rise) during \(e.name), and your program says '\(rule.rule.text)'"
                             + (rule.source.map { " (\($0))" } ?? "") + ". Next time it is backed off to a smaller dose."
                             + " If the pain does not settle by tomorrow morning, call your therapist."))
            return out + enter(.painAfter)
        }
        return out + begin(i + 1)
    }
}
