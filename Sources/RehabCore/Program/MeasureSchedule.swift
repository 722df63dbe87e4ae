/// A program's checkpoints for an outcome questionnaire: `measure odi at weeks 0, 6, 12, 26`.
public struct MeasureSchedule: Hashable, Sendable, Codable {
    public var instrument: MeasureRecord.Instrument
    public var weeks: [Int]
    public var source: SourceRef?

    public init(instrument: MeasureRecord.Instrument, weeks: [Int], source: SourceRef? = nil) {
        self.instrument = instrument; self.weeks = weeks; self.source = source
    }

    /// The questionnaires due in a week: scheduled then, and not yet filled in during that week.
    public static func due(_ schedules: [MeasureSchedule], week: Int, weekStart: CalendarDay, today: CalendarDay,
                           measures: [MeasureRecord]) -> [MeasureRecord.Instrument] {
        schedules.filter { s in
            s.weeks.contains(week)
                && !measures.contains { $0.instrument == s.instrument && $0.on >= weekStart && $0.on <= today }
        }.map(\.instrument)
    }
}
