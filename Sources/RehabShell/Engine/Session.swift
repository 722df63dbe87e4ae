/// The input loop shared by the terminal, pipes and `-c`, like sqlite3's and lua.c's single loop.
public struct Session {
    public enum Mode: Sendable { case interactive, script, commandLine }

    public let shell: Shell
    public let mode: Mode
    public let bail: Bool

    public init(shell: Shell, mode: Mode, bail: Bool = false) { self.shell = shell; self.mode = mode; self.bail = bail }

    /// Reads and runs lines until the end of input or `quit`; returns the process exit status.
    public func run(_ reader: LineReader) -> Int32 {
        reader.completer = mode == .interactive ? shell.completer : nil
        if mode == .interactive { shell.ask = { reader.readAnswer(prompt: $0) } }
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
                    if !error.alreadyReported || mode == .interactive {
                        report(error, line: lineNumber)
                    }
                    if mode == .interactive {
                        if error.kind == .environment { return 2 }
                        continue
                    }
                    status = error.kind == .environment ? 2 : 1
                    if bail || error.kind == .environment { return status }
                }
            }
        }
        return status
    }

    private func report(_ error: CommandError, line: Int) {
        if error.alreadyReported && mode != .interactive { return }
        if error.alreadyReported { return }
        switch mode {
        case .interactive:
            shell.console.report(shell.style(Session.sentence(error.message), "31") + "\n")
        case .script:
            shell.console.report("rehab: line \(line): \(error.message)\n")
        case .commandLine:
            shell.console.report("rehab: \(error.message)\n")
        }
    }

    /// Capitalises the first letter for a patient at the terminal.
    static func sentence(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}
