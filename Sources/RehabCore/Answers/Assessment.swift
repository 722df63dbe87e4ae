/// Everything the coach can say about one patient on one day, all derived and explainable.
public struct Assessment: Sendable {
    public var program: Program { machine.program }
    public let surgery: CalendarDay
    public let date: CalendarDay
    public let recovery: RecoveryDay
    public let state: ProgressionState
    public let machine: ProgressionMachine
    /// Hold reasons with the day each began (red flag ids, "unlisted", "pain").
    public let holds: [Hold]
    public let restrictions: [ActiveRestriction]
    /// Activities where a clinician's order replaced the program's default, with what it replaced.
    public let overrides: [Activity: Override]
    public let unit: Weight.Unit
    /// The patient's emergency number, for every emergency text.
    public let emergencyNumber: String

    /// On hold: in a held phase, or with a hold reported before the program started.
    public var isOnHold: Bool { state.isOnHold || !holds.isEmpty }

    /// Emergency holds: while any is open, every coaching answer is the emergency advice.
    public var emergencies: [Hold] { holds.filter { $0.severity == .emergency } }

    /// The most severe hold's severity, if any.
    public var holdSeverity: RedFlag.Severity? { holds.map(\.severity).min() }

    /// Exercises every open hold lets go on (each hold must allow it).
    public var continuingDuringHold: [String] {
        guard let first = holds.first else { return [] }
        return holds.dropFirst().reduce(first.continues) { kept, h in kept.filter(h.continues.contains) }
    }

    /// "EMERGENCY: Chest pain… Call 911 now and stop all activity." — the whole answer while an emergency is open.
    public var emergencyAdvice: String? {
        guard !emergencies.isEmpty else { return nil }
        let lines = emergencies.map { h in "EMERGENCY: \(h.description). \(h.advice(emergencyNumber: emergencyNumber))" }
        let resolve = emergencies.map { "'resolve \($0.reason)'" }.joined(separator: ", ")
        return lines.joined(separator: "\n") + "\nAll coaching is stopped until this is resolved. When a doctor has seen you and says "
            + "it is safe, type \(resolve)."
    }

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

    /// The strictest amount in force on a measured activity (lifting, sitting, riding…).
    /// An amount the surgeon sets and has not recorded counts at its fallback, or as none at all.
    /// With `dimension`, only rules in it count: a walk asked in miles is judged by the mile limit, not the minutes one.
    public func amountLimit(on activity: Activity, in dimension: Quantity.Dimension? = nil) -> ActiveRestriction? {
        let rules = restrictions.filter { $0.rule.isAmount(on: activity) }
        let candidates = dimension.map { d in rules.filter { $0.rule.cap?.dimension == d } } ?? rules
        return candidates.min { a, b in
            guard let x = a.rule.cap, let y = b.rule.cap else { return false }
            return x.isExceeded(by: y)
        }
    }

    public var liftLimit: ActiveRestriction? { amountLimit(on: .lifting) }
    public var sitLimit: ActiveRestriction? { amountLimit(on: .sitting) }

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

    /// A `limit ACTIVITY` in force (a ban on the same activity outranks it).
    public func limitation(on activity: Activity) -> ActiveRestriction? {
        restrictions.first { if case .limit(let a, _) = $0.rule { return a == activity } else { return false } }
    }

    /// A `wear GEAR if ordered` in force, waiting for the surgeon's order.
    public func wornIfOrdered(_ gear: String) -> ActiveRestriction? {
        restrictions.first { $0.rule == .wearIfOrdered(gear) }
    }

    /// One rule per kind, the one that decides the answer: the strictest limit, the ban that ends last, the gear.
    public var effectiveRestrictions: [ActiveRestriction] {
        var kinds: [String] = []
        for r in restrictions where !kinds.contains(r.rule.kind) { kinds.append(r.rule.kind) }
        return kinds.compactMap { kind in
            guard let sample = restrictions.first(where: { $0.rule.kind == kind }) else { return nil }
            switch sample.rule {
            case .atMost(let a, _), .atMostPerSurgeon(let a, _): return amountLimit(on: a)
            case .no(let a), .limit(let a, _): return ban(on: a) ?? limitation(on: a)
            case .wear(let g), .wearIfOrdered(let g): return wearing(g) ?? wornIfOrdered(g)
            }
        }
    }

    /// The other rules of the same kind in force that the effective one outranks (shown by `why`).
    public func outranked(by r: ActiveRestriction) -> [ActiveRestriction] {
        restrictions.filter { $0.rule.kind == r.rule.kind && $0 != r }
    }
}
