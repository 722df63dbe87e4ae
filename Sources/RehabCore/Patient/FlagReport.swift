/// A red flag a patient reported, or its resolution.
public struct FlagReport: Hashable, Sendable, Codable {
    public var flag: String
    public var on: CalendarDay
    public var note: String?
    public init(flag: String, on: CalendarDay, note: String? = nil) { self.flag = flag; self.on = on; self.note = note }
}
