import RehabCore
import RehabScript

extension Command {
    static let log = Command(
        "log", group: .today, usage: "log pain N [after M] [EXERCISE…] [--anyway]",
        summary: "Log a session: pain before (and after), and the exercises you did. Pain rules act at once.",
        example: "log pain 3 after 4 walking ankle-pumps",
        arguments: .words(["pain"], then: .end), options: [.value("note", "TEXT"), "anyway"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        var words = args.words
        guard words.first == "pain", words.count >= 2, let before = Int(words[1]), (0...10).contains(before) else {
            throw .usage("type 'log pain N' with your pain from 0 to 10, for example 'log pain 3 after 4 walking'.")
        }
        words.removeFirst(2)
        var after: Int?
        if words.first == "after" {
            guard words.count >= 2, let n = Int(words[1]), (0...10).contains(n) else { throw .usage("pain after is a number from 0 to 10, as in 'after 4'.") }
            after = n; words.removeFirst(2)
        }
        for id in words where v.program.exercise(id) == nil {
            throw Question.unknown("exercise", id, v.program.exercises.map(\.id))
        }
        try SessionLogging(shell: shell, view: v).log(before: before, after: after, exercises: words.uniqued,
                                                      anyway: args.flag("anyway"), note: args.option("note"))
    }
}

/// Records a logged session and carries out the program's rules at that moment: an exercise done against the
/// rules is never recorded silently, and a pain rule that fires says stop and backs the exercise off.
struct SessionLogging {
    let shell: Shell
    let view: Shell.PatientView

    func log(before: Int, after: Int?, exercises: [String], anyway: Bool, note: String?) throws(CommandError) {
        let program = view.program
        func name(_ id: String) -> String { program.exercise(id)?.name ?? id }
        let a = shell.assessment(view)
        if !exercises.isEmpty, let advice = a.emergencyAdvice {
            shell.say(shell.style(advice, "1;31"))
            throw .failed("nothing was logged: no exercise is coached while an emergency is open.")
        }
        var against = exercises.compactMap { id -> AgainstRules? in
            let verdict = a.exercise(id, record: view.record)
            if verdict.notPrescribed, verdict.allowed || verdict.qualifier == .askFirst {
                return AgainstRules(exercise: id,
                                    reason: "no phase of your program prescribes it; ask your therapist before adding it.")
            }
            return verdict.allowed ? nil : AgainstRules(exercise: id, reason: verdict.reason)
        }
        var done = exercises
        if !against.isEmpty, !anyway {
            let first = against[0]
            guard let ask = shell.ask else {
                throw .usage("\(name(first.exercise)) is not allowed now: \(first.reason) Nothing was logged; if you did it anyway, "
                             + "run the same command with --anyway to record it, marked as done against your program's rules.")
            }
            shell.say("Not allowed now:")
            for x in against { shell.say("  • \(name(x.exercise)): \(x.reason)") }
            if case .line(let answer) = ask("Record it anyway, marked as done against your program's rules? [y/N] "),
               ["y", "yes"].contains(answer.trimmingSpaces.lowercased()) {
                // Kept, and marked.
            } else {
                done.removeAll { id in against.contains { $0.exercise == id } }
                shell.say("Not recorded: \(against.map { name($0.exercise) }.joined(separator: ", ")).")
                // The pain score is still worth keeping without them.
                against = []
            }
        }
        let session = SessionRecord(on: shell.settings.today, painBefore: before, painAfter: after,
                                    exercises: done.map { ExerciseLog(exercise: $0) }, note: note, againstRules: against)
        try shell.append(.sessionLogged(session), to: view.name)
        var line = "Logged: pain \(before)" + (after.map { " → \($0)" } ?? "") + (done.isEmpty ? "" : ", \(done.map(name).joined(separator: ", "))") + "."
        if !against.isEmpty {
            line += " Marked as done against your program's rules: \(against.map { name($0.exercise) }.joined(separator: ", "))."
        }
        shell.say(line)
        let updated = try shell.patientView()
        let now = shell.assessment(updated)
        say(rulesFired: session, before: a, after: now, view: updated)
        if let advice = now.emergencyAdvice { shell.say(shell.style(advice, "1;31")) }
    }

    /// What the pain rules did with this session: stop and back off, the next-morning rule, recovery, a hold.
    private func say(rulesFired s: SessionRecord, before: Assessment, after: Assessment, view v: Shell.PatientView) {
        let program = v.program
        func name(_ id: String) -> String { program.exercise(id)?.name ?? id }
        let today = s.on
        let fresh = after.machine.backOffs.values.filter { $0.since == today && before.machine.backOffs[$0.exercise]?.since != today }
        // Every exercise a stop rule fired on now, backed off now or still from an earlier stop.
        let fromRules = s.exercises.map(\.exercise).uniqued.compactMap { id -> BackOff? in
            guard let rule = PainStop.firing(PainStop.rules(for: id, in: program), painBefore: s.painBefore, peak: s.peakPain),
                  let b = after.machine.backOffs[id] else { return nil }
            return BackOff(exercise: id, since: b.since, cause: .rule(rule, painBefore: s.painBefore, peak: s.peakPain ?? 0), usual: b.usual)
        }
        let nextDay = fresh.filter { if case .nextDay = $0.cause { return true } else { return false } }.sorted { $0.exercise < $1.exercise }
        // A stop rule can fire on a session with no exercise named; it still means stop.
        let sessionStop = s.exercises.isEmpty ? PainStop.firing(program.painRules, painBefore: s.painBefore, peak: s.peakPain) : nil
        if let first = fromRules.first ?? sessionStop.map({ BackOff(exercise: "", since: today, cause: .rule($0, painBefore: s.painBefore,
                                                                                                         peak: s.peakPain ?? 0), usual: s.painBefore ?? 0) }) {
            shell.say(shell.style("Stop for today.", "1;31") + " Your program says so: \(first.reason).")
            if let src = ruleSource(first), let text = programLine(src, v) { shell.say("  \(src.file):\(src.line):  \(text)") }
            for b in fromRules { shell.say("  Next time: " + nextTime(b, after, v)) }
            shell.say("Rest now. If the pain has not settled by tomorrow morning, or this keeps happening, call your therapist.")
        }
        if !nextDay.isEmpty, case .nextDay(let pain, let usual) = nextDay[0].cause {
            shell.say("Your pain this morning (\(pain)) is above your usual (\(usual)): pain after exercise should settle within 24 hours. "
                      + "Yesterday's \(nextDay.map { name($0.exercise) }.joined(separator: ", ")) "
                      + (nextDay.count == 1 ? "is" : "are") + " backed off:")
            for b in nextDay { shell.say("  " + nextTime(b, after, v)) }
        }
        let recovered = s.exercises.map(\.exercise).filter { before.machine.backOffs[$0] != nil && after.machine.backOffs[$0] == nil }
        if !recovered.isEmpty {
            shell.say("Your pain has settled: back to the usual dose of \(recovered.map(name).joined(separator: ", ")).")
        }
        if after.holds.contains(where: { $0.reason == Hold.pain }), !before.holds.contains(where: { $0.reason == Hold.pain }) {
            shell.say(shell.style("Your pain reached your program's hold level: you are on hold.", "1;31")
                      + " Rest, and contact your surgeon or therapist. When it settles and they agree, type 'resolve pain'.")
        }
    }

    /// "walking: 7 min, 3 times a day (instead of 14 min, …) until a session leaves your pain at 3 or less."
    private func nextTime(_ b: BackOff, _ a: Assessment, _ v: Shell.PatientView) -> String {
        let name = v.program.exercise(b.exercise)?.name ?? b.exercise
        for p in a.phase?.prescriptions ?? [] where p.isLadder {
            guard let ladder = v.program.ladder(p.exercise), ladder.rungs.contains(b.exercise) else { continue }
            let rung = a.rung(of: ladder, record: v.record)
            if ladder.rungs[rung] != b.exercise {
                let lower = v.program.exercise(ladder.rungs[rung])?.name ?? ladder.rungs[rung]
                return "\(name): go back one step of the \(ladder.name) ladder, to '\(lower)'."
            }
        }
        let verdict = a.exercise(b.exercise, record: v.record)
        if let p = a.phase?.prescriptions.first(where: { $0.exercise == b.exercise }) {
            return "\(name): " + a.dose(of: p, exercise: b.exercise).text + ", with no increase, until a session of it leaves your pain at \(b.usual) or less."
        }
        return "\(name): " + verdict.reason
    }

    private func ruleSource(_ b: BackOff) -> SourceRef? {
        if case .rule(let statement, _, _) = b.cause { return statement.source }
        return nil
    }

    private func programLine(_ src: SourceRef, _ v: Shell.PatientView) -> String? {
        guard let text = v.record.program?.files[src.file] else { return nil }
        return DiagnosticRenderer.line(src.line, of: text).map { String($0).trimmingSpaces }
    }
}
