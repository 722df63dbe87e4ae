/// A symptom that stops exercise and puts the patient on hold until it is resolved.
public struct RedFlag: Hashable, Sendable, Codable {
    /// How fast the patient must act, which also decides how much coaching continues during the hold.
    public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// Call the emergency number now; every coaching command stops.
        case emergency
        /// Call the surgeon now; only what the flag says continues.
        case urgent
        /// Call the surgeon today; only what the flag says continues.
        case soon

        /// Most severe first.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .emergency ? 0 : self == .urgent ? 1 : 2 }

        /// What the patient must do, in words ("call 911 now").
        public func action(emergencyNumber: String) -> String {
            switch self {
            case .emergency: return "call \(emergencyNumber) now"
            case .urgent: return "call your surgeon now"
            case .soon: return "call your surgeon today"
            }
        }
    }

    public var id: String
    public var description: String
    public var advice: String
    public var severity: Severity
    /// Words patients use for it ("chest pain", "can't breathe"), matched by `flag` and the readiness screen.
    public var phrases: [String]
    /// Exercises that go on during an urgent or soon hold (walking against clots, unless the flag is a clot).
    public var continues: [String]
    public var source: SourceRef?

    /// Emergency signs are named plainly and sent to emergency services, not the office.
    public var emergency: Bool { severity == .emergency }

    public init(id: String, description: String, advice: String, severity: Severity = .urgent, phrases: [String] = [],
                continues: [String] = [], source: SourceRef? = nil) {
        self.id = id; self.description = description; self.advice = advice; self.severity = severity
        self.phrases = phrases; self.continues = continues; self.source = source
    }

    public init(id: String, description: String, advice: String, emergency: Bool, source: SourceRef? = nil) {
        self.init(id: id, description: description, advice: advice, severity: emergency ? .emergency : .urgent, source: source)
    }

    /// The advice with the patient's own emergency number: programs write 911, and a patient abroad set 112.
    public func advice(emergencyNumber: String) -> String {
        RedFlag.localized(advice, emergencyNumber: emergencyNumber)
    }

    /// Replaces the standalone number 911 in program text with the patient's emergency number.
    public static func localized(_ text: String, emergencyNumber: String) -> String {
        guard emergencyNumber != "911", text.contains("911") else { return text }
        var out = ""
        var rest = Substring(text)
        while let r = rest.firstRange(of: "911") {
            let before = rest[..<r.lowerBound].last, after = rest[r.upperBound...].first
            let standalone = !(before?.isNumber ?? false) && !(after?.isNumber ?? false)
            out += rest[..<r.lowerBound] + (standalone ? emergencyNumber : "911")
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
