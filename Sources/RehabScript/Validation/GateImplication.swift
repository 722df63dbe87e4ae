import RehabCore

/// Whether a prescription's gate can only hold once a restriction's release condition holds
/// (`bridges … from week 12` under `no bending until week 12`). Conservative: when in doubt, no.
enum GateImplication {
    static func implies(_ gate: Condition, _ release: Condition) -> Bool {
        // Every way the gate can open must release the restriction.
        if case .any(let gs) = gate { return gs.allSatisfy { implies($0, release) } }
        if case .all(let us) = release { return us.allSatisfy { implies(gate, $0) } }
        if case .any(let us) = release { return us.contains { implies(gate, $0) } }
        if case .all(let gs) = gate { return gs.contains { implies($0, release) } }
        switch (gate, release) {
        case (.at(let g), .at(let r)):
            let surgery = ExpectationRunner.surgery
            return g.date(surgery: surgery) >= r.date(surgery: surgery)
        case (.cleared(let g), .cleared(let r)): return g == r
        case (.phase(let g), .phase(let r)): return g == r
        default: return false
        }
    }
}
