import RehabCore

/// A problem found in a program, as a value: rendered once, at the edge, by `DiagnosticRenderer`.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// A stable id for tests and tools (`unknown-exercise`, `phase-gap`…), from the one catalog.
    public let code: DiagnosticID
    /// The id as text, as fixtures and tools write it.
    public var id: String { code.rawValue }
    public let severity: Severity
    public let message: String
    public let location: SourceRef
    /// How many characters to underline (at least one caret).
    public let length: Int
    /// Other places involved (the restriction a prescription breaks, the first definition of a duplicate).
    public let notes: [Note]
    /// A suggestion such as `did you mean 'ankle-pumps'?`.
    public let hint: String?
    /// An edit that would correct it, shown as `fix:` and applied by `check --fix`.
    public let fixIt: FixIt?

    public struct Note: Hashable, Sendable {
        public let message: String
        public let location: SourceRef
        public init(_ message: String, at location: SourceRef) { self.message = message; self.location = location }
    }

    public init(_ code: DiagnosticID, _ severity: Severity, _ message: String, at location: SourceRef, length: Int = 1,
                notes: [Note] = [], hint: String? = nil, fixIt: FixIt? = nil) {
        self.code = code; self.severity = severity; self.message = message; self.location = location
        self.length = max(1, length); self.notes = notes; self.hint = hint; self.fixIt = fixIt
    }

    public static func error(_ code: DiagnosticID, _ message: String, at location: SourceRef, length: Int = 1,
                             notes: [Note] = [], hint: String? = nil, fixIt: FixIt? = nil) -> Diagnostic {
        Diagnostic(code, .error, message, at: location, length: length, notes: notes, hint: hint, fixIt: fixIt)
    }

    public static func warning(_ code: DiagnosticID, _ message: String, at location: SourceRef, length: Int = 1,
                               notes: [Note] = [], hint: String? = nil, fixIt: FixIt? = nil) -> Diagnostic {
        Diagnostic(code, .warning, message, at: location, length: length, notes: notes, hint: hint, fixIt: fixIt)
    }

    /// The same diagnostic with an edit attached (a check that finds the fix after the fact, such as a missing `use`).
    public func with(fixIt: FixIt?, hint: String? = nil) -> Diagnostic {
        Diagnostic(code, severity, message, at: location, length: length, notes: notes, hint: hint ?? self.hint,
                   fixIt: fixIt)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// In file order, so one run reads top to bottom.
    public var sorted: [Diagnostic] {
        sorted { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) }
    }
}
