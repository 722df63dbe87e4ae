/// The Neck Disability Index, for neck disability.
///
/// Vernon H, Mior S. J Manipulative Physiol Ther 1991;14(7):409–415, and Vernon's scoring notes
/// (https://chiro.org/forms/NDI_Explain.shtml): ten items scored 0–5, total out of 50, ×2 as a percentage;
/// an item left out is replaced by the average of the others; bands on the raw total 0–4 none, 5–14 mild,
/// 15–24 moderate, 25–34 severe, above 34 complete; a change of 5 points (10 percentage points) is the
/// minimal clinically important difference. Vernon allows "one question or another" to be left out; with
/// more than two missing we refuse, as the prorated score would be mostly guesswork.
public enum NeckDisabilityIndex {
    public static let items = ["Pain intensity", "Personal care (washing, dressing)", "Lifting", "Reading",
                               "Headaches", "Concentration", "Work", "Driving", "Sleeping", "Recreation"]
    /// In percentage points (5 raw points).
    public static let minimalImportantChange = 10.0
    public static let mostSkipped = 2

    public static func score(_ answers: [Int?]) throws(MeasureError) -> MeasureScore {
        let values = try answered(answers, count: items.count, range: 0...5)
        guard items.count - values.count <= mostSkipped else {
            throw .tooManySkipped(answered: values.count, needed: items.count - mostSkipped)
        }
        let sum = Double(values.reduce(0, +))
        let raw = sum + Double(items.count - values.count) * sum / Double(values.count)
        return MeasureScore(instrument: .ndi, value: raw * 2, raw: raw, band: band(raw), itemsAnswered: values.count,
                            minimalImportantChange: minimalImportantChange, higherIsBetter: false)
    }

    static func band(_ raw: Double) -> String {
        switch raw.rounded() {
        case ...4: return "no disability"
        case ...14: return "mild disability"
        case ...24: return "moderate disability"
        case ...34: return "severe disability"
        default: return "complete disability"
        }
    }
}
