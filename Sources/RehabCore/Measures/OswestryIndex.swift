/// The Oswestry Disability Index (version 2.1a), for low back disability.
///
/// Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940–2952: ten sections scored
/// 0–5; a section left out is dropped from the denominator (16 of 50 → 32%; with one section missed, 16 of
/// 45 → 35.5%); bands 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound or
/// exaggerating. Minimal important change 10 points (Ostelo RW et al., Spine 2008;33(1):90–94; the
/// modified ODI's minimum detectable change is also 10 points, Fritz & Irrgang, Phys Ther 2001;81:776–788).
public enum OswestryIndex {
    public static let sections = ["Pain intensity", "Personal care (washing, dressing)", "Lifting", "Walking",
                                  "Sitting", "Standing", "Sleeping", "Sex life", "Social life", "Travelling"]
    public static let minimalImportantChange = 10.0

    public static func score(_ answers: [Int?]) throws(MeasureError) -> MeasureScore {
        let values = try answered(answers, count: sections.count, range: 0...5)
        guard !values.isEmpty else { throw .tooManySkipped(answered: 0, needed: 1) }
        let percent = Double(values.reduce(0, +)) / Double(5 * values.count) * 100
        return MeasureScore(instrument: .odi, value: percent, raw: nil, band: band(percent),
                            itemsAnswered: values.count, minimalImportantChange: minimalImportantChange,
                            higherIsBetter: false)
    }

    /// Fairbank's bands are on whole percentages; a fraction belongs to the band it rounds into.
    static func band(_ percent: Double) -> String {
        switch percent.rounded() {
        case ...20: return "minimal disability"
        case ...40: return "moderate disability"
        case ...60: return "severe disability"
        case ...80: return "crippled"
        default: return "bed-bound (or exaggerating)"
        }
    }
}
