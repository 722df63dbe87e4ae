/// Everything the coach can say about one patient on one day, all derived and explainable.
public struct Assessment: Sendable {
    public var program: Program { machine.program }
    public let surgery: CalendarDay
    public let date: CalendarDay
    public let recovery: RecoveryDay
    public let state: ProgressionState
    public let machine: ProgressionMachine
    /// Hold reasons with the day each began (red flag ids, "pain").
    public let holds: [(reason: String, since: CalendarDay)]
    public let restrictions: [ActiveRestriction]
    public let unit: Weight.Unit

    /// On hold: in a held phase, or with a hold reported before the program started.
    public var isOnHold: Bool { state.isOnHold || !holds.isEmpty }

    /// The phase whose rules apply (the one to return to while on hold).
    public var phase: Phase? { state.phaseIndex.map { program.phases[$0] } }

    public var phaseLabel: String {
        switch state {
        case .notStarted: return holds.isEmpty ? "not started" : "on hold (before the program starts)"
        case .completed: return "program complete"
        case .inPhase(let i): return "phase \(i + 1) of \(program.phases.count), '\(program.phases[i].name)'"
        case .onHold(let i): return "on hold (phase \(i + 1), '\(program.phases[i].name)')"
        }
    }

    // MARK: restrictions by kind

    /// The strictest lifting limit in force.
    public var liftLimit: ActiveRestriction? {
        restrictions.filter { if case .liftAtMost = $0.rule { return true } else { return false } }
            .min { a, b in
                guard case .liftAtMost(let x) = a.rule, case .liftAtMost(let y) = b.rule else { return false }
                return x < y
            }
    }

    public var sitLimit: ActiveRestriction? {
        restrictions.filter { if case .sitAtMost = $0.rule { return true } else { return false } }
            .min { a, b in
                guard case .sitAtMost(let x) = a.rule, case .sitAtMost(let y) = b.rule else { return false }
                return x < y
            }
    }

    /// The `no ACTIVITY` rule in force that ends last (the one that decides when the answer changes).
    public func ban(on activity: Activity) -> ActiveRestriction? {
        let bans = restrictions.filter { $0.rule == .no(activity) }
        // A ban with no date outlasts any dated one.
        return bans.max { a, b in
            switch (a.release.on, b.release.on) {
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?): return x < y
            }
        }
    }

    public func wearing(_ gear: String) -> ActiveRestriction? { restrictions.first { $0.rule == .wear(gear) } }
}
