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
    }
}
