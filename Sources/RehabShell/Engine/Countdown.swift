import RehabScript

/// A hold or rest timer on the shell's clock, stoppable with Ctrl-C.
///
/// Decision (see design notes): timed steps do not read keys. readline blocks, so instead the SIGINT
/// handler sets a flag that the clock checks while waiting; the step ends and the prompt returns.
struct Countdown {
    let shell: Shell

    /// Returns false when Ctrl-C stopped it. `quiet` leaves out the terminal bell at the end.
    func run(seconds: Int, label: String, quiet: Bool = false) -> Bool {
        let live = shell.settings.interactive
        shell.say("\(label): \(TimerDuration(seconds: seconds).text)")
        var left = seconds
        if live { shell.console.write(StyleMarker.carriageReturn + Countdown.bar(left: left, of: seconds) + StyleMarker.eraseLine) }
        while left > 0 {
            guard shell.clock.wait(seconds: 1) else {
                if live { shell.console.write("\n") }
                return false
            }
            left -= 1
            if live {
                // Redrawn in place: carriage return, the bar, then erase what a longer line left behind.
                shell.console.write(StyleMarker.carriageReturn + Countdown.bar(left: left, of: seconds) + StyleMarker.eraseLine)
            } else if left > 0, left % 10 == 0 {
                shell.say("  \(left) s left")
            }
        }
        if live { shell.console.write(StyleMarker.carriageReturn + StyleMarker.eraseLine) }
        shell.say("\(label): done." + (live && !quiet ? StyleMarker.bell : ""))
        return true
    }

    /// `  [########------------]  1:05 left`: 20 cells, filled as time passes; plain ASCII so any terminal shows it.
    static func bar(left: Int, of total: Int, width: Int = 20) -> String {
        let done = total > 0 ? (total - left) * width / total : width
        let filled = String(repeating: "#", count: done) + String(repeating: "-", count: width - done)
        let clock = left >= 60 ? "\(left / 60):" + (left % 60 < 10 ? "0" : "") + "\(left % 60)" : "\(left) s"
        return "  [\(filled)]  \(clock) left"
    }
}
