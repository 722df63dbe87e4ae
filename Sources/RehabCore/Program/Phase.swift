/// A phase of recovery: its window since surgery, the gates to enter it, and what it prescribes.
public struct Phase: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The phase nominally runs from `start` up to (not including) `end`, both in the same unit.
    public var start: RecoveryPoint
    /// Nil for an open-ended last phase (`from month 6`): it goes on with no end, so the program never completes.
    public var end: RecoveryPoint?
    /// Extra gates beyond reaching `start`.
    public var gates: [GateStatement]
    public var prescriptions: [Prescription]
    public var routines: [RoutineUse]
    public var restrictions: [Restriction]
    /// What the phase teaches the patient to read (`teach posture "…"`), shown before its exercises.
    public var teachings: [Teaching] = []
    /// Items the therapist fills in for each patient (`resistance-training as prescribed by your therapist`).
    public var categories: [CategoryItem] = []
    public var source: SourceRef?

    public init(id: String, name: String, start: RecoveryPoint, end: RecoveryPoint?, gates: [GateStatement] = [],
                prescriptions: [Prescription] = [], routines: [RoutineUse] = [], restrictions: [Restriction] = [],
                source: SourceRef? = nil) {
        self.id = id; self.name = name; self.start = start; self.end = end; self.gates = gates
        self.prescriptions = prescriptions; self.routines = routines; self.restrictions = restrictions; self.source = source
    }

    /// A phase of whole weeks, `weeks A-B`.
    public init(id: String, name: String, startWeek: Int, endWeek: Int, gates: [GateStatement] = [],
                prescriptions: [Prescription] = [], routines: [RoutineUse] = [], restrictions: [Restriction] = [],
                source: SourceRef? = nil) {
        self.init(id: id, name: name, start: .week(startWeek), end: .week(endWeek), gates: gates,
                  prescriptions: prescriptions, routines: routines, restrictions: restrictions, source: source)
    }

    /// All gates, reaching the start first.
    public var allGates: [GateStatement] { [GateStatement(gate: .minimum(start), source: source)] + gates }

    /// Whole weeks from the phase's first day to `day`, for doses that grow each week of the phase.
    public func weeksIn(on day: CalendarDay, surgery: CalendarDay) -> Int {
        RecoveryDay(surgery: start.date(surgery: surgery), on: day).week
    }

    /// For people: `weeks 0–6`, `days 1–30`, `from month 6`.
    public var rangeText: String { range(dash: "–") }

    /// As written in a program: `weeks 0-6`, `from month 6`.
    public var rangeSyntax: String { range(dash: "-") }

    private func range(dash: String) -> String {
        guard let end else { return "from \(start.text)" }
        return "\(start.unit)s \(start.count)\(dash)\(end.count)"
    }
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
