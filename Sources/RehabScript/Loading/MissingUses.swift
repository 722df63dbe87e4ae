import RehabCore

/// An unknown name that a library next to the program defines: the program most likely forgot its `use`.
/// The diagnostic gets a hint naming the library and a fix-it that adds the `use` line.
enum MissingUses {
    /// Libraries looked at, at most, and their bytes in all: a folder of thousands of files, or of other large
    /// programs, must not make a broken file slow to check.
    static let maximumLibraries = 64
    static let maximumBytes = 4 << 20

    static let kinds: Set<DiagnosticID> = [
        .unknownExercise, .unknownRoutine, .unknownLadder, .unknownRedFlag, .unknownItem, .unknownActivity,
    ]

    static func attach(to diagnostics: [Diagnostic], fragments: [ProgramFragment], read: [String: String],
                       provider: some SourceProvider) -> [Diagnostic] {
        guard diagnostics.contains(where: { kinds.contains($0.code) }),
              let listing = provider as? LibraryListing else { return diagnostics }
        // Parsed once per run, only when some name is unknown.
        var definitions: [String: [(path: String, ids: Set<String>)]] = [:]
        func libraries(near file: String) -> [(path: String, ids: Set<String>)] {
            let folder = ProgramPath.folder(of: file)
            if let known = definitions[folder] { return known }
            var found: [(path: String, ids: Set<String>)] = []
            var budget = maximumBytes
            // A name that a `use "…"` line cannot hold as it is (a quote, a backslash, a line break) is not offered.
            let plain = listing.programFiles(in: folder).filter { p in
                !p.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
            }
            for path in plain.prefix(maximumLibraries) where read[path] == nil {
                // A file with a program line is another program, not a library: not worth parsing.
                guard case .text(let text) = provider.file(at: path), !startsAProgram(text) else { continue }
                budget -= text.utf8.count
                if budget < 0 { break }
                let (f, _) = Parser.parse(file: path, text: text)
                if f.header != nil { continue }
                let ids = f.exercises.map(\.id) + f.routines.map(\.id) + f.ladders.map(\.id) + f.redFlags.map(\.id)
                    + f.activities.map(\.id)
                found.append((path, Set(ids)))
            }
            definitions[folder] = found
            return found
        }
        var split: [String: [Substring]] = [:]
        func word(of d: Diagnostic) -> String? {
            guard let text = read[d.location.file] else { return nil }
            let lines = split[d.location.file] ?? DiagnosticRenderer.lines(of: text)
            split[d.location.file] = lines
            guard d.location.line >= 1, d.location.line <= lines.count else { return nil }
            return MissingUses.word(at: d, in: lines[d.location.line - 1])
        }
        return diagnostics.map { d in
            guard kinds.contains(d.code), let name = d.fixIt?.original ?? word(of: d),
                  let fragment = fragments.first(where: { $0.file == d.location.file }) else { return d }
            let file = d.location.file
            let folder = ProgramPath.folder(of: file)
            guard let library = libraries(near: file).first(where: { $0.ids.contains(name) }) else { return d }
            let relative = folder.isEmpty ? library.path : String(library.path.dropFirst(folder.count + 1))
            let line = (fragment.uses.last?.source.line ?? fragment.header?.source.line ?? 0) + 1
            return d.with(fixIt: .insertLine("use \"\(relative)\"", before: line, in: file),
                          hint: "'\(name)' is defined in '\(relative)', which this file does not use")
        }
    }

    /// Whether some line starts with `program ` (a program file, not a library), by one pass over the bytes.
    static func startsAProgram(_ text: String) -> Bool {
        let keyword = Array("program ".utf8)
        var matched = 0
        var atLineStart = true
        for b in text.utf8 {
            if atLineStart || matched > 0 {
                if b == keyword[matched] {
                    matched += 1
                    if matched == keyword.count { return true }
                    atLineStart = false
                    continue
                }
                matched = 0
            }
            atLineStart = b == 0x0A
        }
        return false
    }

    /// The unknown name itself, read from its line at the diagnostic's spot.
    private static func word(at d: Diagnostic, in line: Substring) -> String? {
        let scalars = Array(line.unicodeScalars)
        let start = d.location.column - 1
        guard start >= 0, start + d.length <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<(start + d.length)]))
    }
}
