import Foundation
import Testing

/// The therapist commands driven through the real binary: check, preview, graph, program show.
@Suite struct ProgramCommandTests {
    static let shipped = ["lumbar-fusion", "cervical-fusion", "lumbar-disc-replacement"]

    func run(_ sandbox: Sandbox, _ words: [String]) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox))
    }

    @Test("check passes every shipped program with no warning and exits 0")
    func checkShipped() throws {
        let sandbox = Sandbox()
        let files = Self.shipped.map { PatientJourney.programsDir + "/\($0).rehab" }
        let r = try run(sandbox, ["check"] + files)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        for name in Self.shipped { #expect(r.stdout.contains("\(name).rehab: ok"), "\(r.stdout)") }
        #expect(r.noEscapes)
    }

    @Test("check reports every error as FILE:LINE:COL with the line, a caret and a hint, and exits 1")
    func checkBroken() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/broken.rehab"
        try sandbox.write("""
            program broken "Broken"
            phase one "One" weeks 0-6
              ankle-pumps 2 x 10
            phase two "Two" weeks 8-12
            """, to: path)
        let r = try run(sandbox, ["check", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):3:3: error: unknown exercise 'ankle-pumps'"), "\(r.stderr)")
        #expect(r.stderr.contains("\(path):4:7: error: phase 'two' starts at week 8"), "\(r.stderr)")
        #expect(r.stderr.contains("      ankle-pumps 2 x 10\n      ^^^^^^^^^^^"), "\(r.stderr)")
        #expect(r.stderr.contains("hint: start it at week 6"), "\(r.stderr)")
        #expect(r.stdout.contains("2 errors"), "\(r.stdout)")
    }

    @Test("a failing expect line is reported at its item and check exits 1")
    func checkExpectation() throws {
        let sandbox = Sandbox()
        let path = sandbox.root + "/expect.rehab"
        try sandbox.write("""
            program e "Expectations"
            lift at most 10 lb until week 6
            phase one "One" weeks 0-12
            expect week 7: lift at most 10 lb
            """, to: path)
        let r = try run(sandbox, ["check", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):4:16: error: expected 'lift at most 10 lb' in week 7, but no lifting limit is in force"), "\(r.stderr)")
    }

    @Test("preview of a week shows its phase, restrictions with dates, and exercises", arguments: shipped)
    func previewWeek(name: String) throws {
        let sandbox = Sandbox()
        let r = try run(sandbox, ["--today", "2026-11-21", "preview", name, "--week", "3"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("week 3, day 21 since surgery"), "\(r.stdout)")
        #expect(r.stdout.contains("phase 1 of"), "\(r.stdout)")
        #expect(r.stdout.contains("Restrictions in force:"))
        #expect(r.stdout.contains("Exercises:"))
    }

    @Test("preview without a week is a table of every week to the end of the last phase", arguments: shipped)
    func previewTable(name: String) throws {
        let sandbox = Sandbox()
        let r = try run(sandbox, ["preview", name])
        #expect(r.status == 0, "\(r)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("week") == true)
        let json = try run(sandbox, ["program", "show", name, "--json"])
        let program = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let phases = try #require(program["phases"] as? [[String: Any]])
        // The shipped programs end in weeks or months: `"end": "week 26"`, `"end": "month 12"`. A month's table runs
        // to the week that holds the month's first day.
        let end = try #require(phases.last?["end"] as? String)
        let weeks = end.hasPrefix("week ") ? Int(end.dropFirst("week ".count)) : nil
        let months = end.hasPrefix("month ") ? Int(end.dropFirst("month ".count)) : nil
        let last = try #require(weeks ?? months.map { ($0 * 365 / 12 + 6) / 7 }, "\(end)")
        // One header, then weeks 0…last.
        #expect(rows.count == last + 2, "\(rows.count) rows for weeks 0-\(last)")
        #expect(rows.last?.hasPrefix("\(last) ") == true)
    }

    @Test("preview --cleared changes the answer, and an unknown clearance gets one sentence and exit 2")
    func previewCleared() throws {
        let sandbox = Sandbox()
        let without = try run(sandbox, ["preview", "lumbar-fusion", "--week", "8", "--json"])
        let with = try run(sandbox, ["preview", "lumbar-fusion", "--week", "8", "--cleared", "lifting", "--cleared", "outpatient-pt", "--json"])
        #expect(without.status == 0 && with.status == 0)
        let a = try #require(try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(with.stdout.utf8)) as? [String: Any])
        #expect(a["phase"] as? String == "protection")
        #expect(b["phase"] as? String == "stabilization")
        let bad = try run(sandbox, ["preview", "lumbar-fusion", "--cleared", "liftng"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean 'lifting'?"), "\(bad.stderr)")
    }

    @Test("graph draws phases, gates and the hold state in dot and mermaid", arguments: shipped)
    func graph(name: String) throws {
        let sandbox = Sandbox()
        let dot = try run(sandbox, ["graph", name])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph \"\(name)\""))
        #expect(dot.stdout.contains("hold [shape=octagon"))
        #expect(dot.stdout.contains("\"protection\" -> \"stabilization\" [label=\"week 6\\ncleared outpatient-pt"), "\(dot.stdout)")
        let mermaid = try run(sandbox, ["graph", name, "--format", "mermaid"])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.hasPrefix("stateDiagram-v2"))
        #expect(mermaid.stdout.contains("protection --> stabilization : week 6, cleared outpatient-pt"), "\(mermaid.stdout)")
        let other = try run(sandbox, ["graph", name, "--format", "png"])
        #expect(other.status == 2)
    }

    @Test("program show --json is the parsed program, and an unknown program gets a suggestion")
    func programShow() throws {
        let sandbox = Sandbox()
        let r = try run(sandbox, ["program", "show", "lumbar-fusion", "--json"])
        #expect(r.status == 0)
        let program = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(program["id"] as? String == "lumbar-fusion")
        #expect((program["exercises"] as? [Any])?.isEmpty == false)
        #expect((program["sources"] as? [String])?.isEmpty == false)
        let bad = try run(sandbox, ["program", "show", "lumbar-fushion"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean 'lumbar-fusion'?"), "\(bad.stderr)")
    }
}
