import RehabCore
import RehabScript

extension Command {
    static let start = Command(
        "start", group: .today, usage: "start [--quick]",
        summary: "Today's guided session: a red-flag check, your pain, each exercise step by step with timers, then a summary.",
        example: "start", options: ["quick"]
    ) { shell, args throws(CommandError) in
        try GuidedSession(shell: shell).run(quick: args.flag("quick"))
    }
}

/// Carries out the session machine's actions: questions through `shell.ask`, timers on the shell's clock, and a
/// journal write for every exercise the moment it is completed.
struct GuidedSession {
    let shell: Shell

    func run(quick: Bool) throws(CommandError) {
        let v = try shell.patientView()
        let a = shell.assessment(v)
        if let advice = a.emergencyAdvice {
            shell.say(shell.style(advice, "1;31"))
            throw .failed("no session while an emergency is open.")
        }
        guard let ask = shell.ask else {
            throw .usage("the guided session needs you at a terminal to answer its questions; in a script, record a session "
                         + "with 'log pain N after M EXERCISE…'.")
        }
        guard a.state.phaseIndex != nil else { throw .usage("your program has not started yet, so nothing is due; type 'status' to see why.") }
        var plan = Self.plan(a, record: v.record, quick: quick)
        var continuing = false
        let progressKey = "session-in-progress/\(v.name)"
        let partial = Self.unfinished(try shell.withJournal { try $0.setting(progressKey) }, on: a.date)
        if !partial.isEmpty {
            let names = partial.map { v.program.exercise($0)?.name ?? $0 }
            shell.say("Your session earlier today stopped after \(names.joined(separator: ", ")).")
            if case .line(let answer) = ask("Continue with the rest? [Y/n] "), ["n", "no"].contains(answer.trimmingSpaces.lowercased()) {
                // A new session from the top.
            } else {
                continuing = true
                let reading = plan.reading
                plan = SessionPlan(warningSigns: plan.warningSigns, exercises: plan.exercises.filter { !partial.contains($0.id) },
                                   defaultRestSeconds: plan.defaultRestSeconds, quick: plan.quick)
                plan.reading = reading
            }
        }
        if a.isOnHold, !a.holds.isEmpty {
            shell.say("You are on hold (\(a.holds.map(\.description).joined(separator: "; "))): today's session keeps only what your "
                      + "program allows during it.")
        }
        shell.say("Words you can type at any step: \(SessionMachine.words). Ctrl-C stops a timer.")
        // What this session has completed, kept as it goes, so a session cut short can be continued today.
        var progress = continuing ? partial : []
        try shell.withJournal { try $0.setSetting(progressKey, ([a.date.iso] + progress).joined(separator: " ")) }
        var machine = SessionMachine(plan: plan, sessionRules: v.program.painRules)
        var queue = machine.handle(.start)
        while !queue.isEmpty {
            let action = queue.removeFirst()
            if case .record(let log, _) = action { progress.append(log.exercise) }
            let event = try perform(action, view: v, ask: ask)
            if case .record = action {
                let value = ([a.date.iso] + progress).joined(separator: " ")
                try shell.withJournal { try $0.setSetting(progressKey, value) }
            }
            if machine.isFinished, queue.isEmpty { try shell.withJournal { try $0.setSetting(progressKey, "") } }
            guard let event else { continue }
            queue += machine.handle(event)
        }
        closing(v)
    }

    /// Carries out one action; returns the event it produced, if any.
    private func perform(_ action: SessionMachine.Action, view v: Shell.PatientView,
                         ask: (String) -> LineInput) throws(CommandError) -> SessionMachine.Event? {
        switch action {
        case .show(let text):
            shell.say(text)
            return nil
        case .ask(_, let prompt):
            switch ask(prompt) {
            case .line(let text): return .answered(text)
            case .interrupted: return .interrupted
            case .end: return .ended
            }
        case .countdown(let seconds, let label, let endsEarly):
            return timer(seconds: seconds, label: label, endsOnEnter: endsEarly)
        case .record(let log, let before):
            try shell.append(.sessionLogged(SessionRecord(on: shell.settings.today, painBefore: before, exercises: [log])), to: v.name)
            return nil
        case .recordPain(let before, let after):
            try shell.append(.sessionLogged(SessionRecord(on: shell.settings.today, painBefore: before, painAfter: after)), to: v.name)
            return nil
        case .reportFlags(let words):
            let reporting = FlagReporting(shell: shell, view: v)
            try reporting.record(try reporting.choose(words), words: words, note: nil)
            return .flagsRecorded
        case .finish(let summary):
            shell.console.write(Self.render(summary))
            return nil
        }
    }

    /// A countdown on the shell's clock, redrawn in place on a terminal; Ctrl-C cancels it.
    /// A walk (`endsOnEnter`) also ends when the patient presses Enter.
    private func timer(seconds: Int, label: String, endsOnEnter: Bool) -> SessionMachine.Event {
        let live = shell.settings.interactive
        shell.say("\(label): \(seconds) s")
        var elapsed = 0
        while elapsed < seconds {
            let waited = endsOnEnter ? shell.clock.waitOrEnter(seconds: 1) : (shell.clock.wait(seconds: 1) ? .finished : .interrupted)
            guard waited == .finished else {
                if live { shell.console.write("\n") }
                return .countdownCancelled(elapsed: elapsed)
            }
            elapsed += 1
            if live {
                shell.console.write(StyleMarker.carriageReturn + Countdown.bar(left: seconds - elapsed, of: seconds) + StyleMarker.eraseLine)
            }
        }
        if live { shell.console.write(StyleMarker.carriageReturn + StyleMarker.eraseLine) }
        return .countdownFinished
    }

    private func closing(_ v: Shell.PatientView) {
        guard let after = try? shell.patientView() else { return }
        let a = shell.assessment(after)
        if a.holds.contains(where: { $0.reason == Hold.pain }) {
            shell.say(shell.style("Your pain reached your program's hold level: you are on hold.", "1;31")
                      + " Rest, and contact your surgeon or therapist. When it settles and they agree, type 'resolve pain'.")
        }
        let left = StatusText.dueToday(a, record: after.record).filter { ($0.remainingToday ?? 0) > 0 }
        if !left.isEmpty { shell.say("Still due today: " + left.map { $0.progress.isEmpty ? $0.name : "\($0.name) (\($0.progress))" }.joined(separator: ", ") + ".") }
        if let next = a.unlocks.first { shell.say("Next: \(next.what)" + (next.on.map { " on \($0)" } ?? "") + ".") }
    }

    // MARK: the plan

    /// Today's allowed prescriptions not yet done today, in the program's order, each with its dose this week.
    static func plan(_ a: Assessment, record: PatientRecord, quick: Bool) -> SessionPlan {
        let program = a.program
        var exercises: [PlannedExercise] = []
        for due in StatusText.dueToday(a, record: record) where due.remainingToday != 0 {
            guard let p = a.phase?.prescriptions.first(where: { p in
                p.isLadder ? (program.ladder(p.exercise)?.rungs.contains(due.id) ?? false) : p.exercise == due.id
            }) else { continue }
            let ex = program.exercise(due.id)
            exercises.append(PlannedExercise(id: due.id, name: due.name, steps: ex?.steps ?? [], cues: ex?.cues ?? [],
                                             stopIf: ex?.stopIf ?? [], dose: a.dose(of: p, exercise: due.id),
                                             backedOff: a.machine.backOffs[due.id] != nil,
                                             painRules: PainStop.rules(for: due.id, in: program)))
        }
        // The warning signs to call about now: emergency and urgent flags, so the screen stays short enough for every day.
        let signs = program.redFlags.filter { $0.severity != .soon }.sorted { $0.severity < $1.severity }.map(\.description)
        // Rest between sets: "taking a rest after each set of 10 reps" (Sydney Brain & Spine,
        // https://www.sydneybrainandspine.com/post-spinal-lumbar-surgery-exercises-core-strengthening/); 30 s when the dose names none.
        var plan = SessionPlan(warningSigns: signs, exercises: exercises, defaultRestSeconds: 30, quick: quick)
        let (reading, therapist) = PhaseExtrasText.lines(a)
        plan.reading = reading + therapist.map { "\($0): ask them which exercise and dose" }
        return plan
    }

    /// The exercises a guided session completed today before it was cut short (the journal keeps
    /// "DAY ID ID…" while a session runs, and clears it at the end).
    static func unfinished(_ value: String?, on day: CalendarDay) -> [String] {
        let words = (value ?? "").split(separator: " ").map(String.init)
        guard words.first == day.iso else { return [] }
        return Array(words.dropFirst())
    }

    static func render(_ s: SessionSummaryText) -> String {
        var out = "\nSession summary:\n"
        if !s.done.isEmpty { out += "  Done: " + s.done.map { "\($0.name) (\($0.detail))" }.joined(separator: "; ") + "\n" }
        if !s.skipped.isEmpty { out += "  Skipped: " + s.skipped.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ") + "\n" }
        if let why = s.stoppedBecause { out += "  Ended early: \(why).\n" }
        out += "  Time on timers: \(s.seconds / 60) min \(s.seconds % 60) s\n"
        if let b = s.painBefore { out += "  Pain: \(b) before" + (s.painAfter.map { ", \($0) after" } ?? "") + "\n" }
        return out
    }
}
