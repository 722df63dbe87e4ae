import RehabCore
import RehabShell
import RehabTerminal
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum RehabVersion { static let current = "0.4.0" }

let environment = Environment.current
let options: Invocation
do {
    options = try Invocation.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    Environment.fail(error.message)
}
if options.wantsHelp { print(Invocation.help, terminator: ""); exit(0) }
if options.wantsVersion { print(RehabVersion.current); exit(0) }

let commandWords = options.words
let today = Environment.today(option: options.today, environment: environment)
let dataDir = Environment.dataDir(option: options.dataDir, environment: environment)
let interactive = commandWords.isEmpty && options.commands == nil && Terminal.isInteractive
let settings = ShellSettings(
    today: today, dataDir: dataDir, programsDir: Environment.programsDir(environment: environment),
    patient: options.patient, interactive: interactive, now: { Environment.timestamp() })
let console = TerminalConsole(colors: Terminal.wantsColor(noColorFlag: options.noColor) { environment[$0] })
Terminal.installInterruptHandler()
let shell = Shell(settings: settings, console: console, clock: LiveClock())

let status: Int32
if !commandWords.isEmpty {
    status = Session(shell: shell, mode: .oneShot).run(words: commandWords)
} else if let text = options.commands {
    status = Session(shell: shell, mode: .commandLine, bail: options.bail).run(ListReader(Tokenizer.commands(text)))
} else if interactive {
    let history = Environment.historyPath(environment: environment)
    let firstStart = history.map { access($0, F_OK) != 0 } ?? false
    let reader = ReadlineReader(historyPath: history)
    if let warning = reader.historyWarning { console.report("rehab: \(warning)\n") }
    if firstStart { console.write(Welcome.text) }
    status = Session(shell: shell, mode: .interactive).run(reader)
} else {
    status = Session(shell: shell, mode: .script, bail: options.bail).run(PlainLineReader())
}
shell.closeJournal()
exit(status)
