import Foundation
import RehabCore
@testable import RehabJournal

/// A fresh directory under the system temp dir, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("rehab-journal-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    return try body(dir)
}

func journalPath(in dir: String) -> String { dir + "/journal.sqlite" }

/// The permission bits of a file or directory.
func mode(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// Everything about a file that a well-behaved failed open must leave alone.
struct FileSnapshot: Equatable {
    var bytes: Data
    var modified: Date?

    /// Backdates the file first, so any write after the snapshot moves the time visibly.
    static func taking(_ path: String) throws -> FileSnapshot {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                              ofItemAtPath: path)
        return try FileSnapshot(path)
    }

    init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }
}

/// True when SQLite left `-wal`, `-shm` or `-journal` files next to the journal.
func sideFilesExist(_ path: String) -> Bool {
    ["-wal", "-shm", "-journal"].contains { FileManager.default.fileExists(atPath: path + $0) }
}

let surgery = CalendarDay(year: 2025, month: 3, day: 4) ?? CalendarDay(ordinal: 20_151)

func day(_ offset: Int) -> CalendarDay { surgery.adding(days: offset) }

/// At least one of every `PatientEvent` case, with optional fields both set and unset and text
/// that JSON must escape.
let everyKindOfEvent: [PatientEvent] = [
    .profileChanged(field: "surgery", value: surgery.iso, on: day(0)),
    .profileChanged(field: "procedure", value: "lumbar-fusion", on: day(0)),
    .profileChanged(field: "unit", value: "kg", on: day(1)),
    .programAssigned(ProgramCopy(
        name: "lumbar-fusion",
        files: ["lumbar-fusion.rehab": "program \"lumbar fusion\"\n  phase early weeks 0..6\n",
                "lib/walking.rehab": "routine walk { walk 10 min }\n"],
        mainFile: "lumbar-fusion.rehab", contentHash: "3f2a9c", on: day(1))),
    .clearanceRecorded(Clearance(topic: "lifting", upTo: Weight(4.5, .kg), by: "Dr Lee", on: day(42), note: "at 6-week visit")),
    .clearanceRecorded(Clearance(topic: "driving", on: day(30))),
    .restrictionOrdered(SurgeonOrder(activity: .lifting, limit: Weight(5, .lb), until: .week(8), by: "Dr Lee", on: day(2))),
    .restrictionOrdered(SurgeonOrder(activity: .sitting, amount: .minutes(30), until: .date(day(60)), on: day(2), note: "stand & walk")),
    .restrictionOrdered(SurgeonOrder(activity: "brace", on: day(0))),
    .redFlagReported(FlagReport(flag: "numbness", on: day(10), note: "left foot, \"pins and needles\"")),
    .redFlagResolved(FlagReport(flag: "numbness", on: day(12))),
    .sessionLogged(SessionRecord(on: day(14), painBefore: 3, painAfter: 2, exercises: [
        ExerciseLog(exercise: "walk", minutes: 20, pain: 2),
        ExerciseLog(exercise: "ankle-pumps", sets: 2, reps: 15, completed: false),
        ExerciseLog(exercise: "glute-sets", sets: 3, reps: 10, holdSeconds: 5),
    ], note: "tired ✓ / ünïcödé\tand a tab")),
    .sessionLogged(SessionRecord(on: day(15))),
    .phaseChanged(from: nil, to: "early", on: day(0)),
    .phaseChanged(from: "early", to: "middle", on: day(43)),
    .therapistOverride(TherapistOverride(direction: .advance, on: day(40), reason: "walking 40 min easily", by: "PT Ana")),
    .therapistOverride(TherapistOverride(direction: .regress, on: day(50), reason: "pain flare")),
]

/// Roughly a daily session with a few exercises, for size and speed tests.
func dailySession(_ n: Int) -> PatientEvent {
    .sessionLogged(SessionRecord(on: day(n), painBefore: n % 5, painAfter: n % 4, exercises: [
        ExerciseLog(exercise: "walk", minutes: 20 + n % 30, pain: n % 3),
        ExerciseLog(exercise: "bird-dog", sets: 2, reps: 10, holdSeconds: 5),
        ExerciseLog(exercise: "bridge", sets: 3, reps: 12),
        ExerciseLog(exercise: "cat-camel", sets: 1, reps: 10, pain: 1),
    ], note: n % 7 == 0 ? "good week" : nil))
}

let stamp = "2025-03-18T09:30:00Z"

/// A small seeded generator, so random test inputs can be replayed: a failure prints its seed, and
/// `REHAB_TEST_SEED=N` runs that seed again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    /// `REHAB_TEST_SEED`, else a seed that changes from run to run (and is printed on failure).
    static func seed() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["REHAB_TEST_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 0...UInt64.max)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
