/// One command of the REPL: its help, how its arguments complete, and what it does.
///
/// The same value drives parsing, `help`, tab completion and the one-shot form, so a new command
/// needs no code anywhere else.
public struct Command: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        case today = "Today"
        case questions = "What is allowed"
        case orders = "Clearances, orders and red flags"
        case patients = "Patients and profile"
        case programs = "Programs (for therapists)"
        case shell = "The shell"
    }

    public let name: String
    public let aliases: [String]
    public let group: Group
    /// `can lift WEIGHT|OBJECT`, shown by `help CMD`.
    public let usage: String
    public let summary: String
    public let example: String
    /// How each argument word completes with Tab.
    public let arguments: CompletionNode
    /// Options this command accepts (`--json`, `--week`), offered when a word starts with `-`.
    public let options: [String]
    /// Whether the command writes to the journal or needs a patient (it then opens the journal lazily).
    public let run: @Sendable (Shell, Arguments) throws(CommandError) -> Void

    public init(_ name: String, aliases: [String] = [], group: Group, usage: String, summary: String, example: String,
                arguments: CompletionNode = .end, options: [String] = [],
                run: @escaping @Sendable (Shell, Arguments) throws(CommandError) -> Void) {
        self.name = name; self.aliases = aliases; self.group = group; self.usage = usage; self.summary = summary
        self.example = example; self.arguments = arguments; self.options = options; self.run = run
    }
}

/// Where completion candidates for an argument come from.
public enum CompletionSource: Sendable, Hashable {
    case commands, exercises, routines, activities, objects, units, flags, clearances, patients, files, phases, programs
}

/// The shape of a command's arguments for Tab completion: fixed words, lists from the program, or branches.
public indirect enum CompletionNode: Sendable {
    case end
    /// One word, from a fixed list and/or a dynamic source, then what follows.
    case word([String], CompletionSource?, then: CompletionNode)
    /// A keyword chooses what follows (`profile set surgery …`); `otherwise` covers free words.
    case branch([String: CompletionNode], otherwise: CompletionNode?)
    /// The same node for every remaining word (`check FILE…`).
    case repeating(CompletionNode)

    public static func words(_ w: [String], then: CompletionNode = .end) -> CompletionNode { .word(w, nil, then: then) }
    public static func from(_ s: CompletionSource, then: CompletionNode = .end) -> CompletionNode { .word([], s, then: then) }
}

/// The words after the command name, with `--option value` pairs pulled out.
public struct Arguments: Sendable {
    public var words: [String]
    public var options: [String: String]
    public var flags: Set<String>

    public init(words: [String], options: [String: String] = [:], flags: Set<String> = []) {
        self.words = words; self.options = options; self.flags = flags
    }

    public var json: Bool { flags.contains("json") }

    /// Splits raw words: `--name value` for options in `valued`, `--name` alone for any other option.
    public static func parse(_ raw: [String], valued: Set<String>) throws(CommandError) -> Arguments {
        var args = Arguments(words: [])
        var i = 0
        var multi: [String: [String]] = [:]
        while i < raw.count {
            let w = raw[i]
            if w.hasPrefix("--"), w.count > 2 {
                var name = String(w.dropFirst(2))
                var value: String?
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...]); name = String(name[..<eq])
                }
                if valued.contains(name) {
                    if value == nil {
                        guard i + 1 < raw.count else { throw .usage("--\(name) needs a value; type 'help' to see how to use it.") }
                        value = raw[i + 1]; i += 1
                    }
                    if let v = value {
                        // Repeatable options (--cleared) keep every value, joined by commas.
                        multi[name, default: []].append(v)
                        args.options[name] = multi[name]?.joined(separator: ",")
                    }
                } else {
                    args.flags.insert(name)
                }
            } else {
                args.words.append(w)
            }
            i += 1
        }
        return args
    }
}
