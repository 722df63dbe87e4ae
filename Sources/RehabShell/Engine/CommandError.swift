/// A command that could not do what was asked, with one plain sentence for the user.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The words typed were wrong (exit 2 in one-shot mode).
        case usage
        /// The command ran and found a problem, e.g. `check` found errors (exit 1).
        case failed
        /// The environment is unusable: data dir, journal (exit 2, and a script stops).
        case environment
    }

    public let kind: Kind
    public let message: String
    /// Already shown to the user (e.g. diagnostics printed in full); only the status remains.
    public let alreadyReported: Bool

    public init(_ kind: Kind, _ message: String, alreadyReported: Bool = false) {
        self.kind = kind; self.message = message; self.alreadyReported = alreadyReported
    }

    public static func usage(_ message: String) -> CommandError { CommandError(.usage, message) }
    public static func failed(_ message: String, alreadyReported: Bool = false) -> CommandError {
        CommandError(.failed, message, alreadyReported: alreadyReported)
    }
    public static func environment(_ message: String) -> CommandError { CommandError(.environment, message) }

    public var description: String { message }
}
