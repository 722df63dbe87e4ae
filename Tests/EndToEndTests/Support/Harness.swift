import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where the `rehab` binary under test is: `REHAB_BIN`, else beside the test bundle (`.build/debug/rehab`).
enum RehabBinary {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["REHAB_BIN"], !explicit.isEmpty { return explicit }
        var candidates: [String] = []
        let arg0 = CommandLine.arguments.first ?? ""
        let absolute = arg0.hasPrefix("/") ? arg0 : FileManager.default.currentDirectoryPath + "/" + arg0
        candidates.append(URL(fileURLWithPath: absolute).deletingLastPathComponent().appendingPathComponent("rehab").path)
        // The test runner on Linux may be a helper; /proc/self/exe names the real executable.
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("rehab").path)
        }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
        return candidates.first ?? "rehab"
    }()
}

/// A fresh, private set of folders for one test: HOME, XDG_STATE_HOME, XDG_DATA_HOME, REHAB_HOME.
final class Sandbox: @unchecked Sendable {
    let root: String
    var home: String { root + "/home" }
    var state: String { root + "/state" }
    var data: String { root + "/data" }
    var rehabHome: String { root + "/rehab-home" }
    /// `$XDG_STATE_HOME/rehab/history`, where interactive history goes by default.
    var defaultHistory: String { state + "/rehab/history" }

    init() {
        var template = Array("/tmp/rehab-e2e-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        root = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        for dir in [home, state, data, rehabHome] {
            try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The minimal environment every test starts from.
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "XDG_STATE_HOME": state,
            "XDG_DATA_HOME": data,
            "REHAB_HOME": rehabHome,
            "TERM": "xterm",
            "INPUTRC": "/dev/null",
            "LANG": "C.UTF-8",
        ]
    }

    /// The environment with some variables replaced (a nil value removes the variable).
    func environment(_ changes: [String: String?]) -> [String: String] {
        var env = environment
        for (k, v) in changes { env[k] = v }
        return env
    }

    /// Every file and folder under `root` (relative paths), minus the four empty folders made at start.
    func createdEntries() -> [String] {
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { !["home", "state", "data", "rehab-home"].contains($0) }.sorted()
    }

    func write(_ text: String, to path: String, mode: Int = 0o644) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode_t(mode))
    }
}

/// What a non-terminal run produced.
struct RunResult {
    let status: Int32
    let stdoutBytes: [UInt8]
    let stderrBytes: [UInt8]
    var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    /// The lines of stderr, each having ended with a newline; a last unterminated piece counts too.
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    /// True when neither stream holds an escape byte (0x1B).
    var noEscapes: Bool { !stdoutBytes.contains(0x1B) && !stderrBytes.contains(0x1B) }
}

private final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
}

enum HarnessError: Error, CustomStringConvertible {
    case timeout(String)
    case spawn(String)
    var description: String {
        switch self {
        case .timeout(let s): return "timeout: \(s)"
        case .spawn(let s): return "spawn failed: \(s)"
        }
    }
}

let ignoreSigpipeOnce: Void = { signal(SIGPIPE, SIG_IGN); return () }()

/// Every launch in the tests, `posix_spawn` (`spawnChild`) or `forkpty` (`PTYSession`), takes this lock, so the
/// pipes made for one launch are close-on-exec before any other child is forked. (It began as a guard around
/// Foundation's `Process.run()`, which crashed when called from several threads at once on Linux.)
let launchLock = NSLock()

/// Runs rehab with stdin, stdout and stderr all pipes (script mode), with a deadline.
func runRehab(_ arguments: [String], stdin: String = "", env: [String: String], timeout: Double = 20) throws -> RunResult {
    // Run in the sandbox's HOME, so a stray relative path lands where the tests look.
    try runProcess(RehabBinary.path, arguments, stdin: stdin, env: env, directory: env["HOME"], timeout: timeout)
}

/// Runs any program with all three standard streams as pipes, with a deadline.
func runProcess(_ executable: String, _ arguments: [String], stdin: String = "", env: [String: String]? = nil,
                directory: String? = nil, timeout: Double = 20) throws -> RunResult {
    let child = try spawnChild(executable, arguments, env: env, directory: directory)

    // Both outputs are read to end of file at the same time, so a child filling one pipe never blocks.
    let out = Collected(), err = Collected()
    let readers = DispatchGroup()
    for (fd, box) in [(child.stdout, out), (child.stderr, err)] {
        readers.enter()
        Thread.detachNewThread {
            box.bytes = readToEnd(fd)
            close(fd)
            readers.leave()
        }
    }
    let bytes = Array(stdin.utf8)
    let writer = child.stdin
    Thread.detachNewThread {
        writeAll(writer, bytes)
        close(writer)
    }
    // The child is waited for without being reaped, so a timeout can still kill that pid and nothing else.
    let ended = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        child.waitUntilEnded()
        ended.signal()
    }

    let name = (executable as NSString).lastPathComponent
    if ended.wait(timeout: .now() + timeout) == .timedOut {
        kill(child.pid, SIGKILL)
        if ended.wait(timeout: .now() + 2) == .success {
            _ = try? child.reap()
        } else {
            Thread.detachNewThread { _ = try? child.reap() }
        }
        throw HarnessError.timeout("\(name) \(arguments) did not exit within \(timeout) s")
    }
    let end = try child.reap()
    if readers.wait(timeout: .now() + 5) == .timedOut {
        throw HarnessError.timeout("\(name) \(arguments) exited but its output pipes stayed open")
    }
    return RunResult(status: end.status, stdoutBytes: out.bytes, stderrBytes: err.bytes)
}

/// Shows control characters, for failure messages.
func visible(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        switch u {
        case "\u{1B}": out += "\\e"
        case "\r": out += "\\r"
        case "\n": out += "\\n\n"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        default:
            if u.value < 0x20 { out += String(format: "\\x%02x", u.value) } else { out.unicodeScalars.append(u) }
        }
    }
    return out
}
