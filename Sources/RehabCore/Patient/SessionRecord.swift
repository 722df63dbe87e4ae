/// A logged exercise session with its pain scores (0–10).
public struct SessionRecord: Hashable, Sendable, Codable {
    public var on: CalendarDay
    public var painBefore: Int?
    public var painAfter: Int?
    public var exercises: [ExerciseLog]
    public var note: String?

    public init(on: CalendarDay, painBefore: Int? = nil, painAfter: Int? = nil, exercises: [ExerciseLog] = [], note: String? = nil) {
        self.on = on; self.painBefore = painBefore; self.painAfter = painAfter; self.exercises = exercises; self.note = note
    }

    /// The highest pain score recorded in the session.
    public var peakPain: Int? {
        ([painBefore, painAfter] + exercises.map(\.pain)).compactMap { $0 }.max()
    }
}

/// One exercise done in a session.
public struct ExerciseLog: Hashable, Sendable, Codable {
    public var exercise: String
    public var sets: Int?
    public var reps: Int?
    public var holdSeconds: Int?
    public var minutes: Int?
    public var pain: Int?
    public var completed: Bool

    public init(exercise: String, sets: Int? = nil, reps: Int? = nil, holdSeconds: Int? = nil, minutes: Int? = nil,
                pain: Int? = nil, completed: Bool = true) {
        self.exercise = exercise; self.sets = sets; self.reps = reps; self.holdSeconds = holdSeconds
        self.minutes = minutes; self.pain = pain; self.completed = completed
    }
}
