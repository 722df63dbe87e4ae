import RehabCore

/// A variant's `change`, `drop` and `replace` lines, applied to the program it extends before validation,
/// so the result passes the same checks as any program.
enum ProgramVariant {
    static func apply(_ edits: [ProgramEdit], to program: inout Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for edit in edits {
            switch edit {
            case .change(let activity, let rules, let source):
                let before = program.allRestrictions.count
                program.restrictions.removeAll { $0.rule.activity.name == activity }
                for i in program.phases.indices {
                    program.phases[i].restrictions.removeAll { $0.rule.activity.name == activity }
                }
                if program.allRestrictions.count == before {
                    let names = program.allRestrictions.map(\.rule.activity.name)
                    out.append(.error(.changeUnknown, "the base program has no rule on '\(activity)' to change",
                                      at: source, length: activity.count,
                                      hint: Suggestion.closest(to: activity, in: names).map { "did you mean '\($0)'?" }
                                          ?? "write a new restriction line instead, such as 'no \(activity) until week 8'"))
                }
                program.restrictions += rules
            case .drop(let id, let source):
                guard prescribes(id, program) else {
                    out.append(notPrescribed("drop", id, at: source, program))
                    continue
                }
                for i in program.phases.indices {
                    program.phases[i].prescriptions.removeAll { $0.exercise == id }
                    program.phases[i].routines.removeAll { $0.routine == id }
                }
            case .replace(let id, let other, let source):
                func isIt(_ rx: Prescription) -> Bool { rx.exercise == id && !rx.isLadder }
                guard program.phases.contains(where: { $0.prescriptions.contains(where: isIt) }) else {
                    out.append(notPrescribed("replace", id, at: source, program))
                    continue
                }
                for i in program.phases.indices {
                    for k in program.phases[i].prescriptions.indices where isIt(program.phases[i].prescriptions[k]) {
                        // The dose stays; the line that now answers for the prescription is the `replace`.
                        program.phases[i].prescriptions[k].exercise = other
                        program.phases[i].prescriptions[k].source = source
                    }
                }
            }
        }
        return out
    }

    private static func prescribes(_ id: String, _ program: Program) -> Bool {
        program.phases.contains { p in
            p.prescriptions.contains { $0.exercise == id } || p.routines.contains { $0.routine == id }
        }
    }

    private static func notPrescribed(_ verb: String, _ id: String, at source: SourceRef, _ program: Program) -> Diagnostic {
        var names: [String] = []
        for p in program.phases {
            for n in p.prescriptions.map(\.exercise) + p.routines.map(\.routine) where !names.contains(n) {
                names.append(n)
            }
        }
        return .error(.notPrescribed, "'\(verb) \(id)': the base program prescribes no '\(id)' in any phase",
                      at: source, length: id.count,
                      hint: Suggestion.closest(to: id, in: names).map { "did you mean '\($0)'?" })
    }

    /// Changes written in a program that extends nothing have nothing to change.
    static func withoutBase(_ edits: [ProgramEdit]) -> [Diagnostic] {
        edits.map { edit in
            .error(.editWithoutBase,
                   "'change', 'drop' and 'replace' edit a base program, and this file extends none",
                   at: edit.source, hint: "add a line such as 'extends \"lumbar-fusion\"' after the 'program' line")
        }
    }

    /// A variant keeps its base's phases; it changes what they prescribe with `drop` and `replace`.
    static func phasesAreInherited(_ phases: [Phase]) -> [Diagnostic] {
        phases.map { p in
            .error(.variantPhase,
                   "a program that extends another keeps its phases, so 'phase \(p.id)' cannot be added",
                   at: p.source ?? SourceRef(file: "", line: 1), length: p.id.count,
                   hint: "use 'drop' and 'replace' to change what the phases prescribe, or copy the whole program")
        }
    }
}
