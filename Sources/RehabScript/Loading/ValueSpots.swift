import RehabCore

/// Moves an `implausible` diagnostic from the start of its statement to the number at fault.
///
/// The checks see values, not where they were written (a restriction keeps only where its line starts),
/// so the spot is found afterwards: the number that the message names and that appears exactly once on
/// the statement's line from its start on (`lift at most 500 lb until week 6`: "500"). When that is not
/// one number, the diagnostic stays where it was.
enum ValueSpots {
    static func refine(_ diagnostics: [Diagnostic], sources: [String: String]) -> [Diagnostic] {
        // Split once per file: a generated program may have thousands of these.
        var split: [String: [Substring]] = [:]
        return diagnostics.map { d in
            guard d.code == .implausible, let text = sources[d.location.file] else { return d }
            let lines = split[d.location.file] ?? DiagnosticRenderer.lines(of: text)
            split[d.location.file] = lines
            guard d.location.line >= 1, d.location.line <= lines.count else { return d }
            let line = lines[d.location.line - 1]
            var lexer = Lexer(file: d.location.file, text: String(line))
            let tokens = lexer.lines().first?.tokens ?? []
            let numbers = tokens.filter { $0.kind == .number && $0.column >= d.location.column }
            let named = Set(words(of: d.message))
            let atFault = numbers.filter { named.contains($0.text) }
            guard atFault.count == 1, let t = atFault.first else { return d }
            let at = SourceRef(file: d.location.file, line: d.location.line, column: t.column)
            return Diagnostic(d.code, d.severity, d.message, at: at, length: t.length, notes: d.notes, hint: d.hint,
                              fixIt: d.fixIt)
        }
    }

    /// The whole numbers written in a message ("500 lb" → "500").
    private static func words(of message: String) -> [String] {
        message.split(whereSeparator: { !$0.isNumber && $0 != "." })
            .map { String($0.hasSuffix(".") ? $0.dropLast() : $0) }
    }
}
