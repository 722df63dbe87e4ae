import Foundation
import RehabCore
import Testing
@testable import RehabJournal

@Suite("Round trip through a file")
struct RoundTripTests {
    @Test("the samples cover every PatientEvent case")
    func samplesCoverEveryCase() {
        let kinds = Set(everyKindOfEvent.map(\.kind))
        #expect(kinds == ["profile", "program", "clearance", "restriction", "flag", "flag-resolved", "session",
                          "phase", "override"])
    }

    @Test("every event case survives closing and reopening the journal")
    func everyCaseRoundTrips() throws {
        try withTemporaryDirectory { dir in
            var ids: [Int64] = []
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
                for (index, event) in everyKindOfEvent.enumerated() {
                    ids.append(try journal.append(event, to: "Sam", recordedAt: "2025-03-18T09:\(10 + index):00Z"))
                }
            }
            let reopened = try Journal.open(dataDir: dir)
            let stored = try reopened.events(of: "Sam")
            #expect(stored.map(\.event) == everyKindOfEvent)
            #expect(stored.map(\.id) == ids)
            #expect(ids == ids.sorted())
            #expect(stored.map(\.recordedAt) == everyKindOfEvent.indices.map { "2025-03-18T09:\(10 + $0):00Z" })
            // Each event keeps its journal id as its position, so same-day events replay in the order typed.
            var expected = PatientRecord()
            for (event, id) in zip(everyKindOfEvent, ids) { expected.apply(event, position: Int(id)) }
            #expect(try reopened.record(of: "Sam") == expected)
            #expect(try reopened.sessionCount(of: "Sam") == 2)
        }
    }

    @Test("a batch append is stored in order and in one piece")
    func batchAppend() throws {
        try withTemporaryDirectory { dir in
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Ana")
                try journal.append(everyKindOfEvent, to: "Ana", recordedAt: stamp)
            }
            let reopened = try Journal.open(dataDir: dir)
            #expect(try reopened.events(of: "Ana").map(\.event) == everyKindOfEvent)
            #expect(try reopened.events(of: "Ana").allSatisfy { $0.recordedAt == stamp })
        }
    }

    @Test("a batch for an unknown patient saves nothing")
    func batchForUnknownPatient() throws {
        let journal = try Journal.inMemory()
        #expect(throws: JournalError.unknownPatient("Nobody")) {
            try journal.append(everyKindOfEvent, to: "Nobody", recordedAt: stamp)
        }
        #expect(try journal.patients().isEmpty)
    }

    @Test("events of different patients stay apart")
    func patientsAreSeparate() throws {
        try withTemporaryDirectory { dir in
            let journal = try Journal.open(dataDir: dir)
            try journal.createPatient(named: "Sam")
            try journal.createPatient(named: "Ana")
            try journal.append(everyKindOfEvent[0], to: "Sam", recordedAt: stamp)
            try journal.append(everyKindOfEvent[1], to: "Ana", recordedAt: stamp)
            try journal.append(everyKindOfEvent[2], to: "Sam", recordedAt: stamp)
            #expect(try journal.events(of: "Sam").map(\.event) == [everyKindOfEvent[0], everyKindOfEvent[2]])
            #expect(try journal.events(of: "Ana").map(\.event) == [everyKindOfEvent[1]])
            let summaries = try journal.patients()
            #expect(summaries.map(\.name) == ["Ana", "Sam"])
            #expect(summaries.map(\.eventCount) == [1, 2])
        }
    }

    @Test("payloads are stable JSON with sorted keys")
    func payloadIsSortedJSON() throws {
        let payload = try EventCoding.encode(.clearanceRecorded(Clearance(topic: "lifting", upTo: Weight(10, .lb),
                                                                          by: "Dr Lee", on: day(42))))
        #expect(payload == #"{"clearanceRecorded":{"_0":{"by":"Dr Lee","on":"2025-04-15","topic":"lifting","upTo":{"unit":"lb","value":10}}}}"#)
    }

    @Test("a brand-new patient has an empty record")
    func emptyRecord() throws {
        let journal = try Journal.inMemory()
        try journal.createPatient(named: "New")
        #expect(try journal.record(of: "New") == PatientRecord())
        #expect(try journal.events(of: "New").isEmpty)
        #expect(try journal.sessionCount(of: "New") == 0)
        #expect(journal.path == nil)
    }
}
