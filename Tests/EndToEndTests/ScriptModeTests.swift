import Foundation
import Testing

/// rehab with stdin not a terminal (pipes, files, `-c`, one-shot): no prompt, no echo, no escape codes.
@Suite("Script mode and the command line")
struct ScriptModeTests {
    /// `rehab help` run once: the help screen the other tests compare against.
    private func helpScreen(_ sandbox: Sandbox) throws -> String {
        let r = try runRehab(["help"], env: sandbox.environment)
        try #require(r.status == 0, "rehab help exited \(r.status): \(r.stderr)")
        try #require(r.stdout.contains("timer"), "rehab help printed no command list: \(r.stdout)")
        return r.stdout
    }

    @Test("help then an unknown command: help once on stdout, 'line 2' on stderr, status 1")
    func helpThenUnknownCommand() throws {
        let sandbox = Sandbox()
        let help = try helpScreen(sandbox)
        let r = try runRehab([], stdin: "help\nnosuchcmd\n", env: sandbox.environment)
        #expect(r.status == 1)
        #expect(r.stdout == help, "stdout should be exactly the help screen (no prompt, no echo):\n\(visible(r.stdout))")
        #expect(r.stdout.components(separatedBy: "Type 'help COMMAND'").count - 1 == 1)
        #expect(r.stderrLines.count == 1, "stderr: \(visible(r.stderr))")
        #expect(r.stderr.hasPrefix("rehab: line 2: unknown command"), "stderr: \(visible(r.stderr))")
        #expect(r.stderr.contains("'nosuchcmd'"))
        #expect(r.noEscapes)
        #expect(!r.stdout.contains("rehab>"))
        #expect(!r.stdout.contains("nosuchcmd"))
    }

    @Test("comments and blank lines are skipped")
    func commentsAndBlankLines() throws {
        let sandbox = Sandbox()
        let once = try runRehab(["help", "quit"], env: sandbox.environment)
        try #require(once.status == 0 && once.stdout.contains("usage: quit"))
        let script = "# a comment\n\n   \nhelp quit\n   # an indented comment\n\t\n"
        let r = try runRehab([], stdin: script, env: sandbox.environment)
        #expect(r.status == 0)
        #expect(r.stdout == once.stdout)
        #expect(r.stderr.isEmpty, "stderr: \(visible(r.stderr))")
        #expect(r.noEscapes)
    }

    @Test("the error names the line of the failing command, with a suggestion; the script goes on")
    func lineNumberAndSuggestion() throws {
        let sandbox = Sandbox()
        let r = try runRehab([], stdin: "help quit\nhelp timer\ntimr\nhelp quit\n", env: sandbox.environment)
        #expect(r.status == 1)
        #expect(r.stderr == "rehab: line 3: unknown command 'timr' — did you mean 'timer'?\n", "stderr: \(visible(r.stderr))")
        #expect(r.stdout.components(separatedBy: "usage: quit").count - 1 == 2, "the line after the error still runs")
        #expect(r.stdout.contains("usage: timer"))
        #expect(r.noEscapes)
    }

    @Test("line numbers are physical line numbers: comments and blank lines count")
    func lineNumbersCountCommentsAndBlankLines() throws {
        let sandbox = Sandbox()
        let script = "# set-up\n\nhelp quit\n# the broken one:\nnosuchcmd\n"
        let r = try runRehab([], stdin: script, env: sandbox.environment)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("rehab: line 5: unknown command 'nosuchcmd'"), "stderr: \(visible(r.stderr))")
    }

    @Test("CRLF line endings work like LF")
    func crlfLines() throws {
        let sandbox = Sandbox()
        let r = try runRehab([], stdin: "help quit\r\nnosuchcmd\r\n", env: sandbox.environment)
        #expect(r.status == 1)
        #expect(r.stdout.contains("usage: quit"))
        #expect(r.stderr.hasPrefix("rehab: line 2: unknown command 'nosuchcmd';"), "stderr: \(visible(r.stderr))")
    }

    @Test("--bail stops at the first failing command")
    func bailStops() throws {
        let sandbox = Sandbox()
        let script = "help quit\nnosuchcmd\nhelp timer\n"
        let bailed = try runRehab(["--bail"], stdin: script, env: sandbox.environment)
        #expect(bailed.status == 1)
        #expect(bailed.stdout.contains("usage: quit"))
        #expect(!bailed.stdout.contains("usage: timer"), "a command after the failure ran despite --bail")
        #expect(bailed.stderr.hasPrefix("rehab: line 2: unknown command"))

        let goesOn = try runRehab([], stdin: script, env: sandbox.environment)
        #expect(goesOn.status == 1)
        #expect(goesOn.stdout.contains("usage: timer"), "without --bail the script goes on")
    }

    @Test("a usage error in a script (timer abc) is status 1 with the line number")
    func usageErrorInScript() throws {
        let sandbox = Sandbox()
        let r = try runRehab([], stdin: "timer abc\n", env: sandbox.environment)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("rehab: line 1: timer needs a length of time"), "stderr: \(visible(r.stderr))")
    }

    @Test("quit ends a script; later lines are not run")
    func quitEndsScript() throws {
        let sandbox = Sandbox()
        let r = try runRehab([], stdin: "help quit\nquit\nhelp timer\n", env: sandbox.environment)
        #expect(r.status == 0)
        #expect(r.stdout.contains("usage: quit"))
        #expect(!r.stdout.contains("usage: timer"))
    }

    @Test("a timer in a script counts without escape codes")
    func timerInScript() throws {
        let sandbox = Sandbox()
        let r = try runRehab([], stdin: "timer 1 plank\n", env: sandbox.environment)
        #expect(r.status == 0)
        #expect(r.stdout == "plank: 1 s\nplank: done.\n", "stdout: \(visible(r.stdout))")
        #expect(r.noEscapes)
    }

    // MARK: -c

    @Test("-c 'help; quit' runs both and exits 0")
    func dashCHelpQuit() throws {
        let sandbox = Sandbox()
        let help = try helpScreen(sandbox)
        let r = try runRehab(["-c", "help; quit"], env: sandbox.environment)
        #expect(r.status == 0)
        #expect(r.stdout == help)
        #expect(r.stderr.isEmpty)
        #expect(r.noEscapes)
    }

    @Test("-c runs every command in order; quit stops the rest; ';' inside quotes does not split")
    func dashCOrder() throws {
        let sandbox = Sandbox()
        let both = try runRehab(["-c", "help quit; help timer"], env: sandbox.environment)
        #expect(both.status == 0)
        let quitAt = both.stdout.range(of: "usage: quit"), timerAt = both.stdout.range(of: "usage: timer")
        #expect(quitAt != nil && timerAt != nil && quitAt!.lowerBound < timerAt!.lowerBound, "stdout: \(both.stdout)")

        let stopped = try runRehab(["-c", "help quit; quit; help timer"], env: sandbox.environment)
        #expect(stopped.status == 0)
        #expect(stopped.stdout.contains("usage: quit"))
        #expect(!stopped.stdout.contains("usage: timer"))

        let quoted = try runRehab(["-c", "timer 1 'a;b'"], env: sandbox.environment)
        #expect(quoted.status == 0)
        #expect(quoted.stdout.hasPrefix("a;b: 1 s\n"), "stdout: \(visible(quoted.stdout))")
    }

    @Test("-c with a failing command: 'rehab: MESSAGE' without a line number; bad words exit 2 as one-shot")
    func dashCFailure() throws {
        let sandbox = Sandbox()
        let r = try runRehab(["-c", "nosuchcmd; help quit"], env: sandbox.environment)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("rehab: unknown command 'nosuchcmd'"), "stderr: \(visible(r.stderr))")
        #expect(r.stdout.contains("usage: quit"))
        #expect(r.noEscapes)
    }

    // MARK: one-shot

    @Test("one-shot 'rehab help timer' prints usage, summary and example")
    func oneShotHelpTimer() throws {
        let sandbox = Sandbox()
        let r = try runRehab(["help", "timer"], env: sandbox.environment)
        #expect(r.status == 0)
        #expect(r.stdout.contains("usage: timer TIME [LABEL]"))
        #expect(r.stdout.contains("Count down a hold or rest"))
        #expect(r.stdout.contains("example: timer 30 hold"))
        #expect(r.stderr.isEmpty)
        #expect(r.noEscapes)
    }

    @Test("an unknown one-shot command exits 2 with a suggestion")
    func oneShotUnknown() throws {
        let sandbox = Sandbox()
        let unknown = try runRehab(["nosuchcmd"], env: sandbox.environment)
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.hasPrefix("rehab: unknown command 'nosuchcmd'"), "stderr: \(visible(unknown.stderr))")

        let typo = try runRehab(["timr", "30"], env: sandbox.environment)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'timer'?"), "stderr: \(visible(typo.stderr))")
        #expect(typo.noEscapes)
    }

    @Test("a one-shot usage error exits 2", arguments: [["timer", "0"], ["timer", "abc"], ["help", "--bogus"]])
    func oneShotUsageError(_ args: [String]) throws {
        let sandbox = Sandbox()
        let r = try runRehab(args, env: sandbox.environment)
        #expect(r.status == 2, "rehab \(args) → \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("rehab: "))
        #expect(r.stderrLines.count == 1)
    }

    // MARK: global options

    @Test("an impossible --today exits 2 with one line naming YYYY-MM-DD",
          arguments: [["--today", "2026-13-01"], ["--today=2026-02-30"], ["help", "--today", "2026-13-01"], ["--today", "tomorrow", "help"]])
    func badToday(_ args: [String]) throws {
        let sandbox = Sandbox()
        let r = try runRehab(args, env: sandbox.environment)
        #expect(r.status == 2)
        #expect(r.stderrLines.count == 1, "stderr: \(visible(r.stderr))")
        #expect(r.stderr.contains("YYYY-MM-DD"))
        #expect(r.stdout.isEmpty)
    }

    @Test("--version prints a version and exits 0")
    func version() throws {
        let sandbox = Sandbox()
        let r = try runRehab(["--version"], env: sandbox.environment)
        #expect(r.status == 0)
        let line = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.wholeMatch(of: /\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]+)?/) != nil, "stdout: \(visible(r.stdout))")
        #expect(r.stderr.isEmpty)
    }

    @Test("global options work before or after the command word, with a space or '='",
          arguments: [["--today", "2026-03-02", "help", "quit"], ["--today=2026-03-02", "help", "quit"],
                      ["help", "quit", "--today", "2026-03-02"], ["help", "--no-color", "quit"], ["--", "help", "quit"]])
    func globalOptionsAnywhere(_ args: [String]) throws {
        let sandbox = Sandbox()
        let r = try runRehab(args, env: sandbox.environment)
        #expect(r.status == 0, "rehab \(args) → \(r.status): \(r.stderr)")
        #expect(r.stdout.contains("quit"))
        #expect(r.stderr.isEmpty)
    }

    @Test("--help lists every global option; an option without its value is one sentence and exit 2")
    func helpAndMissingValue() throws {
        let sandbox = Sandbox()
        let help = try runRehab(["--help"], env: sandbox.environment)
        #expect(help.status == 0)
        for option in ["--today", "--data-dir", "--patient", "--no-color", "--bail", "-c", "--version"] {
            #expect(help.stdout.contains(option), "--help should mention \(option)")
        }
        let missing = try runRehab(["--data-dir"], env: sandbox.environment)
        #expect(missing.status == 2)
        #expect(missing.stderrLines.count == 1)
        #expect(missing.stderr.contains("--data-dir needs a value"))
        #expect(sandbox.createdEntries() == [])
    }

    @Test("an unknown option exits 2 with one line on stderr", arguments: [["--bogus"], ["--bogus", "help"], ["-z"]])
    func unknownOption(_ args: [String]) throws {
        let sandbox = Sandbox()
        let r = try runRehab(args, env: sandbox.environment)
        #expect(r.status == 2, "rehab \(args) → \(r.status)")
        #expect(r.stderrLines.count == 1, "stderr: \(visible(r.stderr))")
        #expect(r.stderr.contains(args[0]), "the message should name the bad option: \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.noEscapes)
    }

    // MARK: no files, no colour

    @Test("script mode, -c and one-shot create no files under HOME or the XDG folders")
    func noFilesCreated() throws {
        let sandbox = Sandbox()
        _ = try runRehab([], stdin: "help\nhelp timer\nnosuchcmd\ntimer abc\nquit\n", env: sandbox.environment)
        _ = try runRehab(["-c", "help; nosuchcmd"], env: sandbox.environment)
        _ = try runRehab(["help", "timer"], env: sandbox.environment)
        #expect(sandbox.createdEntries() == [])

        // With only HOME set, the fallbacks (~/.local/state, ~/.local/share) must stay untouched too.
        let bare = sandbox.environment(["XDG_STATE_HOME": nil, "XDG_DATA_HOME": nil, "REHAB_HOME": nil])
        let r = try runRehab([], stdin: "help\nnosuchcmd\n", env: bare)
        #expect(r.status == 1)
        #expect(sandbox.createdEntries() == [])
    }

    @Test("no colour when stdout is not a terminal, even with errors and TERM=xterm-256color")
    func noColourInPipes() throws {
        let sandbox = Sandbox()
        let env = sandbox.environment(["TERM": "xterm-256color", "COLORTERM": "truecolor"])
        let runs = [
            try runRehab([], stdin: "help\nnosuchcmd\ntimer 0\n", env: env),
            try runRehab(["-c", "help; timr"], env: env),
            try runRehab(["timr"], env: env),
            try runRehab(["help", "timer"], env: env),
        ]
        for r in runs {
            #expect(r.noEscapes, "escape byte in stdout \(visible(r.stdout)) or stderr \(visible(r.stderr))")
            #expect(!(r.stdout + r.stderr).isEmpty)
        }
    }
}
