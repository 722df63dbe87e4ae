import RehabCore

/// A prescription, ladder rung, routine use or expectation naming something no file defines.
enum UnknownReferences {
    static func check(_ program: Program, fragments: [ProgramFragment]) -> [Diagnostic] {
        let exercises = program.exercises.map(\.id)
        let routines = program.routines.map(\.id)
        let ladders = program.ladders.map(\.id)
        let flags = program.redFlags.map(\.id)
        let phases = program.phases.map(\.id)
        let activities = program.activities.map(\.name)
        let goals = program.goals.map(\.id)
        // What a restriction or load may name: a declared activity, one the engine knows, or a position (`no prone`).
        let declared = program.activityWords.keys.sorted()
            + (Activity.builtIn.map(\.name) + Position.allCases.map(\.rawValue)).sorted()
        // Sets for the lookups: a large program has thousands of references.
        let sets: [ProgramFragment.Reference.Kind: Set<String>] = [
            .exercise: Set(exercises), .routine: Set(routines), .ladder: Set(ladders), .redFlag: Set(flags),
            .phase: Set(phases), .item: Set(exercises + routines + activities), .goal: Set(goals),
            .activity: Set(declared),
        ]
        var out: [Diagnostic] = []
        for f in fragments {
            for r in f.references {
                let candidates: [String]
                switch r.kind {
                case .exercise: candidates = exercises
                case .routine: candidates = routines
                case .ladder: candidates = ladders
                case .redFlag: candidates = flags
                case .phase: candidates = phases
                case .item: candidates = exercises + routines + activities
                case .goal: candidates = goals
                case .activity: candidates = declared
                case .clearance: continue
                }
                if sets[r.kind]?.contains(r.id) == true { continue }
                var suggestion = Suggestion.closest(to: r.id, in: candidates)
                var hint = suggestion.map { "did you mean '\($0)'?" }
                if r.kind == .activity {
                    // A new activity is as likely as a typo, and `--fix` must never turn `no swimming` into
                    // `no sitting`: the edit is offered only for a near miss, and declaring it is always named.
                    let declare = "declare it, as in 'activity \(r.id) \"the words a patient reads\"'"
                    hint = hint.map { "\($0) or, for a new activity, \(declare)" } ?? declare
                    if let s = suggestion, Suggestion.distance(r.id, s) > max(1, r.id.count / 4) { suggestion = nil }
                }
                var message = "unknown \(r.kind.rawValue) '\(r.id)'"
                if r.kind == .exercise, ladders.contains(r.id) { message += "; it is a ladder, so write 'ladder \(r.id)'" }
                if r.kind == .exercise, routines.contains(r.id) { message += "; it is a routine, so write 'routine \(r.id)'" }
                // No edit to an id that is itself wrongly written (`Heel_Slides`): its own fix-it corrects it.
                let fix = suggestion
                    .flatMap { $0 == $0.lowercased().replacingUnderscores ? $0 : nil }
                    .map { FixIt.word(r.id, at: r.source, with: $0) }
                out.append(.error(r.kind.unknownID,
                                  message, at: r.source, length: r.id.count,
                                  hint: hint ?? (r.kind == .item ? "name an exercise, a routine or a restricted activity"
                                      : r.kind == .goal ? "declare it at the top level, as in 'goal \(r.id) \"…\"'"
                                      : nil),
                                  fixIt: fix))
            }
        }
        return out
    }

    /// The ids a library checked on its own names without defining: the programs that use it define them
    /// (red flags continue exercises of the exercise library), so they are listed, not reported.
    static func external(_ program: Program, fragments: [ProgramFragment]) -> [String] {
        var names: [String] = []
        for d in check(program, fragments: fragments) {
            for f in fragments {
                for r in f.references where r.source == d.location && !names.contains(r.id) { names.append(r.id) }
            }
        }
        return names
    }
}

extension ProgramFragment.Reference.Kind {
    /// The id of "unknown …" for this kind of reference.
    var unknownID: DiagnosticID {
        switch self {
        case .exercise: return .unknownExercise
        case .routine: return .unknownRoutine
        case .ladder: return .unknownLadder
        case .redFlag: return .unknownRedFlag
        case .phase: return .unknownPhase
        case .item: return .unknownItem
        case .goal: return .unknownGoal
        case .activity: return .unknownActivity
        // Clearances are checked by `UnusedClearances`, which reports them as a warning.
        case .clearance: return .unusedClearance
        }
    }
}
