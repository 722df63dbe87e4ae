import RehabCore

/// A release condition naming a clearance that no phase requires, that the program does not declare
/// (`clearance ID "…"`) and that is not the restricted activity itself: most often a typo, which would
/// leave the restriction unreleasable.
enum UnusedClearances {
    static func check(_ program: Program) -> [Diagnostic] {
        var gated: Set<String> = []
        for p in program.phases { for g in p.gates { if case .cleared(let c) = g.gate { gated.insert(c) } } }
        var out: [Diagnostic] = []
        for r in program.allRestrictions {
            guard let until = r.until else { continue }
            let own = r.rule.activity.name
            for topic in until.clearances where topic != own && !gated.contains(topic) && program.declaredClearances[topic] == nil {
                let known = Array(gated) + program.activities.map(\.name)
                out.append(.warning("unused-clearance",
                                    "clearance '\(topic)' is not required by any phase and is not the restricted activity ('\(own)')",
                                    at: Validator.here(r.source, program),
                                    hint: Suggestion.closest(to: topic, in: known).map { "did you mean '\($0)'?" }
                                        ?? "declare it with 'clearance \(topic) \"what it means\"', or release it with 'cleared \(own)'"))
            }
        }
        return out
    }
}
