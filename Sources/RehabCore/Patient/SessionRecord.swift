/// A logged exercise session with its pain scores (0–10).
public struct SessionRecord: Hashable, Sendable, Codable {
    public var on: CalendarDay
    public var painBefore: Int?
    public var painAfter: Int?
    public var exercises: [ExerciseLog]
    public var note: String?
    /// Exercises the patient logged although the rules did not allow them, each with the reason given then;
    /// kept so that `why` and the therapist see them, never recorded silently.
    public var againstRules: [AgainstRules]

    public init(on: CalendarDay, painBefore: Int? = nil, painAfter: Int? = nil, exercises: [ExerciseLog] = [], note: String? = nil,
                againstRules: [AgainstRules] = []) {
        self.on = on; self.painBefore = painBefore; self.painAfter = painAfter; self.exercises = exercises; self.note = note
        self.againstRules = againstRules
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        on = try c.decode(CalendarDay.self, forKey: .on)
        painBefore = try c.decodeIfPresent(Int.self, forKey: .painBefore)
        painAfter = try c.decodeIfPresent(Int.self, forKey: .painAfter)
        exercises = try c.decode([ExerciseLog].self, forKey: .exercises)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        againstRules = try c.decodeIfPresent([AgainstRules].self, forKey: .againstRules) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(on, forKey: .on)
        try c.encodeIfPresent(painBefore, forKey: .painBefore)
        try c.encodeIfPresent(painAfter, forKey: .painAfter)
        try c.encode(exercises, forKey: .exercises)
        try c.encodeIfPresent(note, forKey: .note)
        // Left out when empty, so sessions logged within the rules keep their earlier bytes.
        if !againstRules.isEmpty { try c.encode(againstRules, forKey: .againstRules) }
    }

    private enum CodingKeys: String, CodingKey { case on, painBefore, painAfter, exercises, note, againstRules }

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

/// An exercise logged against the rules, with the reason rehab gave when the patient confirmed it.
public struct AgainstRules: Hashable, Sendable, Codable {
    public var exercise: String
    public var reason: String
    public init(exercise: String, reason: String) { self.exercise = exercise; self.reason = reason }
}
