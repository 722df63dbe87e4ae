import RehabScript
import RehabCore

/// The list of commands: lookup by name or alias, suggestions for typos, and the help text.
public struct CommandTable: Sendable {
    public let commands: [Command]

    public init(_ commands: [Command]) { self.commands = commands }

    public var names: [String] { commands.map(\.name) }

    public func command(named word: String) -> Command? {
        let w = word.lowercased()
        return commands.first { $0.name == w || $0.aliases.contains(w) }
    }

    /// `unknown command 'alowed' — did you mean 'allowed'? Type 'help' to see every command.`
    public func unknown(_ word: String) -> CommandError {
        let shown = Excerpt.of(word)
        if let s = Suggestion.closest(to: word, in: names + commands.flatMap(\.aliases)) {
            return .usage("unknown command '\(shown)' — did you mean '\(s)'?")
        }
        return .usage("unknown command '\(shown)'; type 'help' to see every command.")
    }

    /// The whole help screen, grouped.
    public var helpText: String {
        var out = ""
        let width = (commands.map(\.name.count).max() ?? 8) + 2
        for group in Command.Group.allCases {
            let members = commands.filter { $0.group == group }
            if members.isEmpty { continue }
            out += "\(group.rawValue):\n"
            for c in members {
                out += "  " + c.name + String(repeating: " ", count: max(1, width - c.name.count)) + c.summary + "\n"
            }
            out += "\n"
        }
        out += "Type 'help COMMAND' for how to use one, with an example. Tab completes commands and their words.\n"
        return out
    }

    public func help(for c: Command) -> String {
        var out = "usage: \(c.usage)\n\(c.summary)\n"
        if !c.aliases.isEmpty { out += "also: \(c.aliases.joined(separator: ", "))\n" }
        if !c.options.isEmpty { out += "options: \(c.options.map(\.usage).joined(separator: "  "))\n" }
        out += "example: \(c.example)\n"
        return out
    }
}
