/// A prescription's own gate (`bridges 2 x 10 from week 8`, `… when cleared stabilization`): until it holds,
/// the item is "not yet", so it is not due, not in a guided session, and logging it is refused.
extension Assessment {
    /// What a prescription's gate is judged against today: the same facts as a restriction's release.
    var gateFacts: Release.Facts {
        let machine = self.machine, day = date, state = self.state, program = self.program
        return Release.Facts(surgery: surgery, day: day, isCleared: { machine.isCleared($0, on: day) },
                             reached: { id in
                                 if state == .completed { return true }
                                 guard let current = state.phaseIndex, let target = program.phaseIndex(id) else {
                                     return false
                                 }
                                 return target <= current
                             },
                             phaseName: { program.phaseIndex($0).map { program.phases[$0].name } ?? $0 },
                             clearanceWords: { program.clearanceWords($0) })
    }

    /// Whether a prescription's own gate holds today (an item with no gate always does).
    public func gateHolds(_ p: Prescription) -> Bool {
        guard let gate = p.gate else { return true }
        return Release.holds(gate, gateFacts)
    }

    /// "not yet: Bridges is part of phase 'Strength' from week 8 (2026-12-14)." — nil when the gate holds.
    func gateVerdict(_ p: Prescription, id: String, name: String, phase: Phase) -> Verdict? {
        guard let gate = p.gate else { return nil }
        let facts = gateFacts
        guard !Release.holds(gate, facts) else { return nil }
        let release = Release.of(gate, facts)
        return Verdict(id: id, allowed: false,
                       reason: "not yet: \(name) is part of phase '\(phase.name)' \(Assessment.gateWords(gate, facts)).",
                       changesOn: release.on, changesWhen: release.when, source: p.source)
    }

    /// `from week 8 (2026-12-14)`, `when your surgeon or therapist clears stabilization`; parts already met left out.
    static func gateWords(_ c: Condition, _ facts: Release.Facts) -> String {
        switch c {
        case .at(let p): return "from \(p.text) (\(p.date(surgery: facts.surgery)))"
        case .cleared(let t): return "when your surgeon or therapist clears \(t)"
        case .phase(let p): return "once you reach phase '\(facts.phaseName(p))'"
        case .all(let cs):
            let open = cs.filter { !Release.holds($0, facts) }
            return (open.isEmpty ? cs : open).map { gateWords($0, facts) }.joined(separator: " and ")
        case .any(let cs):
            return cs.map { gateWords($0, facts) }.joined(separator: " or ")
        }
    }
}
