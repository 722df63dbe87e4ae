/// What published protocols say about a rule whose sources disagree (`sources 4-15 lb`, `sources vary "…"`).
///
/// The program picks one value; patients who read another number elsewhere deserve to hear that both are
/// published, and that their surgeon's word decides.
public struct SourcesRange: Hashable, Sendable, Codable {
    /// The unit a range is written in: the rule's own unit (lb or kg, min), or weeks for how long a rule lasts
    /// or when an exercise starts; reps for a prescription's dose.
    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        case lb, kg, min, weeks, reps
    }

    public var low: Double?
    public var high: Double?
    public var unit: Unit?
    /// The therapist's words on how the sources differ ("some surgeons allow driving at 2 weeks, others wait for 6").
    public var note: String?

    public init(low: Double? = nil, high: Double? = nil, unit: Unit? = nil, note: String? = nil) {
        self.low = low; self.high = high; self.unit = unit; self.note = note
    }

    /// `4-15 lb`, as `--json` shows it; nil when only a note is given.
    public var rangeText: String? {
        guard let low, let high, let unit else { return nil }
        return "\(Weight.format(low))-\(Weight.format(high)) \(unit.rawValue)"
    }

    /// The units a range on this rule may use: a limit's own unit, otherwise weeks (how long it lasts).
    public static func units(for rule: RestrictionRule) -> [Unit] {
        switch rule {
        case .atMost(let a, _), .atMostPerSurgeon(let a, _):
            let dims = MeasuredActivity.of(a)?.dimensions ?? []
            let units: [Unit] = (dims.contains(.weight) ? [.lb, .kg] : []) + (dims.contains(.time) ? [.min] : [])
            return units.isEmpty ? [.weeks] : units
        case .no, .wear, .limit, .wearIfOrdered: return [.weeks]
        }
    }

    /// A few words for a list such as `status`: "published protocols range 4-15 lb", "sources vary: …".
    public var brief: String {
        guard let range = rangeText else { return "sources vary: " + (note ?? "") }
        return "published protocols range \(range)" + (note.map { " (\($0))" } ?? "")
    }

    /// The units a range on a prescription may use: its dose in minutes or reps, or weeks for when it starts.
    public static let prescriptionUnits: [Unit] = [.min, .reps, .weeks]

    /// One sentence for the patient, after the program's own value:
    /// "Published protocols range from 4 to 15 lb; your surgeon's limit comes first."
    public var sentence: String { sentence(in: nil) }

    /// The sentence with a weight range in the patient's unit, the written one in brackets when they differ.
    public func sentence(in preferred: Weight.Unit?) -> String {
        sentence(comesFirst: "your surgeon's \(unit == .weeks || unit == nil ? "timing" : "limit")", in: preferred)
    }

    /// The same sentence for an exercise: the therapist sets the dose and its timing.
    public var prescriptionSentence: String { sentence(comesFirst: "your therapist's plan") }

    func sentence(comesFirst whose: String, in preferred: Weight.Unit? = nil) -> String {
        var words = ""
        if let low, let high, let unit {
            let shown = unit == .min ? "minutes" : unit.rawValue
            words = "Published protocols range from \(Weight.format(low)) to \(Weight.format(high)) \(shown)"
            let written = Weight.Unit(rawValue: unit.rawValue)
            if let written, let preferred, preferred != written {
                let a = Weight(low, written).converted(to: preferred), b = Weight(high, written).converted(to: preferred)
                words = "Published protocols range from \(Weight.format(a.value)) to \(Weight.format(b.value)) "
                    + "\(preferred.rawValue) (\(Weight.format(low))-\(Weight.format(high)) \(unit.rawValue))"
            }
            if let note { words += " (\(note))" }
        } else if let note {
            words = "Published sources vary: \(note)"
        }
        return words + "; \(whose) comes first."
    }
}
