import RehabCore

/// The REPL engine: turns one line into a command run, with no knowledge of where lines come from.
public final class Shell {
    public let table: CommandTable
    public var settings: ShellSettings
    public let console: Console
    public let clock: StepClock
    /// Set by `quit`; the session loop stops after the current line.
    public var wantsExit = false

    public init(settings: ShellSettings, console: Console, clock: StepClock, table: CommandTable = .standard) {
        self.settings = settings; self.console = console; self.clock = clock; self.table = table
    }

    /// Runs one line. Blank lines and `#` comments do nothing.
    public func execute(_ line: String) throws(CommandError) {
        let trimmed = line.trimmingSpaces
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        try execute(words: Tokenizer.words(trimmed))
    }

    /// Runs a command given as words (the one-shot form: `rehab can lift 15 lb`).
    public func execute(words: [String]) throws(CommandError) {
        guard let name = words.first else { return }
        guard let command = table.command(named: name) else { throw table.unknown(name) }
        let args = try Arguments.parse(Array(words.dropFirst()), valued: Shell.valuedOptions)
        let unknownOptions = args.flags.union(args.options.keys).subtracting(command.options)
        if let bad = unknownOptions.sorted().first {
            throw .usage("'\(command.name)' has no option --\(bad); type 'help \(command.name)' to see how to use it.")
        }
        try command.run(self, args)
    }

    /// Options that take a value, whichever command uses them.
    static let valuedOptions: Set<String> = ["week", "on", "cleared", "format", "patient", "by", "note"]

    public var completer: Completer {
        Completer(table: table) { [weak self] source in self?.completionWords(source) ?? [] }
    }

    /// Candidates for a dynamic completion source.
    public func completionWords(_ source: CompletionSource) -> [String] {
        switch source {
        case .commands: return table.names
        case .units: return ["lb", "kg"]
        default: return contextWords(source)
        }
    }

    /// Program- and journal-backed words; filled in by the patient layer.
    var contextWords: (CompletionSource) -> [String] = { _ in [] }

    public var prompt: String { promptText() }
    var promptText: () -> String = { "rehab> " }

    // MARK: output helpers

    public func say(_ text: String) {
        console.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    public func style(_ text: String, _ code: String) -> String {
        console.colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension Shell: @unchecked Sendable {}
