import Foundation
import Testing

/// A rule whose sources disagree: the one-shot `can` answer gives the program's value, the published range and
/// whose rule it is, then the surgeon-first line; `--json`, `status`, `-c` and pipes show it their own way.
@Suite("Published ranges in answers, on the real binary")
struct SourcesRangeAnswerTests {
    static let today = "2026-11-21"      // week 3, day 21
    static let surgery = "2026-10-31"
    static let surgeonFirst = "Your surgeon's instructions always come first."

    private func prepared() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery)
        return (sandbox, dir)
    }

    private func ok(_ sandbox: Sandbox, _ dir: String, _ words: [String], stdin: String = "",
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words, stdin: stdin)
        #expect(r.status == 0 && r.stderr.isEmpty, "rehab \(words): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("rehab can lift 12 lb: the limit, whose it is, the published range, then the surgeon-first line")
    func oneShotLift() throws {
        let (sandbox, dir) = try prepared()
        let lines = try ok(sandbox, dir, ["can", "lift", "12", "lb"])
        #expect(lines == [
            "No — lifting is limited to 10 lb until week 6 (2026-12-12) and your surgeon clears lifting (when they do, "
                + "record it with 'clear lifting by NAME'), set by the program (lumbar-fusion.rehab:71); 12 lb is over it. "
                + "Published protocols range from 4 to 15 lb; your surgeon's limit comes first.",
            Self.surgeonFirst,
        ])
    }

    @Test("rehab can drive and can sit 45 min end with the range and the surgeon-first line")
    func oneShotDriveAndSit() throws {
        let (sandbox, dir) = try prepared()
        let drive = try ok(sandbox, dir, ["can", "drive"])
        // The range follows whose rule it is; the program's advice on driving comes after it.
        #expect(drive.first?.contains("set by the program (lumbar-fusion.rehab:117). Published protocols range from 2 to 6 "
                                      + "weeks (never while taking opioid pain medicine); your surgeon's timing comes first. "
                                      + "Advice from the program") == true,
                "\(drive)")
        #expect(drive.last == Self.surgeonFirst && drive.count == 2)
        let sit = try ok(sandbox, dir, ["can", "sit", "45", "min"])
        #expect(sit.first?.contains("set by the program (lumbar-fusion.rehab:108)") == true, "\(sit)")
        // The range follows whose rule it is, and the program's advice on sitting follows the range.
        #expect(sit.first?.contains("Published protocols range from 15 to 45 minutes; your surgeon's limit comes first. "
                                    + "Advice from the program") == true, "\(sit)")
        #expect(sit.last == Self.surgeonFirst)
    }

    @Test("can … --json has sourcesRange and sourcesNote, and no surgeon-first line")
    func json() throws {
        let (sandbox, dir) = try prepared()
        let text = try ok(sandbox, dir, ["can", "drive", "--json"]).joined(separator: "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["sourcesRange"] as? String == "2-6 weeks")
        #expect(object["sourcesNote"] as? String == "never while taking opioid pain medicine")
        let plain = try ok(sandbox, dir, ["can", "bend", "--json"]).joined(separator: "\n")
        let bend = try #require(try JSONSerialization.jsonObject(with: Data(plain.utf8)) as? [String: Any])
        #expect(bend["sourcesRange"] is NSNull)
        #expect(!text.contains(Self.surgeonFirst))
    }

    @Test("-c says the surgeon-first line once; a script from a pipe keeps one line per answer")
    func onceASession() throws {
        let (sandbox, dir) = try prepared()
        let dashC = try ok(sandbox, dir, ["-c", "can drive; can lift 5 lb"])
        #expect(dashC.count == 3 && dashC[1] == Self.surgeonFirst, "\(dashC)")
        #expect(dashC[2].hasPrefix("Yes — 5 lb is within your 10 lb limit") && dashC[2].contains("4 to 15 lb"))
        let piped = try ok(sandbox, dir, [], stdin: "can drive\ncan lift 5 lb\n")
        #expect(piped.count == 2 && !piped.contains(Self.surgeonFirst), "\(piped)")
    }

    @Test("status lists the range after whose rule it is")
    func status() throws {
        let (sandbox, dir) = try prepared()
        let lines = try ok(sandbox, dir, ["status"])
        #expect(lines.contains { $0.contains("set by the program (lumbar-fusion.rehab:71); published protocols range 4-15 lb") },
                "\(lines)")
        #expect(lines.filter { $0 == Self.surgeonFirst }.count == 1)
    }
}
