import Foundation
import RehabCore
import Synchronization
import Testing
@testable import RehabJournal

/// Two rehab processes (here: two journals on two threads) writing the same file must both succeed.
@Suite("Concurrent writers")
struct ConcurrencyTests {
    /// Runs `work(i)` for each `i` on its own thread, all started together; returns the errors.
    static func onThreads(_ count: Int, _ work: @escaping @Sendable (Int) throws -> Void) -> [String] {
        let errors = Mutex<[String]>([])
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                start.wait()
                do { try work(index) } catch { errors.withLock { $0.append("thread \(index): \(error)") } }
                group.leave()
            }
            thread.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return errors.withLock { $0 }
    }

    @Test("two journals on one file appending 2×200 events lose nothing")
    func twoWritersLoseNothing() throws {
        try withTemporaryDirectory { dir in
            let setup = try Journal.open(dataDir: dir)
            try setup.createPatient(named: "Sam")
            let writers = [try Journal.open(dataDir: dir), try Journal.open(dataDir: dir)]
            let errors = Self.onThreads(2) { writer in
                for n in 0..<200 {
                    let event = PatientEvent.profileChanged(field: "note", value: "writer \(writer) #\(n)", on: day(n))
                    try writers[writer].append(event, to: "Sam", recordedAt: stamp)
                }
            }
            #expect(errors.isEmpty)
            let stored = try Journal.open(dataDir: dir).events(of: "Sam")
            #expect(stored.count == 400)
            #expect(Set(stored.map(\.id)).count == 400)
            for writer in 0..<2 {
                let values = stored.compactMap { stored -> String? in
                    guard case .profileChanged(_, let value, _) = stored.event, value.hasPrefix("writer \(writer) ")
                    else { return nil }
                    return value
                }
                #expect(values == (0..<200).map { "writer \(writer) #\($0)" })
            }
        }
    }

    @Test("four rehabs opening a brand-new data directory at once all succeed")
    func simultaneousFirstOpen() throws {
        try withTemporaryDirectory { root in
            let dir = root + "/fresh"
            let errors = Self.onThreads(4) { index in
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "patient \(index)")
                try journal.append(dailySession(index), to: "patient \(index)", recordedAt: stamp)
            }
            #expect(errors.isEmpty)
            let journal = try Journal.open(dataDir: dir)
            #expect(try journal.patients().map(\.name) == (0..<4).map { "patient \($0)" })
            #expect(try journal.patients().allSatisfy { $0.eventCount == 1 })
            #expect(try journal.rawStrings(sql: "SELECT identifier FROM grdb_migrations") == ["v1", "v2", "v3"])
        }
    }

    @Test("one journal shared by several threads")
    func sharedJournal() throws {
        try withTemporaryDirectory { dir in
            let journal = try Journal.open(dataDir: dir)
            try journal.createPatient(named: "Sam")
            let errors = Self.onThreads(4) { _ in
                for n in 0..<50 { try journal.append(dailySession(n), to: "Sam", recordedAt: stamp) }
                _ = try journal.record(of: "Sam")
            }
            #expect(errors.isEmpty)
            #expect(try journal.sessionCount(of: "Sam") == 200)
        }
    }
}

@Suite("Cached records")
struct CachedRecordTests {
    @Test("events another journal appends show up in an already-read record")
    func otherWriterSeen() throws {
        try withTemporaryDirectory { dir in
            let reader = try Journal.open(dataDir: dir)
            try reader.createPatient(named: "Sam")
            try reader.append(dailySession(0), to: "Sam", recordedAt: stamp)
            #expect(try reader.record(of: "Sam").sessions.count == 1)
            let writer = try Journal.open(dataDir: dir)
            try writer.append([dailySession(1), dailySession(2)], to: "Sam", recordedAt: stamp)
            try reader.append(dailySession(3), to: "Sam", recordedAt: stamp)
            #expect(try reader.record(of: "Sam") == PatientRecord(events: (0..<4).map(dailySession)))
            #expect(try reader.events(of: "Sam") == (try Journal.open(dataDir: dir).events(of: "Sam")))
        }
    }
}
