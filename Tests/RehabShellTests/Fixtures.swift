import Foundation
import RehabCore
@testable import RehabShell

/// A shell over the standard commands that writes into memory and never sleeps.
///
/// Its data folder is a fresh temporary path (removed afterwards), so nothing a command might
/// create lands outside the test.
final class Rig {
    let console: CapturingConsole
    let clock: InstantClock
    let shell: Shell
    let dataDir: String

    /// The shipped programs of this checkout, for rigs that need a patient on a real program.
    static let programsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Programs").path

    init(interactive: Bool = false, colors: Bool = false, interruptAfter: Int? = nil, table: CommandTable = .standard,
         programs: Bool = false) {
        console = CapturingConsole(colors: colors)
        clock = InstantClock(interruptAfter: interruptAfter)
        dataDir = FileManager.default.temporaryDirectory
            .appendingPathComponent("rehab-shell-tests-\(UUID().uuidString)").path
        let settings = ShellSettings(today: CalendarDay(year: 2026, month: 3, day: 15)!, dataDir: dataDir,
                                     programsDir: programs ? Rig.programsDir : nil, interactive: interactive)
        shell = Shell(settings: settings, console: console, clock: clock, table: table)
    }

    deinit { try? FileManager.default.removeItem(atPath: dataDir) }

    /// Runs lines through a session; returns the exit status.
    @discardableResult
    func run(_ lines: [String], mode: Session.Mode = .script, bail: Bool = false) -> Int32 {
        Session(shell: shell, mode: mode, bail: bail).run(ListReader(lines))
    }

    /// The usage error a line raises, or nil if it ran.
    func error(_ line: String) -> CommandError? {
        do { try shell.execute(line); return nil } catch { return error }
    }
}
