import RehabCore

/// A problem found in a program, as a value: rendered once, at the edge, by `DiagnosticRenderer`.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// A stable id for tests and tools (`unknown-exercise`, `phase-gap`…).
    public let id: String
    public let severity: Severity
    public let message: String
    public let location: SourceRef
    /// How many characters to underline (at least one caret).
    public let length: Int
    /// Other places involved (the restriction a prescription breaks, the first definition of a duplicate).
    public let notes: [Note]
    /// A suggestion such as `did you mean 'ankle-pumps'?`.
    public let hint: String?

    public struct Note: Hashable, Sendable {
        public let message: String
        public let location: SourceRef
        public init(_ message: String, at location: SourceRef) { self.message = message; self.location = location }
    }

    public init(_ id: String, _ severity: Severity, _ message: String, at location: SourceRef, length: Int = 1,
                notes: [Note] = [], hint: String? = nil) {
        self.id = id; self.severity = severity; self.message = message; self.location = location
        self.length = max(1, length); self.notes = notes; self.hint = hint
    }

    public static func error(_ id: String, _ message: String, at location: SourceRef, length: Int = 1,
                             notes: [Note] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(id, .error, message, at: location, length: length, notes: notes, hint: hint)
    }

    public static func warning(_ id: String, _ message: String, at location: SourceRef, length: Int = 1,
                               notes: [Note] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(id, .warning, message, at: location, length: length, notes: notes, hint: hint)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// In file order, so one run reads top to bottom.
    public var sorted: [Diagnostic] {
        sorted { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) }
    }
}
