import RehabScript

/// A hold or rest timer on the shell's clock, stoppable with Ctrl-C.
///
/// Decision (see design notes): timed steps do not read keys. readline blocks, so instead the SIGINT
/// handler sets a flag that the clock checks while waiting; the step ends and the prompt returns.
struct Countdown {
    let shell: Shell

    /// Returns false when Ctrl-C stopped it.
    func run(seconds: Int, label: String) -> Bool {
        let live = shell.settings.interactive
        shell.say("\(label): \(seconds) s")
        var left = seconds
        while left > 0 {
            guard shell.clock.wait(seconds: 1) else {
                if live { shell.console.write("\n") }
                return false
            }
            left -= 1
            if live {
                shell.console.write(StyleMarker.carriageReturn + "  \(left) s left " + StyleMarker.eraseLine)
            } else if left > 0, left % 10 == 0 {
                shell.say("  \(left) s left")
            }
        }
        if live { shell.console.write(StyleMarker.carriageReturn + StyleMarker.eraseLine) }
        shell.say("\(label): done.")
        return true
    }
}
