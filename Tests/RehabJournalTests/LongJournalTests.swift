import Foundation
import RehabCore
import Testing
@testable import RehabJournal

/// A long journal folds to the same record as its events, before and after one more append.
/// How long this takes is measured by `Scripts/bench.py` (rows "Journal.open", "record(of:) …"), not here.
@Suite("Long journals")
struct LongJournalTests {
    @Test("three years of daily sessions fold to the same record, and again after one more append")
    func threeYears() throws {
        try withTemporaryDirectory { dir in
            let sessions = (0..<1100).map(dailySession)
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
                try journal.append(sessions, to: "Sam", recordedAt: stamp)
            }
            let opened = try Journal.open(dataDir: dir)
            var record = try opened.record(of: "Sam")
            #expect(record == PatientRecord(events: sessions))
            try opened.append(dailySession(1100), to: "Sam", recordedAt: stamp)
            record = try opened.record(of: "Sam")
            #expect(record.sessions.count == 1101)
            #expect(record == PatientRecord(events: sessions + [dailySession(1100)]))
        }
    }
}
