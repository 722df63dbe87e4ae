/// A therapist's record that the patient met one of the program's goals (`met lift-20-lb by "Sam PT"`).
public struct GoalMet: Hashable, Sendable, Codable {
    public var goal: String
    public var by: String
    public var on: CalendarDay

    public init(goal: String, by: String, on: CalendarDay) { self.goal = goal; self.by = by; self.on = on }
}
