import RehabCore

/// Phases follow each other week by week, with no gap and no overlap.
enum PhaseWeeks {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if program.phases.isEmpty, !program.id.isEmpty {
            out.append(.warning(.noPhases, "this program has no phase, so it prescribes nothing",
                                at: Validator.here(nil, program)))
        }
        for (i, p) in program.phases.enumerated() {
            let at = Validator.here(p.source, program)
            if p.endWeek <= p.startWeek {
                out.append(.error(.phaseWeeks, "phase '\(p.id)' ends (week \(p.endWeek)) before it starts (week \(p.startWeek))",
                                  at: at, length: p.id.count, hint: "write the weeks as 'weeks FIRST-LAST', for example 'weeks 6-12'"))
            }
            guard i > 0 else { continue }
            let prev = program.phases[i - 1]
            let note = prev.source.map { [Diagnostic.Note("phase '\(prev.id)' ends at week \(prev.endWeek) here", at: $0)] } ?? []
            if p.startWeek > prev.endWeek {
                out.append(.error(.phaseGap, "phase '\(p.id)' starts at week \(p.startWeek), leaving weeks \(prev.endWeek)–\(p.startWeek) with no phase",
                                  at: at, length: p.id.count, notes: note, hint: "start it at week \(prev.endWeek)"))
            } else if p.startWeek < prev.endWeek {
                out.append(.error(.phaseOverlap, "phase '\(p.id)' starts at week \(p.startWeek), before phase '\(prev.id)' ends at week \(prev.endWeek)",
                                  at: at, length: p.id.count, notes: note, hint: "start it at week \(prev.endWeek)"))
            }
        }
        return out
    }
}
