// libFuzzer entry point for the command line: `Scripts/fuzz shell` compiles it together with the sources
// of RehabCore, RehabScript, RehabJSON, RehabJournal and RehabShell (as one module) with
// `-sanitize=fuzzer,address`.
//
// Any bytes, split into lines, go through the REPL's tokenizer, the `-c` splitter and dispatch of
// every command against a real journal in a temporary folder: nothing may crash, every status is
// 0, 1 or 2, and every message is at most two lines with no raw control character.

#if canImport(Glibc)
import Glibc
#endif

/// One data dir and one shell per mode for a batch of inputs, as in a long session (the parsed
/// program is cached); recreated now and then so the journal and the captured text stay small.
nonisolated(unsafe) var runs = 0
nonisolated(unsafe) var dataDir = ""
nonisolated(unsafe) var shells: [(Session.Mode, Shell, CapturingConsole)] = []

private func freshDataDir() -> String {
    // On tmpfs when there is one: the journal's fsyncs would otherwise set the pace.
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    var template = Array("\(base)/rehab-fuzz-shell-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else { trap("mkdtemp failed") }
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if runs % 400 == 0 {
        if !dataDir.isEmpty { _ = system("rm -rf '\(dataDir)'") }
        dataDir = freshDataDir()
        shells = [Session.Mode.script, .commandLine].map { mode in
            let console = CapturingConsole()
            let settings = ShellSettings(today: CalendarDay(year: 2026, month: 11, day: 21) ?? CalendarDay(ordinal: 0),
                                         dataDir: dataDir, programsDir: "Programs", interactive: false,
                                         now: { "2026-11-21T10:00:00+0000" })
            return (mode, Shell(settings: settings, console: console, clock: InstantClock()), console)
        }
    }
    runs += 1

    // The tokenizer and the `-c` splitter on their own: words never hold the separators they split on.
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        _ = Tokenizer.words(String(line))
    }
    _ = Tokenizer.commands(text)

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (mode, shell, console) in shells {
        let (outBefore, errBefore) = (console.output.utf8.count, console.errors.utf8.count)
        shell.wantsExit = false
        let reader = ListReader(mode == .script ? lines : Tokenizer.commands(text))
        let status = Session(shell: shell, mode: mode).run(reader)
        if !(0...2).contains(status) { trap("status \(status)") }
        let errors = String(decoding: console.errors.utf8.dropFirst(errBefore), as: UTF8.self)
        check(errors, what: "stderr")
        check(String(decoding: console.output.utf8.dropFirst(outBefore), as: UTF8.self), what: "stdout")
        var messageLines = 0
        for line in errors.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("rehab:") { messageLines = 1 } else if line.hasPrefix("    ") || line.isEmpty { messageLines = 0 }
            else if isDiagnostic(line) { messageLines = 0 } else { messageLines += 1 }
            if messageLines > 2 { trap("a message over two lines: \(line.prefix(200))") }
        }
    }
    return 0
}

private func isDiagnostic(_ line: Substring) -> Bool {
    line.hasPrefix("  hint:") || line.contains(": … and ") || line.contains(": error: ") || line.contains(": warning: ")
        || line.contains(": note: ")
}

private func check(_ text: String, what: String) {
    for u in text.unicodeScalars where (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value) {
        trap("raw control U+\(String(u.value, radix: 16)) on \(what)")
    }
}

private func trap(_ message: String) -> Never {
    fputs("fuzz invariant failed: \(message)\n", stderr)
    abort()
}
