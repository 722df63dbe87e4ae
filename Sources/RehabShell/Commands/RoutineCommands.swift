import RehabCore

extension Command {
    static let routines = Command(
        "routines", group: .today, usage: "routines",
        summary: "The transfer and positioning routines of your program: allowed now, and those not yet with the date.",
        example: "routines"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        let a = shell.assessment(v)
        if let advice = a.emergencyAdvice { shell.say(shell.style(advice, "1;31")); return }
        let verdicts = a.routineVerdicts
        guard !verdicts.isEmpty else { shell.say("Your program teaches no transfer routines."); return }
        let name = { (id: String) in v.program.routine(id)?.name ?? id }
        let now = verdicts.filter(\.allowed), later = verdicts.filter { !$0.allowed }
        if !now.isEmpty {
            shell.say("Allowed now:")
            for r in now { shell.say("  • \(r.id) — \(name(r.id))") }
        }
        if !later.isEmpty {
            shell.say("Not yet:")
            for r in later { shell.say("  • \(r.id) — \(name(r.id)): \(RoutineWalk.why(r))") }
        }
        shell.say("Type 'routine NAME' to be walked through one step at a time, "
                  + "or 'routine NAME --print' for all steps at once.")
    }

    static let routine = Command(
        "routine", group: .today, usage: "routine NAME|WORDS [--print]",
        summary: "Walks you through a transfer (out of bed, into a car…) one step per Enter; --print shows all steps.",
        example: "routine get out of bed", arguments: .from(.routines), options: ["print"]
    ) { shell, args throws(CommandError) in
        guard !args.words.isEmpty else {
            throw .usage("routine needs a name; type 'routines' to list them, or for example 'routine get out of bed'.")
        }
        let v = try shell.patientView()
        let a = shell.assessment(v)
        let r = try RoutineWalk.find(args.words, in: v.program, shell: shell)
        if let advice = a.emergencyAdvice {
            shell.say(shell.style(advice, "1;31"))
            throw .failed("the routine was not shown: no coaching is given while an emergency is open.")
        }
        let verdict = a.routine(r.id)
        guard verdict.allowed else { throw RoutineWalk.refusal(r, verdict, a) }
        let text = RoutineText(shell: shell)
        guard !args.flag("print"), let ask = shell.ask else {
            shell.console.write(text.handout(r))
            return
        }
        if RoutineWalk(shell: shell, routine: r, ask: ask).run() {
            // A finished routine is practice the therapist sees; the machine counts it neither as exercise nor for gates.
            try shell.append(.sessionLogged(SessionRecord(on: shell.settings.today, exercises: [ExerciseLog(exercise: r.id)])),
                             to: v.name)
            shell.say("Logged: \(r.name) practised today.")
        }
    }
}

/// One routine walked through at the prompt: one step per Enter, with `back`, `repeat` and `stop`.
///
/// `run` answers whether the routine was walked to its end, so the command logs it then (a session holding only the
/// routine's id, with no pain score: the progression machine counts it neither for a gate nor as the day's first score).
struct RoutineWalk {
    let shell: Shell
    let routine: Routine
    let ask: (String) -> LineInput

    static let stepPrompt = "Enter for the next step, or type back, repeat or stop: "

    @discardableResult
    func run() -> Bool {
        let text = RoutineText(shell: shell)
        shell.say(text.title(routine))
        shell.console.write(text.warnings(routine))
        shell.console.write(text.cues(routine))
        guard !routine.steps.isEmpty else { shell.say("This routine has no steps written; ask your therapist."); return false }
        var i = 0
        shell.say(text.step(routine, i))
        while true {
            let answer: String
            switch ask(RoutineWalk.stepPrompt) {
            case .line(let l): answer = l.trimmingSpaces.lowercased()
            case .interrupted, .end: answer = "stop"
            }
            switch answer {
            case "", "next", "n", "done":
                i += 1
                if i == routine.steps.count {
                    shell.say("Done: \(routine.name). Well done; move this way every time "
                              + "until your surgeon says otherwise.")
                    return true
                }
                shell.say(text.step(routine, i))
            case "back", "b", "previous":
                if i == 0 { shell.say("This is the first step.") } else { i -= 1 }
                shell.say(text.step(routine, i))
            case "repeat", "r", "again":
                shell.say(text.step(routine, i))
            case "stop", "s", "quit", "q":
                shell.say("Stopped at step \(i + 1) of \(routine.steps.count) of \(routine.name).")
                return false
            default:
                shell.say("'\(answer)' is not a step command; press Enter for the next step, or type back, repeat or stop.")
            }
        }
    }

    /// The routine the words name, or a usage error that lists the candidates.
    static func find(_ words: [String], in program: Program, shell: Shell) throws(CommandError) -> Routine {
        let typed = words.joined(separator: " ")
        switch program.routineMatching(words) {
        case .found(let r): return r
        case .unclear(let list):
            shell.say("'\(typed)' fits several routines:")
            for r in list { shell.say("  • \(r.id) — \(r.name)") }
            throw .usage("'\(typed)' fits several routines; type one of them, for example 'routine \(list[0].id)'.")
        case .none(let closest):
            let hint = closest.first.map { "for example 'routine \($0.id)'" } ?? "for example 'routine get out of bed'"
            throw .usage("no routine of your program matches '\(typed)'; type 'routines' to list them, or \(hint).")
        }
    }

    /// Why a routine is not allowed yet, with the date and condition.
    static func why(_ v: Verdict) -> String {
        var out = v.reason.hasSuffix(".") ? String(v.reason.dropLast()) : v.reason
        if let on = v.changesOn { out += ", from \(on)" }
        if let when = v.changesWhen, !when.isEmpty { out += (v.changesOn == nil ? ", " : " ") + "when \(when)" }
        return out + "."
    }

    /// The refusal of a routine the current rules forbid, naming what to do instead.
    static func refusal(_ r: Routine, _ v: Verdict, _ a: Assessment) -> CommandError {
        let alternatives = a.routineAlternatives(to: r.id)
        let reason = String(why(v).dropLast())
        let instead = alternatives.isEmpty ? "; ask your therapist what to do instead."
            : "; for now type "
                + alternatives.map { "'routine \($0.id)' (\($0.name.lowercased()))" }.joined(separator: " or ") + "."
        return .failed(reason + instead)
    }
}
