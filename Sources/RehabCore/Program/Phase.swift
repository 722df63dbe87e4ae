/// A phase of recovery: its week window, the gates to enter it, and what it prescribes.
public struct Phase: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Weeks since surgery; the phase nominally runs from `startWeek` up to (not including) `endWeek`.
    public var startWeek: Int
    public var endWeek: Int
    /// Extra gates beyond reaching `startWeek`.
    public var gates: [GateStatement]
    public var prescriptions: [Prescription]
    public var routines: [RoutineUse]
    public var restrictions: [Restriction]
    public var source: SourceRef?

    public init(id: String, name: String, startWeek: Int, endWeek: Int, gates: [GateStatement] = [],
                prescriptions: [Prescription] = [], routines: [RoutineUse] = [], restrictions: [Restriction] = [],
                source: SourceRef? = nil) {
        self.id = id; self.name = name; self.startWeek = startWeek; self.endWeek = endWeek; self.gates = gates
        self.prescriptions = prescriptions; self.routines = routines; self.restrictions = restrictions; self.source = source
    }

    /// All gates, the minimum week first.
    public var allGates: [GateStatement] { [GateStatement(gate: .minimumWeek(startWeek), source: source)] + gates }
}

/// A gate with the line that stated it.
public struct GateStatement: Hashable, Sendable, Codable {
    public var gate: Gate
    public var source: SourceRef?
    public init(gate: Gate, source: SourceRef? = nil) { self.gate = gate; self.source = source }
}

/// A routine a phase teaches or allows.
public struct RoutineUse: Hashable, Sendable, Codable {
    public var routine: String
    public var source: SourceRef?
    public init(routine: String, source: SourceRef? = nil) { self.routine = routine; self.source = source }
}
