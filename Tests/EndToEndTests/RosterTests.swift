import Foundation
import Testing

/// `roster` on a real data folder of three patients built by the real binary: who needs attention comes first,
/// golden pages at 40 and 120 columns, and `--json` with the same order.
@Suite("roster: the therapist's view of every patient")
struct RosterTests {
    static func clinic() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        func run(_ words: [String], today: String = SafetyTests.today) throws {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, words)
            #expect(r.status == 0, "\(words): \(r.stderr)")
        }
        for n in ["ann", "bob", "cy"] {
            try run(["patient", "new", n]); try run(["patient", "use", n])
            try run(["profile", "set", "surgery", SafetyTests.surgery]); try run(["profile", "set", "procedure", "lumbar-fusion"])
        }
        try run(["patient", "use", "ann"])
        for day in ["2026-11-15", "2026-11-17", "2026-11-19", "2026-11-20", "2026-11-21"] {
            try run(["log", "pain", "3", "walking"], today: day)
        }
        try run(["patient", "use", "bob"]); try run(["flag", "chest", "pain"])
        try run(["patient", "use", "cy"]); try run(["log", "pain", "2", "after", "7", "walking"])
        return (sandbox, dir)
    }

    @Test("golden pages at 40 and 120 columns: the emergency first, then the pain stop, then the rest", arguments: [40, 120])
    func pages(width: Int) throws {
        let (sandbox, dir) = try Self.clinic()
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["roster", "--width", String(width)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= width, "too wide: \(line)") }
        let order = ["bob —", "cy —", "ann —"].map { r.stdout.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "\(r.stdout)")
        let file = ProgressTests.golden.appendingPathComponent("roster-\(width).txt")
        if ProcessInfo.processInfo.environment["REHAB_UPDATE_GOLDEN"] == "1" {
            try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(r.stdout == (try String(contentsOf: file, encoding: .utf8)), "roster differs:\n\(r.stdout)")
    }

    @Test("--json: the same order, holds, pain stops and session days")
    func json() throws {
        let (sandbox, dir) = try Self.clinic()
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["roster", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["bob", "cy", "ann"])
        #expect(rows[0]["onHold"] as? Bool == true)
        #expect(rows[1]["painStops"] as? [String] == ["walking"])
        #expect(rows[2]["sessionDaysLast7"] as? Int == 5 && rows[2]["lastPain"] as? Int == 3)
        #expect(rows[2]["adherenceLast7"] as? Int == 71 && rows[2]["adherenceFalling"] as? Bool == false)
    }

    func kept(_ dir: String) throws -> [String] {
        try runProcess("/usr/bin/sqlite3", [dir + "/journal.sqlite",
                                            "SELECT p.name || ' ' || s.key FROM summaries s JOIN patients p ON p.id = s.patient_id "
                                            + "ORDER BY p.name"]).stdout.split(separator: "\n").map(String.init)
    }

    @Test("rows are kept and reused, and worked out again after a new event, on a new day, or when damaged")
    func keptRows() throws {
        let (sandbox, dir) = try Self.clinic()
        func roster(_ today: String = SafetyTests.today) throws -> [[String: Any]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, ["roster", "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        }
        let first = try roster()
        #expect(try kept(dir) == ["ann", "bob", "cy"].map { "\($0) \(SafetyTests.today) layout 2" })
        // A kept row is what the roster shows: change one by hand and the next roster repeats it.
        _ = try runProcess("/usr/bin/sqlite3", [dir + "/journal.sqlite",
                                                "UPDATE summaries SET text = replace(text, '\"lastPain\":3', '\"lastPain\":9') "
                                                + "WHERE patient_id = (SELECT id FROM patients WHERE name = 'ann')"])
        #expect(try roster().last?["lastPain"] as? Int == 9, "the kept row was not used")
        // A new event for ann: her row is worked out again from the journal.
        _ = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["--patient", "ann", "log", "pain", "4", "walking"])
        let after = try roster()
        #expect(after.last?["lastPain"] as? Int == 4 && after.count == first.count)
        // Damaged text is worked out again, never shown.
        _ = try runProcess("/usr/bin/sqlite3", [dir + "/journal.sqlite", "UPDATE summaries SET text = '{not json'"])
        let repaired = try roster()
        #expect(repaired.map { $0["name"] as? String } == ["bob", "cy", "ann"] && repaired.last?["lastPain"] as? Int == 4)
        // A new day: every row is for that day.
        let later = try roster("2026-11-28")
        #expect(later.last?["sessionDaysLast7"] as? Int == 0 && later.last?["week"] as? Int == 4, "\(later)")
        #expect(try kept(dir).allSatisfy { $0.hasSuffix("2026-11-28 layout 2") })
    }

    @Test("falling adherence: two or more session days fewer than the week before puts the patient before the rest")
    func fallingAdherence() throws {
        let (sandbox, dir) = try Self.clinic()
        func run(_ words: [String], today: String) throws {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, ["--patient", "dee"] + words)
            #expect(r.status == 0, "\(words): \(r.stderr)")
        }
        for w in [["patient", "new", "dee"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, w)
            #expect(r.status == 0, "\(r.stderr)")
        }
        try run(["profile", "set", "surgery", SafetyTests.surgery], today: SafetyTests.today)
        try run(["profile", "set", "procedure", "lumbar-fusion"], today: SafetyTests.today)
        for day in ["2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-15", "2026-11-16",
                    "2026-11-17"] {
            try run(["log", "pain", "2", "walking"], today: day)
        }
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["roster", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let dee = try #require(rows.first { $0["name"] as? String == "dee" })
        #expect(dee["sessionDaysLast7"] as? Int == 3 && dee["adherenceFalling"] as? Bool == true, "\(dee)")
        #expect(rows.map { $0["name"] as? String } == ["bob", "cy", "dee", "ann"], "dee (falling) before ann")
        let text = try PatientJourney.rehab(sandbox, dataDir: dir, today: SafetyTests.today, ["roster"]).stdout
            .replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("3 of the last 7 days with a session (43%, down from 5)"), "\(text)")
    }
}
