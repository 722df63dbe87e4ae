import RehabCore

/// A release condition naming a clearance that no phase requires, that the program does not declare
/// (`clearance ID "…"`) and that is not the restricted activity itself: most often a typo, which would
/// leave the restriction unreleasable.
enum UnusedClearances {
    static func check(_ program: Program, fragments: [ProgramFragment] = []) -> [Diagnostic] {
        // Where each clearance is named, so the caret sits on the misspelt word, not on the restriction.
        var named: [String: SourceRef] = [:]
        for f in fragments {
            for r in f.references where r.kind == .clearance && named[key(r.source, r.id)] == nil {
                named[key(r.source, r.id)] = r.source
            }
        }
        var gated: Set<String> = []
        for p in program.phases { for g in p.gates { if case .cleared(let c) = g.gate { gated.insert(c) } } }
        var out: [Diagnostic] = []
        // Clearing an activity another rule restricts is a real clearance too: `limit twisting … until cleared
        // neck-motion` is released by the same `clear neck-motion` that ends `no neck-motion`.
        let restricted = Set(program.activities.map(\.name))
        for r in program.allRestrictions {
            guard let until = r.until else { continue }
            let own = r.rule.activity.name
            for topic in until.clearances where topic != own && !gated.contains(topic) && !restricted.contains(topic)
                && program.declaredClearances[topic] == nil {
                let known = Array(gated) + program.activities.map(\.name)
                let spot = r.source.flatMap { named[key($0, topic)] }
                let suggestion = Suggestion.closest(to: topic, in: known).flatMap { $0 == topic ? nil : $0 }
                out.append(.warning(.unusedClearance,
                                    "clearance '\(topic)' is not required by any phase and is not the restricted activity ('\(own)')",
                                    at: spot ?? Validator.here(r.source, program), length: spot == nil ? 1 : topic.count,
                                    hint: suggestion.map { "did you mean '\($0)'?" }
                                        ?? "declare it with 'clearance \(topic) \"what it means\"', or release it with 'cleared \(own)'",
                                    fixIt: spot.flatMap { at in suggestion.map { .word(topic, at: at, with: $0) } }))
            }
        }
        return out
    }

    /// A clearance named on one line of one file.
    private static func key(_ ref: SourceRef, _ topic: String) -> String { "\(ref.file)\u{0}\(ref.line)\u{0}\(topic)" }
}
