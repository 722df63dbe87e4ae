import Foundation
import Testing

/// Phases in days and months, an open-ended last phase and a release tied to a phase, through the real binary.
@Suite struct TimedPhaseTests {
    static let program = """
        program timed "Timed"
        exercise walking "Walking"
          loads none
        exercise jogging "Jogging"
          loads running
        no contact-sports until phase maintenance
        phase early "Days 0–30" days 0-30
          walking 10 min
          no running
        phase middle "Middle" days 30-91
          walking 30 min
        phase maintenance "Maintenance" from week 13
          jogging 20 min
        expect day 29: phase early, no running
        expect day 30: phase middle, running
        expect month 4: phase maintenance, contact-sports
        activity running "running or jogging"
        activity contact-sports "contact sports"
        """

    func run(_ sandbox: Sandbox, _ words: [String]) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox))
    }

    @Test("preview of a program with a days phase and an open-ended phase: the day boundary, and no invented end")
    func previewDaysAndOpenEnded() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/timed.rehab"
        try sandbox.write(Self.program, to: path)
        let check = try run(sandbox, ["check", path])
        #expect(check.status == 0, "\(check)")

        let table = try run(sandbox, ["preview", path])
        #expect(table.status == 0, "\(table)")
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // Header, then weeks 0…13: day 30 falls in week 4, so week 4 is still 'early' and week 5 is 'middle';
        // the open-ended phase starts at week 13 and the table stops there, with no 'complete' row.
        #expect(rows.count == 15, "\(table.stdout)")
        #expect(rows.dropFirst(5).first?.prefix(2) == ["4", "early"], "\(table.stdout)")
        #expect(rows.dropFirst(6).first?.prefix(2) == ["5", "middle"], "\(table.stdout)")
        #expect(rows.last?.prefix(2) == ["13", "maintenance"], "\(table.stdout)")
        #expect(!table.stdout.contains("complete"), "\(table.stdout)")

        let week = try run(sandbox, ["--today", "2026-11-21", "preview", path, "--week", "20"])
        #expect(week.status == 0, "\(week)")
        #expect(week.stdout.contains("phase 3 of 3, 'Maintenance'"), "\(week.stdout)")
        #expect(!week.stdout.contains("the program ends"), "\(week.stdout)")

        let early = try run(sandbox, ["--today", "2026-11-21", "preview", path, "--week", "1"])
        #expect(early.stdout.contains("no contact sports, until you reach phase 'Maintenance' — set by the program"),
                "\(early.stdout)")
        #expect(early.stdout.contains("until you move on to phase 'Middle' (day 30, "), "\(early.stdout)")
    }
}
