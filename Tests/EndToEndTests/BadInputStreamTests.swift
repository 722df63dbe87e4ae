import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A stream of generated bad input through every command of the real binary's command table, one-shot
/// and piped: no crash, exit 0/1/2 only, short messages free of raw control bytes, and a journal whose
/// earlier rows are unchanged and that passes SQLite's integrity check (issue 11, acceptance 2).
@Suite struct BadInputStreamTests {
    static let today = "2026-11-21"

    /// `REHAB_TEST_SEED`, else a fixed seed, so a run can be repeated exactly.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["REHAB_TEST_SEED"].flatMap { UInt64($0) } ?? 11

    /// The commands `rehab help` lists, read from the binary itself.
    static func commandNames(_ sandbox: Sandbox) throws -> [String] {
        let help = try runRehab(["help"], env: PatientJourney.environment(sandbox))
        return help.stdout.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first else { return nil }
            return String(word)
        }
    }

    /// Words a careless or hostile user might type.
    static func token(_ g: inout SeededRandom, fifo: String, allowNumbers: Bool) -> String {
        let controls = ["\u{1B}[2J", "\u{1B}]0;PWN\u{07}", "\u{9B}31m", "\u{7F}", "\u{08}\u{08}", "\r", "\u{1B}c"]
        let hostile = ["/dev/zero", "/dev/urandom", fifo, "/etc/passwd", "../../etc/passwd", "'", "\"", "''",
                       "--week", "--on", "--cleared", "--note", "--json", "--by", "--format", "--", "-", ";", "by",
                       "until", "up", "to", "lb", "kg", "week", "pain", "lifting", "fever", "set", "name", "new", "use",
                       "show", "surgery", "program", "9999-99-99", "2026-02-30", "0000-01-01", "é", "🦴", "\u{202E}x"]
        let numbers = ["99999999999999999999999", "-1", "1e308", "1e400", "NaN", "inf", "-0", "0x10", "3.", ".5",
                       "2147483648", "-9223372036854775809"]
        switch g.next() % 6 {
        case 0: return controls[Int(g.next() % UInt64(controls.count))] + "x"
        case 1: return hostile[Int(g.next() % UInt64(hostile.count))]
        case 2 where allowNumbers: return numbers[Int(g.next() % UInt64(numbers.count))]
        case 3: return String(repeating: "Q", count: Int(g.next() % 300) + 150)
        default:
            let letters = Array("abcdefghijklmnopqrstuvwxyz-_0123456789")
            return String((0..<Int(g.next() % 12 + 1)).map { _ in letters[Int(g.next() % UInt64(letters.count))] })
        }
    }

    static func line(for command: String, _ g: inout SeededRandom, fifo: String) -> String {
        // A timer counts real seconds: it gets no number, so the stream stays quick.
        let allowNumbers = command != "timer"
        let words = [command] + (0..<Int(g.next() % 5)).map { _ in token(&g, fifo: fifo, allowNumbers: allowNumbers) }
        return words.joined(separator: " ")
    }

    /// Raw C0 (but newline and tab), DEL or C1 control characters.
    static func rawControls(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.unicodeScalars.contains { u in
            (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
        }
    }

    /// Messages on stderr: every `rehab:` sentence takes at most two lines; diagnostics of a program
    /// file (`FILE:LINE:COL:` with their quoted line and caret) are not counted as messages.
    static func longMessage(_ stderr: String) -> String? {
        var run = 0
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("rehab:") { run = 1; continue }
            if line.isEmpty || line.hasPrefix("    ") || line.hasPrefix("  hint:") || line.contains(": … and ") { run = 0; continue }
            if line.range(of: #"^[^ ]+:\d+:\d+: "#, options: .regularExpression) != nil { run = 0; continue }
            run += 1
            if run > 2 { return String(line) }
        }
        return nil
    }

    @Test("generated bad input through every command, one-shot and piped")
    func stream() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: "2026-10-31")
        let journal = dir + "/journal.sqlite"
        _ = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["log", "pain", "2"])
        let earlier = try PatientJourney.sqlite(journal, "SELECT id, kind, payload FROM events ORDER BY id")
        let lastID = try PatientJourney.sqlite(journal, "SELECT max(id) FROM events")
        let fifo = sandbox.root + "/fifo.rehab"
        #expect(mkfifo(fifo, 0o600) == 0)

        let names = try Self.commandNames(sandbox)
        #expect(names.count >= 20, "help listed \(names)")
        var g = SeededRandom(seed: Self.seed)
        let replay = "seed \(Self.seed) (replay with REHAB_TEST_SEED=\(Self.seed))"
        let env = PatientJourney.environment(sandbox)
        for name in names where name != "quit" {
            var script: [String] = []
            for _ in 0..<4 {
                let line = Self.line(for: name, &g, fifo: fifo)
                script.append(line)
                // One-shot: the words as the shell would split them (no quotes), NUL-free.
                let words = line.split(separator: " ").map(String.init)
                let r = try runRehab(["--today", Self.today, "--data-dir", dir] + words, env: env, timeout: 20)
                check(r, what: "one-shot \(visible(line).prefix(200))", replay: replay)
            }
            let piped = try runRehab(["--today", Self.today, "--data-dir", dir], stdin: script.joined(separator: "\n") + "\n",
                                     env: env, timeout: 30)
            check(piped, what: "piped \(name) script", replay: replay)
            let dashC = try runRehab(["--today", Self.today, "--data-dir", dir, "-c", script.joined(separator: "; ")],
                                     env: env, timeout: 30)
            check(dashC, what: "-c \(name) script", replay: replay)
        }
        #expect(try PatientJourney.sqlite(journal, "PRAGMA integrity_check") == "ok", "\(replay)")
        let after = try PatientJourney.sqlite(journal, "SELECT id, kind, payload FROM events WHERE id <= \(lastID) ORDER BY id")
        #expect(after == earlier, "earlier rows changed; \(replay)")
    }

    private func check(_ r: RunResult, what: String, replay: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect((0...2).contains(r.status), "\(what): exit \(r.status); \(replay)\n\(r.stderr.prefix(500))",
                sourceLocation: sourceLocation)
        #expect(!Self.rawControls(r.stdoutBytes) && !Self.rawControls(r.stderrBytes),
                "\(what): raw control bytes; \(replay)\n\(visible(r.stderr).prefix(500))", sourceLocation: sourceLocation)
        if let long = Self.longMessage(r.stderr) {
            Issue.record("\(what): a message over two lines at '\(long.prefix(100))'; \(replay)", sourceLocation: sourceLocation)
        }
    }
}

/// SplitMix64: a small seeded generator for replayable inputs.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
