import RehabScript

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
    /// Options this command accepts, each with what it takes: the one declaration parsing, completion and help read.
    public let options: [CommandOption]
    /// Whether the command writes to the journal or needs a patient (it then opens the journal lazily).
    public let run: @Sendable (Shell, Arguments) throws(CommandError) -> Void

    public init(_ name: String, aliases: [String] = [], group: Group, usage: String, summary: String, example: String,
                arguments: CompletionNode = .end, options: [CommandOption] = [],
                run: @escaping @Sendable (Shell, Arguments) throws(CommandError) -> Void) {
        self.name = name; self.aliases = aliases; self.group = group; self.usage = usage; self.summary = summary
        self.example = example; self.arguments = arguments; self.options = options; self.run = run
    }
}

/// Where completion candidates for an argument come from.
public enum CompletionSource: Sendable, Hashable {
    case commands, exercises, routines, activities, objects, units, flags, clearances, patients, files, phases, programs
    /// The program's goals (`met`) and the items it leaves to the therapist (`prescribe`).
    case goals, categories
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

/// An option of a command: a flag (`--json`), or one that takes a value (`--week N`).
public struct CommandOption: Sendable, Hashable, ExpressibleByStringLiteral {
    public enum Takes: Sendable, Hashable {
        case nothing
        /// A value shown as `placeholder` in help, completed from fixed words or a dynamic source.
        case value(placeholder: String, words: [String], from: CompletionSource?)
    }

    public let name: String
    public let takes: Takes

    /// A flag: `"json"` in a command's option list.
    public init(stringLiteral name: String) { self.name = name; self.takes = .nothing }
    init(name: String, takes: Takes) { self.name = name; self.takes = takes }

    public static func value(_ name: String, _ placeholder: String, words: [String] = [], from: CompletionSource? = nil) -> CommandOption {
        CommandOption(name: name, takes: .value(placeholder: placeholder, words: words, from: from))
    }

    public var takesValue: Bool { if case .value = takes { return true } else { return false } }

    /// `--week N`, `--json`
    public var usage: String {
        if case .value(let placeholder, _, _) = takes { return "--\(name) \(placeholder)" }
        return "--\(name)"
    }
}

/// Which options a command actually looked at, so a test can catch an option that is declared but never read.
public final class OptionReads {
    public private(set) var names: Set<String> = []
    func mark(_ name: String) { names.insert(name) }
}

/// The words after the command name, with `--option value` pairs pulled out by the command's own declarations.
public struct Arguments {
    public var words: [String]
    private var values: [String: String]
    private var present: Set<String>
    public let reads = OptionReads()

    public init(words: [String], options: [String: String] = [:], flags: Set<String> = []) {
        self.words = words; self.values = options; self.present = flags
    }

    /// The value of a valued option (repeated ones joined by commas).
    public func option(_ name: String) -> String? { reads.mark(name); return values[name] }

    /// The value of an option without counting it as read (for limits checked before the command runs).
    func peek(_ name: String) -> String? { values[name] }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { reads.mark(name); return present.contains(name) }

    public var json: Bool { flag("json") }

    /// `--help` after any command shows its help.
    var wantsHelp: Bool { present.contains("help") }

    /// Splits raw words by what `declared` says each option takes; an option the command does not have, a flag given a
    /// value, or a valued option with none is one sentence.
    public static func parse(_ raw: [String], command: String, declared: [CommandOption]) throws(CommandError) -> Arguments {
        var args = Arguments(words: [])
        var multi: [String: [String]] = [:]
        var i = 0
        while i < raw.count {
            let w = raw[i]
            guard w.hasPrefix("--"), w.count > 2 else { args.words.append(w); i += 1; continue }
            var name = String(w.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...]); name = String(name[..<eq])
            }
            if name == "help", value == nil { args.present.insert("help"); i += 1; continue }
            guard let option = declared.first(where: { $0.name == name }) else {
                throw .usage("'\(command)' has no option --\(Excerpt.of(name)); type 'help \(command)' to see how to use it.")
            }
            if option.takesValue {
                if value == nil {
                    guard i + 1 < raw.count else { throw .usage("\(option.usage) needs a value; type 'help \(command)' to see how to use it.") }
                    value = raw[i + 1]; i += 1
                }
                // Repeatable options (--cleared) keep every value, joined by commas.
                multi[name, default: []].append(value ?? "")
                args.values[name] = multi[name]?.joined(separator: ",")
            } else {
                guard value == nil else { throw .usage("--\(name) takes no value; type just --\(name).") }
                args.present.insert(name)
            }
            i += 1
        }
        return args
    }
}
