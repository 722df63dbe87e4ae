import RehabCore

extension Command {
    static let show = Command(
        "show", group: .today, usage: "show EXERCISE",
        summary: "How to do one exercise: its steps, cues, when to stop, this week's dose, and whether it is allowed now.",
        example: "show ankle-pumps", arguments: .from(.exercises)
    ) { shell, args throws(CommandError) in
        guard !args.words.isEmpty else {
            throw .usage("show needs an exercise; type for example 'show ankle-pumps' ('allowed' lists them).")
        }
        let v = try shell.patientView()
        let a = shell.assessment(v)
        let ex = try ExerciseHowTo.find(args.words, in: v.program)
        if let advice = a.emergencyAdvice {
            shell.say(shell.style(advice, "1;31"))
            throw .failed("the exercise was not shown: no exercise is coached while an emergency is open.")
        }
        shell.console.write(ExerciseHowTo(shell: shell).render(ex, a, record: v.record))
    }
}

/// `show EXERCISE`: the how-to of one exercise, with the verdict first so nobody reads the steps of one not allowed.
struct ExerciseHowTo {
    let shell: Shell

    func render(_ ex: Exercise, _ a: Assessment, record: PatientRecord) -> String {
        let verdict = a.exercise(ex.id, record: record)
        var out = shell.style(ex.name, "1") + (ex.position.map { " (starts \($0.words))" } ?? "") + "\n"
        out += (verdict.allowed ? "Allowed now — " : "Not allowed now — ") + verdict.reason + "\n"
        if verdict.allowed, let dose = ExerciseHowTo.dose(of: ex.id, a, record: record) { out += "This week: \(dose)\n" }
        if !ex.steps.isEmpty {
            out += "Steps:\n" + ex.steps.enumerated().map { "  \($0.offset + 1). \($0.element)\n" }.joined()
        }
        if !ex.cues.isEmpty { out += "Keep in mind:\n" + ex.cues.map { "  • \($0)\n" }.joined() }
        let stops = ex.stopIf + ex.painRules.map { PainRuleText.sentence($0.rule) }
        if !stops.isEmpty { out += shell.style("Stop if:", "1;31") + "\n" + stops.map { "  ✗ \($0)\n" }.joined() }
        return out
    }

    /// This week's dose from the current phase's prescription (or its ladder's), with back-off applied.
    static func dose(of id: String, _ a: Assessment, record: PatientRecord) -> String? {
        guard let phase = a.phase else { return nil }
        let p = phase.prescriptions.first { !$0.isLadder && $0.exercise == id } ?? phase.prescriptions.first { p in
            guard p.isLadder, let ladder = a.program.ladder(p.exercise), !ladder.rungs.isEmpty else { return false }
            return ladder.rungs[min(a.rung(of: ladder, record: record), ladder.rungs.count - 1)] == id
        }
        guard let p else { return nil }
        let text = a.dose(of: p, exercise: id).text
        guard !text.isEmpty else { return nil }
        return text + (a.machine.backOffs[id] != nil ? " (backed off after a pain rule)" : "")
    }

    /// The exercise named by id, by its id's words (`show ankle pumps`) or by its name.
    static func find(_ words: [String], in program: Program) throws(CommandError) -> Exercise {
        let typed = words.joined(separator: " ").lowercased()
        let dashed = words.joined(separator: "-").lowercased()
        if let ex = program.exercises.first(where: { $0.id == dashed || $0.name.lowercased() == typed }) { return ex }
        let closest = Suggestion.closest(to: dashed, in: program.exercises.map(\.id))
        let hint = closest.map { " — did you mean '\($0)'?" } ?? "."
        throw .usage("your program has no exercise '\(words.joined(separator: " "))'\(hint) Type 'allowed' to see them.")
    }
}

/// A pain rule as a patient reads it.
enum PainRuleText {
    static func sentence(_ r: PainRule) -> String {
        switch r {
        case .stopAtOrAbove(let n): return "your pain reaches \(n) out of 10."
        case .stopOnRise(let n):
            return "your pain rises \(n) point\(n == 1 ? "" : "s") above where it was when you started."
        case .holdAtOrAbove(let n): return "your pain reaches \(n) out of 10 (then call your therapist)."
        }
    }
}
