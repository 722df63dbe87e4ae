import RehabCore
import RehabScript
import Testing

/// The doses published protocols write: ranges, distances, resistance, "as tolerated", floors and the 5% rule.
@Suite struct DoseTests {
    static func dose(_ text: String) throws -> Dose {
        let program = """
            program demo "Demo"
            exercise walking "Walking"
              loads none
            phase one "One" weeks 0-6
              walking \(text)
            """
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources(["main.rehab": program]))
        let p = try #require(loaded.program, "\(loaded.diagnostics.map(\.message))")
        return try #require(p.phases.first?.prescriptions.first).dose
    }

    @Test("each form reads back as the patient sees it", arguments: [
        ("10-15 reps", "10–15 reps"),
        ("2 x 10-15", "2 × 10–15"),
        ("20-30 min, 2-3 times a day", "20–30 min, 2–3 times a day"),
        ("1 mi", "1 mi"),
        ("1.5 km, once a day", "1.5 km, once a day"),
        ("15 min, 1 mi", "15 min, 1 mi"),
        ("3 x 10, with 2 lb", "3 × 10, with 2 lb"),
        ("3 x 10, light band, 3 days a week", "3 × 10, with a light band, 3 days a week"),
        ("3 x 10, with a heavy band", "3 × 10, with a heavy band"),
        ("10 reps, as tolerated", "10 reps, as tolerated"),
        ("at least 30 min, 3 times a day", "at least 30 min, 3 times a day"),
        ("10 min, +5% a day if recovered overnight", "10 min, add 5% a day if recovered overnight"),
        ("10 min, +10% a week", "10 min, add 10% a week"),
    ])
    func reads(text: String, shown: String) throws {
        #expect(try Self.dose(text).text == shown)
    }

    @Test("the low end of a range is what is counted and timed")
    func lowEndCounts() throws {
        let d = try Self.dose("20-30 min, 2-3 times a day")
        #expect(d.minutes == 20 && d.minutesUpTo == 30 && d.timesPerDay == 2 && d.timesPerDayUpTo == 3)
        let reps = try Self.dose("2 x 10-15")
        #expect(reps.sets == 2 && reps.reps == 10 && reps.repsUpTo == 15)
        let floor = try Self.dose("at least 30 min")
        #expect(floor.minutes == 30 && floor.minutesAreMinimum == true)
        #expect(try Self.dose("5 min, +5% a day if recovered overnight").percentStep
                == PercentStep(percent: 5, every: .day, condition: "recovered overnight"))
    }

    @Test("a range that goes down, or a step that is not gentle, is an error at its number")
    func refusals() {
        let header = "program demo \"Demo\"\nexercise walking \"Walking\"\n  loads none\nphase one \"One\" weeks 0-6\n"
        let down = Checked(header + "  walking 15-1️⃣10 min\n")
        down.expect("bad-dose", at: "1️⃣", message: ["the range 15-10 must go up"])
        let steep = Checked(header + "  walking 10 min, +1️⃣80% a day\n")
        steep.expect("bad-dose", at: "1️⃣", message: ["80%", "1 to 50"])
    }
}
