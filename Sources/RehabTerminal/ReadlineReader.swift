@preconcurrency import CReadline
import RehabShell
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// GNU readline at a terminal: line editing, persistent history, Tab completion, Ctrl-C that clears the line.
public final class ReadlineReader: LineReader {
    public var completer: Completer? {
        didSet { ReadlineReader.activeCompleter.withLock { $0 = completer.map(CompleterBox.init) } }
    }
    private let historyPath: String?
    /// One sentence when the history file was not used (a link, or not a regular file), for the caller to show.
    public let historyWarning: String?
    private var lastLine: String?
    public static let historyLimit: Int32 = 1000

    /// `historyPath` nil keeps history in memory only.
    public init(historyPath: String?) {
        if let path = historyPath, !ReadlineReader.prepareHistoryFile(path) {
            self.historyPath = nil
            historyWarning = "the history file \(path) is a symbolic link or not a regular file, so it was not used; "
                + "remove it or set REHAB_HISTORY to a plain file (history is kept for this session only)."
        } else {
            self.historyPath = historyPath
            historyWarning = nil
        }
        rl_readline_name = UnsafePointer(strdup("rehab"))
        rl_attempted_completion_function = rehabAttemptCompletion
        rl_signal_event_hook = rehabSignalHook
        // A Ctrl-C that lands while readline is redrawing never interrupts a read; the event hook,
        // called about every 0.1 s while readline waits for a key, notices the flag then.
        rl_event_hook = rehabEventHook
        stifle_history(ReadlineReader.historyLimit)
        if let path = self.historyPath {
            _ = read_history(path)
            if history_length > 0, let entry = history_get(history_base + history_length - 1), let text = entry.pointee.line {
                lastLine = String(cString: text)
            }
        }
    }

    /// A question asked mid-command: Ctrl-C ends it (the command stops) instead of clearing the line.
    public func readAnswer(prompt: String) -> LineInput {
        InterruptFlag.clear()
        ReadlineReader.answering.store(true, ordering: .relaxed)
        defer { ReadlineReader.answering.store(false, ordering: .relaxed) }
        guard let raw = readline(ScreenText.render(prompt, colors: false)) else {
            if !ReadlineReader.bracketedPasteOn { print(""); fflush(nil) }
            return .end
        }
        defer { free(raw) }
        if InterruptFlag.isRaised {
            InterruptFlag.clear()
            print(""); fflush(nil)
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    static let answering = Atomic<Bool>(false)

    public func read(prompt: String) -> LineInput {
        InterruptFlag.clear()
        guard let raw = readline(ScreenText.render(prompt, colors: false)) else {
            // readline prints the newline itself only while bracketed paste is on.
            if !ReadlineReader.bracketedPasteOn { print(""); fflush(nil) }
            return .end
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if InterruptFlag.isRaised {
            InterruptFlag.clear()
            print(""); fflush(nil)
            return .interrupted
        }
        remember(line)
        return .line(line)
    }

    /// Adds a line to history (dropping consecutive duplicates) and appends it to the file at once,
    /// so two sessions never overwrite each other's history.
    private func remember(_ line: String) {
        var trimmed = Substring(line)
        while let l = trimmed.last, l == " " || l == "\t" { trimmed.removeLast() }
        while let f = trimmed.first, f == " " || f == "\t" { trimmed.removeFirst() }
        // A line the shell refuses for its length is not worth recalling, nor storing.
        guard !trimmed.isEmpty, trimmed.utf8.count <= TextLimits.line, String(trimmed) != lastLine else { return }
        lastLine = String(trimmed)
        add_history(String(trimmed))
        if let path = historyPath, ReadlineReader.prepareHistoryFile(path) {
            _ = append_history(1, path)
            _ = history_truncate_file(path, ReadlineReader.historyLimit)
        }
    }

    /// Creates the history file (and its folder) private to the user; false when the path is a
    /// symbolic link or not a regular file, which is never followed, written or chmodded.
    static func prepareHistoryFile(_ path: String) -> Bool {
        if let slash = path.lastIndex(of: "/") {
            makeDirectories(String(path[..<slash]))
        }
        // O_NONBLOCK: a FIFO without a reader fails at once instead of blocking.
        let fd = open(path, O_CREAT | O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        if info.st_uid == geteuid() { _ = fchmod(fd, 0o600) }
        return true
    }

    static func makeDirectories(_ dir: String) {
        var current = dir.hasPrefix("/") ? "" : "."
        for part in dir.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }

    static var bracketedPasteOn: Bool {
        guard let v = rl_variable_value("enable-bracketed-paste") else { return false }
        return String(cString: v) == "on"
    }

    // MARK: C callbacks: they cannot capture, so they read a global behind a lock.

    /// Set and read only on the thread that runs readline (the callback runs inside `readline()`), and holding no
    /// mutable state, so sharing it through the global lock is safe although its closure is not `Sendable`.
    final class CompleterBox: @unchecked Sendable {
        let completer: Completer
        init(_ c: Completer) { completer = c }
    }
    static let activeCompleter = Mutex<CompleterBox?>(nil)
    static let matches = Mutex<[String]>([])

}

private func rehabAttemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    let buffer = rl_line_buffer.map { String(cString: $0) } ?? ""
    let upToCursor = String(decoding: Array(buffer.utf8.prefix(Int(end))), as: UTF8.self)
    let found = ReadlineReader.activeCompleter.withLock { $0?.completer.candidates(line: upToCursor) } ?? []
    ReadlineReader.matches.withLock { $0 = found }
    guard !found.isEmpty else { return nil }
    return rl_completion_matches(text, rehabCompletionGenerator)
}

private func rehabCompletionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let all = ReadlineReader.matches.withLock { $0 }
    let index = Int(state)
    guard index < all.count else { return nil }
    return strdup(all[index])
}

/// Called when a read is interrupted by a signal: on Ctrl-C, drop the line and draw a fresh prompt.
///
/// Ending the readline() call from here (rl_done) would lose a keystroke: rl_getc goes back to a
/// blocking read after the hook and that character is then thrown away. So the line is cleared in place.
private func rehabSignalHook() -> Int32 {
    // While answering a question the event hook ends the read instead (see rehabEventHook).
    if InterruptFlag.isRaised && !ReadlineReader.answering.load(ordering: .relaxed) {
        InterruptFlag.clear()
        rl_replace_line("", 0)
        rl_crlf()
        rl_on_new_line()
        rl_redisplay()
    }
    return 0
}

/// Called about every 0.1 s while readline waits for a key. At the prompt it clears the line like the
/// signal hook; while a question is answered it ends the read: with an event hook installed readline
/// polls, so `rl_done` returns at once without swallowing the next key.
private func rehabEventHook() -> Int32 {
    guard InterruptFlag.isRaised else { return 0 }
    if ReadlineReader.answering.load(ordering: .relaxed) {
        rl_replace_line("", 0)
        rl_done = 1
        return 0
    }
    return rehabSignalHook()
}
