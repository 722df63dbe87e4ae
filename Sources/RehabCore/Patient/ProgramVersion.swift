/// One program a patient was put on, by version, and the day it took effect: the history `program use` keeps, so
/// that any past day can say which program's rules were in force then.
public struct ProgramVersion: Hashable, Sendable {
    public var name: String
    /// The content hash of the program's files: two copies with the same hash hold the same rules.
    public var contentHash: String
    public var from: CalendarDay

    public init(name: String, contentHash: String, from: CalendarDay) {
        self.name = name; self.contentHash = contentHash; self.from = from
    }

    /// The short form shown to people: the first 12 hex digits of the hash.
    public var version: String { String(contentHash.prefix(12)) }
}

extension PatientRecord {
    /// The program version in force on `day`: the last one assigned on or before it, else the first one assigned
    /// (a record that started before its program was set follows that program from the start).
    public func programVersion(on day: CalendarDay) -> ProgramVersion? {
        programHistory.last { $0.from <= day } ?? programHistory.first
    }
}

extension PatientRecord {
    /// The copy of the program in force on `day`; the latest copy when the history says nothing.
    public func programCopy(on day: CalendarDay) -> ProgramCopy? {
        programVersion(on: day).flatMap { programCopies[$0.contentHash] } ?? program
    }
}
