import RehabCore
import Testing
@testable import RehabShell

/// A whole guided session through the shell on the virtual clock: every hold, rest and walking timer is asked of the
/// injected clock and returns at once, so a session that takes half an hour in real life runs in milliseconds.
@Suite struct GuidedSessionShellTests {
    @Test func aWholeShippedSessionRunsAtFullSpeed() throws {
        let rig = Rig(interactive: true, programs: true)
        try rig.shell.execute("profile set surgery 2026-02-22")  // the rig's today, 2026-03-15, is week 3
        try rig.shell.execute("profile set procedure lumbar-fusion")
        var asked: [String] = []
        rig.shell.ask = { prompt in
            asked.append(prompt)
            if prompt.contains("[y/N]") { return .line("") }
            if prompt.contains("after the session") { return .line("2") }
            if prompt.contains("0 to 10") { return .line("2") }
            return .line("")
        }
        try rig.shell.execute("start")
        let out = rig.console.output
        #expect(out.contains("Session summary:"), "\(out)")
        #expect(out.contains("Pain: 2 before, 2 after"), "\(out)")
        #expect(!out.contains("Skipped"), "\(out)")
        // Walking 22 min, quad and glute sets 10 × 5 s holds, rests between sets: all on the injected clock.
        let seconds = Int(rig.clock.waited.reduce(0, +))
        #expect(rig.clock.waited.allSatisfy { $0 == 1 })
        #expect(seconds >= 22 * 60 + 2 * 10 * 5, "\(seconds) s on the clock")
        let record = try rig.shell.record(of: rig.shell.currentPatient())
        let exercises = record.sessions.flatMap(\.exercises)
        #expect(exercises.starts(with: ["walking", "ankle-pumps", "quad-sets", "glute-sets"]), "\(exercises)")
        #expect(record.sessions.last?.exercises.isEmpty == true, "the closing pain score")
        #expect(asked.filter { $0.contains("How was your pain during") }.count == exercises.count)
    }
}
