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
        // Keyed by real path, so a link cannot make one file be read twice or loop under new names.
        var loaded: Set<String> = []
        var realPaths: [String: String] = [:]
        func realOf(_ path: String) -> String { realPaths[path] ?? path }
        let root = ProgramPath.folder(of: mainPath)
        let realRoot = provider.realPath(root.isEmpty ? "." : root)

        /// The real path of a file, or nil when it resolves outside the program's folder.
        func inside(_ path: String) -> String?? {
            guard let real = provider.realPath(path) else { return .some(nil) }
            guard let realRoot else { return .some(real) }
            return ProgramPath.contains(realRoot, real) ? .some(real) : nil
        }

        func visit(_ path: String, real: String, text: String, stack: [String]) {
            sources[path] = text
            realPaths[path] = real
            loaded.insert(real)
            let (fragment, ds) = cache?.parse(file: path, text: text) ?? Parser.parse(file: path, text: text)
            diagnostics += ds
            fragments.append(fragment)
            for use in fragment.uses {
                let shown = Excerpt.of(use.path)
                guard let target = ProgramPath.resolve(use.path, from: path, root: root),
                      let resolved = inside(target) else {
                    diagnostics.append(.error(.useEscapes, "'\(shown)' is outside the program's folder; "
                                                  + "a program may only use files in its own folder or below",
                                              at: use.source, length: use.length,
                                              hint: "copy the library next to the program and use a relative path"))
                    continue
                }
                let real = resolved ?? target
                if stack.contains(real) || real == realOf(path) {
                    diagnostics.append(.error(.useLoop, "'\(shown)' is already being read: these files use each other in a loop",
                                              at: use.source, length: use.length))
                    continue
                }
                if loaded.contains(real) { continue }
                switch provider.file(at: target) {
                case .text(let library):
                    visit(target, real: real, text: library, stack: stack + [realOf(path)])
                case .missing:
                    diagnostics.append(.error(.useMissing, "cannot read '\(shown)' (looked for \(Excerpt.of(target)))",
                                              at: use.source, length: use.length))
                case .refused(let reason):
                    diagnostics.append(.error(.useRefused, "'\(shown)' \(reason), so it was not read",
                                              at: use.source, length: use.length))
                }
            }
        }
        func refuse(_ message: String) -> LoadedProgram {
            let d = Diagnostic.error(.missingFile, message, at: SourceRef(file: mainPath, line: 1))
            return LoadedProgram(program: nil, draft: Program(id: "", name: ""), diagnostics: [d], sources: [:],
                                 mainFile: mainPath)
        }
        guard let mainResolved = inside(mainPath) else {
            return refuse("'\(Excerpt.of(mainPath))' is a link to a file outside its folder, so it was not read; "
                + "copy the program into the folder instead")
        }
        let mainText: String
        switch provider.file(at: mainPath) {
        case .text(let text): mainText = text
        case .missing: return refuse("cannot read '\(Excerpt.of(mainPath))'")
        case .refused(let reason): return refuse("'\(Excerpt.of(mainPath))' \(reason), so it was not read")
        }
        let mainReal = mainResolved ?? mainPath
        visit(mainPath, real: mainReal, text: mainText, stack: [])
        let (draft, mergeDiagnostics) = merge(fragments, mainPath: mainPath)
        diagnostics += mergeDiagnostics
        if validate { diagnostics += Validator.validate(draft, fragments: fragments, mainFile: mainPath) }
        if validate {
            diagnostics = MissingUses.attach(to: diagnostics, fragments: fragments, read: sources, provider: provider)
            diagnostics = ValueSpots.refine(diagnostics, sources: sources)
        }
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
                    diagnostics.append(.error(.missingProgram, "a program file starts with 'program ID \"NAME\"'",
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
                    diagnostics.append(.error(.libraryContent, "\(what) belongs in the main program file, not in a library used by it",
                                              at: ref ?? SourceRef(file: f.file, line: 1)))
                }
            }
            program.sources += f.sources
            for c in f.clearances { program.declaredClearances[c.id] = c.meaning }
            program.painRules += f.painRules
            program.measures += f.measures
            program.redFlags += f.redFlags
            program.exercises += f.exercises
            program.routines += f.routines
            program.ladders += f.ladders
        }
        return (program, diagnostics)
    }
}
