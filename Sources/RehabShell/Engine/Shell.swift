import RehabCore
import RehabJournal
import RehabScript

/// The REPL engine: turns one line into a command run, with no knowledge of where lines come from.
public final class Shell {
    public let table: CommandTable
    public var settings: ShellSettings
    public let console: Console
    public let clock: StepClock
    /// Set by `quit`; the session loop stops after the current line.
    public var wantsExit = false
    /// Asks the user a question mid-command (guided profile); nil when nobody can answer.
    public var ask: ((String) -> LineInput)?
    var journalStore: Journal?
    var programCache: [String: Program] = [:]
    let parseCache = ParseCache()
    var objectCatalog: ObjectCatalog?
    /// The question matcher of the last program asked about: its phrases are prepared once, not per question.
    var questionMatcher: (program: Program, matcher: QuestionMatcher)?
    /// Whether the next `can` answer closes with "Your surgeon's instructions always come first.": once per
    /// session (every one-shot answer, a REPL's first), never in a script from a pipe (one line per answer there).
    var surgeonFirstDue = true
    /// The arguments of the last command run, for the test that every declared option is read.
    var lastArguments: Arguments?

    public init(settings: ShellSettings, console: Console, clock: StepClock, table: CommandTable = .standard) {
        self.settings = settings; self.console = console; self.clock = clock; self.table = table
    }

    /// Closes the journal before the process ends. SQLite folds the write-ahead log back into the journal only when
    /// the last connection closes; a process that simply exits leaves the log behind, and the next start must then
    /// check the whole file (`quick_check`), which takes seconds on a clinic's journal.
    public func closeJournal() { journalStore = nil }

    /// Runs one line. Blank lines and `#` comments do nothing.
    public func execute(_ line: String) throws(CommandError) {
        try TextLimits.check(line: line)
        let trimmed = line.trimmingSpaces
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        try execute(words: Tokenizer.words(trimmed))
    }

    /// Runs a command given as words (the one-shot form: `rehab can lift 15 lb`).
    public func execute(words: [String]) throws(CommandError) {
        // `rehab "can I sleep on my stomach"`: a whole question quoted as one word is its words.
        if words.count == 1, let only = words.first, only.contains(" "), table.command(named: only) == nil {
            let split = Tokenizer.words(only)
            if split.count > 1 { return try execute(words: split) }
        }
        guard let name = words.first else { return }
        guard let command = table.command(named: name) else {
            // Limits first, so a pasted megabyte is refused before any "did you mean" search.
            try TextLimits.check(words: words, arguments: Arguments(words: words))
            // `is it ok to vacuum`, `am I allowed to drive`: a question, answered like `can`.
            if let rest = QuestionMatcher.afterOpener(words) { return try execute(words: ["can", "i"] + rest) }
            throw table.unknown(name)
        }
        let args = try Arguments.parse(Array(words.dropFirst()), command: command.name, declared: command.options)
        try TextLimits.check(words: words, arguments: args)
        lastArguments = args
        if args.wantsHelp { console.write(table.help(for: command)); return }
        if Shell.patientGroups.contains(command.group), !args.json, let header = patientHeader() { say(header) }
        try command.run(self, args)
    }

    /// Commands whose answers are about one patient, and so name them when a data dir holds several.
    static let patientGroups: Set<Command.Group> = [.today, .questions, .orders]


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

    /// Program- and journal-backed words for completion.
    func contextWords(_ source: CompletionSource) -> [String] {
        let program = (try? patientView())?.program
        switch source {
        case .exercises: return program?.exercises.map(\.id) ?? []
        case .routines: return program?.routines.map(\.id) ?? []
        case .activities:
            let verbs = ["lift", "bend", "twist", "sit", "drive", "do", "routine"]
            return verbs + (program?.activities.map(\.name) ?? []).filter { !verbs.contains(Activity($0).verb) }
        case .objects: return objects.ids
        case .flags: return (program?.redFlags.map(\.id) ?? []) + ["pain"]
        case .clearances:
            return ((program?.clearanceNames ?? []) + ["lifting", "bending", "twisting", "driving", "sitting"]).uniqued
        case .patients: return ((try? journal().patients()) ?? []).map(\.name)
        case .phases: return program?.phases.map(\.id) ?? []
        case .programs: return shippedProgramNames
        case .goals: return program?.goals.map(\.id) ?? []
        // The program as written: an item already filled in may be filled in again.
        case .categories: return (try? patientView()).flatMap { try? patientProgram($0.record).categories } ?? []
        case .files, .commands, .units: return []
        }
    }

    public var prompt: String { patientPrompt() }

    // MARK: output helpers

    public func say(_ text: String) {
        console.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    public func style(_ text: String, _ code: String) -> String {
        console.colors ? StyleMarker.wrap(text, code) : text
    }
}



extension Array where Element: Hashable {
    var uniqued: [Element] { var seen = Set<Element>(); return filter { seen.insert($0).inserted } }
}
