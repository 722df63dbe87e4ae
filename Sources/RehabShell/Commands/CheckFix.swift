import RehabCore
import RehabScript

/// `check --fix`: applies the fix-its of a program file's diagnostics to the file itself.
enum CheckFix {
    /// Refuses links and anything but plain files before any file is touched, so a refusal changes nothing.
    static func ensureFixable(_ paths: [String]) throws(CommandError) {
        for path in paths { _ = try OutputFile.plainFileMode(path) }
    }

    /// Rounds of fixing at most: a fix can bring the next to light (a `use` added, then a misspelt name in
    /// that library has a did-you-mean), but a file must never be rewritten without end.
    static let rounds = 3

    /// Fixes the file round after round until nothing changes, and returns what the last check found.
    static func run(_ shell: Shell, _ path: String, load: () -> LoadedProgram) throws(CommandError) -> LoadedProgram {
        var loaded = load()
        for _ in 0..<rounds {
            guard try apply(shell, loaded) else { break }
            loaded = load()
        }
        return loaded
    }

    /// Applies the edits that belong to `loaded`'s main file, writes it back and says one line per change;
    /// true when the file changed (and must be checked again).
    static func apply(_ shell: Shell, _ loaded: LoadedProgram) throws(CommandError) -> Bool {
        let path = loaded.mainFile
        guard let text = loaded.sources[path] else { return false }
        let edits = loaded.diagnostics.compactMap(\.fixIt)
        guard !edits.isEmpty else { return false }
        let result = FixItApplier.apply(edits, to: text, file: path)
        guard !result.applied.isEmpty else { return false }
        try OutputFile.rewrite(result.text, at: path)
        for c in result.applied { shell.say("\(path):\(c.location.line):\(c.location.column): \(c.done)") }
        if !result.skipped.isEmpty {
            let n = result.skipped.count
            shell.say("\(path): \(n) fix\(n == 1 ? "" : "es") left out (they touch text another fix changed); "
                      + "run 'check --fix' again.")
        }
        return true
    }
}
