import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal as a real SQLite file under real processes: killed mid-stream, two writers at once,
/// damaged or newer files left byte-for-byte alone, private modes, and data dirs that cannot be made.
@Suite("Journal reliability with real SQLite files")
struct JournalReliabilityTests {
    static let today = "2026-11-21"
    static let surgery = "2026-10-31"

    private func journal(_ dir: String) -> String { dir + "/journal.sqlite" }

    /// A data dir with a set-up patient: 3 events (surgery, procedure, program).
    private func prepared(_ sandbox: Sandbox, _ name: String = "journal-data") throws -> String {
        let dir = PatientJourney.freshDataDir(sandbox, name)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery)
        return dir
    }

    private func integrity(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try PatientJourney.sqlite(path, "PRAGMA integrity_check", sourceLocation: sourceLocation)
    }

    // MARK: (a) SIGKILL mid-stream

    @Test("SIGKILL while a piped script appends: integrity ok and every acknowledged session is in the journal")
    func killMidStream() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let lines = 2000
        let script = String(repeating: "log pain 2\n", count: lines)
        var acknowledged = 0
        var sent = 0
        // Three runs into the same journal, each killed after a different number of acknowledgements.
        for threshold in [60, 150, 25] {
            let run = try StreamingRehab(arguments: ["--today", Self.today, "--data-dir", dir],
                                         env: PatientJourney.environment(sandbox), script: script)
            let arrived = run.waitFor("Logged: pain 2.", times: threshold, timeout: 60)
            run.kill9()
            try #require(arrived, "only \(PatientJourney.count("Logged:", in: run.text)) acknowledgements arrived before the deadline")
            #expect(run.killedBySignal, "rehab should have been killed, not finished")
            acknowledged += PatientJourney.count("Logged: pain 2.", in: run.text)
            sent += lines

            #expect(try integrity(journal(dir)) == "ok")
            let stored = try PatientJourney.sessionCount(journal(dir))
            #expect(stored >= acknowledged, "acknowledged \(acknowledged) sessions but the journal holds \(stored)")
            #expect(stored <= sent)

            // rehab itself still opens the journal and counts the same entries.
            let status = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["status", "--json"])
            #expect(status.status == 0, "after SIGKILL: \(status.stderr)")
            let patients = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["patients"])
            #expect(patients.stdout.contains("* me — week 3, phase 1 of 4, 'Protection'  (\(stored + 3) entries"), "patients: \(patients.stdout) stored: \(stored)")
        }
        #expect(PatientJourney.mode(of: journal(dir)) == 0o600)
    }

    // MARK: (b) two writers

    @Test("two rehab processes appending 300 sessions each to the same patient at once lose nothing")
    func twoWritersAtOnce() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let perWriter = 300
        let scripts = ["A", "B"].map { tag in (0..<perWriter).map { "log pain 2 --note \(tag)\($0)x\n" }.joined() }
        let results = Results()
        let env = PatientJourney.environment(sandbox)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = Result { try runRehab(["--today", Self.today, "--data-dir", dir], stdin: scripts[i], env: env, timeout: 120) }
            results.set(i, r)
        }
        for i in 0..<2 {
            let r = try #require(try results.get(i)?.get())
            #expect(r.status == 0, "writer \(i) exited \(r.status): \(r.stderr)")
            #expect(r.stderr.isEmpty, "writer \(i) stderr: \(r.stderr)")
            #expect(PatientJourney.count("Logged: pain 2.", in: r.stdout) == perWriter, "writer \(i) acknowledged fewer")
        }
        #expect(try integrity(journal(dir)) == "ok")
        #expect(try PatientJourney.sessionCount(journal(dir)) == 2 * perWriter)
        #expect(try PatientJourney.sqlite(journal(dir), "SELECT count(*) FROM events") == "\(2 * perWriter + 3)")
        let payloads = try PatientJourney.sqlite(journal(dir), "SELECT payload FROM events WHERE kind='session'")
        var missing: [String] = []
        for tag in ["A", "B"] {
            for n in 0..<perWriter where !payloads.contains("\"\(tag)\(n)x\"") { missing.append("\(tag)\(n)") }
        }
        #expect(missing.isEmpty, "sessions lost: \(missing.prefix(20))")
        // Each writer's own sessions are in the order it wrote them.
        let ids = try PatientJourney.sqlite(journal(dir), "SELECT payload FROM events WHERE kind='session' ORDER BY id")
            .split(separator: "\n").compactMap { line -> (String, Int)? in
                guard let r = line.firstMatch(of: try! Regex(#""note":"([AB])(\d+)x""#)),
                      let tag = r.output[1].substring, let n = r.output[2].substring.flatMap({ Int($0) }) else { return nil }
                return (String(tag), n)
            }
        for tag in ["A", "B"] {
            let order = ids.filter { $0.0 == tag }.map(\.1)
            #expect(order == Array(0..<perWriter), "writer \(tag)'s sessions are out of order")
        }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<RunResult, any Error>] = [:]
        func set(_ i: Int, _ r: Result<RunResult, any Error>) { lock.lock(); values[i] = r; lock.unlock() }
        func get(_ i: Int) -> Result<RunResult, any Error>? { lock.lock(); defer { lock.unlock() }; return values[i] }
    }

    // MARK: (c) damaged and newer journals

    enum Damage: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case randomBytes, text, truncatedTo50, truncatedToHalf, newerSchema
        var testDescription: String { rawValue }
    }

    /// Makes a real journal with some history and no WAL (everything checkpointed into the main file).
    private func realJournal(_ sandbox: Sandbox, _ dir: String) throws {
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery)
        let logs = String(repeating: "log pain 2 after 3 walking\n", count: 60)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, [], stdin: logs)
        try #require(r.status == 0, "logs: \(r.stderr)")
        _ = try PatientJourney.sqlite(journal(dir), "PRAGMA wal_checkpoint(TRUNCATE)")
        try #require(!PatientJourney.exists(journal(dir) + "-wal"), "the WAL was not folded in")
    }

    private func damage(_ kind: Damage, _ sandbox: Sandbox, _ dir: String) throws {
        let path = journal(dir)
        switch kind {
        case .randomBytes:
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .text:
            try sandbox.write("My recovery notes\nweek 1: walked 10 minutes\n", to: path, mode: 0o600)
        case .truncatedTo50, .truncatedToHalf:
            try realJournal(sandbox, dir)
            let size = try #require(PatientJourney.bytes(of: path)).count
            try #require(size >= 8192, "the real journal is only \(size) bytes")
            #expect(truncate(path, off_t(kind == .truncatedTo50 ? 50 : size / 2)) == 0)
        case .newerSchema:
            try realJournal(sandbox, dir)
            _ = try PatientJourney.sqlite(path, "PRAGMA user_version=99")
            try #require(try PatientJourney.sqlite(path, "PRAGMA user_version") == "99")
        }
        try #require(!PatientJourney.exists(path + "-wal") && !PatientJourney.exists(path + "-shm"))
    }

    @Test("a journal that is not SQLite, is cut short, or is newer: one sentence, exit 2, and its bytes unchanged",
          arguments: Damage.allCases)
    func damagedJournal(_ kind: Damage) throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try damage(kind, sandbox, dir)
        let path = journal(dir)
        let original = try #require(PatientJourney.bytes(of: path))
        let expected = kind == .newerSchema ? "was written by a newer rehab" : "is not a rehab journal"

        let commands: [[String]] = [["status"], ["log", "pain", "2"], ["profile", "set", "surgery", Self.surgery],
                                    ["patients"], ["patient", "new", "x"], ["can", "lift", "15", "lb", "--json"]]
        for words in commands {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words)
            #expect(r.status == 2, "\(kind) \(words): exit \(r.status), stdout \(r.stdout)")
            #expect(r.stdout.isEmpty, "\(kind) \(words) printed: \(r.stdout)")
            PatientJourney.expectOneSentence(r.stderr, context: "\(kind) \(words)")
            #expect(r.stderr.contains(path), "\(kind) \(words): the sentence should name the file: \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(kind) \(words): \(r.stderr)")
        }
        // A script stops at the first line with exit 2.
        let script = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, [], stdin: "log pain 2\nstatus\nlog pain 3\n")
        #expect(script.status == 2, "\(kind) script: \(script.status)")
        #expect(script.stderrLines.count == 1, "\(kind) script stderr: \(script.stderr)")

        #expect(PatientJourney.bytes(of: path) == original, "\(kind): the journal's bytes changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "journal.sqlite" }
        #expect(leftovers.isEmpty, "\(kind): rehab left files beside the journal: \(leftovers)")
    }

    @Test("at the terminal, a damaged journal gives one sentence and ends the session with status 2; the file is untouched")
    func damagedJournalAtTerminal() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try damage(.text, sandbox, dir)
        let original = PatientJourney.bytes(of: journal(dir))
        let session = try PTYSession(arguments: ["--today", Self.today, "--data-dir", dir], environment: PatientJourney.environment(sandbox))
        defer { session.terminate() }
        try session.expect("rehab> ", timeout: 10)
        session.send("status\r")
        let out = PatientJourney.plain(try session.expect("is not a rehab journal"))
        #expect(!PatientJourney.crashMarkers.contains { out.contains($0) }, "\(out)")
        #expect(try session.waitForExit(timeout: 10) == 2)
        #expect(PatientJourney.bytes(of: journal(dir)) == original)
    }

    // MARK: (d) modes

    @Test("the data dir (and parents rehab makes) is 0700 and the journal 0600, whatever the umask",
          arguments: [nil, "000", "022", "002"] as [String?])
    func privateModes(_ umask: String?) throws {
        let sandbox = Sandbox()
        let parent = sandbox.root + "/made-by-rehab"
        let dir = parent + "/rehab"
        var env = PatientJourney.environment(sandbox)
        env["REHAB_BIN_UNDER_TEST"] = RehabBinary.path
        for words in [["profile", "set", "surgery", Self.surgery], ["profile", "set", "procedure", "lumbar-fusion"], ["status"]] {
            let args = ["--today", Self.today, "--data-dir", dir] + words
            let r: RunResult
            if let umask {
                r = try PatientJourney.tool("/bin/sh", ["-c", "umask \(umask); exec \"$REHAB_BIN_UNDER_TEST\" \"$@\"", "sh"] + args, env: env)
            } else {
                r = try runRehab(args, env: env)
            }
            #expect(r.status == 0, "\(words) with umask \(umask ?? "default"): \(r.stderr)")
            #expect(PatientJourney.mode(of: dir) == 0o700, "data dir mode \(String(PatientJourney.mode(of: dir) ?? 0, radix: 8))")
            #expect(PatientJourney.mode(of: parent) == 0o700, "a parent rehab made: \(String(PatientJourney.mode(of: parent) ?? 0, radix: 8))")
            #expect(PatientJourney.mode(of: journal(dir)) == 0o600,
                    "journal mode \(String(PatientJourney.mode(of: journal(dir)) ?? 0, radix: 8))")
            for side in ["-wal", "-shm"] where PatientJourney.exists(journal(dir) + side) {
                #expect(PatientJourney.mode(of: journal(dir) + side) == 0o600, "journal.sqlite\(side) holds the same health data")
            }
        }
    }

    @Test("after the very first command (even one that fails for want of a profile) the journal is already private")
    func modesAfterFirstFailingCommand() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["status"])
        #expect(r.status == 2)
        #expect(PatientJourney.mode(of: dir) == 0o700)
        if PatientJourney.exists(journal(dir)) { #expect(PatientJourney.mode(of: journal(dir)) == 0o600) }
    }

    // MARK: (e) data dirs that cannot be used

    @Test("a data dir that cannot be made or used: one sentence naming it, exit 2, nothing created",
          arguments: ["/proc/rehab-nope", "/proc/rehab-nope/deeper", "FILE", "FILE/sub", "/dev/null"])
    func unusableDataDir(_ spec: String) throws {
        let sandbox = Sandbox()
        let file = sandbox.root + "/a-file"
        try sandbox.write("not a folder\n", to: file)
        let dir = spec.replacingOccurrences(of: "FILE", with: file)
        for words in [["profile", "set", "surgery", Self.surgery], ["status"], ["patients"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words)
            #expect(r.status == 2, "\(dir) \(words): \(r.status)")
            #expect(r.stdout.isEmpty)
            PatientJourney.expectOneSentence(r.stderr, context: "\(dir) \(words)")
            // The sentence names the path that is in the way (the data dir, or the part of it that cannot be made).
            let named = spec.hasPrefix("/proc/rehab-nope") ? "/proc/rehab-nope" : (spec.hasPrefix("FILE") ? file : dir)
            #expect(r.stderr.contains(named), "\(dir): \(r.stderr)")
        }
        let script = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, [], stdin: "profile set surgery 2026-10-31\nstatus\n")
        #expect(script.status == 2, "a script stops with 2: \(script.status)")
        #expect(script.stderrLines.count == 1, "\(script.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder\n")
    }
}
