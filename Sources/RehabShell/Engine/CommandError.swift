import RehabScript

/// A command that could not do what was asked, with one plain sentence for the user.
///
/// Commands never print their own failures: they throw this value and the session's one reporter
/// (``Session/report(_:line:)``) decides what is shown and which exit status follows.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The words typed were wrong (exit 2 in one-shot mode and with `-c`).
        case usage
        /// The command ran and found a problem, e.g. `check` found errors (exit 1).
        case failed
        /// The environment is unusable: data dir, journal (exit 2, and a script stops).
        case environment
    }

    public let kind: Kind
    /// The sentence shown after any diagnostics; empty when the diagnostics say it all.
    public let message: String
    /// Program diagnostics to show before the message, with the text of the files they point into.
    public let diagnostics: [Diagnostic]
    public let sources: [String: String]

    public init(_ kind: Kind, _ message: String, diagnostics: [Diagnostic] = [], sources: [String: String] = [:]) {
        self.kind = kind; self.message = message; self.diagnostics = diagnostics; self.sources = sources
    }

    public static func usage(_ message: String) -> CommandError { CommandError(.usage, message) }
    public static func failed(_ message: String) -> CommandError { CommandError(.failed, message) }
    public static func environment(_ message: String) -> CommandError { CommandError(.environment, message) }
    /// A program with errors: the diagnostics, and a summary sentence (empty when `check` already said it).
    public static func diagnostics(_ diagnostics: [Diagnostic], sources: [String: String],
                                   summary: String = "") -> CommandError {
        CommandError(.failed, summary, diagnostics: diagnostics, sources: sources)
    }

    public var description: String { message }
}
