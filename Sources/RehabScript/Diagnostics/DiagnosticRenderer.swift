import RehabCore

/// Renders diagnostics as `FILE:LINE:COL: error: message`, the source line and a caret.
public struct DiagnosticRenderer {
    /// Source text by file path, to quote the offending line.
    public let sources: [String: String]
    public let colors: Bool

    public init(sources: [String: String], colors: Bool = false) { self.sources = sources; self.colors = colors }

    public func render(_ d: Diagnostic) -> String {
        let label = d.severity == .error ? paint("error", "1;31") : paint("warning", "1;35")
        var out = "\(d.location.file):\(d.location.line):\(d.location.column): \(label): \(d.message)\n"
        out += excerpt(d.location, length: d.length)
        if let hint = d.hint { out += "  hint: \(hint)\n" }
        for note in d.notes {
            out += "\(note.location.file):\(note.location.line):\(note.location.column): \(paint("note", "1;36")): \(note.message)\n"
            out += excerpt(note.location, length: 1)
        }
        return out
    }

    public func render(_ ds: [Diagnostic]) -> String { ds.map(render).joined() }

    private func excerpt(_ at: SourceRef, length: Int) -> String {
        guard let text = sources[at.file], var line = DiagnosticRenderer.line(at.line, of: text) else { return "" }
        if at.line == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        let shown = line.replacingTabs
        let pad = String(repeating: " ", count: max(0, at.column - 1))
        let carets = String(repeating: "^", count: max(1, min(length, max(1, shown.count - at.column + 1))))
        return "    \(shown)\n    \(pad)\(paint(carets, "1;32"))\n"
    }

    /// Line `n` (1-based) of a text, split on LF bytes: in Swift "\r\n" is one Character, so a
    /// Character-wise split would never find the lines of a CRLF file.
    public static func line(_ n: Int, of text: String) -> Substring? {
        let u = text.utf8
        var current = 1
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == 0x0A {
                if current == n { return trimCR(text[start..<i]) }
                current += 1
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        return current == n ? trimCR(text[start...]) : nil
    }

    private static func trimCR(_ s: Substring) -> Substring {
        s.utf8.last == 0x0D ? s.dropLast() : s
    }

    private func paint(_ s: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}

extension Substring {
    var replacingTabs: String { String(self.map { $0 == "\t" ? " " : $0 }) }
}
