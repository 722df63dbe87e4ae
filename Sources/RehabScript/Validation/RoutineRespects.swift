import RehabCore

/// A phase teaching a routine whose `loads` break a restriction in force then, or that says nothing of what it
/// loads (a warning: the steps may ask for a movement the patient must avoid).
enum RoutineRespects {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let routines = Dictionary(program.routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, phase) in program.phases.enumerated() {
            let rules = Validator.restrictionsAtStart(of: i, in: program)
            for use in phase.routines {
                guard let routine = routines[use.routine] else { continue }
                for r in rules {
                    guard let problem = problem(routine, r.rule) else { continue }
                    let message = "routine '\(routine.id)' is used while '\(r.rule.text)' is in force, but \(problem)"
                    out.append(.warning(.routineRespects, message,
                                        at: Validator.here(use.source, program), length: routine.id.count,
                                        notes: r.source.map { [.init("the restriction is here", at: $0)] } ?? [],
                                        hint: routine.statesLoads
                                            ? "use it in a later phase, or change its steps and its 'loads' line"
                                            : "add a 'loads' line: 'loads none' once its steps honour it"))
                }
            }
        }
        return out
    }

    /// Why the routine may break the rule, if it may: its loads say so, or (no `loads` line) nothing says it does not.
    static func problem(_ routine: Routine, _ rule: RestrictionRule) -> String? {
        if routine.statesLoads { return routine.loads.conflict(with: rule).map { "\($0)" } }
        // An old program's `respects` line still vouches for the rules it names.
        guard rule.isBodyMovement, !respects(routine.respects, rule) else { return nil }
        return "it does not say what it loads"
    }

    static func respects(_ list: [RestrictionRule], _ rule: RestrictionRule) -> Bool {
        switch rule {
        case .wear, .wearIfOrdered: return true
        case .no: return list.contains(rule)
        // A routine written for a ban on the activity also honours a limit on it.
        case .limit(let a, _):
            return list.contains { r in if case .limit(a, _) = r { return true }; return r == .no(a) }
        // A routine written for an amount honours the rule when it names at most as much; one written for the
        // surgeon's amount honours only that rule.
        case .atMostPerSurgeon(let a, _), .atMost(let a, _):
            guard let cap = rule.cap else { return false }
            return list.contains { r in
                guard r.activity == a else { return false }
                if case .atMostPerSurgeon = r {
                    if case .atMostPerSurgeon = rule { return true }
                    return false
                }
                return r.cap.map { !cap.isExceeded(by: $0) } ?? false
            }
        }
    }
}
