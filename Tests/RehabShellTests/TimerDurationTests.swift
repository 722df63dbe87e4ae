import Testing
@testable import RehabShell

@Suite("Timer durations")
struct TimerDurationTests {
    static let accepted: [(String, Int, String)] = [
        ("30", 30, ""), ("30 s", 30, ""), ("30s", 30, ""), ("30 sec", 30, ""), ("45 seconds", 45, ""),
        ("1 min", 60, ""), ("1min", 60, ""), ("2 minutes", 120, ""), ("1:30", 90, ""), ("0:45", 45, ""),
        ("2 min 30 s", 150, ""), ("2 min 30", 150, ""), ("2min 30s", 150, ""), ("60:00", 3600, ""),
        ("30 hold", 30, "hold"), ("1 min rest between sets", 60, "rest between sets"), ("1:30 wall sit", 90, "wall sit"),
        ("30s Hold", 30, "Hold"), ("1 MIN", 60, ""), ("1 hour", 3600, ""),
    ]

    @Test("reads seconds, minutes, M:SS and mixtures, leaving the label", arguments: accepted)
    func reads(_ line: String, _ seconds: Int, _ label: String) throws {
        let r = try TimerDuration.read(line.split(separator: " ").map(String.init))
        #expect(r.duration.seconds == seconds, "\(line)")
        #expect(r.rest.joined(separator: " ") == label, "\(line)")
    }

    @Test("refuses zero, negatives, over an hour and words that are not a time, in one sentence",
          arguments: ["0", "0 s", "0:00", "-3", "-1 min", "61 min", "3601", "1:00:00", "abc", "", "2.5", "30x", "1:75", "1:5"])
    func refuses(_ line: String) {
        do {
            _ = try TimerDuration.read(line.split(separator: " ").map(String.init))
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.kind == .usage, "\(line)")
            #expect(error.message.hasSuffix(".") && !error.message.contains("\n"), "\(line): \(error.message)")
            #expect(error.message.contains("type"), "\(line): \(error.message)")
        }
    }

    @Test("the refusal names what was wrong")
    func messages() {
        #expect(Rig().error("timer 0")?.message.contains("above zero") == true)
        #expect(Rig().error("timer 2 hours")?.message.contains("at most one hour") == true)
        #expect(Rig().error("timer 61 min")?.message.contains("at most one hour") == true)
        #expect(Rig().error("timer soon")?.message.contains("needs a length of time") == true)
    }

    @Test("timer 1 min counts sixty seconds, not one")
    func oneMinute() {
        let rig = Rig()
        #expect(rig.run(["timer 1 min"]) == 0)
        #expect(rig.clock.waited.count == 60)
        #expect(rig.console.output.hasPrefix("Timer: 1 min\n"))
    }

    @Test("on a terminal: a bar redrawn in place and the bell at the end; --quiet has no bell")
    func liveBar() {
        let rig = Rig(interactive: true)
        #expect(rig.run(["timer 4 hold"], mode: .interactive) == 0)
        let out = rig.console.output
        #expect(out.contains("\r  [----------]".replacingOccurrences(of: "----------", with: String(repeating: "-", count: 20))))
        #expect(out.contains("\r  [##########----------]  2 s left\u{1B}[K"), "\(out.debugDescription)")
        #expect(out.hasSuffix("hold: done.\u{07}\n"), "\(out.debugDescription)")
        let quiet = Rig(interactive: true)
        #expect(quiet.run(["timer 4 hold --quiet"], mode: .interactive) == 0)
        #expect(!quiet.console.output.contains("\u{07}"))
        #expect(quiet.console.output.hasSuffix("hold: done.\n"))
    }

    @Test("in a script: no bar, no bell, no escapes")
    func scriptPlain() {
        let rig = Rig()
        #expect(rig.run(["timer 1:30"]) == 0)
        #expect(!rig.console.output.contains("\u{07}") && !rig.console.output.contains("\u{1B}") && !rig.console.output.contains("\r"))
        #expect(rig.console.output.hasPrefix("Timer: 1 min 30 s\n"))
    }

    @Test("the bar over minutes shows M:SS")
    func barText() {
        #expect(Countdown.bar(left: 65, of: 90) == "  [#####---------------]  1:05 left")
        #expect(Countdown.bar(left: 0, of: 90) == "  [####################]  0 s left")
    }
}
