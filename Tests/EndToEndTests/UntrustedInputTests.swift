import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a patient types, or pastes by mistake, is bounded and never reaches the terminal raw
/// (issue 11, rows 6–11).
@Suite struct UntrustedInputTests {
    static let today = "2026-11-21"
    static let attack = "\u{1B}]0;PWN\u{07}\u{1B}[2J"
    static let shown = "^[]0;PWN^G^[[2J"

    private func prepared(_ sandbox: Sandbox) throws -> String {
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: "2026-10-31")
        return dir
    }

    private func rehab(_ sandbox: Sandbox, _ dir: String, _ words: [String], stdin: String = "") throws -> RunResult {
        try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words, stdin: stdin)
    }

    @Test("a name and a 'by' holding escape sequences are shown visibly in a real terminal, stored as typed")
    func escapesInATerminal() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        #expect(try rehab(sandbox, dir, ["profile", "set", "name", Self.attack]).status == 0)
        #expect(try rehab(sandbox, dir, ["restrict", "lifting", "5", "lb", "by", Self.attack]).status == 0)
        let session = try PTYSession(arguments: ["--today", Self.today, "--data-dir", dir],
                                     environment: PatientJourney.environment(sandbox))
        _ = try session.expect("]> ")
        session.send("profile\r")
        var screen = try session.expect("]> ")
        session.send("orders\r")
        screen += try session.expect("]> ")
        session.send("can lift \u{1B}[2Jbanana\r")
        screen += try session.expect("]> ")
        session.sendControl("d")
        #expect(try session.waitForExit() == 0)
        #expect(screen.contains("Name: " + Self.shown), "\(visible(screen))")
        #expect(screen.contains(Self.shown), "\(visible(screen))")
        #expect(!screen.contains("\u{1B}]0;PWN"), "\(visible(screen))")
        #expect(!screen.contains("\u{1B}[2J"), "\(visible(screen))")
        // Stored text keeps the original bytes (the payload is JSON, so ESC is kept as its escape).
        let stored = try PatientJourney.sqlite(dir + "/journal.sqlite",
                                               "SELECT count(*) FROM events WHERE instr(payload, '\\u001b]0;PWN\\u0007') > 0")
        #expect(stored == "2", "the name and the order should keep ESC and BEL: \(stored)")
        // JSON output escapes controls, and stays valid JSON with a C1 control in it too.
        #expect(try rehab(sandbox, dir, ["restrict", "driving", "until", "week", "9", "by", "Dr \u{9B}2J"]).status == 0)
        let json = try rehab(sandbox, dir, ["status", "--json"])
        #expect(json.status == 0 && !json.stdoutBytes.contains(0x1B) && json.stdout.contains("\\u001b"), "\(visible(json.stdout))")
        #expect(!json.stdout.unicodeScalars.contains("\u{9B}"), "\(visible(json.stdout))")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdoutBytes))) != nil, "\(visible(json.stdout))")
    }

    @Test("error messages and did-you-mean never echo raw control bytes", arguments: [
        ["\u{1B}[2Jhelp"], ["can", "lift", "\u{1B}[31mx"], ["why", "\u{9B}2J"], ["allowed", "--week", "\u{1B}c"],
    ])
    func escapesInMessages(words: [String]) throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let r = try rehab(sandbox, dir, words)
        #expect(r.status == 2, "\(r)")
        #expect(r.noEscapes && !r.stderrBytes.contains(0x07) && !r.stderr.unicodeScalars.contains("\u{9B}"),
                "\(visible(r.stderr))")
    }

    @Test("a 1 MB line is refused at once with a short message, piped or one-shot", arguments: ["why", "can lift"])
    func hugeLine(command: String) throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let huge = String(repeating: "Q", count: 1 << 20)
        let piped = try rehab(sandbox, dir, [], stdin: "\(command) \(huge)\nstatus\n")
        #expect(piped.status == 1, "\(piped.stderr.prefix(300))")
        #expect(piped.stderr.utf8.count < 300, "\(piped.stderr.prefix(300))")
        #expect(piped.stderr.hasPrefix("rehab: line 1: that line is longer than 4,096 bytes"), "\(piped.stderr.prefix(300))")
        #expect(piped.stdout.contains("week 3"), "the next line still runs")
        // A one-shot command's words: 5,000 bytes (a megabyte would not pass the kernel's argument limit).
        let long = String(repeating: "Q", count: 5000)
        let once = try rehab(sandbox, dir, command.split(separator: " ").map(String.init) + [long])
        #expect(once.status == 2, "\(once)")
        #expect(once.stderrLines.count == 1 && once.stderr.utf8.count < 300, "\(once.stderr.prefix(300))")
    }

    @Test("a word over 200 characters is refused and quoted only as a short excerpt")
    func longWord() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let r = try rehab(sandbox, dir, ["why", String(repeating: "W", count: 3000)])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.utf8.count < 200, "\(r.stderr)")
    }

    @Test("-c with bad input exits 2, as one-shot commands do; a piped script exits 1")
    func commandLineStatus() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        #expect(try rehab(sandbox, dir, ["-c", "can lift banana"]).status == 2)
        #expect(try rehab(sandbox, dir, ["-c", "status; nosuchcommand"]).status == 2)
        #expect(try rehab(sandbox, dir, [], stdin: "can lift banana\n").status == 1)
        #expect(try rehab(sandbox, dir, ["-c", "status"]).status == 0)
    }

    @Test("notes, names and 'by' have stated limits, refused with one sentence and nothing stored")
    func textLimits() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let journal = dir + "/journal.sqlite"
        let before = try PatientJourney.sqlite(journal, "SELECT count(*) FROM events")
        let cases: [([String], String)] = [
            (["log", "pain", "3", "--note", String(repeating: "n", count: 1500)], "a note may have up to 1,000"),
            (["restrict", "lifting", "5", "lb", "by", String(repeating: "D", count: 150)], "use at most 100"),
            (["profile", "set", "name", String(repeating: "N", count: 150)], "a name has 1 to 64 characters"),
            (["patient", "new", String(repeating: "P", count: 150)], "64"),
        ]
        for (words, fragment) in cases {
            let r = try rehab(sandbox, dir, words)
            #expect(r.status == 2, "\(words.prefix(3)): \(r.stderr)")
            #expect(r.stderrLines.count == 1 && r.stderr.contains(fragment) && r.stderr.utf8.count < 300,
                    "\(words.prefix(3)): \(r.stderr)")
        }
        #expect(try PatientJourney.sqlite(journal, "SELECT count(*) FROM events") == before)
        let ok = try rehab(sandbox, dir, ["log", "pain", "3", "--note", String(repeating: "n", count: 1000)])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test("an event whose payload is broken JSON: the message names the entry and what to do, no type names")
    func brokenPayload() throws {
        let sandbox = Sandbox()
        let dir = try prepared(sandbox)
        let journal = dir + "/journal.sqlite"
        let id = try PatientJourney.sqlite(journal, "SELECT max(id) FROM events WHERE kind != 'session'")
        _ = try PatientJourney.sqlite(journal, "UPDATE events SET payload = '{\"broken' WHERE id = \(id)")
        let r = try rehab(sandbox, dir, ["status"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderrLines == ["rehab: entry \(id) of \(journal) is damaged (its stored text is not readable); "
            + "restore the journal from a backup, or save what can still be read with sqlite3's '.recover' on a copy of it."],
                "\(r.stderr)")
        #expect(!r.stderr.contains("Malformed") && !r.stderr.contains("()"), "\(r.stderr)")
    }

    @Test("a program with 10,000 errors shows 50 and counts the rest; 3,000 ever-deeper lines stay bounded")
    func manyErrors() throws {
        let sandbox = Sandbox()
        let errors = sandbox.root + "/errors.rehab"
        try sandbox.write("program e \"E\"\n" + (0..<10_000).map { "bogus line \($0)\n" }.joined(), to: errors)
        let r = try runRehab(["check", errors], env: PatientJourney.environment(sandbox))
        #expect(r.status == 1)
        let shown = r.stderr.split(separator: "\n").filter { $0.hasPrefix(errors + ":") && !$0.contains("… and") }
        #expect(shown.count == 50, "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains("\(errors): … and 9,9"), "\(r.stderr.suffix(300))")
        #expect(r.stderr.utf8.count < 64 * 1024)

        let deep = sandbox.root + "/deep.rehab"
        try sandbox.write("program d \"D\"\n" + (0..<3000).map { String(repeating: " ", count: $0) + "x \($0)\n" }.joined(), to: deep)
        let d = try runRehab(["check", deep], env: PatientJourney.environment(sandbox))
        #expect(d.status == 1)
        for line in d.stderr.split(separator: "\n") { #expect(line.count < 400, "\(line.prefix(100))…") }
        #expect(d.stderr.utf8.count < 64 * 1024)
    }
}
