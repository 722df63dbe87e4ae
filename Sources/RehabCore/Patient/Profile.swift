/// What a patient tells the coach about their operation.
public struct Profile: Hashable, Sendable, Codable {
    public var name: String?
    public var surgery: CalendarDay?
    public var procedure: Procedure?
    public var levels: String?
    /// A shipped program name or a file path.
    public var program: String?
    public var unit: Weight.Unit
    /// The number to call in an emergency, used in every emergency text (112 in Europe).
    public var emergencyNumber: String

    public init(name: String? = nil, surgery: CalendarDay? = nil, procedure: Procedure? = nil, levels: String? = nil,
                program: String? = nil, unit: Weight.Unit = .lb, emergencyNumber: String = "911") {
        self.name = name; self.surgery = surgery; self.procedure = procedure; self.levels = levels
        self.program = program; self.unit = unit; self.emergencyNumber = emergencyNumber
    }

    /// Enough to answer questions: a surgery date and a program to follow.
    public var isComplete: Bool { surgery != nil && (program != nil || procedure != nil) }
}

/// The operations the shipped programs cover.
public enum Procedure: String, Hashable, Sendable, Codable, CaseIterable {
    case lumbarFusion = "lumbar-fusion"
    case cervicalFusion = "cervical-fusion"
    case lumbarDiscReplacement = "lumbar-disc-replacement"

    /// The shipped program for the procedure.
    public var defaultProgram: String { rawValue }
}
