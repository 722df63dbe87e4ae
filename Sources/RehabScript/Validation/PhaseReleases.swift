import RehabCore

/// A phase's restriction released by reaching that phase or an earlier one: it is over before it starts, so it
/// never applies; most often the wrong phase was named.
enum PhaseReleases {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, phase) in program.phases.enumerated() {
            for r in phase.restrictions {
                for id in r.until.map(releasingPhases) ?? [] {
                    guard let k = program.phaseIndex(id), k <= i else { continue }
                    let later = program.phases.dropFirst(i + 1).first.map { "a later phase, such as 'phase \($0.id)'" }
                    out.append(.warning(.phaseReleasePast,
                                        "'\(r.rule.text)' in phase '\(phase.id)' ends when the patient reaches phase '\(id)', "
                                            + "which is already reached, so it never applies",
                                        at: Validator.here(r.source, program),
                                        hint: "name \(later ?? "a later phase"), or drop 'until' to keep it for this phase"))
                }
            }
        }
        return out
    }

    /// Phases that release the condition on their own (`phase X`, or one side of an `or`); a phase joined by `and`
    /// needs the other part too, so it may still apply.
    static func releasingPhases(_ c: Condition) -> [String] {
        switch c {
        case .phase(let p): return [p]
        case .any(let cs): return cs.flatMap(releasingPhases)
        case .at, .cleared, .all: return []
        }
    }
}
