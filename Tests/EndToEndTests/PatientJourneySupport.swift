import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the patient-journal and "what is allowed" end-to-end suites
/// (PatientFlowTests, QuestionCommandTests, PatientBadInputTests, JournalReliabilityTests).
///
/// Built on the shared harness in Support/ (Sandbox, runRehab, PTYSession); nothing here replaces it.
enum PatientJourney {
    /// The shipped programs of this checkout, found from this file's path (Tests/EndToEndTests/…).
    static let programsDir: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Programs").path
    }()

    /// The sandbox's environment plus REHAB_PROGRAMS (and any further changes).
    static func environment(_ sandbox: Sandbox, _ changes: [String: String?] = [:]) -> [String: String] {
        var all: [String: String?] = ["REHAB_PROGRAMS": programsDir]
        for (k, v) in changes { all[k] = v }
        return sandbox.environment(all)
    }

    /// A data dir inside the sandbox that does not exist yet (rehab must create it).
    static func freshDataDir(_ sandbox: Sandbox, _ name: String = "journal-data") -> String {
        sandbox.root + "/" + name
    }

    /// `rehab --today TODAY --data-dir DIR WORDS…` run once with pipes.
    static func rehab(_ sandbox: Sandbox, dataDir: String, today: String, _ words: [String], stdin: String = "",
                      env: [String: String]? = nil, timeout: Double = 30) throws -> RunResult {
        try runRehab(["--today", today, "--data-dir", dataDir] + words, stdin: stdin,
                     env: env ?? environment(sandbox), timeout: timeout)
    }

    /// Sets up one patient with `profile set` (one-shot) and checks each step succeeded.
    static func setUpPatient(_ sandbox: Sandbox, dataDir: String, today: String, surgery: String,
                             procedure: String = "lumbar-fusion", sourceLocation: SourceLocation = #_sourceLocation) throws {
        for words in [["profile", "set", "surgery", surgery], ["profile", "set", "procedure", procedure]] {
            let r = try rehab(sandbox, dataDir: dataDir, today: today, words)
            try #require(r.status == 0, "set-up \(words) exited \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        }
    }

    /// Removes ANSI escape sequences and carriage returns, so terminal output can be read as text.
    static func plain(_ s: String) -> String {
        var out = ""
        var scalars = Array(s.unicodeScalars)[...]
        while let u = scalars.first {
            scalars = scalars.dropFirst()
            if u == "\u{1B}" {
                // CSI: ESC [ params final-byte; anything else: drop ESC and the next scalar.
                if scalars.first == "[" {
                    scalars = scalars.dropFirst()
                    while let c = scalars.first, !(c.value >= 0x40 && c.value <= 0x7E) { scalars = scalars.dropFirst() }
                    scalars = scalars.dropFirst()
                } else {
                    scalars = scalars.dropFirst()
                }
                continue
            }
            if u == "\r" || u == "\u{01}" || u == "\u{02}" { continue }
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// Words that show a crash or internal detail instead of a sentence for the patient.
    static let crashMarkers = ["Fatal error", "fatal error", "Stack dump", "Backtrace", "Swift runtime failure",
                               "Thread 0", "0x0000", "SQLITE_", "GRDB", "DatabaseError", "Illegal instruction",
                               "Segmentation fault", ".swift:"]

    /// Checks that stderr is one line `rehab: SENTENCE` ending in a full stop or question mark, with no crash text.
    static func expectOneSentence(_ stderr: String, prefix: String = "rehab: ", context: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(context): stderr should be one line, got \(lines.count):\n\(visible(stderr))",
                sourceLocation: sourceLocation)
        #expect(stderr.hasSuffix("\n"), "\(context): stderr should end with a newline: \(visible(stderr))",
                sourceLocation: sourceLocation)
        guard let line = lines.first.map(String.init) else { return }
        #expect(line.hasPrefix(prefix), "\(context): stderr should start with '\(prefix)': \(line)", sourceLocation: sourceLocation)
        #expect(line.hasSuffix(".") || line.hasSuffix("?"), "\(context): not a finished sentence: \(line)",
                sourceLocation: sourceLocation)
        #expect(line.count < 400, "\(context): far too long for one sentence: \(line)", sourceLocation: sourceLocation)
        for marker in crashMarkers {
            #expect(!stderr.contains(marker), "\(context): stderr shows '\(marker)': \(visible(stderr))",
                    sourceLocation: sourceLocation)
        }
    }

    /// Two sentences run together without a full stop: "…'juggle' Type 'allowed'…", "…knows Use …".
    static func runOnSentence(in text: String) -> String? {
        let pattern = try! Regex(#"[a-z0-9'] (Type |Use |It knows|Fields:)"#)
        return text.firstMatch(of: pattern).map { String(text[$0.range]) }
    }

    // MARK: JSON

    enum Shape: CustomStringConvertible {
        case string, int, bool, array, object, date
        case stringOrNull, dateOrNull
        var description: String {
            switch self {
            case .string: "string"; case .int: "integer"; case .bool: "boolean"; case .array: "array"
            case .object: "object"; case .date: "YYYY-MM-DD string"; case .stringOrNull: "string or null"
            case .dateOrNull: "YYYY-MM-DD string or null"
            }
        }
    }

    static func isBool(_ v: Any) -> Bool {
        guard let n = v as? NSNumber else { return v is Bool }
        return String(cString: n.objCType) == "c"
    }

    static func isInt(_ v: Any) -> Bool {
        guard let n = v as? NSNumber, !isBool(v) else { return false }
        return ["i", "s", "l", "q", "I", "S", "L", "Q"].contains(String(cString: n.objCType))
    }

    static func isDate(_ v: Any) -> Bool {
        guard let s = v as? String else { return false }
        return s.wholeMatch(of: try! Regex(#"\d{4}-\d{2}-\d{2}"#)) != nil
    }

    static func matches(_ v: Any, _ shape: Shape) -> Bool {
        switch shape {
        case .string: return v is String
        case .int: return isInt(v)
        case .bool: return isBool(v)
        case .array: return v is [Any]
        case .object: return v is [String: Any]
        case .date: return isDate(v)
        case .stringOrNull: return v is NSNull || v is String
        case .dateOrNull: return v is NSNull || isDate(v)
        }
    }

    /// Every key in `shape` is present with a value of that shape.
    static func expectShape(_ object: [String: Any], _ shape: [String: Shape], context: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, want) in shape.sorted(by: { $0.key < $1.key }) {
            guard let value = object[key] else {
                Issue.record("\(context): key '\(key)' is missing (have \(object.keys.sorted()))", sourceLocation: sourceLocation)
                continue
            }
            #expect(matches(value, want), "\(context): '\(key)' should be a \(want), got \(type(of: value)) \(value)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Decodes stdout as a JSON object.
    static func object(_ r: RunResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let any = try JSONSerialization.jsonObject(with: Data(r.stdoutBytes))
        return try #require(any as? [String: Any], "not a JSON object: \(r.stdout)", sourceLocation: sourceLocation)
    }

    static let verdictShape: [String: Shape] = [
        "allowed": .bool, "reason": .string, "changesOn": .dateOrNull, "changesWhen": .stringOrNull,
        "id": .string, "source": .stringOrNull, "backedOff": .bool,
    ]

    // MARK: files

    static func bytes(of path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    static func mode(of path: String) -> mode_t? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o7777
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Runs any program with pipes (sqlite3, sh), with a deadline.
    static func tool(_ executable: String, _ arguments: [String], stdin: String = "", env: [String: String]? = nil,
                     timeout: Double = 30) throws -> RunResult {
        try runProcess(executable, arguments, stdin: stdin, env: env, timeout: timeout)
    }


    /// `sqlite3 PATH SQL`, trimmed stdout; requires success.
    static func sqlite(_ path: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try tool("/usr/bin/sqlite3", [path, sql])
        try #require(r.status == 0, "sqlite3 '\(sql)' exited \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func sessionCount(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let text = try sqlite(path, "SELECT count(*) FROM events WHERE kind='session'", sourceLocation: sourceLocation)
        return try #require(Int(text), "count was '\(text)'", sourceLocation: sourceLocation)
    }

    /// `N` occurrences of `needle` in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Checks that `parts` appear in `text` in this order; returns the first one missing.
    static func missingInOrder(_ parts: [String], in text: String) -> String? {
        var rest = text[...]
        for p in parts {
            guard let r = rest.range(of: p) else { return p }
            rest = rest[r.upperBound...]
        }
        return nil
    }
}

/// rehab reading a script from a pipe while the test reads its stdout as it arrives, to kill it mid-stream.
final class StreamingRehab {
    private let child: SpawnedChild
    private(set) var stdout: [UInt8] = []
    /// How rehab ended; set by `kill9`.
    private(set) var end: ChildExit?
    /// Set once the pid has been reaped (or reaping failed): it must not be signalled after that.
    private var reaped = false
    /// True once `kill9` found rehab killed by a signal rather than finished.
    var killedBySignal: Bool { end?.signaled ?? false }

    init(arguments: [String], env: [String: String], script: String) throws {
        // Run in the sandbox's HOME, like `runRehab`. stderr stays an unread pipe, as it was with `Process`.
        child = try spawnChild(RehabBinary.path, arguments, env: env, directory: env["HOME"])
        let writer = child.stdin
        let bytes = Array(script.utf8)
        Thread.detachNewThread {
            writeAll(writer, bytes)
            close(writer)
        }
    }

    /// Kills and reaps rehab if `kill9` was never reached (a failed expectation), and closes the pipes.
    deinit {
        if !reaped {
            kill(child.pid, SIGKILL)
            _ = try? child.reap()
        }
        close(child.stdout)
        close(child.stderr)
    }

    var text: String { String(decoding: stdout, as: UTF8.self) }

    /// Reads stdout until `needle` has appeared `times` times; false on timeout or end of output.
    func waitFor(_ needle: String, times: Int, timeout: Double) -> Bool {
        let fd = child.stdout
        let deadline = Date().addingTimeInterval(timeout)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while PatientJourney.count(needle, in: text) < times {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(left, 1) * 1000) + 1)
            if ready <= 0 { continue }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            stdout.append(contentsOf: chunk[0..<n])
        }
        return true
    }

    /// SIGKILL, then waits for the process to be gone (a child that had already ended keeps its own status).
    func kill9() {
        guard !reaped else { return }
        kill(child.pid, SIGKILL)
        end = try? child.reap()
        reaped = true
    }
}
