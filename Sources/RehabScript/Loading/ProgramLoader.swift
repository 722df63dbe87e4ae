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
    /// The main file has no `program` line, only definitions: it was checked as a library.
    public var isLibrary = false
    /// The files read from the shipped programs folder (by `use library`, `extends "NAME"`, or from such a file).
    public var shippedFiles: Set<String> = []
    /// For a library: the ids it names that other files define (`continues walking` in the red-flag library).
    public var externalNames: [String] = []
}

/// Reads a main program file and the libraries it `use`s, then validates the merged program.
public enum ProgramLoader {
    /// The shipped folder's name inside a frozen copy whose own folder has a file of the same name as a shipped one.
    public static let frozenShippedFolder = "@shipped"

    /// `validate: false` is for a program already validated when it was frozen in the journal.
    /// `shippedFolder` is where `use library "NAME"` and `extends "NAME"` look (the shell's programs folder).
    public static func load(_ mainPath: String, from provider: some SourceProvider, shippedFolder: String? = nil,
                            runExpectations: Bool = true, validate: Bool = true, cache: ParseCache? = nil) -> LoadedProgram {
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var fragments: [ProgramFragment] = []
        // Keyed by real path, so a link cannot make one file be read twice or loop under new names.
        var loaded: Set<String> = []
        var realPaths: [String: String] = [:]
        var realRoots: [String: String?] = [:]
        var shippedFiles: Set<String> = []
        var baseOf: [String: String] = [:]
        func realOf(_ path: String) -> String { realPaths[path] ?? path }
        let root = ProgramPath.folder(of: mainPath)

        /// The real path of a file, or nil when it resolves outside `root` (links are followed first).
        func inside(_ path: String, root: String) -> String?? {
            if realRoots[root] == nil { realRoots[root] = .some(provider.realPath(root.isEmpty ? "." : root)) }
            guard let real = provider.realPath(path) else { return .some(nil) }
            guard let realRoot = realRoots[root] ?? nil else { return .some(real) }
            return ProgramPath.contains(realRoot, real) ? .some(real) : nil
        }

        /// Where a `use` or `extends` leads, and the folder that file must stay in; nil after an error.
        func target(of link: Link, from path: String, root: String, shipped: Bool) -> (String, String, Bool)? {
            let shown = Excerpt.of(link.path)
            if link.isShipped {
                guard let shippedFolder else {
                    diagnostics.append(.error(.useMissing, "cannot find '\(shown)': no shipped programs folder is known",
                                              at: link.source, length: link.length,
                                              hint: "set REHAB_PROGRAMS to the folder of the shipped programs"))
                    return nil
                }
                let file = link.isBase ? link.path + ".rehab" : "library/" + link.path + ".rehab"
                return (ProgramPath.join(shippedFolder, file), shippedFolder, true)
            }
            guard let resolved = ProgramPath.resolve(link.path, from: path, root: root) else {
                diagnostics.append(escapes(shown, at: link))
                return nil
            }
            return (resolved, root, shipped)
        }

        func escapes(_ shown: String, at link: Link) -> Diagnostic {
            .error(.useEscapes, "'\(shown)' is outside the program's folder; "
                       + "a program may only use files in its own folder or below",
                   at: link.source, length: link.length,
                   hint: "copy the library next to the program and use a relative path")
        }

        func visit(_ path: String, real: String, text: String, stack: [String], root: String, shipped: Bool) {
            sources[path] = text
            realPaths[path] = real
            loaded.insert(real)
            if shipped { shippedFiles.insert(path) }
            let (fragment, ds) = cache?.parse(file: path, text: text) ?? Parser.parse(file: path, text: text)
            diagnostics += ds
            fragments.append(fragment)
            for link in Link.all(of: fragment) {
                let shown = Excerpt.of(link.path)
                guard let (target, targetRoot, targetShipped) =
                        target(of: link, from: path, root: root, shipped: shipped) else { continue }
                guard let resolved = inside(target, root: targetRoot) else {
                    diagnostics.append(escapes(shown, at: link))
                    continue
                }
                let real = resolved ?? target
                if stack.contains(real) || real == realOf(path) {
                    diagnostics.append(.error(.useLoop, "'\(shown)' is already being read: these files use each other in a loop",
                                              at: link.source, length: link.length))
                    continue
                }
                if link.isBase { baseOf[path] = target }
                if loaded.contains(real) { continue }
                switch provider.file(at: target) {
                case .text(let library):
                    visit(target, real: real, text: library, stack: stack + [realOf(path)], root: targetRoot,
                          shipped: targetShipped)
                case .missing:
                    let what = link.isBase && link.isShipped ? "there is no shipped program '\(shown)'"
                        : "cannot read '\(shown)'"
                    diagnostics.append(.error(.useMissing, "\(what) (looked for \(Excerpt.of(target)))",
                                              at: link.source, length: link.length))
                case .refused(let reason):
                    diagnostics.append(.error(.useRefused, "'\(shown)' \(reason), so it was not read",
                                              at: link.source, length: link.length))
                }
            }
        }
        func refuse(_ message: String) -> LoadedProgram {
            let d = Diagnostic.error(.missingFile, message, at: SourceRef(file: mainPath, line: 1))
            return LoadedProgram(program: nil, draft: Program(id: "", name: ""), diagnostics: [d], sources: [:],
                                 mainFile: mainPath)
        }
        guard let mainResolved = inside(mainPath, root: root) else {
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
        visit(mainPath, real: mainReal, text: mainText, stack: [], root: root, shipped: false)
        // The main file, then the program it extends, and so on: a loop was refused above, so this ends.
        var chain = [mainPath]
        while let base = baseOf[chain[chain.count - 1]], !chain.contains(base), sources[base] != nil {
            chain.append(base)
        }
        // A base's expectations are not run, so what they name need not exist in the variant
        // (after `change massage to allowed`, the base's `expect …: massage` names nothing).
        for i in fragments.indices where chain.dropFirst().contains(fragments[i].file) {
            let lines = Set(fragments[i].expectations.compactMap { $0.source?.line })
            fragments[i].references.removeAll { lines.contains($0.source.line) }
        }
        let isLibrary = fragments.first.map(\.looksLikeLibrary) ?? false
        let (draft, mergeDiagnostics) = merge(fragments, chain: chain, isLibrary: isLibrary)
        diagnostics += mergeDiagnostics
        // A base that was not read leaves nothing worth checking: its own error says why.
        let baseMissing = fragments.first?.extends != nil && chain.count == 1
        if validate && !baseMissing {
            diagnostics += Validator.validate(draft, fragments: fragments, mainFile: mainPath, isLibrary: isLibrary)
            diagnostics = MissingUses.attach(to: diagnostics, fragments: fragments, read: sources, provider: provider)
            diagnostics = ValueSpots.refine(diagnostics, sources: sources)
        }
        if validate && runExpectations && !diagnostics.hasErrors {
            diagnostics += ExpectationRunner.run(draft)
        }
        let sorted = diagnostics.sorted
        return LoadedProgram(program: sorted.hasErrors ? nil : draft, draft: draft, diagnostics: sorted,
                             sources: sources, mainFile: mainPath, isLibrary: isLibrary, shippedFiles: shippedFiles,
                             externalNames: isLibrary ? UnknownReferences.external(draft, fragments: fragments) : [])
    }

    /// A `use` or `extends` line, as the loader follows it.
    struct Link {
        var path: String
        var source: SourceRef
        var length: Int
        /// By name from the shipped folder: `use library "NAME"`, or `extends "NAME"` without a slash or `.rehab`.
        var isShipped: Bool
        var isBase: Bool

        static func all(of f: ProgramFragment) -> [Link] {
            let base = f.extends.map { e in
                Link(path: e.target, source: e.source, length: e.length,
                     isShipped: !e.target.contains("/") && !e.target.hasSuffix(".rehab"), isBase: true)
            }
            return (base.map { [$0] } ?? [])
                + f.uses.map {
                    Link(path: $0.path, source: $0.source, length: $0.length, isShipped: $0.isShipped, isBase: false)
                }
        }
    }

    /// `chain` is the main file, the program it extends, that program's base, …
    static func merge(_ fragments: [ProgramFragment], chain: [String],
                      isLibrary: Bool = false) -> (Program, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var program = Program(id: "", name: "")
        let byFile = Dictionary(fragments.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        // The base first, then each variant's changes on top of it.
        for (depth, file) in chain.enumerated().reversed() {
            guard let f = byFile[file] else { continue }
            if let h = f.header { program.id = h.id; program.name = h.name }
            else if !f.triedHeader && !(depth == 0 && isLibrary) {
                diagnostics.append(.error(.missingProgram, "a program file starts with 'program ID \"NAME\"'",
                                          at: SourceRef(file: f.file, line: 1), hint: "add for example: program my-program \"My program\""))
            }
            if depth == chain.count - 1 {
                program.procedure = f.procedure
                program.restrictions = f.restrictions
                program.phases = f.phases
                diagnostics += ProgramVariant.withoutBase(f.edits)
            } else {
                if let p = f.procedure { program.procedure = p }
                diagnostics += ProgramVariant.apply(f.edits, to: &program)
                program.restrictions += f.restrictions
                diagnostics += ProgramVariant.phasesAreInherited(f.phases)
            }
            // A base's expectations describe the base; only the main file's are run.
            if depth == 0 { program.expectations = f.expectations }
        }
        for f in fragments {
            if !chain.contains(f.file) {
                let misplaced: [(String, SourceRef?)] =
                    (f.header.map { [("'program'", $0.source)] } ?? [])
                    + f.phases.map { ("'phase'", $0.source) }
                    + f.restrictions.map { ("a restriction", $0.source) }
                    + f.expectations.map { ("'expect'", $0.source) }
                    + (f.extends.map { [("'extends'", $0.source)] } ?? [])
                    + f.edits.map { ("a variant's change", $0.source) }
                for (what, ref) in misplaced {
                    diagnostics.append(.error(.libraryContent, "\(what) belongs in the main program file, not in a library used by it",
                                              at: ref ?? SourceRef(file: f.file, line: 1)))
                }
            }
            program.sources += f.sources
            for c in f.clearances { program.declaredClearances[c.id] = c.meaning }
            if !chain.contains(f.file) { for a in f.activities { program.declare(a) } }
            program.painRules += f.painRules
            program.advice += f.advice
            program.measures += f.measures
            program.goals += f.goals
            program.redFlags += f.redFlags
            program.exercises += f.exercises
            program.routines += f.routines
            program.ladders += f.ladders
        }
        // A program's own words for an activity win over a library's, and a variant's over its base's.
        for file in chain.reversed() {
            for a in byFile[file]?.activities ?? [] { program.declare(a) }
        }
        let stops = chain.compactMap { byFile[$0] }.flatMap(\.stops)
        diagnostics += CarriedPrescriptions.apply(stops, to: &program)
        return (program, diagnostics)
    }
}

extension ProgramFragment {
    /// No `program` line and nothing but definitions: a library checked on its own (`rehab check library/x.rehab`).
    var looksLikeLibrary: Bool {
        header == nil && !triedHeader && extends == nil && edits.isEmpty && phases.isEmpty && restrictions.isEmpty
            && expectations.isEmpty
            && !(exercises.isEmpty && routines.isEmpty && ladders.isEmpty && redFlags.isEmpty && activities.isEmpty)
    }
}

extension Program {
    /// A declaration's words replace earlier ones; its `says` phrases do too when it has any, so a program that
    /// gives an activity its own words keeps the library's phrases.
    mutating func declare(_ a: ProgramFragment.ActivityLine) {
        activityWords[a.id] = a.words
        if !a.phrases.isEmpty { activityPhrases[a.id] = a.phrases.map(\.text) }
    }
}
