import Foundation
import Testing

/// `progress` on a real journal built by the real binary, compared with golden pages at 40 and 120 columns and as a
/// table; no colour codes, and no line wider than asked. `REHAB_UPDATE_GOLDEN=1` rewrites the pages after a deliberate
/// change (review the diff).
@Suite("progress: chart, timeline and table on the real binary")
struct ProgressTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    /// Three weeks of a lumbar fusion: sessions with pain before and after, a fever flag and its resolution, a
    /// surgeon's clearance and two ODI questionnaires.
    static func journey() throws -> SafetyTests.Patient {
        let p = try SafetyTests.Patient()
        let days = ["2026-11-01": "6 after 5", "2026-11-03": "6 after 4", "2026-11-06": "5 after 4",
                    "2026-11-09": "5 after 3", "2026-11-12": "4 after 3", "2026-11-16": "3 after 2", "2026-11-19": "3 after 1"]
        for (day, pain) in days.sorted(by: { $0.key < $1.key }) {
            let r = try p.line("log pain \(pain) walking ankle-pumps", today: day)
            #expect(r.status == 0, "\(day): \(r.stderr)")
        }
        try p.line("measure odi 3 3 3 3 3 3 3 3 3 3", today: "2026-11-01")
        try p.line("flag fever", today: "2026-11-10")
        try p.line("resolve fever", today: "2026-11-11")
        try p.line("clear driving by \"Dr Lee\"", today: "2026-11-14")
        try p.line("measure odi 2 2 2 2 2 2 1 1 1 1", today: "2026-11-20")
        return p
    }

    func compare(_ out: String, _ name: String) throws {
        let file = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REHAB_UPDATE_GOLDEN"] == "1" {
            try out.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(out == expected, "progress differs from \(name); got:\n\(out)")
    }

    @Test("the chart at 40 and 120 columns matches its golden page, fits the width and has no colour codes",
          arguments: [40, 120])
    func chart(width: Int) throws {
        let p = try Self.journey()
        let r = try p.run("progress", "--width", String(width))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= width, "too wide: \(line)") }
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("flag fever reported 2026-11-10"), "\(r.stdout)")
        #expect(flat.contains("cleared driving by Dr Lee 2026-11-14"), "\(r.stdout)")
        #expect(flat.contains("Better by 28 percentage points since last time: a real change"), "\(r.stdout)")
        try compare(r.stdout, "progress-\(width).txt")
    }

    @Test("--table gives the same weeks as plain columns")
    func table() throws {
        let p = try Self.journey()
        let r = try p.run("progress", "--table")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("week  from") == true, "\(r.stdout)")
        try compare(r.stdout, "progress-table.txt")
    }

    @Test("a bad width gets one sentence and exit 2")
    func badWidth() throws {
        let p = try SafetyTests.Patient()
        let r = try p.run("progress", "--width", "x")
        #expect(r.status == 2 && r.stderr.contains("--width x") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
