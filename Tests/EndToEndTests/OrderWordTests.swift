import Foundation
import Testing

/// Words of surgeon's orders and clearances through the real binary: a typo never records an unchecked order.
@Suite struct OrderWordTests {
    func prepared() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        for words in [["profile", "set", "surgery", "2026-10-31"], ["profile", "set", "procedure", "lumbar-fusion"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", words)
            try #require(r.status == 0, "\(r)")
        }
        return (sandbox, dir)
    }

    @Test("restrict with a misspelled activity is refused with a suggestion, and nothing is recorded")
    func misspelledRestriction() throws {
        let (sandbox, dir) = try prepared()
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["restrict", "drivng", "until", "week", "8"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean 'driving'?"), "\(r.stderr)")
        let orders = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["orders"])
        #expect(orders.stdout.contains("No clearances or orders recorded"), "\(orders.stdout)")
    }

    @Test("flag, resolve and flag again on one day leaves the patient on hold")
    func flagAgainSameDay() throws {
        let (sandbox, dir) = try prepared()
        for words in [["flag", "fever"], ["resolve", "fever"], ["flag", "fever"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", words)
            #expect(r.status == 0, "\(words): \(r)")
        }
        let can = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["can", "do", "ankle-pumps"])
        #expect(can.stdout.hasPrefix("No — not now: you are on hold"), "\(can.stdout)")
        let resolve = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["resolve", "fever"])
        #expect(resolve.status == 0, "\(resolve)")
    }
}
