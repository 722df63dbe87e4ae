import Testing
@testable import RehabShell

@Suite("Session")
struct SessionTests {
    @Test("script mode: errors name the line (every line counts); the script goes on; status 1")
    func scriptLineNumbers() {
        let rig = Rig()
        let status = rig.run(["# comment", "", "help quit", "nosuchcmd", "help timer", "timr"])
        #expect(status == 1)
        #expect(rig.console.errors == """
            rehab: line 4: unknown command 'nosuchcmd'; type 'help' to see every command.
            rehab: line 6: unknown command 'timr' — did you mean 'timer'?

            """)
        #expect(rig.console.output.contains("usage: quit"))
        #expect(rig.console.output.contains("usage: timer"))
    }

    @Test("script mode with only good lines returns 0 and reports nothing")
    func scriptSuccess() {
        let rig = Rig()
        #expect(rig.run(["help", "# done"]) == 0)
        #expect(rig.console.errors.isEmpty)
        #expect(rig.console.output == CommandTable.standard.helpText)
    }

    @Test("bail stops at the first failure")
    func bail() {
        let rig = Rig()
        #expect(rig.run(["help quit", "timer 0", "help timer"], bail: true) == 1)
        #expect(rig.console.output.contains("usage: quit"))
        #expect(!rig.console.output.contains("usage: timer"))
        #expect(rig.console.errors.hasPrefix("rehab: line 2: a timer needs a length of time above zero"))
        #expect(rig.console.errors.split(separator: "\n").count == 1)
    }

    @Test("commandLine mode: 'rehab: MESSAGE' with no line number; bad words exit 2 as in one-shot mode")
    func commandLinePrefix() {
        let rig = Rig()
        #expect(rig.run(["help quit", "nosuchcmd"], mode: .commandLine) == 2)
        #expect(rig.console.errors == "rehab: unknown command 'nosuchcmd'; type 'help' to see every command.\n")
    }

    @Test("quit stops the session; later lines are not read")
    func quitStops() {
        let rig = Rig()
        #expect(rig.run(["help quit", "quit", "help timer"]) == 0)
        #expect(rig.shell.wantsExit)
        #expect(!rig.console.output.contains("usage: timer"))
    }

    @Test("interactive: errors are one capitalised sentence, red only with colour, and the session goes on")
    func interactiveErrors() {
        let plain = Rig(interactive: true, colors: false)
        #expect(plain.run(["nosuchcmd", "help quit"], mode: .interactive) == 0)
        #expect(plain.console.errors == "Unknown command 'nosuchcmd'; type 'help' to see every command.\n")
        #expect(!plain.console.errors.contains("\u{1B}"))
        #expect(plain.console.output.contains("usage: quit"))

        let colour = Rig(interactive: true, colors: true)
        #expect(colour.run(["nosuchcmd"], mode: .interactive) == 0)
        #expect(colour.console.errors == "\u{1B}[31mUnknown command 'nosuchcmd'; type 'help' to see every command.\u{1B}[0m\n")
    }

    @Test("interactive: the reader gets the prompt and the completer; scripts get neither")
    func promptAndCompleter() {
        final class Recorder: LineReader {
            var completer: Completer?
            var prompts: [String] = []
            var lines = ["help quit"]
            func read(prompt: String) -> LineInput {
                prompts.append(prompt)
                return lines.isEmpty ? .end : .line(lines.removeFirst())
            }
        }
        let live = Rig(interactive: true)
        let r1 = Recorder()
        _ = Session(shell: live.shell, mode: .interactive).run(r1)
        #expect(r1.prompts == ["rehab> ", "rehab> "])
        #expect(r1.completer?.candidates(line: "tim") == ["timer"])

        let script = Rig()
        let r2 = Recorder()
        _ = Session(shell: script.shell, mode: .script).run(r2)
        #expect(r2.prompts == ["", ""])
        #expect(r2.completer == nil)
    }

    @Test("an interrupted read (Ctrl-C at the prompt) is skipped and does not count as a line")
    func interruptedRead() {
        final class Interrupting: LineReader {
            var completer: Completer?
            var inputs: [LineInput] = [.interrupted, .line("nosuchcmd"), .interrupted, .line("timr")]
            func read(prompt: String) -> LineInput { inputs.isEmpty ? .end : inputs.removeFirst() }
        }
        let rig = Rig()
        #expect(Session(shell: rig.shell, mode: .script).run(Interrupting()) == 1)
        #expect(rig.console.errors.hasPrefix("rehab: line 1: unknown command 'nosuchcmd'"))
        #expect(rig.console.errors.contains("rehab: line 2: unknown command 'timr'"))
    }

    @Test("Ctrl-C during 'timer 5' prints Stopped. and the session continues")
    func timerInterrupted() {
        let rig = Rig(interruptAfter: 2)
        #expect(rig.run(["timer 5", "help quit"]) == 0)
        #expect(rig.clock.waited == [1, 1])
        #expect(rig.console.output.hasPrefix("Timer: 5 s\nStopped.\n"), "output: \(rig.console.output)")
        #expect(!rig.console.output.contains("done."))
        #expect(rig.console.output.contains("usage: quit"))
        #expect(rig.console.errors.isEmpty)
    }

    @Test("an interrupted timer at the terminal also ends its countdown line first")
    func timerInterruptedInteractive() {
        let rig = Rig(interactive: true, interruptAfter: 3)
        #expect(rig.run(["timer 5 plank", "help quit"], mode: .interactive) == 0)
        #expect(rig.console.output.hasPrefix("plank: 5 s\n\r  [--------------------]  5 s left\u{1B}[K"
                                                + "\r  [####----------------]  4 s left\u{1B}[K\r  [########------------]  3 s left\u{1B}[K\nStopped.\n"),
                "output: \(rig.console.output.debugDescription)")
        #expect(rig.console.output.contains("usage: quit"))
    }

    @Test("a timer that runs out says done, waiting one second at a time")
    func timerCompletes() {
        let rig = Rig()
        #expect(rig.run(["timer 3 wall sit"]) == 0)
        #expect(rig.clock.waited == [1, 1, 1])
        #expect(rig.console.output == "wall sit: 3 s\nwall sit: done.\n")
    }

    @Test("a long script timer reports every ten seconds")
    func timerProgressInScript() {
        let rig = Rig()
        #expect(rig.run(["timer 25"]) == 0)
        #expect(rig.clock.waited.count == 25)
        #expect(rig.console.output == "Timer: 25 s\n  20 s left\n  10 s left\nTimer: done.\n")
    }

    @Test("timer rejects bad durations as usage errors", arguments: ["timer 0", "timer -3", "timer abc", "timer 99999", "timer", "timer 2.5"])
    func timerBadInput(_ line: String) {
        let rig = Rig()
        let e = rig.error(line)
        #expect(e?.kind == .usage, "\(line) → \(String(describing: e))")
        #expect(rig.clock.waited.isEmpty)
        #expect(rig.console.output.isEmpty)
    }

    @Test("the one-hour limit is inclusive")
    func timerLimit() {
        #expect(Rig().error("timer 3600") == nil)
        #expect(Rig().error("timer 3601")?.message == "a timer can run for at most one hour; type a shorter time, for example 'timer 20 min'.")
    }
}
