/// One reason the patient is on hold: a red flag, a symptom not on the program's list, or pain at the hold level.
public struct Hold: Hashable, Sendable {
    /// The hold's id, as typed to resolve it: a red flag id, `unlisted` or `pain`.
    public let reason: String
    public let since: CalendarDay
    public let flag: RedFlag?
    /// For a symptom not on the list: what the patient said.
    public let words: String?

    /// The hold id for a symptom that matched none of the program's red flags.
    public static let unlisted = "unlisted"
    /// The hold id for pain at the program's hold level.
    public static let pain = "pain"

    public init(reason: String, since: CalendarDay, flag: RedFlag?, words: String? = nil) {
        self.reason = reason; self.since = since; self.flag = flag; self.words = words
    }

    /// A red flag's own severity; an unlisted symptom is to be seen today, and pain at the hold level now.
    public var severity: RedFlag.Severity {
        if let flag { return flag.severity }
        return reason == Hold.unlisted ? .soon : .urgent
    }

    public var description: String {
        if let flag { return flag.description }
        switch reason {
        case Hold.pain: return "pain at or above your program's hold level"
        case Hold.unlisted: return "a symptom that is not on your program's list" + (words.map { ": '\($0)'" } ?? "")
        default: return reason
        }
    }

    public func advice(emergencyNumber: String) -> String {
        if let flag, !flag.advice.isEmpty { return flag.advice(emergencyNumber: emergencyNumber) }
        switch reason {
        case Hold.unlisted: return "Call your surgeon's office today and tell them what you noticed."
        default: return "Rest, and contact your surgeon or therapist."
        }
    }

    /// Exercises the program lets go on during this hold; none during an emergency.
    public var continues: [String] { severity == .emergency ? [] : flag?.continues ?? [] }
}
