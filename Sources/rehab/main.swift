import ArgumentParser
import RehabCore
import RehabShell
import RehabTerminal
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Global options; everything after the first word is a rehab command run once.
struct Rehab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehab",
        abstract: "A terminal coach for recovery after spine surgery. Your surgeon's instructions always come first.",
        discussion: """
        With no command, rehab starts an interactive session (or reads commands from a pipe).
        Any REPL command also runs once from the command line: rehab allowed --week 4, rehab can lift 15 lb.
        Type 'rehab help' for every command.
        """,
        version: RehabVersion.current
    )

    @Option(help: ArgumentHelp("Evaluate everything as of this date (also REHAB_TODAY).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Where the journal lives (also REHAB_HOME).", valueName: "DIR"))
    var dataDir: String?

    @Option(help: ArgumentHelp("Use this patient for this run only.", valueName: "NAME"))
    var patient: String?

    @Flag(name: .customLong("no-color"), help: "No colour (also NO_COLOR).")
    var noColor = false

    @Flag(help: "In a script, stop at the first command that fails.")
    var bail = false

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ';') and exit.", valueName: "COMMANDS"))
    var commands: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("A command to run once, with its words.", valueName: "command"))
    var words: [String] = []

    func run() throws {}
}

enum RehabVersion { static let current = "0.3.0" }

let environment = Environment.current
let invocation: Rehab
do {
    invocation = try Rehab.parseAsRoot() as? Rehab ?? Rehab()
} catch {
    if Rehab.exitCode(for: error) == .success { Rehab.exit(withError: error) }
    let message = Rehab.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid options"
    Environment.fail("\(message); type 'rehab --help' for the options.")
}

var options = invocation
// Options before the command word that the parser did not know arrive here as words.
if let first = invocation.words.first, first.hasPrefix("-"), first != "-" {
    switch first {
    case "--version": print(RehabVersion.current); exit(0)
    case "--help", "-h": print(Rehab.helpMessage()); exit(0)
    default: Environment.fail("unknown option '\(first)'; type 'rehab --help' for the options.")
    }
}
// Global options may also follow the command word (`rehab allowed --today 2026-01-05`).
var commandWords = Environment.extractGlobals(from: options.words, into: &options)

let today = Environment.today(option: options.today, environment: environment)
let dataDir = Environment.dataDir(option: options.dataDir, environment: environment)
let interactive = commandWords.isEmpty && options.commands == nil && Terminal.isInteractive
let settings = ShellSettings(
    today: today, dataDir: dataDir, programsDir: Environment.programsDir(environment: environment),
    patient: options.patient, interactive: interactive, now: { Environment.timestamp() })
let console = TerminalConsole(colors: Terminal.wantsColor(noColorFlag: options.noColor, environment: environment))
Terminal.installInterruptHandler()
let shell = Shell(settings: settings, console: console, clock: LiveClock())

let status: Int32
if !commandWords.isEmpty {
    status = OneShot.run(shell: shell, words: commandWords)
} else if let text = options.commands {
    status = Session(shell: shell, mode: .commandLine, bail: options.bail).run(ListReader(Tokenizer.commands(text)))
} else if interactive {
    let history = Environment.historyPath(environment: environment)
    let firstStart = history.map { access($0, F_OK) != 0 } ?? false
    let reader = ReadlineReader(historyPath: history)
    if firstStart { console.write(Welcome.text) }
    status = Session(shell: shell, mode: .interactive).run(reader)
} else {
    status = Session(shell: shell, mode: .script, bail: options.bail).run(PlainLineReader())
}
exit(status)
