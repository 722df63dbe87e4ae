import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// rehab at a terminal: readline prompt, welcome, Tab, history, Ctrl-C and Ctrl-D, colour.
@Suite("Interactive session in a pseudo-terminal")
struct InteractiveTests {
    static let prompt = "rehab> "

    /// Starts rehab in a pty and waits for the first prompt (typing earlier would be echoed by the tty itself).
    private func start(_ sandbox: Sandbox, arguments: [String] = [], env: [String: String]? = nil) throws -> (PTYSession, String) {
        let session = try PTYSession(arguments: arguments, environment: env ?? sandbox.environment)
        let banner = try session.expect(Self.prompt)
        return (session, banner)
    }

    /// Types a line, waits for its output marker, then for the next prompt.
    @discardableResult
    private func run(_ session: PTYSession, _ line: String, expecting marker: String) throws -> String {
        session.send(line + "\r")
        let out = try session.expect(marker)
        return out + (try session.expect(Self.prompt))
    }

    private func quit(_ session: PTYSession) throws {
        session.sendControl("d")
        #expect(try session.waitForExit() == 0)
    }

    private func lines(of path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    private func mode(of path: String) -> mode_t {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return st.st_mode & 0o777
    }

    @Test("the prompt is 'rehab> ' and a typed command prints its output")
    func promptAndCommand() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        let out = try run(session, "help timer", expecting: "example: timer 30 hold")
        #expect(out.contains("usage: timer TIME [LABEL]"))
        try quit(session)
    }

    @Test("the first start shows the welcome; the second does not")
    func welcomeOnlyOnFirstStart() throws {
        let sandbox = Sandbox()
        let (first, banner) = try start(sandbox)
        defer { first.terminate() }
        #expect(banner.contains("surgeon's instructions always come first"), "banner: \(visible(banner))")
        for command in ["profile", "status", "help"] {
            #expect(banner.contains("  \(command) "), "the welcome should name '\(command)': \(visible(banner))")
        }
        try quit(first)

        let (second, banner2) = try start(sandbox)
        defer { second.terminate() }
        #expect(!banner2.contains("surgeon"), "the welcome showed again: \(visible(banner2))")
        #expect(!banner2.contains("Welcome"))
        try quit(second)
    }

    @Test("quit exits with status 0, also after a failed command")
    func quitExits() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        try run(session, "nosuchcmd", expecting: "nknown command")
        session.send("quit\r")
        #expect(try session.waitForExit() == 0)
    }

    @Test("stdin a terminal but stdout a pipe (rehab | less): no readline, no prompt, no escape codes, no history")
    func stdoutPiped() throws {
        let sandbox = Sandbox()
        let session = try PTYSession(environment: sandbox.environment, stdoutToPipe: true)
        defer { session.terminate() }
        session.send("help quit\n")
        session.sendControl("d")
        #expect(try session.waitForExit() == 0)
        let out = session.pipedOutput()
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("usage: quit"), "stdout: \(visible(text))")
        #expect(!out.contains(0x1B), "escape codes in piped stdout: \(visible(text))")
        #expect(!text.contains("rehab>"))
        #expect(!text.contains("surgeon"), "the welcome is for interactive sessions")
        #expect(sandbox.createdEntries() == [], "non-interactive runs must not create files")
    }

    @Test("Ctrl-D on an empty line exits with status 0")
    func ctrlDExits() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.sendControl("d")
        #expect(try session.waitForExit() == 0)
    }

    @Test("Tab completes a partial command name: tim → 'timer '")
    func tabCompletesCommand() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.send("tim\t")
        try session.expect("timer ")
        // The completed word is followed by a space: the argument lands in the right place.
        session.send("abc\r")
        let out = try session.expect(Self.prompt)
        #expect(out.contains("imer needs a length of time"), "expected timer's usage error for 'timer abc': \(visible(out))")
        #expect(!out.contains("nknown command"))
        try quit(session)
    }

    @Test("Tab completes an argument: 'help ti' → 'help timer'")
    func tabCompletesArgument() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.send("help ti")
        try session.expect("help ti")
        session.send("\t")
        try session.expect("mer")
        session.send("\r")
        let out = try session.expect(Self.prompt)
        #expect(out.contains("usage: timer TIME [LABEL]"), "output: \(visible(out))")
        try quit(session)
    }

    @Test("history persists: Up in a second run recalls a command from the first; file is 0600")
    func historyAcrossRuns() throws {
        let sandbox = Sandbox()
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultHistory))
        let (first, _) = try start(sandbox)
        defer { first.terminate() }
        try run(first, "help quit", expecting: "usage: quit")
        try quit(first)

        #expect(try lines(of: sandbox.defaultHistory) == ["help quit"])
        #expect(mode(of: sandbox.defaultHistory) == 0o600, "history mode \(String(mode(of: sandbox.defaultHistory), radix: 8))")

        let (second, _) = try start(sandbox)
        defer { second.terminate() }
        second.send("\u{1B}[A")
        try second.expect("help quit")
        second.send("\r")
        let out = try second.expect(Self.prompt)
        #expect(out.contains("usage: quit"), "output after Up+Enter: \(visible(out))")
        try quit(second)
    }

    @Test("history drops consecutive duplicates, is capped at 1000 lines and made private (0600)")
    func historyDedupAndCap() throws {
        let sandbox = Sandbox()
        let old = (0..<1100).map { "help n\($0)" }
        try sandbox.write(old.joined(separator: "\n") + "\n", to: sandbox.defaultHistory, mode: 0o644)

        let (session, banner) = try start(sandbox)
        defer { session.terminate() }
        #expect(!banner.contains("surgeon"), "an existing history file means this is not the first start")
        try run(session, "help quit", expecting: "usage: quit")
        try run(session, "help quit", expecting: "usage: quit")
        try run(session, "  help quit  ", expecting: "usage: quit")
        try run(session, "help timer", expecting: "usage: timer")
        try run(session, "help quit", expecting: "usage: quit")
        try quit(session)

        let saved = try lines(of: sandbox.defaultHistory)
        #expect(saved.count == 1000, "history has \(saved.count) lines")
        #expect(Array(saved.suffix(4)) == ["help n1099", "help quit", "help timer", "help quit"])
        #expect(mode(of: sandbox.defaultHistory) == 0o600, "history mode \(String(mode(of: sandbox.defaultHistory), radix: 8))")
    }

    @Test("a repeat of the last line of the previous run is not added again")
    func historyDedupAcrossRuns() throws {
        let sandbox = Sandbox()
        for _ in 0..<2 {
            let (session, _) = try start(sandbox)
            defer { session.terminate() }
            try run(session, "help timer", expecting: "usage: timer")
            try quit(session)
        }
        #expect(try lines(of: sandbox.defaultHistory) == ["help timer"])
    }

    @Test("REHAB_HISTORY overrides where history goes")
    func rehabHistoryOverride() throws {
        let sandbox = Sandbox()
        let custom = sandbox.root + "/elsewhere/my-history"
        let (session, _) = try start(sandbox, env: sandbox.environment(["REHAB_HISTORY": custom]))
        defer { session.terminate() }
        try run(session, "help quit", expecting: "usage: quit")
        try quit(session)
        #expect(try lines(of: custom) == ["help quit"])
        #expect(mode(of: custom) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: sandbox.defaultHistory))
    }

    @Test("without (or with a relative) XDG_STATE_HOME, history goes to ~/.local/state/rehab/history",
          arguments: [nil, "relative/state"] as [String?])
    func historyFallback(_ xdgState: String?) throws {
        let sandbox = Sandbox()
        let env = sandbox.environment(["XDG_STATE_HOME": xdgState])
        let (session, _) = try start(sandbox, env: env)
        defer { session.terminate() }
        try run(session, "help timer", expecting: "usage: timer")
        try quit(session)
        let fallback = sandbox.home + "/.local/state/rehab/history"
        #expect(try lines(of: fallback) == ["help timer"])
        #expect(mode(of: fallback) == 0o600)
        #expect(sandbox.createdEntries().allSatisfy { !$0.hasPrefix("state/") && !$0.hasPrefix("home/relative") })
    }

    @Test("Ctrl-C at the prompt clears the line; the next command arrives whole")
    func ctrlCClearsLine() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.send("nosuchcmd")
        try session.expect("nosuchcmd")           // echoed: readline has it, Ctrl-C will not just flush it
        try session.expectWaitingForKey()   // readline is back in its wait for a key
        session.sendControl("c")
        try session.expect(Self.prompt)            // a fresh prompt
        // Every character of the next command must arrive (a lost first key made this 'elp quit').
        session.send("help quit\r")
        let out = try session.expect(Self.prompt)
        #expect(out.contains("usage: quit"), "after Ctrl-C: \(visible(out))")
        #expect(!out.contains("nknown command"), "the cleared text or a lost key reached the shell: \(visible(out))")

        // Ctrl-C on an empty line, twice, then a command: still whole.
        for _ in 0..<2 {
            try session.expectWaitingForKey()   // readline is back in its wait for a key
            session.sendControl("c")
            try session.expect(Self.prompt)
        }
        session.send("help timer\r")
        let out2 = try session.expect(Self.prompt)
        #expect(out2.contains("usage: timer TIME [LABEL]"), "after two Ctrl-C: \(visible(out2))")
        try quit(session)
    }

    @Test("the first key typed after Ctrl-C is not lost, even when typed one at a time")
    func firstKeyAfterCtrlC() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.send("help ti")
        try session.expect("help ti")
        try session.expectWaitingForKey()   // readline is back in its wait for a key
        session.sendControl("c")
        try session.expect(Self.prompt)
        session.send("h")
        try session.expect("h")                    // the very first key shows up on the line
        session.send("elp quit\r")
        let out = try session.expect(Self.prompt)
        #expect(out.contains("usage: quit"), "output: \(visible(out))")
        try quit(session)
    }

    /// Ctrl-C that arrives while readline is busy (drawing, not blocked in read()) must behave like
    /// any other: clear the line, draw a fresh prompt, and leave the next command alone.
    ///
    /// Made deterministic: a long line, then keys that each make readline redraw all of it, and the
    /// test does not read, so readline blocks writing to the full terminal; Ctrl-C is sent then.
    @Test("Ctrl-C while readline is busy redrawing still clears the line and gives a fresh prompt")
    func ctrlCWhileBusy() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        let long = String(String(repeating: "abcdefg", count: 300).prefix(2000))
        session.send(long)
        try session.expect(String(long.suffix(20)))
        try session.expectWaitingForKey()   // readline is back in its wait for a key
        // Ctrl-A, then 'y' + Ctrl-B pairs: each insert at the start shifts (and redraws) the whole line.
        session.send("\u{01}" + String(repeating: "y\u{02}", count: 150))
        #expect(session.waitUntilBlockedWriting(), "readline never blocked writing; the test did not set up its case")
        session.sendControl("c")
        do {
            try session.expect(Self.prompt, timeout: 3)
        } catch {
            Issue.record("no fresh prompt after Ctrl-C: \(error)")
        }
        session.send("help quit\r")
        do {
            try session.expect("usage: quit", timeout: 3)
        } catch {
            Issue.record("the command typed after Ctrl-C did not run: \(error)")
            return
        }
        try session.expect(Self.prompt)
        try quit(session)
    }

    @Test("Ctrl-C stops 'timer 30' quickly with 'Stopped.'; the session goes on")
    func ctrlCStopsTimer() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.send("timer 30\r")
        try session.expect("Timer: 30 s")
        try session.expect("s left")              // the countdown is running
        let pressed = Date()
        session.sendControl("c")
        try session.expect("Stopped.", timeout: 5)
        let took = Date().timeIntervalSince(pressed)
        #expect(took < 3, "Ctrl-C took \(took) s to stop the timer")
        try session.expect(Self.prompt)
        let out = try run(session, "help quit", expecting: "usage: quit")
        #expect(!out.contains("Timer: done."))
        try quit(session)
    }

    // MARK: colour

    @Test("errors are red at a terminal in colour mode")
    func errorsRedInColour() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox)
        defer { session.terminate() }
        session.send("nosuchcmd\r")
        let out = try session.expect(regex: "nknown command 'nosuchcmd'[^\\n]*\\n") + (try session.expect(Self.prompt))
        #expect(out.contains("\u{1B}[31m"), "no red in: \(visible(out))")
        try quit(session)
    }

    @Test("NO_COLOR or --no-color: no colour codes, even in the error line",
          arguments: [(["NO_COLOR": "1"], [String]()), ([:], ["--no-color"])] as [([String: String?], [String])])
    func noColourAtTerminal(_ env: [String: String?], _ args: [String]) throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox, arguments: args, env: sandbox.environment(env))
        defer { session.terminate() }
        session.send("nosuchcmd\r")
        let out = try session.expect(regex: "nknown command 'nosuchcmd'[^\\n]*\\n") + (try session.expect(Self.prompt))
        #expect(!out.contains("\u{1B}[31m"), "red with colour off: \(visible(out))")
        #expect(!out.contains("\u{1B}[0m"), "SGR reset with colour off: \(visible(out))")
        #expect(out.contains("did you mean") || out.contains("type 'help'"))
        try quit(session)
    }

    @Test("a typo at the prompt gets 'did you mean'")
    func didYouMeanAtPrompt() throws {
        let sandbox = Sandbox()
        let (session, _) = try start(sandbox, env: sandbox.environment(["NO_COLOR": "1"]))
        defer { session.terminate() }
        let out = try run(session, "timr 30", expecting: "did you mean 'timer'?")
        #expect(out.contains("nknown command 'timr'"))
        try quit(session)
    }
}
