import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

private typealias CloseRangeFunction = @convention(c) (UInt32, UInt32, Int32) -> Int32

/// `close_range` is in glibc 2.34+ but not in Swift's Glibc module; looked up once, before any fork.
private let closeRange: CloseRangeFunction? = {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "close_range") else { return nil }
    return unsafeBitCast(symbol, to: CloseRangeFunction.self)
}()

/// rehab running in a pseudo-terminal of a fixed size: type into it, wait for text, collect its exit status.
///
/// The child is made with `forkpty` and only calls async-signal-safe functions before `execve`
/// (the test process has many threads). Every expectation reads with `poll`, so nothing sleeps blindly.
final class PTYSession {
    let pid: pid_t
    private let master: Int32
    private var buffer: [UInt8] = []
    /// Where the next `expect` starts looking: text before it was already matched.
    private var cursor = 0
    private var exitCode: Int32?
    private var endOfOutput = false

    /// With `stdoutToPipe`, the child's stdout is a pipe (read it with `pipedOutput()` after exit);
    /// stdin and stderr stay the terminal, like `rehab | less`.
    init(arguments: [String] = [], environment: [String: String], binary: String = RehabBinary.path,
         columns: UInt16 = 250, rows: UInt16 = 30, stdoutToPipe: Bool = false) throws {
        // Everything the child needs is prepared before the fork.
        let all = [binary] + arguments
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: all.count + 1)
        for (i, a) in all.enumerated() { argv[i] = strdup(a) }
        argv[all.count] = nil
        let pairs = environment.map { "\($0.key)=\($0.value)" }
        let envp = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: pairs.count + 1)
        for (i, p) in pairs.enumerated() { envp[i] = strdup(p) }
        envp[pairs.count] = nil
        defer {
            for i in 0..<all.count { free(argv[i]) }
            for i in 0..<pairs.count { free(envp[i]) }
            argv.deallocate(); envp.deallocate()
        }
        let mask = UnsafeMutablePointer<sigset_t>.allocate(capacity: 1)
        sigemptyset(mask)
        defer { mask.deallocate() }
        let closer = closeRange
        // Run in the sandbox's HOME, so a stray relative path lands where the tests look.
        let directory = strdup(environment["HOME"] ?? "/")!
        defer { free(directory) }
        let path = argv[0]!
        let openMax = Int32(min(max(sysconf(Int32(_SC_OPEN_MAX)), 256), 65536))

        var pipeFDs: [Int32] = [-1, -1]
        if stdoutToPipe, pipe(&pipeFDs) != 0 { throw HarnessError.spawn("pipe: errno \(errno)") }
        let pipeWrite = pipeFDs[1]

        var ws = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        launchLock.lock()
        let child = forkpty(&fd, nil, nil, &ws)
        if child != 0 { launchLock.unlock() }
        if child == 0 {
            if pipeWrite >= 0 { dup2(pipeWrite, 1) }
            // Child: default signal dispositions, nothing blocked, no inherited descriptors but the tty.
            signal(SIGINT, SIG_DFL); signal(SIGQUIT, SIG_DFL); signal(SIGPIPE, SIG_DFL)
            signal(SIGTSTP, SIG_DFL); signal(SIGTTOU, SIG_DFL); signal(SIGTTIN, SIG_DFL)
            sigprocmask(SIG_SETMASK, mask, nil)
            if chdir(directory) != 0 { _exit(126) }
            if let closer, closer(3, UInt32.max, 0) == 0 {} else {
                var i: Int32 = 3
                while i < openMax { close(i); i += 1 }
            }
            execve(path, argv, envp)
            _exit(127)
        }
        if pipeWrite >= 0 { close(pipeWrite) }
        guard child > 0 else {
            if pipeFDs[0] >= 0 { close(pipeFDs[0]) }
            throw HarnessError.spawn("forkpty: errno \(errno)")
        }
        pid = child
        master = fd
        stdoutPipe = pipeFDs[0]
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        if stdoutPipe >= 0 { _ = fcntl(stdoutPipe, F_SETFD, FD_CLOEXEC) }
    }

    private let stdoutPipe: Int32

    /// Everything the child wrote to its piped stdout; call after `waitForExit`.
    func pipedOutput() -> [UInt8] {
        guard stdoutPipe >= 0 else { return [] }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            var pfd = pollfd(fd: stdoutPipe, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 2000) <= 0 { break }
            let n = chunk.withUnsafeMutableBytes { read(stdoutPipe, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    deinit { terminate() }

    // MARK: typing

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(master, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return }
            offset += n
        }
    }

    /// Ctrl plus a letter: `sendControl("c")` is Ctrl-C (0x03), `"d"` is Ctrl-D.
    func sendControl(_ letter: Character) {
        let code = letter.uppercased().unicodeScalars.first!.value & 0x1F
        send(String(UnicodeScalar(UInt8(code))))
    }

    // MARK: reading

    /// Everything the terminal showed so far.
    var transcript: String { String(decoding: buffer, as: UTF8.self) }
    /// What came after the last match.
    var unmatched: String { String(decoding: buffer[cursor...], as: UTF8.self) }

    /// Waits until `text` appears after the previous match; returns everything up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 5) throws -> String {
        let needle = Array(text.utf8)
        return try waitFor(timeout: timeout, what: "'\(visible(text))'") { hay in
            guard !needle.isEmpty, hay.count >= needle.count else { return needle.isEmpty ? 0 : nil }
            var i = hay.startIndex
            while i + needle.count <= hay.endIndex {
                if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
                i += 1
            }
            return nil
        }
    }

    /// Waits until the regular expression matches after the previous match; returns the text up to the match's end.
    @discardableResult
    func expect(regex pattern: String, timeout: Double = 5) throws -> String {
        // Scalar semantics: a terminal's "\r\n" is one Character, which `\n` would not match.
        let regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
        return try waitFor(timeout: timeout, what: "/\(pattern)/") { hay in
            let text = String(decoding: hay, as: UTF8.self)
            guard let match = try? regex.firstMatch(in: text) else { return nil }
            return hay.startIndex + text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
        }
    }

    /// Reads whatever arrives within `seconds` (for asserting that something does *not* appear).
    func drain(for seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while !endOfOutput {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            pump(milliseconds: Int32(left * 1000) + 1)
        }
        return unmatched
    }

    private func waitFor(timeout: Double, what: String, find: (ArraySlice<UInt8>) -> Int?) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = find(buffer[cursor...]) {
                let chunk = String(decoding: buffer[cursor..<end], as: UTF8.self)
                cursor = end
                return chunk
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || endOfOutput {
                throw HarnessError.timeout("""
                    waited \(timeout) s for \(what)\(endOfOutput ? " (the terminal closed)" : "");
                    since the last match the terminal showed:
                    \(visible(unmatched))
                    """)
            }
            pump(milliseconds: Int32(left * 1000) + 1)
        }
    }

    /// One poll + read; marks the end of output when the child side of the terminal is gone.
    private func pump(milliseconds: Int32) {
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, milliseconds)
        if ready < 0 { return }
        if ready == 0 { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
        } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
            endOfOutput = true
        }
    }

    /// Waits (without reading) until the child is blocked writing to the terminal, i.e. busy
    /// drawing with its output buffer full; false if that was not seen within `timeout`.
    func waitUntilBlockedWriting(timeout: Double = 3) -> Bool {
        #if arch(x86_64)
        let write = "1"
        #elseif arch(arm64)
        let write = "64"
        #else
        let write = "?"
        #endif
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            if blockedSyscall()?.first == write { return true }
            usleep(10_000)
        }
        return false
    }

    /// Waits until the child is idle waiting for a key on the terminal (readline blocked in `pselect` or
    /// `read` on stdin), reading its output meanwhile; throws if that is not seen within `timeout`.
    ///
    /// Seeing the echo proves readline has the text, but it may still be between drawing and its next wait
    /// for a key; a Ctrl-C landing exactly there takes another path (see `ctrlCWhileBusy`). Tests about the
    /// ordinary path wait for this first.
    func expectWaitingForKey(timeout: Double = 3) throws {
        #if arch(x86_64)
        let (read, pselect) = ("0", "270")
        #elseif arch(arm64)
        let (read, pselect) = ("63", "72")
        #else
        let (read, pselect) = ("?", "?")
        #endif
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            // read(0, …) or pselect6(1, {0}, …): the first argument is the fd, or the fd count for stdin alone.
            if let call = blockedSyscall(), call.count > 1,
               (call[0] == read && call[1] == "0x0") || (call[0] == pselect && call[1] == "0x1") {
                return
            }
            if deadline.timeIntervalSinceNow <= 0 || endOfOutput {
                throw HarnessError.timeout("""
                    rehab (pid \(pid)) was not waiting for a key within \(timeout) s\(endOfOutput ? " (the terminal closed)" : "");
                    since the last match the terminal showed:
                    \(visible(unmatched))
                    """)
            }
            pump(milliseconds: 10)
        }
    }

    /// The syscall number and arguments the child is blocked in, or nil while it runs (`/proc/PID/syscall`).
    private func blockedSyscall() -> [String]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard let first = fields.first, first.allSatisfy(\.isNumber) else { return nil }
        return fields
    }

    // MARK: exit

    /// Waits for the child to end (reading its output meanwhile); the exit status, or 128+signal.
    func waitForExit(timeout: Double = 5) throws -> Int32 {
        if let exitCode { return exitCode }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitCode = code
                // Collect what is still in the terminal's buffer.
                var spins = 0
                while !endOfOutput && spins < 20 { pump(milliseconds: 10); spins += 1 }
                return code
            }
            if deadline.timeIntervalSinceNow <= 0 {
                throw HarnessError.timeout("rehab (pid \(pid)) did not exit within \(timeout) s; it last showed:\n\(visible(unmatched))")
            }
            if endOfOutput { usleep(5_000) } else { pump(milliseconds: 20) }
        }
    }

    /// Kills the child if it still runs and closes the terminal; safe to call twice.
    func terminate() {
        if exitCode == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            exitCode = 128 + SIGKILL
        }
        if !closed {
            close(master)
            if stdoutPipe >= 0 { close(stdoutPipe) }
            closed = true
        }
    }
    private var closed = false
}
