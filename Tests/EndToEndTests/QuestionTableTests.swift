import Foundation
import Testing

/// The patient question table (Tests/Fixtures/questions.tsv): questions written from the clinical reference, each
/// with the decision its source gives, asked of the real binary for the three shipped programs at several weeks.
@Suite("The patient question table, on the real binary")
struct QuestionTableTests {
    static let surgery = (year: 2026, month: 1, day: 5)
    static let programs = ["lumbar-fusion", "lumbar-disc-replacement", "cervical-fusion"]

    struct Row: CustomStringConvertible {
        let line: Int
        let program, when, question, decision, source: String
        let words: [String]
        let needs: Set<String>
        var description: String { "questions.tsv:\(line): \(program), \(when): can \(question) → \(decision)" }
    }

    static let tablePath: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/questions.tsv").path
    }()

    static func rows() throws -> [Row] {
        let text = try String(contentsOfFile: tablePath, encoding: .utf8)
        var rows: [Row] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("program\t") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(cells.count == 7, "questions.tsv:\(i + 1) has \(cells.count) columns, not 7: \(line)")
            rows.append(Row(line: i + 1, program: cells[0], when: cells[1], question: cells[2], decision: cells[3],
                            source: cells[5],
                            words: cells[4].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) },
                            needs: Set(cells[6].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })))
        }
        return rows
    }

    /// `week 3` → day 21, `day 10` → day 10; nil when the cell is neither.
    static func days(_ when: String) -> Int? {
        let parts = when.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[1]), n >= 0 else { return nil }
        switch parts[0] {
        case "week": return n * 7
        case "day": return n
        default: return nil
        }
    }

    static func date(afterSurgery days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let start = calendar.date(from: DateComponents(year: surgery.year, month: surgery.month, day: surgery.day)) ?? Date()
        let day = calendar.date(byAdding: .day, value: days, to: start) ?? start
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The decision an answer's first word gives.
    static func decision(of answer: String) -> String {
        let words = [("Yes — ", "yes"), ("No — ", "no"), ("Limited — ", "limited"), ("Wear it — ", "wear"),
                     ("Not needed — ", "not-needed"),
                     ("Only if ordered — ", "if-ordered"), ("Back off — ", "back-off")]
        for (prefix, word) in words where answer.hasPrefix(prefix) {
            return word
        }
        return "other"
    }

    /// Whether an answer (both streams, exit status) gives the row's decision and words; nil when it does.
    static func mismatch(_ row: Row, status: Int32, answer: String) -> String? {
        let actual = decision(of: answer)
        let lower = answer.lowercased()
        if row.decision == "ask" {
            if actual == "no" || !lower.contains("ask your") {
                return "expected an answer that sends you to ask, got '\(actual)'"
            }
        } else {
            if status != 0 { return "exit status \(status)" }
            if actual != row.decision { return "expected '\(row.decision)', got '\(actual)'" }
        }
        let missing = row.words.filter { !lower.contains($0.lowercased()) }
        return missing.isEmpty ? nil : "missing \(missing.map { "'\($0)'" }.joined(separator: ", "))"
    }

    @Test("the table holds at least 70 well-formed rows over all three programs, free words and ranges")
    func tableShape() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 70, "only \(rows.count) rows")
        for row in rows {
            #expect(Self.programs.contains(row.program), "\(row): unknown program")
            #expect(Self.days(row.when) != nil, "\(row): 'when' must be 'week N' or 'day N'")
            #expect(["yes", "no", "limited", "wear", "not-needed", "ask"].contains(row.decision), "\(row): unknown decision")
            #expect(row.source.contains("http") || row.source.contains("no source"), "\(row): the source needs a URL")
            #expect(row.needs.isSubset(of: ["topics", "words"]), "\(row): unknown tag \(row.needs)")
        }
        for program in Self.programs {
            let weeks = Set(rows.filter { $0.program == program }.compactMap { Self.days($0.when) })
            #expect(weeks.count >= 3, "\(program) is asked at only \(weeks.count) points in time")
        }
        #expect(rows.filter { $0.needs.contains("words") }.count >= 5, "too few free-word questions")
        #expect(rows.filter { row in row.words.contains { $0.contains(" to ") } }.count >= 10, "too few answers with a range")
        #expect(Set(rows.map(\.decision)).count >= 4)
    }

    @Test("every row gets its decision and words", arguments: programs)
    func answers(program: String) throws {
        let run = try Self.rows().filter { $0.program == program }
        try #require(!run.isEmpty, "no row of \(program) runs")

        // One patient per program; `--today` moves it through the weeks.
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        let first = Self.date(afterSurgery: 0)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: first, surgery: first, procedure: program)
        for row in run {
            let today = Self.date(afterSurgery: Self.days(row.when) ?? 0)
            let words = ["can"] + row.question.split(separator: " ").map(String.init)
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, words)
            let answer = r.stdout.isEmpty ? r.stderr : r.stdout + r.stderr
            if let problem = Self.mismatch(row, status: r.status, answer: answer) {
                Issue.record("\(row) (\(today)): \(problem)\n  answer: \(answer)\n  source: \(row.source)")
            }
        }
    }

    @Test("the checker itself fails a wrong decision, missing words and a No for an ask row")
    func checkerCanFail() {
        let row = Row(line: 1, program: "lumbar-fusion", when: "week 3", question: "lift 12 lb", decision: "no", source: "x",
                      words: ["4 to 15 lb"], needs: [])
        #expect(Self.mismatch(row, status: 0, answer: "No — over it. Published protocols range from 4 to 15 lb.") == nil)
        #expect(Self.mismatch(row, status: 0, answer: "Yes — within it. 4 to 15 lb.") != nil)
        #expect(Self.mismatch(row, status: 0, answer: "No — over it.") != nil)
        #expect(Self.mismatch(row, status: 2, answer: "No — over it. 4 to 15 lb") != nil)
        let ask = Row(line: 2, program: "lumbar-fusion", when: "week 3", question: "sex", decision: "ask", source: "x",
                      words: [], needs: [])
        #expect(Self.mismatch(ask, status: 2, answer: "rehab: no source covers that; ask your surgeon or therapist.") == nil)
        #expect(Self.mismatch(ask, status: 0, answer: "No — not now; ask your surgeon.") != nil)
        #expect(Self.days("week 3") == 21 && Self.days("day 10") == 10 && Self.days("month 2") == nil)
        #expect(Self.date(afterSurgery: 21) == "2026-01-26")
    }
}
