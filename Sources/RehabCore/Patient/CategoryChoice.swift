/// A therapist's choice for a category item of the program: from `on`, that patient's item is this exercise at this dose.
public struct CategoryChoice: Hashable, Sendable, Codable {
    public var category: String
    public var exercise: String
    public var dose: Dose
    public var by: String
    public var on: CalendarDay

    public init(category: String, exercise: String, dose: Dose, by: String, on: CalendarDay) {
        self.category = category; self.exercise = exercise; self.dose = dose; self.by = by; self.on = on
    }
}
