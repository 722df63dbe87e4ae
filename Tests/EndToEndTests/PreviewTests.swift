import Foundation
import Testing

/// `preview` as a handout: a program alone says its dates relative to surgery and folds what waits for a later
/// phase into one line; a patient's preview carries their own orders, clearances and calendar dates.
@Suite("preview: a program's week, and a patient's")
struct PreviewTests {
    func run(_ sandbox: Sandbox, _ words: [String]) throws -> RunResult {
        try runRehab(words, env: PatientJourney.environment(sandbox))
    }

    /// Any YYYY-MM-DD in the text.
    func dates(_ text: String) -> [String] {
        let chars = Array(text)
        var found: [String] = []
        var i = 0
        while i + 10 <= chars.count {
            let s = String(chars[i..<i + 10])
            if RelativeDateShape.matches(s) { found.append(s); i += 10 } else { i += 1 }
        }
        return found
    }

    @Test("a program alone: no calendar dates, weeks instead, whatever today is", arguments: ProgramCommandTests.shipped)
    func relativeDates(name: String) throws {
        let sandbox = Sandbox()
        for today in ["2026-11-21", "2031-06-30"] {
            let r = try run(sandbox, ["--today", today, "preview", name, "--week", "4"])
            #expect(r.status == 0, "\(r)")
            #expect(dates(r.stdout).isEmpty, "a program alone has no calendar: \(dates(r.stdout))")
            #expect(r.stdout.contains("week 4, day 28 since surgery,"), "\(r.stdout)")
        }
        let lumbar = try run(sandbox, ["preview", "lumbar-fusion", "--week", "4"]).stdout
        if name == "lumbar-fusion" { #expect(lumbar.contains("no bending forward at the waist, until week 12 —"), "\(lumbar)") }
    }

    @Test("what waits for a later phase is one line per phase; --all lists each item")
    func folded() throws {
        let sandbox = Sandbox()
        let short = try run(sandbox, ["preview", "lumbar-fusion", "--week", "8"]).stdout
        let line = short.split(separator: "\n").first { $0.contains("not yet, starting in phase 'Functional strengthening' (week 12):") }
        #expect(line?.contains("Bridges") == true && line?.contains("Step-ups") == true, "\(short)")
        #expect(!short.contains("Bridges — not yet"), "folded by default")
        #expect(short.contains("not yet, starting in phase 'Early stabilization' (week 6; it waits for"), "\(short)")
        let all = try run(sandbox, ["preview", "lumbar-fusion", "--week", "8", "--all"]).stdout
        #expect(all.contains("Bridges — not yet: Bridges starts in phase 'Functional strengthening' (week 12)."), "\(all)")
        #expect(!all.contains("not yet, starting in phase"))
        let later = try run(sandbox, ["preview", "lumbar-fusion", "--week", "14", "--cleared", "outpatient-pt"]).stdout
        #expect(later.contains("Walking — part of phase 'Functional strengthening' (continued from phase 'Protection')"),
                "\(later)")
        #expect(later.contains("done with, from an earlier phase: Ankle pumps"), "\(later)")
    }

    @Test("a patient's preview: their surgeon's order, their clearance, their real dates; --patient picks who")
    func patient() throws {
        let p = try SafetyTests.Patient()
        try p.line("restrict lifting 5 lb until week 12 by \"Dr Lee\"")
        try p.line("clear driving by \"Dr Lee\"")
        for words in [["preview", "--week", "8"], ["preview", "--patient", "me", "--week", "8"]] {
            let r = try p.run(words)
            #expect(r.status == 0, "\(words): \(r.stderr)")
            #expect(r.stdout.contains("lifting is limited to 5 lb"), "\(r.stdout)")
            #expect(r.stdout.contains("Dr Lee"), "\(r.stdout)")
            // Surgery 2026-10-31: week 8 begins 2026-12-26 and week 12 on 2027-01-23.
            #expect(r.stdout.contains("week 8, day 56 since surgery (2026-12-26)"), "\(r.stdout)")
            #expect(r.stdout.contains("2027-01-23"), "\(r.stdout)")
            #expect(r.stdout.contains("yes driving"), "the clearance counts: \(r.stdout)")
        }
        let alone = try p.run("preview", "lumbar-fusion", "--week", "8")
        #expect(alone.stdout.contains("lifting is limited to 10 lb") && !alone.stdout.contains("Dr Lee"))
        let unknown = try p.run("preview", "--patient", "nobody", "--week", "8")
        #expect(unknown.status == 2 && unknown.stderr.contains("nobody"), "\(unknown.stderr)")
    }
}

/// YYYY-MM-DD, for the test's own scan.
enum RelativeDateShape {
    static func matches(_ s: String) -> Bool {
        let c = Array(s)
        guard c.count == 10 else { return false }
        return c.enumerated().allSatisfy { i, ch in (i == 4 || i == 7) ? ch == "-" : ch.isASCII && ch.isNumber }
    }
}
