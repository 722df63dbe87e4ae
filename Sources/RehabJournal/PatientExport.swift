import RehabCore
import RehabJSON

/// A patient's whole record as one JSON document, for the clinic or for moving to another machine.
///
/// Every event is written in journal order with the moment it was typed; `import` appends them again in that order,
/// so exporting the restored record gives the same bytes. Keys are sorted and the layout fixed, so the same record
/// always gives the same text.
public enum PatientExport {
    public static let format = "rehab-export"
    public static let version = 1

    public struct Entry: Sendable {
        public var event: PatientEvent
        public var recordedAt: String
        public init(event: PatientEvent, recordedAt: String) { self.event = event; self.recordedAt = recordedAt }
    }

    /// Why a file cannot be imported; each reads as one sentence.
    public enum Refusal: Error, Equatable, Sendable {
        case notAnExport
        case newerVersion(Int)
        case damagedEvent(Int)
        case empty

        public var message: String {
            switch self {
            case .notAnExport:
                return "this file is not a rehab export (or it is damaged); make one with 'rehab export --format json'."
            case .newerVersion(let v):
                return "this export was made by a newer rehab (format version \(v); this one reads up to \(version)); "
                    + "update rehab to import it."
            case .damagedEvent(let n):
                return "event \(n) of this export is damaged, so nothing was imported; export the record again."
            case .empty:
                return "this export holds no events, so there is nothing to import."
            }
        }
    }

    public static func text(patient: String, entries: [Entry]) throws -> String {
        var events: [JSONTree] = []
        events.reserveCapacity(entries.count)
        for e in entries {
            events.append(.object([("day", .string(e.event.day.iso)), ("event", try TreeEncoder().tree(e.event)),
                                   ("kind", .string(e.event.kind)), ("recordedAt", .string(e.recordedAt))]))
        }
        let doc = JSONTree.object([("events", .array(events)), ("format", .string(format)), ("patient", .string(patient)),
                                   ("version", .number(String(version)))])
        return doc.text(pretty: true) + "\n"
    }

    /// The patient's name and events, or why the text is not an export this version can read.
    public static func read(_ text: String) throws(Refusal) -> (patient: String, entries: [Entry]) {
        guard let tree = try? JSONTree.parse(text), case .object(let top) = tree,
              case .string(let f)? = JSONTree.member("format", in: top), f == format else { throw .notAnExport }
        guard case .number(let v)? = JSONTree.member("version", in: top), let n = Int(v) else { throw .notAnExport }
        if n > version { throw .newerVersion(n) }
        guard n >= 1, case .string(let patient)? = JSONTree.member("patient", in: top),
              case .array(let items)? = JSONTree.member("events", in: top) else { throw .notAnExport }
        guard !items.isEmpty else { throw .empty }
        var entries: [Entry] = []
        for (i, item) in items.enumerated() {
            guard case .object(let m) = item, let body = JSONTree.member("event", in: m),
                  case .string(let at)? = JSONTree.member("recordedAt", in: m),
                  let event = try? EventCoding.decode(body.text()) else { throw .damagedEvent(i + 1) }
            entries.append(Entry(event: event, recordedAt: at))
        }
        return (patient, entries)
    }
}

extension Journal {
    /// The patient's events in journal order, with the moment each was typed.
    public func exportEntries(of patient: String) throws(JournalError) -> [PatientExport.Entry] {
        try events(of: patient).map { PatientExport.Entry(event: $0.event, recordedAt: $0.recordedAt) }
    }

    /// Adds a patient and all their events in one transaction: all are saved, or nothing changes.
    public func importPatient(named name: String, entries: [PatientExport.Entry]) throws(JournalError) {
        if PatientName.problem(with: name) != nil { throw .invalidName(name) }
        let payloads: [String]
        do { payloads = try entries.map { try EventCoding.encode($0.event) } } catch {
            throw JournalError.wrapping(error, place: place)
        }
        let created = Self.utcTimestamp()
        try withWritingConnection { db in
            try db.transaction(writing: true) {
                if try Self.patientID(db, name) != nil { throw JournalError.duplicatePatient(name) }
                try db.run("INSERT INTO patients (name, created) VALUES (?, ?)", [.text(name), .text(created)])
                let id = try Self.requirePatient(db, name)
                for (entry, payload) in zip(entries, payloads) {
                    _ = try Self.insertEvent(db, id, entry.event, payload, entry.recordedAt)
                }
            }
        }
    }
}
