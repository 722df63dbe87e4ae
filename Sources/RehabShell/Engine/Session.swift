import RehabScript

/// The input loop shared by the terminal, pipes, `-c` and one-shot commands, like sqlite3's and
/// lua.c's single loop; its one reporter turns every failure into text and an exit status.
public struct Session {
    public enum Mode: Sendable { case interactive, script, commandLine, oneShot }

    public let shell: Shell
    public let mode: Mode
    public let bail: Bool

    public init(shell: Shell, mode: Mode, bail: Bool = false) { self.shell = shell; self.mode = mode; self.bail = bail }

    /// Reads and runs lines until the end of input or `quit`; returns the process exit status.
    public func run(_ reader: LineReader) -> Int32 {
        reader.completer = mode == .interactive ? shell.completer : nil
        if mode == .interactive { shell.ask = { reader.readAnswer(prompt: $0) } }
        if mode == .script { shell.surgeonFirstDue = false }
        var status: Int32 = 0
        var lineNumber = 0
        while !shell.wantsExit {
            shell.clock.resetInterrupt()
            let input = reader.read(prompt: mode == .interactive ? shell.prompt : "")
            switch input {
            case .end:
                return status
            case .interrupted:
                continue
            case .line(let line):
                lineNumber += 1
                do {
                    try shell.execute(line)
                } catch {
                    let (code, stop) = outcome(of: error)
                    report(error, line: lineNumber)
                    if mode != .interactive { status = max(status, code) }
                    if stop { return mode == .interactive ? code : status }
                }
            }
        }
        return status
    }

    /// Runs one command given as words (`rehab can lift 15 lb`); returns the exit status.
    public func run(words: [String]) -> Int32 {
        do {
            try shell.execute(words: words)
            return 0
        } catch {
            report(error, line: 1)
            return outcome(of: error).status
        }
    }

    /// The exit status a failure leads to, and whether the loop stops.
    ///
    /// A one-shot command (and `-c`, its several-command form) with bad words exits 2, as the README
    /// promises; a script from a pipe exits 1 for any failing command; an unusable journal always 2.
    func outcome(of error: CommandError) -> (status: Int32, stop: Bool) {
        switch (error.kind, mode) {
        case (.environment, _): return (2, true)
        case (.usage, .oneShot), (.usage, .commandLine): return (2, bail)
        case (_, .interactive): return (0, false)
        default: return (1, bail)
        }
    }

    /// The one place a failure becomes text: diagnostics first, then the sentence, worded for the mode.
    func report(_ error: CommandError, line: Int) {
        if !error.diagnostics.isEmpty {
            shell.console.report(DiagnosticRenderer(sources: error.sources, colors: shell.console.colors)
                .render(error.diagnostics, limitPerFile: DiagnosticRenderer.errorsPerFile))
        }
        guard !error.message.isEmpty else { return }
        switch mode {
        case .interactive:
            shell.console.report(shell.style(Session.sentence(error.message), "31") + "\n")
        case .script:
            shell.console.report("rehab: line \(line): \(error.message)\n")
        case .commandLine, .oneShot:
            shell.console.report("rehab: \(error.message)\n")
        }
    }

    /// Capitalises the first letter for a patient at the terminal.
    static func sentence(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}
