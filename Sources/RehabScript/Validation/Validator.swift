import RehabCore

/// Runs every semantic check over a merged program; each check lives in its own file with its messages.
enum Validator {
    /// A library checked on its own (`isLibrary`) has its definitions checked, and no phases to check.
    static func validate(_ program: Program, fragments: [ProgramFragment], mainFile: String,
                         isLibrary: Bool = false) -> [Diagnostic] {
        if isLibrary {
            return DuplicateDefinitions.check(program) + ImplausibleValues.check(program) + RedFlagWords.check(program)
                + ActivityPhrases.check(fragments)
        }
        let found = DuplicateDefinitions.check(program)
            + UnknownReferences.check(program, fragments: fragments)
            + PhaseWeeks.check(program)
            + PhaseReleases.check(program)
            + ImplausibleValues.check(program)
            + ForbiddenPrescriptions.check(program)
            + RoutineRespects.check(program)
            + UnusedClearances.check(program, fragments: fragments)
            + RedFlagWords.check(program)
            + ActivityPhrases.check(fragments)
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
        // Months have no fixed length: judge them for the same typical patient the expectations use.
        let surgery = ExpectationRunner.surgery
        let day = phase.start.date(surgery: surgery)
        var cleared: Set<String> = []
        for p in program.phases.prefix(index + 1) {
            for g in p.gates { if case .cleared(let c) = g.gate { cleared.insert(c) } }
        }
        let reached = Set(program.phases.prefix(index + 1).map(\.id))
        func inForce(_ r: Restriction) -> Bool {
            if let from = r.from, day < from.date(surgery: surgery) { return false }
            if let until = r.until, holds(until, on: day, surgery: surgery, cleared: cleared, reached: reached) {
                return false
            }
            return true
        }
        return program.restrictions.filter(inForce) + phase.restrictions.filter(inForce)
    }

    static func holds(_ c: Condition, on day: CalendarDay, surgery: CalendarDay, cleared: Set<String>,
                      reached: Set<String>) -> Bool {
        func sub(_ c: Condition) -> Bool { holds(c, on: day, surgery: surgery, cleared: cleared, reached: reached) }
        switch c {
        case .at(let p): return day >= p.date(surgery: surgery)
        case .cleared(let t): return cleared.contains(t)
        case .phase(let p): return reached.contains(p)
        case .all(let cs): return cs.allSatisfy(sub)
        case .any(let cs): return cs.contains(where: sub)
        }
    }

    /// Where to report something: its own line, or (empty file name) the top of the main file, filled in by `validate`.
    static func here(_ ref: SourceRef?, _ program: Program) -> SourceRef { ref ?? SourceRef(file: "", line: 1) }
}
