import Foundation
import RehabCore

/// The JSON form of `PatientEvent` kept in `events.payload`.
///
/// Sorted keys make the same event always produce the same bytes, so payloads can be compared
/// and diffed; JSON keeps the journal readable with any SQLite tool.
enum EventCoding {
    static func encode(_ event: PatientEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    static func decode(_ payload: String) throws -> PatientEvent {
        try JSONDecoder().decode(PatientEvent.self, from: Data(payload.utf8))
    }

    /// Decodes many payloads with one decoder pass over a single JSON array: for a few years of
    /// daily sessions this is several times faster than one `decode` call per row.
    static func decode(_ payloads: [String]) throws -> [PatientEvent] {
        if payloads.isEmpty { return [] }
        var array = Data()
        array.reserveCapacity(payloads.reduce(2) { $0 + $1.utf8.count + 1 })
        array.append(UInt8(ascii: "["))
        for (index, payload) in payloads.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array.append(contentsOf: payload.utf8)
        }
        array.append(UInt8(ascii: "]"))
        return try JSONDecoder().decode([PatientEvent].self, from: array)
    }
}
