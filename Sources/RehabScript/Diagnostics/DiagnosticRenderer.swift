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
        if let fix = d.fixIt { out += "  \(paint("fix", "1;32")): \(fix.description)\n" }
        for note in d.notes {
            out += "\(note.location.file):\(note.location.line):\(note.location.column): \(paint("note", "1;36")): \(note.message)\n"
            out += excerpt(note.location, length: 1)
        }
        return out
    }

    public func render(_ ds: [Diagnostic]) -> String { ds.map(render).joined() }

    /// Diagnostics shown per file before the rest are counted: a file with thousands of errors
    /// (often not a program at all) must not flood the terminal.
    public static let errorsPerFile = 50

    /// At most `limitPerFile` diagnostics of each file, then "… and N more in FILE".
    public func render(_ ds: [Diagnostic], limitPerFile: Int) -> String {
        var shown: [String: Int] = [:]
        var hidden: [(file: String, count: Int)] = []
        var out = ""
        for d in ds {
            let file = d.location.file
            let n = shown[file, default: 0]
            if n < limitPerFile {
                out += render(d)
                shown[file] = n + 1
            } else if let i = hidden.firstIndex(where: { $0.file == file }) {
                hidden[i].count += 1
            } else {
                hidden.append((file, 1))
            }
        }
        for (file, count) in hidden {
            out += "\(file): … and \(DiagnosticRenderer.grouped(count)) more\n"
        }
        return out
    }

    /// Columns of source shown around the spot: a line of 3,000 spaces quotes a window of it.
    static let excerptWidth = 100

    private func excerpt(_ at: SourceRef, length: Int) -> String {
        guard let text = sources[at.file], var line = DiagnosticRenderer.line(at.line, of: text) else { return "" }
        if at.line == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        let width = DiagnosticRenderer.excerptWidth
        // A window that starts a little before the column when the line is long.
        let skip = max(0, at.column - 1 - width / 4)
        let window = line.dropFirst(skip)
        let cut = window.count > width
        let shown = (skip > 0 ? "…" : "") + window.prefix(width).replacingTabs + (cut ? "…" : "")
        let column = at.column - skip + (skip > 0 ? 1 : 0)
        let pad = String(repeating: " ", count: max(0, column - 1))
        let room = max(1, min(width, shown.count - column + 1))
        let carets = String(repeating: "^", count: max(1, min(length, room)))
        return "    \(shown)\n    \(pad)\(paint(carets, "1;32"))\n"
    }

    /// 2117 → "2,117".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
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

    /// Every line of a text, split as ``line(_:of:)`` does: for passes that look at many lines of one file.
    static func lines(of text: String) -> [Substring] {
        var out: [Substring] = []
        let u = text.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == 0x0A { out.append(trimCR(text[start..<i])); start = u.index(after: i) }
            i = u.index(after: i)
        }
        out.append(trimCR(text[start...]))
        return out
    }

    private static func trimCR(_ s: Substring) -> Substring {
        s.utf8.last == 0x0D ? s.dropLast() : s
    }

    private func paint(_ s: String, _ code: String) -> String { colors ? StyleMarker.wrap(s, code) : s }
}

extension Substring {
    var replacingTabs: String { String(self.map { $0 == "\t" ? " " : $0 }) }
}

extension String {
    var replacingTabs: String { Substring(self).replacingTabs }
}
