import RehabCore
import RehabJSON

/// The JSON form of `PatientEvent` kept in `events.payload`.
///
/// Sorted keys make the same event always produce the same bytes, so payloads can be compared
/// and diffed; JSON keeps the journal readable with any SQLite tool.
enum EventCoding {
    static func encode(_ event: PatientEvent) throws -> String {
        var stored = event
        // A program's files go to `program_files` (see `Journal.append`); the payload names them by hash.
        if case .programAssigned(var copy) = event {
            copy.files = [:]
            stored = .programAssigned(copy)
        }
        return try TreeEncoder().text(stored)
    }

    /// The hand reader first (see ``EventReader``); `Decodable` for anything it does not recognise.
    /// A payload that is not JSON at all names its row, so the message can say which record is damaged.
    static func decode(_ payload: String, id: Int64 = 0) throws -> PatientEvent {
        let tree: JSONTree
        do { tree = try JSONTree.parse(payload) } catch { throw UnreadableEvent(id: id) }
        if let event = EventReader.event(tree) { return event }
        return try PatientEvent(from: TreeDecoder(tree: tree))
    }

    /// Event `id`'s stored text is not JSON: damaged on disk or edited by hand.
    struct UnreadableEvent: Error { let id: Int64 }
}
