import RehabCore

/// Two definitions with the same id: the second is an error that points at the first.
enum DuplicateDefinitions {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func scan(_ kind: String, _ items: [(String, SourceRef?)]) {
            var first: [String: SourceRef?] = [:]
            for (id, ref) in items {
                if let earlier = first[id] {
                    out.append(.error(.duplicateID, "\(kind) '\(id)' is defined twice", at: Validator.here(ref, program),
                                      length: id.count, notes: earlier.map { [.init("the first definition is here", at: $0)] } ?? []))
                } else {
                    first[id] = ref
                }
            }
        }
        scan("exercise", program.exercises.map { ($0.id, $0.source) })
        scan("routine", program.routines.map { ($0.id, $0.source) })
        scan("ladder", program.ladders.map { ($0.id, $0.source) })
        scan("red flag", program.redFlags.map { ($0.id, $0.source) })
        scan("phase", program.phases.map { ($0.id, $0.source) })
        scan("goal", program.goals.map { ($0.id, $0.source) })
        // An exercise and a routine sharing an id would make `can do X` ambiguous.
        let exerciseIDs = Set(program.exercises.map(\.id))
        for r in program.routines where exerciseIDs.contains(r.id) {
            out.append(.error(.duplicateID, "'\(r.id)' names both an exercise and a routine", at: Validator.here(r.source, program), length: r.id.count))
        }
        return out
    }
}
