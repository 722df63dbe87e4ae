/// What the command line asked for: global options, then the words of one command (if any).
///
/// Read by hand rather than with swift-argument-parser: its reflection over property wrappers cost
/// about 2 ms of the 4 ms a one-shot `rehab allowed` took to start (measured with perf), and the six
/// global options need none of its power. Global options may come before or after the command word.
struct Invocation: Equatable {
    var today: String?
    var dataDir: String?
    var patient: String?
    var noColor = false
    var bail = false
    /// `-c 'a; b'`: commands to run in order, then exit.
    var commands: String?
    /// The command to run once and its words; empty for a session.
    var words: [String] = []
    var wantsHelp = false
    var wantsVersion = false

    /// A mistake on the command line, as one sentence.
    struct Mistake: Error, Equatable {
        var message: String
    }

    /// Reads the arguments after the program name.
    static func parse(_ arguments: [String]) throws(Mistake) -> Invocation {
        var result = Invocation()
        var i = 0
        var sawCommand = false
        func value(_ option: String) throws(Mistake) -> String {
            if let attached = split(arguments[i]).1 { return attached }
            guard i + 1 < arguments.count else {
                throw Mistake(message: "\(option) needs a value; type 'rehab --help' for the options.")
            }
            i += 1
            return arguments[i]
        }
        while i < arguments.count {
            let word = arguments[i]
            defer { i += 1 }
            let (name, attached) = split(word)
            switch name {
            case "--today": result.today = try value(name)
            case "--data-dir": result.dataDir = try value(name)
            case "--patient": result.patient = try value(name)
            case "--no-color" where attached == nil: result.noColor = true
            case "--bail" where attached == nil: result.bail = true
            case "-c" where !sawCommand: result.commands = try value(name)
            case "--version" where !sawCommand: result.wantsVersion = true
            case "--help" where !sawCommand, "-h" where !sawCommand: result.wantsHelp = true
            case "--" where !sawCommand:
                result.words += arguments[(i + 1)...]
                i = arguments.count
            default:
                // Before the command word, a dash means an option we don't know; after it, a command's own
                // option (`allowed --week 4`) that the command will judge.
                if !sawCommand, word.hasPrefix("-"), word != "-" {
                    throw Mistake(message: "unknown option '\(word)'; type 'rehab --help' for the options.")
                }
                sawCommand = true
                result.words.append(word)
            }
        }
        return result
    }

    /// "--today=2026-01-05" → ("--today", "2026-01-05"); anything else is returned whole.
    private static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let eq = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<eq]), String(word[word.index(after: eq)...]))
    }

    static let help = """
    OVERVIEW: A terminal coach for recovery after spine surgery. Your surgeon's
    instructions always come first.

    With no command, rehab starts an interactive session (or reads commands from a
    pipe). Any command also runs once from the command line:
      rehab allowed --week 4
      rehab can lift 15 lb
    Type 'rehab help' for every command.

    USAGE: rehab [options] [<command> ...]

    OPTIONS:
      --today <YYYY-MM-DD>    Evaluate everything as of this date (also REHAB_TODAY).
      --data-dir <DIR>        Where the journal lives (also REHAB_HOME).
      --patient <NAME>        Use this patient for this run only.
      --no-color              No colour (also NO_COLOR).
      --bail                  In a script, stop at the first command that fails.
      -c <COMMANDS>           Run these commands (separated by ';') and exit.
      --version               Show the version.
      -h, --help              Show this help.

    """
}
