import Foundation
import RehabCore
import Testing
@testable import RehabJournal

@Suite("Speed")
struct PerformanceTests {
    @Test("folding three years of daily sessions stays quick")
    func threeYears() throws {
        try withTemporaryDirectory { dir in
            let sessions = (0..<1100).map(dailySession)
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
                try journal.append(sessions, to: "Sam", recordedAt: stamp)
            }
            let clock = ContinuousClock()
            var journal: Journal?
            let opening = try clock.measure { journal = try Journal.open(dataDir: dir) }
            let opened = try #require(journal)
            var record = PatientRecord()
            let cold = try clock.measure { record = try opened.record(of: "Sam") }
            #expect(record == PatientRecord(events: sessions))
            try opened.append(dailySession(1100), to: "Sam", recordedAt: stamp)
            let warm = try clock.measure { record = try opened.record(of: "Sam") }
            #expect(record.sessions.count == 1101)
            #expect(record == PatientRecord(events: sessions + [dailySession(1100)]))
            // Generous bounds: unoptimised debug builds on a busy machine. Release: ~1 ms, ~10 ms, ~0.3 ms.
            #expect(opening < .milliseconds(250))
            #expect(cold < .milliseconds(500))
            #expect(warm < .milliseconds(50))
            print("journal open: \(opening); record(of:) of 1100 sessions, first: \(cold), after one append: \(warm)")
        }
    }
}
