/// Something a patient does in daily life that a restriction can limit ("bending", "driving").
///
/// The set is open: a program declares `activity swimming "swimming"` and may then say `no swimming`, and the
/// engine treats it like any other activity. The well-known ones get plain verbs for questions such as `can twist`.
public struct Activity: Hashable, Sendable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public static let lifting: Activity = "lifting"
    public static let bending: Activity = "bending"
    public static let twisting: Activity = "twisting"
    public static let sitting: Activity = "sitting"
    public static let driving: Activity = "driving"
    public static let neckMotion: Activity = "neck-motion"
    public static let overheadReaching: Activity = "overhead-reaching"
    public static let standing: Activity = "standing"
    public static let riding: Activity = "riding"
    public static let walking: Activity = "walking"

    /// Activities every program is asked about even when it never mentions them.
    public static let everyday: [Activity] = [.lifting, .bending, .twisting, .sitting, .driving]

    /// The activities the engine itself answers questions about; a program may restrict them without declaring them
    /// (`activity NAME "words"` gives them the patient's words). Any other restricted activity must be declared.
    public static let builtIn: Set<Activity> = Set(everyday).union([.neckMotion, .overheadReaching])

    /// What a patient reads when no program declares words for it: the id with spaces ("contact sports").
    public var defaultWords: String { String(name.map { $0 == "-" ? " " : $0 }) }

    /// What a patient may be told to wear: `wear brace`, `wear collar`.
    public static let gear: Set<Activity> = ["brace", "collar"]

    /// Movements of the spine a transfer routine must be written to avoid.
    public static let bodyMovements: Set<Activity> = [.bending, .twisting, .neckMotion, .overheadReaching, .lifting]

    /// `bend` → bending, `drive` → driving; an unknown word is taken as written.
    public static func from(verb word: String) -> Activity {
        let w = word.lowercased()
        if let measured = MeasuredActivity.verb(w) { return measured.activity }
        if let known = verbs[w] { return known }
        return Activity(w)
    }

    static let verbs: [String: Activity] = [
        "bend": .bending, "twist": .twisting,
        "swim": "swimming", "run": "running", "jog": "running", "reach": .overheadReaching,
        "reach-overhead": .overheadReaching, "turn-head": .neckMotion, "bath": "bathing", "bathe": "bathing",
        "golf": "golf", "massage": "massage", "work": "work",
    ]

    /// The verb a patient would type for this activity (`twisting` → `twist`).
    public var verb: String {
        if let measured = MeasuredActivity.of(self) { return measured.verb }
        if let v = Activity.verbs.first(where: { $0.value == self && $0.key.count < name.count })?.key { return v }
        return name
    }

    public var description: String { name }
    public static func < (a: Activity, b: Activity) -> Bool { a.name < b.name }

    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(name) }
}
