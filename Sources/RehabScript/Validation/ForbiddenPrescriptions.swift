import RehabCore

/// A phase that prescribes an exercise its own restrictions forbid (a 20 lb carry under a 10 lb
/// limit, a rotation under no-twisting): an error that names both lines.
enum ForbiddenPrescriptions {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let exercises = Dictionary(program.exercises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ladders = Dictionary(program.ladders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, phase) in program.phases.enumerated() {
            let rules = Validator.restrictionsAtStart(of: i, in: program)
            for rx in phase.prescriptions {
                // Alternatives: one position left open is enough; every one ruled out at the start is an error.
                let bans = rx.alternatives.compactMap { p in rules.first { $0.rule == .no(p.activity) } }
                if !rx.alternatives.isEmpty, bans.count == rx.alternatives.count, let first = bans.first {
                    let words = rx.alternatives.map(\.rawValue).joined(separator: " or ")
                    out.append(.error("forbidden-prescription",
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
                        if let conflict = ex.loads.conflict(with: r.rule) {
                            out.append(.error("forbidden-prescription",
                                              "phase '\(phase.id)' prescribes '\(id)', but \(conflict) and '\(r.rule.text)' is in force at \(phase.start.text)",
                                              at: Validator.here(rx.source, program), length: rx.exercise.count,
                                              notes: r.source.map { [.init("the restriction is here", at: $0)] } ?? [],
                                              hint: "move it to a later phase, or choose an easier exercise"))
                            break
                        }
                        if case .sitAtMost(let limit) = r.rule, ex.position == .sitting, let m = rx.dose.minutes, m > limit {
                            out.append(.error("forbidden-prescription",
                                              "phase '\(phase.id)' prescribes \(m) min of '\(id)' sitting, over the \(limit)-minute sitting limit",
                                              at: Validator.here(rx.source, program), length: rx.exercise.count,
                                              notes: r.source.map { [.init("the sitting limit is here", at: $0)] } ?? []))
                            break
                        }
                    }
                }
            }
        }
        return out
    }
}
