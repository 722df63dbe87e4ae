/// A questionnaire's score worked out from its answers, with the author's band and the smallest change that
/// matters to a patient, so every score can be shown beside what it means.
public struct MeasureScore: Hashable, Sendable {
    public var instrument: MeasureRecord.Instrument
    /// The score as the author reports it: ODI and NDI as a percentage 0–100, PSFS as the mean rating 0–10.
    public var value: Double
    /// NDI only: the raw total out of 50, which Vernon and Mior's bands are written on.
    public var raw: Double?
    public var band: String
    public var itemsAnswered: Int
    /// The minimal important change, in the units of `value`.
    public var minimalImportantChange: Double
    /// Whether a higher score means the patient is doing better (PSFS) rather than worse (ODI, NDI).
    public var higherIsBetter: Bool

    /// What a change from an earlier score means, in plain words.
    public func change(from earlier: MeasureScore) -> MeasureChange {
        let delta = value - earlier.value
        let better = higherIsBetter ? delta > 0 : delta < 0
        let meaningful = abs(delta) >= minimalImportantChange
        return MeasureChange(delta: delta, better: better && delta != 0, meaningful: meaningful,
                             minimalImportantChange: minimalImportantChange)
    }
}

/// A change between two scores of one questionnaire.
public struct MeasureChange: Hashable, Sendable {
    public var delta: Double
    public var better: Bool
    /// At least the minimal important change.
    public var meaningful: Bool
    public var minimalImportantChange: Double
}

/// Why answers cannot be scored.
public enum MeasureError: Error, Hashable, Sendable {
    case wrongNumberOfAnswers(expected: Int, got: Int)
    case answerOutOfRange(item: Int, value: Int, range: ClosedRange<Int>)
    case tooManySkipped(answered: Int, needed: Int)
    case activitiesDoNotMatchRatings

    public var message: String {
        switch self {
        case .wrongNumberOfAnswers(let expected, let got):
            return "This questionnaire has \(expected) questions; \(got) answers were given."
        case .answerOutOfRange(let item, let value, let range):
            return "Answer \(item) is \(value); answers go from \(range.lowerBound) to \(range.upperBound)."
        case .tooManySkipped(let answered, let needed):
            return answered == 0
                ? "Every question was skipped, so there is nothing to score."
                : "Only \(answered) questions were answered; at least \(needed) are needed for a score."
        case .activitiesDoNotMatchRatings:
            return "Each activity needs one rating from 0 to 10."
        }
    }
}

extension MeasureRecord {
    /// The score, as each questionnaire's authors publish it.
    public func score() throws(MeasureError) -> MeasureScore {
        switch instrument {
        case .odi: return try OswestryIndex.score(answers)
        case .ndi: return try NeckDisabilityIndex.score(answers)
        case .psfs:
            guard activities.count == answers.count else { throw .activitiesDoNotMatchRatings }
            return try PatientSpecificFunctionalScale.score(answers)
        }
    }
}

/// Checks that each answer is in range and counts the answered ones.
func answered(_ answers: [Int?], count: Int?, range: ClosedRange<Int>) throws(MeasureError) -> [Int] {
    if let count, answers.count != count { throw .wrongNumberOfAnswers(expected: count, got: answers.count) }
    var values: [Int] = []
    for (i, a) in answers.enumerated() {
        guard let a else { continue }
        guard range.contains(a) else { throw .answerOutOfRange(item: i + 1, value: a, range: range) }
        values.append(a)
    }
    return values
}
