import RehabCore

/// Runs every semantic check over a merged program; each check lives in its own file with its messages.
enum Validator {
    static func validate(_ program: Program, fragments: [ProgramFragment], mainFile: String) -> [Diagnostic] {
        let found = DuplicateDefinitions.check(program)
            + UnknownReferences.check(program, fragments: fragments)
            + PhaseWeeks.check(program)
            + ImplausibleValues.check(program)
            + ForbiddenPrescriptions.check(program)
            + RoutineRespects.check(program)
            + UnusedClearances.check(program, fragments: fragments)
            + RedFlagWords.check(program)
        // Checks report what has no line of its own at an empty file name: the top of the main file.
        return found.map { d in
            guard d.location.file.isEmpty else { return d }
            return Diagnostic(d.code, d.severity, d.message, at: SourceRef(file: mainFile, line: 1), length: d.length,
                              notes: d.notes, hint: d.hint, fixIt: d.fixIt)
        }
    }

    /// What is in force at the start of phase `index` for a patient who met every gate so far
    /// (the clearances the phases up to it require) and nothing more.
    static func restrictionsAtStart(of index: Int, in program: Program) -> [Restriction] {
        let phase = program.phases[index]
        let week = phase.startWeek
        var cleared: Set<String> = []
        for p in program.phases.prefix(index + 1) {
            for g in p.gates { if case .cleared(let c) = g.gate { cleared.insert(c) } }
        }
        func inForce(_ r: Restriction) -> Bool {
            if let from = r.fromWeek, week < from { return false }
            if let until = r.until, holds(until, week: week, cleared: cleared) { return false }
            return true
        }
        return program.restrictions.filter(inForce) + phase.restrictions.filter(inForce)
    }

    static func holds(_ c: Condition, week: Int, cleared: Set<String>) -> Bool {
        switch c {
        case .week(let w): return week >= w
        case .cleared(let t): return cleared.contains(t)
        case .all(let cs): return cs.allSatisfy { holds($0, week: week, cleared: cleared) }
        case .any(let cs): return cs.contains { holds($0, week: week, cleared: cleared) }
        }
    }

    /// Where to report something: its own line, or (empty file name) the top of the main file, filled in by `validate`.
    static func here(_ ref: SourceRef?, _ program: Program) -> SourceRef { ref ?? SourceRef(file: "", line: 1) }
}
