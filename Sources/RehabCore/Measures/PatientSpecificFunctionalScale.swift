/// The Patient-Specific Functional Scale: up to five activities the patient names, each rated 0 (unable) to
/// 10 (as before the problem); the score is the mean rating.
///
/// Stratford P et al., Physiotherapy Canada 1995;47:258–263; minimal important change 2 points for the
/// average score, 3 for a single activity (Abbott JH, Schmitt J, JOSPT 2014;44(8):560–564 summarises it).
public enum PatientSpecificFunctionalScale {
    public static let mostActivities = 5
    public static let minimalImportantChange = 2.0

    public static func score(_ ratings: [Int?]) throws(MeasureError) -> MeasureScore {
        guard ratings.count <= mostActivities else {
            throw .wrongNumberOfAnswers(expected: mostActivities, got: ratings.count)
        }
        let values = try answered(ratings, count: nil, range: 0...10)
        guard !values.isEmpty else { throw .tooManySkipped(answered: 0, needed: 1) }
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        let band = mean >= 8 ? "close to before the problem" : mean >= 4 ? "partly able" : "mostly unable"
        return MeasureScore(instrument: .psfs, value: mean, raw: nil, band: band, itemsAnswered: values.count,
                            minimalImportantChange: minimalImportantChange, higherIsBetter: true)
    }
}
