/// A therapist's manual move between phases, always with a reason.
public struct TherapistOverride: Hashable, Sendable, Codable {
    public enum Direction: String, Hashable, Sendable, Codable { case advance, regress }
    public var direction: Direction
    public var on: CalendarDay
    public var reason: String
    public var by: String?
    public init(direction: Direction, on: CalendarDay, reason: String, by: String? = nil) {
        self.direction = direction; self.on = on; self.reason = reason; self.by = by
    }
}
