import RehabCore
import RehabScript
import Testing

/// A program text with emoji markers (`1️⃣`, `2️⃣`…) at the spots a test expects diagnostics, in the
/// style of swift-syntax's tests: the markers are removed and each becomes a 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, as the language reports them.
struct MarkedSource {
    struct Spot: Hashable, CustomStringConvertible {
        let line: Int
        let column: Int
        var description: String { "\(line):\(column)" }
    }

    static let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// The text with every marker removed.
    let text: String
    private let spots: [Character: Spot]

    init(_ marked: String) {
        var text = ""
        var spots: [Character: Spot] = [:]
        var line = 1
        var column = 1
        for ch in marked {
            if MarkedSource.markers.contains(ch) {
                precondition(spots[ch] == nil, "marker \(ch) used twice")
                spots[ch] = Spot(line: line, column: column)
                continue
            }
            text.append(ch)
            if ch == "\n" || ch == "\r\n" {
                line += 1; column = 1
            } else {
                column += ch.unicodeScalars.count
            }
        }
        self.text = text
        self.spots = spots
    }

    /// The spot of a marker; a missing marker is a mistake in the test itself.
    subscript(_ marker: Character) -> Spot {
        guard let spot = spots[marker] else {
            Issue.record("marker \(marker) is not in the source")
            return Spot(line: 0, column: 0)
        }
        return spot
    }
}

extension SourceRef {
    var spot: MarkedSource.Spot { MarkedSource.Spot(line: line, column: column) }
}

/// Loads marked sources: `main` is the program file, `others` are libraries by path.
struct Checked {
    let source: MarkedSource
    let loaded: LoadedProgram
    var diagnostics: [Diagnostic] { loaded.diagnostics }

    init(_ main: String, path: String = "main.rehab", others: [String: String] = [:], runExpectations: Bool = true) {
        source = MarkedSource(main)
        var files = others
        files[path] = source.text
        loaded = ProgramLoader.load(path, from: MemorySources(files), runExpectations: runExpectations)
    }

    /// The only diagnostic with this id; records an issue (with every diagnostic found) when there is not exactly one.
    func only(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let found = diagnostics.filter { $0.id == id }
        guard found.count == 1 else {
            Issue.record("expected exactly one '\(id)' diagnostic, found \(found.count):\n\(rendered)", sourceLocation: sourceLocation)
            return nil
        }
        return found[0]
    }

    /// Checks the diagnostic's id, severity, spot (a marker), the words its message must contain and its hint.
    @discardableResult
    func expect(_ id: String, _ severity: Diagnostic.Severity = .error, at marker: Character,
                file: String = "main.rehab", message: [String], hint: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        guard let d = only(id, sourceLocation: sourceLocation) else { return nil }
        #expect(d.severity == severity, "severity of '\(id)'", sourceLocation: sourceLocation)
        #expect(d.location.file == file, "file of '\(id)'", sourceLocation: sourceLocation)
        #expect(d.location.spot == source[marker], "position of '\(id)': \(d.message)", sourceLocation: sourceLocation)
        for words in message {
            #expect(d.message.contains(words), "message of '\(id)' lacks \"\(words)\": \(d.message)", sourceLocation: sourceLocation)
        }
        if let hint {
            #expect(d.hint?.contains(hint) == true, "hint of '\(id)': \(d.hint ?? "none")", sourceLocation: sourceLocation)
        }
        return d
    }

    /// Every diagnostic, rendered, for failure messages.
    var rendered: String { DiagnosticRenderer(sources: loaded.sources).render(diagnostics) }

    var ids: [String] { diagnostics.map(\.id) }
}
