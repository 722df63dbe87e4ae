/// The activities a rule may limit by an amount, and in which dimension: the one table a new measured activity
/// (standing, riding as a passenger) is added to.
///
/// Times are bouts ("at a time"): the sources limit how long a patient sits or rides before getting up, not the
/// day's total (clinical-reference.md §1.3.3: "limit sitting to 30–45 min at a time").
public struct MeasuredActivity: Hashable, Sendable {
    public let activity: Activity
    /// The verb a program and a patient write: `lift at most 10 lb`, `can ride 60 min`.
    public let verb: String
    public let dimensions: [Quantity.Dimension]
    /// The unit a bare number in a patient's question is read in (`can sit 45`).
    public let bareUnit: Quantity.Unit?
    /// What the patient is told the amount is, after "… is limited to 30 minutes": "at a time" for bouts.
    public let per: String?
    /// Said after an amount within the limit ("bend at the knees and keep it close").
    public var within: String? = nil
    /// Said after an amount over the limit ("stand up or walk, then sit again").
    public var over: String? = nil
    /// Said after a ban ("lie down or stand instead").
    public var instead: String? = nil
    /// Said when no amount rule is in force ("lift with good form, bending at the knees").
    public var free: String? = nil

    // Lifting close to the body with bent knees: clinical-reference.md §1.3.1 and §4.7. Breaking up sitting by
    // standing or walking: §1.3.3 ("get up and walk for a few minutes"). Pit stops on car rides: Rothman, "make
    // several pit stops" (§1.3.4, https://cloud1.spineuniverse.com/treatments/surgery/lumbar/discharge-instructions-lumbar-fusion-surgery).
    public static let all: [MeasuredActivity] = [
        MeasuredActivity(activity: .lifting, verb: "lift", dimensions: [.weight], bareUnit: nil, per: nil,
                         within: "bend at the knees and keep it close", free: "lift with good form, bending at the knees"),
        MeasuredActivity(activity: .sitting, verb: "sit", dimensions: [.time], bareUnit: .min, per: "at a time",
                         over: "stand up or walk, then sit again", instead: "lie down or stand instead",
                         free: "get up and move if it aches"),
        MeasuredActivity(activity: .standing, verb: "stand", dimensions: [.time], bareUnit: .min, per: "at a time",
                         over: "sit or walk for a while, then stand again"),
        MeasuredActivity(activity: .driving, verb: "drive", dimensions: [.time], bareUnit: .min, per: "at a time",
                         over: "stop, get out and walk for a few minutes, then go on"),
        MeasuredActivity(activity: .riding, verb: "ride", dimensions: [.time], bareUnit: .min, per: "at a time",
                         over: "make pit stops to get out and walk, then ride on"),
        MeasuredActivity(activity: .walking, verb: "walk", dimensions: [.time, .distance], bareUnit: .min, per: "at a time",
                         over: "rest, then walk again later"),
    ]

    public static func of(_ activity: Activity) -> MeasuredActivity? { all.first { $0.activity == activity } }
    public static func verb(_ word: String) -> MeasuredActivity? { all.first { $0.verb == word.lowercased() } }

    /// `'lb' or 'kg'`, `'min' or 'h'`, …: the units this activity is measured in, for hints.
    public var unitWords: String { dimensions.map(\.unitWords).joined(separator: ", or ") }

    /// An example of a rule, for hints: `lift at most 10 lb`, `sit at most 30 min`.
    public var example: String {
        switch dimensions.first {
        case .weight?: return "\(verb) at most 10 lb"
        case .distance?: return "\(verb) at most 1 mi"
        default: return "\(verb) at most 30 min"
        }
    }
}
