/// An item of a phase with no fixed exercise (`resistance-training as prescribed by your therapist`): the therapist
/// fills it in for each patient (`prescribe resistance-training band-rows 3 x 10 by "Sam PT"`).
public struct CategoryItem: Hashable, Sendable, Codable {
    /// The category's id, such as `resistance-training`.
    public var category: String
    public var source: SourceRef?

    public init(category: String, source: SourceRef? = nil) { self.category = category; self.source = source }

    /// "Resistance training"
    public var title: String { Words.title(category) }

    /// "Resistance training — as prescribed by your therapist"
    public var text: String { "\(title) — as prescribed by your therapist" }
}

extension Program {
    /// Every category any phase leaves to the therapist, in the order phases name them.
    public var categories: [String] {
        var ids: [String] = []
        for p in phases { for c in p.categories where !ids.contains(c.category) { ids.append(c.category) } }
        return ids
    }

    /// The program for one patient: each category item their therapist has filled in by `day` becomes a prescription
    /// of the chosen exercise and dose (the latest choice for a category stands), so every answer treats it as one.
    public func personalized(_ choices: [CategoryChoice], on day: CalendarDay) -> Program {
        var latest: [String: CategoryChoice] = [:]
        for c in choices where c.on <= day && exercise(c.exercise) != nil { latest[c.category] = c }
        guard !latest.isEmpty else { return self }
        var copy = self
        for i in copy.phases.indices {
            var kept: [CategoryItem] = []
            for item in copy.phases[i].categories {
                guard let choice = latest[item.category] else { kept.append(item); continue }
                copy.phases[i].prescriptions.append(Prescription(exercise: choice.exercise, dose: choice.dose, source: item.source))
            }
            copy.phases[i].categories = kept
        }
        return copy
    }
}
