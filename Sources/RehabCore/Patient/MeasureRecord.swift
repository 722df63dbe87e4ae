/// A completed outcome questionnaire, as the patient answered it; scores are always worked out from the
/// answers, never stored, so a scoring fix rescores the whole history.
public struct MeasureRecord: Hashable, Sendable, Codable {
    public enum Instrument: String, Hashable, Sendable, Codable, CaseIterable {
        /// Oswestry Disability Index, for lumbar patients.
        case odi
        /// Neck Disability Index, for cervical patients.
        case ndi
        /// Patient-Specific Functional Scale.
        case psfs
    }

    public var instrument: Instrument
    /// One answer per item, in the questionnaire's order; nil where the patient skipped the item.
    public var answers: [Int?]
    /// For the PSFS, the activities the patient named, one per answer; empty otherwise.
    public var activities: [String]
    public var on: CalendarDay
    public var note: String?

    public init(instrument: Instrument, answers: [Int?], activities: [String] = [], on: CalendarDay,
                note: String? = nil) {
        self.instrument = instrument; self.answers = answers; self.activities = activities; self.on = on
        self.note = note
    }
}
