import RehabCore

/// The result of loading a program: the program when it has no errors, and every diagnostic.
public struct LoadedProgram: Sendable {
    public let program: Program?
    /// Everything merged, even when there were errors (for `program show` of a broken file, and validation).
    public let draft: Program
    public let diagnostics: [Diagnostic]
    /// Path → text of every file read, for rendering diagnostics and freezing a copy in the journal.
    public let sources: [String: String]
    public let mainFile: String
}

/// Reads a main program file and the libraries it `use`s, then validates the merged program.
public enum ProgramLoader {
    /// `validate: false` is for a program already validated when it was frozen in the journal.
    public static func load(_ mainPath: String, from provider: some SourceProvider, runExpectations: Bool = true,
                            validate: Bool = true, cache: ParseCache? = nil) -> LoadedProgram {
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var fragments: [ProgramFragment] = []
        var loaded: Set<String> = []
        let root = ProgramPath.folder(of: mainPath)

        func visit(_ path: String, text: String, stack: [String]) {
            sources[path] = text
            loaded.insert(path)
            let (fragment, ds) = cache?.parse(file: path, text: text) ?? Parser.parse(file: path, text: text)
            diagnostics += ds
            fragments.append(fragment)
            for use in fragment.uses {
                guard let target = ProgramPath.resolve(use.path, from: path, root: root) else {
                    diagnostics.append(.error("use-escapes", "'\(use.path)' is outside the program's folder; a program may only use files in its own folder or below",
                                              at: use.source, length: use.length, hint: "copy the library next to the program and use a relative path"))
                    continue
                }
                if stack.contains(target) || target == path {
                    diagnostics.append(.error("use-loop", "'\(use.path)' is already being read: these files use each other in a loop",
                                              at: use.source, length: use.length))
                    continue
                }
                if loaded.contains(target) { continue }
                guard let library = provider.text(at: target) else {
                    diagnostics.append(.error("use-missing", "cannot read '\(use.path)' (looked for \(target))",
                                              at: use.source, length: use.length))
                    continue
                }
                visit(target, text: library, stack: stack + [path])
            }
        }
        guard let mainText = provider.text(at: mainPath) else {
            let d = Diagnostic.error("missing-file", "cannot read '\(mainPath)'", at: SourceRef(file: mainPath, line: 1))
            return LoadedProgram(program: nil, draft: Program(id: "", name: ""), diagnostics: [d], sources: [:], mainFile: mainPath)
        }
        visit(mainPath, text: mainText, stack: [])
        let (draft, mergeDiagnostics) = merge(fragments, mainPath: mainPath)
        diagnostics += mergeDiagnostics
        if validate { diagnostics += Validator.validate(draft, fragments: fragments, mainFile: mainPath) }
        if validate && runExpectations && !diagnostics.hasErrors {
            diagnostics += ExpectationRunner.run(draft)
        }
        let sorted = diagnostics.sorted
        return LoadedProgram(program: sorted.hasErrors ? nil : draft, draft: draft, diagnostics: sorted,
                             sources: sources, mainFile: mainPath)
    }

    static func merge(_ fragments: [ProgramFragment], mainPath: String) -> (Program, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var program = Program(id: "", name: "")
        for f in fragments {
            let isMain = f.file == mainPath
            if isMain {
                if let h = f.header { program.id = h.id; program.name = h.name }
                else if !f.triedHeader {
                    diagnostics.append(.error("missing-program", "a program file starts with 'program ID \"NAME\"'",
                                              at: SourceRef(file: f.file, line: 1), hint: "add for example: program my-program \"My program\""))
                }
                program.procedure = f.procedure
                program.restrictions = f.restrictions
                program.phases = f.phases
                program.expectations = f.expectations
            } else {
                let misplaced: [(String, SourceRef?)] =
                    (f.header.map { [("'program'", $0.source)] } ?? [])
                    + f.phases.map { ("'phase'", $0.source) }
                    + f.restrictions.map { ("a restriction", $0.source) }
                    + f.expectations.map { ("'expect'", $0.source) }
                for (what, ref) in misplaced {
                    diagnostics.append(.error("library-content", "\(what) belongs in the main program file, not in a library used by it",
                                              at: ref ?? SourceRef(file: f.file, line: 1)))
                }
            }
            program.sources += f.sources
            for c in f.clearances { program.declaredClearances[c.id] = c.meaning }
            program.painRules += f.painRules
            program.redFlags += f.redFlags
            program.exercises += f.exercises
            program.routines += f.routines
            program.ladders += f.ladders
        }
        return (program, diagnostics)
    }
}
