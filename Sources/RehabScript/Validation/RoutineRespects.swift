import RehabCore

/// A phase teaching a routine that was not written for a restriction in force then (a warning: the
/// steps may ask for a movement the patient must avoid).
enum RoutineRespects {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let routines = Dictionary(program.routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, phase) in program.phases.enumerated() {
            let rules = Validator.restrictionsAtStart(of: i, in: program)
            for use in phase.routines {
                guard let routine = routines[use.routine] else { continue }
                for r in rules where r.rule.isBodyMovement && !respects(routine.respects, r.rule) {
                    out.append(.warning(.routineRespects,
                                        "routine '\(routine.id)' is used while '\(r.rule.text)' is in force, but it does not say it respects it",
                                        at: Validator.here(use.source, program), length: routine.id.count,
                                        notes: r.source.map { [.init("the restriction is here", at: $0)] } ?? [],
                                        hint: "add '\(r.rule.text)' to the routine's 'respects' line once its steps honour it"))
                }
            }
        }
        return out
    }

    static func respects(_ list: [RestrictionRule], _ rule: RestrictionRule) -> Bool {
        switch rule {
        case .wear, .wearIfOrdered: return true
        case .no: return list.contains(rule)
        // A routine written for a ban on the activity also honours a limit on it.
        case .limit(let a, _):
            return list.contains { r in if case .limit(a, _) = r { return true }; return r == .no(a) }
        case .liftPerSurgeon:
            guard let cap = rule.liftCap else { return false }
            return list.contains { r in
                if case .liftPerSurgeon = r { return true }
                return r.liftCap.map { !(cap < $0) } ?? false
            }
        case .liftAtMost(let limit):
            return list.contains { if case .liftAtMost(let w) = $0 { return !(limit < w) } else { return false } }
        case .sitAtMost(let limit):
            return list.contains { if case .sitAtMost(let m) = $0 { return m <= limit } else { return false } }
        }
    }
}
