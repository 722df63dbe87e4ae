import RehabCore

/// A phase that prescribes an exercise its own restrictions forbid (a 20 lb carry under a 10 lb
/// limit, a rotation under no-twisting): an error that names both lines.
enum ForbiddenPrescriptions {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let exercises = Dictionary(program.exercises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ladders = Dictionary(program.ladders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A carried item breaking the same restriction line in several later phases is reported once, at its line.
        var reportedCarried: Set<String> = []
        func repeated(_ rx: Prescription, _ id: String, _ r: Restriction) -> Bool {
            guard rx.carriedFrom != nil else { return false }
            let key = [rx.source?.description ?? "", id, r.source?.description ?? "", r.rule.text].joined(separator: " ")
            return !reportedCarried.insert(key).inserted
        }
        for (i, phase) in program.phases.enumerated() {
            let rules = Validator.restrictionsAtStart(of: i, in: program)
            for rx in phase.prescriptions {
                let carried = rx.carriedFrom.map { " (carried on from phase '\($0)')" } ?? ""
                // Alternatives: one position left open is enough; every one ruled out at the start is an error.
                let bans = rx.alternatives.compactMap { p in rules.first { $0.rule == .no(p.activity) } }
                if !rx.alternatives.isEmpty, bans.count == rx.alternatives.count, let first = bans.first {
                    let words = rx.alternatives.map(\.rawValue).joined(separator: " or ")
                    out.append(.error(.forbiddenPrescription,
                                      "phase '\(phase.id)' prescribes '\(rx.exercise)' \(words), "
                                          + "but every one of them is ruled out at \(phase.start.text)",
                                      at: Validator.here(rx.source, program), length: rx.exercise.count,
                                      notes: first.source.map { [.init("the restriction is here", at: $0)] } ?? [],
                                      hint: "add a position that is allowed, or move it to a later phase"))
                    continue
                }
                let ids = rx.isLadder ? (ladders[rx.exercise]?.rungs ?? []) : [rx.exercise]
                for id in ids {
                    guard let ex = exercises[id] else { continue }
                    for r in rules {
                        // A gate that waits for the restriction's release makes the item safe (`from week 12`).
                        if let gate = rx.gate, let until = r.until, GateImplication.implies(gate, until) { continue }
                        if let conflict = ex.loads.conflict(with: r.rule) {
                            if repeated(rx, id, r) { break }
                            out.append(.error(.forbiddenPrescription,
                                              "phase '\(phase.id)' prescribes '\(id)'\(carried), but \(conflict) and '\(r.rule.text)' is in force at \(phase.start.text)",
                                              at: Validator.here(rx.source, program), length: rx.exercise.count,
                                              notes: r.source.map { [.init("the restriction is here", at: $0)] } ?? [],
                                              hint: hint(rx, r)))
                            break
                        }
                        // A dose over an amount in force on what the exercise is: sitting for a seated exercise,
                        // walking for `walking` (`walk at most 1 mi` against `walking 2 mi`).
                        if case .atMost(let activity, let cap) = r.rule,
                           activity == (ex.position == .sitting ? .sitting : Activity(id)),
                           let dose = rx.dose.amount(in: cap.dimension), cap.isExceeded(by: dose) {
                            if repeated(rx, id, r) { break }
                            let what = ex.position == .sitting && activity == .sitting ? " sitting" : ""
                            out.append(.error(.forbiddenPrescription,
                                              "phase '\(phase.id)' prescribes \(dose) of '\(id)'\(carried)\(what), over the "
                                                  + "'\(r.rule.text)' in force at \(phase.start.text)",
                                              at: Validator.here(rx.source, program), length: rx.exercise.count,
                                              notes: r.source.map { [.init("the limit is here", at: $0)] } ?? [],
                                              hint: "prescribe at most \(cap), or end the limit before this phase"))
                            break
                        }
                    }
                }
            }
        }
        return out
    }

    /// Says how a gate would fix it when the restriction has a release to wait for.
    private static func hint(_ rx: Prescription, _ r: Restriction) -> String {
        if rx.carriedFrom != nil {
            return "add 'stop \(rx.exercise)' to this phase, move it to a later phase, or choose an easier exercise"
        }
        guard let until = r.until else { return "move it to a later phase, or choose an easier exercise" }
        // The release written as the prescription's own gate: `from week 12`, `when cleared lifting`.
        var gated = Prescription(exercise: rx.exercise)
        gated.gate = until
        return "add a gate that waits for the restriction's release, as in '\(rx.exercise) … \(gated.gateSyntax ?? "")', "
            + "move it to a later phase, or choose an easier exercise"
    }
}

