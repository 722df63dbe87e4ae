import Foundation
import Testing

/// `export --format json` and `import` on real journals: a record restored into an empty data folder exports to the
/// same bytes, and every refusal leaves the journal exactly as it was.
@Suite("export and import on the real binary")
struct ExportImportTests {
    /// A record with one of each kind of event, typed over several days.
    static func patient() throws -> SafetyTests.Patient {
        let p = try SafetyTests.Patient()
        try p.line("log pain 4 after 3 walking ankle-pumps", today: "2026-11-03")
        try p.line("flag fever", today: "2026-11-05")
        try p.line("resolve fever", today: "2026-11-06")
        try p.line("clear driving by \"Dr Lee\"", today: "2026-11-10")
        try p.line("restrict lifting 5 lb until week 12 by \"Dr Lee\"", today: "2026-11-10")
        try p.line("measure psfs \"putting on socks=4\" \"walking the dog=6\"", today: "2026-11-12")
        try p.line("log pain 2 walking --note \"felt good — ça va\"", today: "2026-11-20")
        return p
    }

    func counts(_ dataDir: String) throws -> String {
        try runProcess("/usr/bin/sqlite3", [dataDir + "/journal.sqlite",
                                            "SELECT (SELECT count(*) FROM patients) || ' ' || (SELECT count(*) FROM events)"]).stdout
    }

    @Test("export, import into an empty data folder, export again: the same bytes, and the same answers")
    func roundTrip() throws {
        let p = try Self.patient()
        let first = p.sandbox.root + "/first.json"
        let r = try p.run("export", "--format", "json", "--out", first)
        #expect(r.status == 0, "\(r.stderr)")
        let other = p.sandbox.root + "/other-data"
        let imported = try PatientJourney.rehab(p.sandbox, dataDir: other, today: SafetyTests.today, ["import", first])
        #expect(imported.status == 0 && imported.stdout.contains("Imported"), "\(imported.stderr)")
        let second = p.sandbox.root + "/second.json"
        _ = try PatientJourney.rehab(p.sandbox, dataDir: other, today: SafetyTests.today,
                                     ["export", "--format", "json", "--out", second])
        let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a == b, "re-export differs")
        #expect(String(decoding: a, as: UTF8.self).contains("\"version\" : 1"))
        let before = try p.run("status --json".split(separator: " ").map(String.init)).stdout
        let after = try PatientJourney.rehab(p.sandbox, dataDir: other, today: SafetyTests.today, ["status", "--json"]).stdout
        #expect(before == after, "the restored record answers as the original")
        let mode = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int
        #expect(mode == 0o600, "an export is health data: owner only")
    }

    @Test("refusals: a newer version, damaged files, a patient already here, a folder, a FIFO — one sentence, nothing changed")
    func refusals() throws {
        let p = try Self.patient()
        let good = p.sandbox.root + "/good.json"
        try p.run("export", "--format", "json", "--out", good)
        let text = try String(contentsOfFile: good, encoding: .utf8)
        let target = try SafetyTests.Patient()
        var files: [(String, String)] = [
            ("newer", text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 9")),
            ("truncated", String(text.prefix(text.count / 2))),
            ("not-json", "hello"),
            ("bad-event", text.replacingOccurrences(of: "\"sessionLogged\"", with: "\"sessionLoged\"")),
        ]
        // The target data folder's patient has the default name: an export of that name is a record already here.
        let same = try target.run("export", "--format", "json").stdout
        files.append(("already-here", same))
        let before = try counts(target.dataDir)
        for (name, body) in files {
            let path = p.sandbox.root + "/\(name).json"
            try body.write(toFile: path, atomically: true, encoding: .utf8)
            let r = try target.run("import", path)
            #expect(r.status == 2, "\(name): \(r.stdout)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix("rehab: "), "\(name): \(r.stderr)")
            #expect(try counts(target.dataDir) == before, "\(name) changed the journal")
        }
        #expect(try target.run("import", p.sandbox.root + "/newer.json").stderr.contains("newer rehab"))
        let fifo = p.sandbox.root + "/pipe.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, p.sandbox.root] {
            let r = try target.run("import", path)
            #expect(r.status == 2 && r.stderr.split(separator: "\n").count == 1, "\(path): \(r.stderr)")
        }
        #expect(try counts(target.dataDir) == before)
    }

    @Test("--out refuses a symbolic link and a folder, and an unknown format is named")
    func outputRefusals() throws {
        let p = try Self.patient()
        let link = p.sandbox.root + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/passwd")
        let r = try p.run("export", "--format", "json", "--out", link)
        #expect(r.status == 2 && r.stderr.contains("symbolic link"), "\(r.stderr)")
        #expect(try p.run("export", "--format", "json", "--out", p.sandbox.root).status == 2)
        #expect(try p.run("export", "--format", "xml").stderr.contains("'xml' is not a format"))
    }

    @Test("CSV: one file per kind, quoted as RFC 4180 says, formulas defused")
    func spreadsheets() throws {
        let p = try Self.patient()
        try p.run(["log", "pain", "1", "walking", "--note", "=HYPERLINK(\"x\"), said \"fine\""], today: "2026-11-21")
        let folder = p.sandbox.root + "/csv"
        let r = try p.run("export", "--format", "csv", "--out", folder)
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["exercises.csv", "flags.csv", "measures.csv", "orders.csv", "pain.csv", "sessions.csv"])
        let sessions = try String(contentsOfFile: folder + "/sessions.csv", encoding: .utf8)
        #expect(sessions.hasPrefix("date,pain_before,pain_after,exercises,against_rules,note\r\n"), "\(sessions)")
        #expect(sessions.contains("2026-11-03,4,3,walking ankle-pumps,,\r\n"), "\(sessions)")
        #expect(sessions.contains("\"'=HYPERLINK(\"\"x\"\"), said \"\"fine\"\"\""), "\(sessions)")
        let orders = try String(contentsOfFile: folder + "/orders.csv", encoding: .utf8)
        #expect(orders.contains("2026-11-10,clearance,driving,,,,Dr Lee,"), "\(orders)")
        #expect(orders.contains("2026-11-10,order,lifting,5 lb,,week 12,Dr Lee,"), "\(orders)")
        let flags = try String(contentsOfFile: folder + "/flags.csv", encoding: .utf8)
        #expect(flags.contains("2026-11-05,fever,reported,") && flags.contains("2026-11-06,fever,resolved,"), "\(flags)")
        let measures = try String(contentsOfFile: folder + "/measures.csv", encoding: .utf8)
        #expect(measures.contains("2026-11-12,psfs,5,partly able,4 6,putting on socks; walking the dog"), "\(measures)")
        #expect(try p.run("export", "--format", "csv").status == 2, "CSV needs a folder")
    }

    @Test("handout: this week's restrictions, exercises with steps and routines as Markdown; --week previews another")
    func handout() throws {
        let p = try SafetyTests.Patient()
        let out = p.sandbox.root + "/week.md"
        let r = try p.run("handout", "--out", out)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.hasPrefix("# Your recovery — week 3 (2026-11-21)"), "\(page)")
        #expect(page.contains("## Restrictions\n\n- lifting is limited to 10 lb"), "\(page)")
        #expect(page.contains("### Walking — ") && page.contains("1. Walk on flat ground"), "\(page)")
        #expect(page.contains("## Routines") && page.contains("**Never:**"), "\(page)")
        let later = try p.run("handout", "--week", "14").stdout
        #expect(later.contains("week 14") && !later.contains("sitting is limited to 30 minutes"), "\(later)")
        try p.run("flag", "chest", "pain")
        let held = try p.run("handout").stdout
        #expect(held.contains("**") && !held.contains("## Exercises"), "an emergency page shows only the advice: \(held)")
    }

    @Test("handout --out FILE.html: the same page as HTML, with what a patient typed escaped")
    func handoutHTML() throws {
        let p = try SafetyTests.Patient()
        try p.run("profile", "set", "name", "<script>alert(1)</script> & *Ann*")
        let out = p.sandbox.root + "/week.html"
        #expect(try p.run("handout", "--out", out).status == 0)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"), "\(page)")
        #expect(page.contains("<h2>Restrictions</h2>") && page.contains("<h3>Walking — "), "\(page)")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Ann*'s recovery"), "\(page)")
        #expect(!page.contains("<script>") && !page.contains("<em>Ann</em>"), "\(page)")
    }
}
