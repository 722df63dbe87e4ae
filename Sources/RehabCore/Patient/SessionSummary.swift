/// What the progression rules read from a logged session: its day, the pain before it and at its
/// peak, and which exercises it included.
///
/// The journal keeps these few numbers in columns beside each session, so answering "what may I do?"
/// never decodes years of session details (sets, reps, notes) that no rule looks at.
public struct SessionSummary: Hashable, Sendable {
    public var on: CalendarDay
    public var painBefore: Int?
    public var peakPain: Int?
    /// Exercise ids in the order logged.
    public var exercises: [String]

    public init(on: CalendarDay, painBefore: Int? = nil, peakPain: Int? = nil, exercises: [String] = []) {
        self.on = on; self.painBefore = painBefore; self.peakPain = peakPain; self.exercises = exercises
    }

    public init(_ session: SessionRecord) {
        self.init(on: session.on, painBefore: session.painBefore, peakPain: session.peakPain,
                  exercises: session.exercises.map(\.exercise))
    }
}
