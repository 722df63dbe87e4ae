import Foundation
import RehabCore

/// The JSON form of `PatientEvent` kept in `events.payload`.
///
/// Sorted keys make the same event always produce the same bytes, so payloads can be compared
/// and diffed; JSON keeps the journal readable with any SQLite tool. Reading goes through the
/// fast ``TreeDecoder`` first and falls back to `JSONDecoder`, whose errors are the ones reported.
enum EventCoding {
    static func encode(_ event: PatientEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var stored = event
        // A program's files go to `program_files` (see `Journal.append`); the payload names them by hash.
        if case .programAssigned(var copy) = event {
            copy.files = [:]
            stored = .programAssigned(copy)
        }
        return String(decoding: try encoder.encode(stored), as: UTF8.self)
    }

    static func decode(_ payload: String) throws -> PatientEvent {
        if let tree = try? JSONTree.parse(payload), let event = try? PatientEvent(from: TreeDecoder(tree: tree)) {
            return event
        }
        return try JSONDecoder().decode(PatientEvent.self, from: Data(payload.utf8))
    }
}
