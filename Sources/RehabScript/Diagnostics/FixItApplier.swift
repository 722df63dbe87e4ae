import RehabCore

/// Applies fix-its to one file's text: from the end backwards, so earlier spots keep their columns,
/// and never two that touch the same characters.
public enum FixItApplier {
    /// An edit made, and where its new text now starts (later lines move down when a line is inserted above).
    public struct Change: Hashable, Sendable {
        public let fixIt: FixIt
        public let location: SourceRef
        /// "replaced 'bridgs' with 'bridges'"
        public var done: String { fixIt.done }
    }

    public struct Result: Sendable {
        public let text: String
        /// In file order.
        public let applied: [Change]
        /// Overlapping another edit, or no longer matching the text (the file changed since the check).
        public let skipped: [FixIt]
    }

    /// Edits of other files are ignored; the same edit twice (one missing `use` for two names) is made once.
    public static func apply(_ fixIts: [FixIt], to text: String, file: String) -> Result {
        var scalars = Array(text.unicodeScalars)
        let starts = lineStarts(scalars)
        // An inserted line ends as the file's lines do.
        let crlf = text.utf8.contains(0x0D)
        var unique: [FixIt] = []
        for f in fixIts where f.location.file == file && !unique.contains(f) { unique.append(f) }
        let ordered = unique.sorted { ($0.location.line, $0.location.column) > ($1.location.line, $1.location.column) }
        var applied: [FixIt] = []
        var skipped: [FixIt] = []
        // Start of the text already edited: an edit must end at or before it.
        var limit = scalars.count
        for f in ordered {
            guard let start = offset(of: f, starts: starts, count: scalars.count),
                  start + f.length <= limit,
                  String(String.UnicodeScalarView(scalars[start..<(start + f.length)])) == f.original else {
                skipped.append(f)
                continue
            }
            scalars.replaceSubrange(start..<(start + f.length), with: newText(f.replacement, crlf: crlf))
            limit = start
            applied.append(f)
        }
        return Result(text: String(String.UnicodeScalarView(scalars)), applied: moved(applied.reversed()),
                      skipped: skipped.reversed())
    }

    /// Where each edit, given in file order, lands once the edits before it are made.
    private static func moved(_ edits: [FixIt]) -> [Change] {
        var lineShift = 0
        var shiftedLine = 0
        var columnShift = 0
        var out: [Change] = []
        for f in edits {
            let line = f.location.line
            if line != shiftedLine { shiftedLine = line; columnShift = 0 }
            let at = SourceRef(file: f.location.file, line: line + lineShift, column: f.location.column + columnShift)
            out.append(Change(fixIt: f, location: at))
            let new = Array(f.replacement.unicodeScalars)
            let breaks = new.filter { $0 == "\n" }.count
            if breaks == 0 {
                columnShift += new.count - f.length
            } else {
                // The rest of the line now follows the inserted text's last line.
                lineShift += breaks
                let tail = new.count - 1 - (new.lastIndex(of: "\n") ?? 0)
                columnShift += tail + 1 - (at.column + f.length)
                shiftedLine = line
            }
        }
        return out
    }

    private static func newText(_ replacement: String, crlf: Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for s in replacement.unicodeScalars {
            if crlf && s == "\n" { out.append("\r") }
            out.append(s)
        }
        return out
    }

    /// Offsets of each line's first scalar; a byte order mark is not part of line 1's columns.
    private static func lineStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [scalars.first == "\u{FEFF}" ? 1 : 0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        return starts
    }

    private static func offset(of f: FixIt, starts: [Int], count: Int) -> Int? {
        let line = f.location.line - 1
        guard line >= 0, line < starts.count, f.location.column >= 1 else { return nil }
        let o = starts[line] + f.location.column - 1
        return o <= count ? o : nil
    }
}
