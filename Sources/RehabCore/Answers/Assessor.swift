/// Builds an `Assessment`: replays the patient's events to the day, then collects what is in force.
public enum Assessor {
    public static func assess(program: Program, record: PatientRecord, surgery: CalendarDay, on day: CalendarDay,
                              assumeHistoryGatesMet: Bool = false) -> Assessment {
        let machine = Replay.machine(program: program, record: record, surgery: surgery, through: day,
                                     assumeHistoryGatesMet: assumeHistoryGatesMet)
        return assess(machine: machine, record: record, surgery: surgery, on: day)
    }

    /// Assessments on several days from a single replay (the week-by-week preview table).
    public static func assessEach(program: Program, record: PatientRecord, surgery: CalendarDay, days: [CalendarDay],
                                  assumeHistoryGatesMet: Bool = false) -> [Assessment] {
        var out: [Assessment] = []
        Replay.run(program: program, record: record, surgery: surgery, stops: days, assumeHistoryGatesMet: assumeHistoryGatesMet) { m, day in
            out.append(assess(machine: m, record: record, surgery: surgery, on: day))
        }
        return out
    }

    static func assess(machine: ProgressionMachine, record: PatientRecord, surgery: CalendarDay, on day: CalendarDay) -> Assessment {
        let program = machine.program
        let recovery = RecoveryDay(surgery: surgery, on: day)
        let isCleared: (String) -> Bool = { machine.isCleared($0, on: day) }
        let state = machine.state
        let reached: (String) -> Bool = { id in
            if state == .completed { return true }
            guard let current = state.phaseIndex, let target = program.phaseIndex(id) else { return false }
            return target <= current
        }
        let facts = Release.Facts(surgery: surgery, day: day, isCleared: isCleared, reached: reached,
                                  phaseName: { program.phaseIndex($0).map { program.phases[$0].name } ?? $0 },
                                  clearanceWords: { program.clearanceWords($0) })
        var active: [ActiveRestriction] = []

        func inForce(_ r: Restriction) -> Bool {
            if let from = r.from, day < from.date(surgery: surgery) { return false }
            if let until = r.until, Release.holds(until, facts) { return false }
            return true
        }
        func release(_ r: Restriction) -> Release {
            if let until = r.until { return Release.of(until, facts) }
            return .never
        }

        for r in program.restrictions where inForce(r) {
            active.append(ActiveRestriction(rule: r.rule, origin: .program(r), release: release(r)))
        }
        // Before the program starts (a gated first phase, or a hold on the day of surgery) the first phase's
        // own restrictions already apply: the patient has had the operation.
        let scope = machine.state.phaseIndex ?? (machine.state == .notStarted && !program.phases.isEmpty ? 0 : nil)
        if let index = scope {
            let phase = program.phases[index]
            for r in phase.restrictions where inForce(r) {
                var rel = release(r)
                if r.until == nil {
                    let next = index + 1 < program.phases.count ? program.phases[index + 1] : nil
                    if let next {
                        let end = next.start.date(surgery: surgery)
                        rel = Release(on: end >= day ? end : nil,
                                      when: "you move on to phase '\(next.name)' (\(next.start.text), \(end) at the earliest)")
                    } else if let last = phase.end {
                        let end = last.date(surgery: surgery)
                        rel = Release(on: end >= day ? end : nil, when: "the program ends (\(last.text), \(end))")
                    }
                    // An open-ended last phase has no end to promise: the rule lasts while the phase does.
                }
                active.append(ActiveRestriction(rule: r.rule, origin: .phase(r, phaseName: phase.name), release: rel))
            }
        }
        // Orders recorded by a clinician replace the program's default for their activity, in either direction;
        // for one activity the latest order stands (design.md, "Whose rule wins").
        var overrides: [Activity: Override] = [:]
        for decision in OrderBook(record: record, surgery: surgery, day: day).decisions {
            let onActivity = active.filter { $0.rule.activity == decision.activity }
            switch decision.kind {
            case .restricted(var o, let release):
                // An order to wear gear the program keeps for "if ordered" takes the program's words when it has none.
                let pending = onActivity.first { if case .wearIfOrdered = $0.rule { return true } else { return false } }
                if o.note == nil, let pending { o.note = pending.note }
                active.removeAll { $0.rule.activity == decision.activity }
                active.append(ActiveRestriction(rule: o.rule, origin: .surgeon(o), release: release))
                overrides[decision.activity] = Override(order: .restricted(o), replaced: onActivity)
            case .limited(let c):
                active.removeAll { $0.rule.activity == decision.activity }
                if let limit = c.upTo {
                    active.append(ActiveRestriction(rule: .atMost(decision.activity, Quantity(limit)), origin: .clearanceLimit(c),
                                                    release: Release(on: nil, when: "your surgeon clears more")))
                }
                overrides[decision.activity] = Override(order: .cleared(c), replaced: onActivity)
            case .cleared(let c):
                // A clearance releases bans and gear outright; a limit without a new number keeps the program's own
                // rule for after the clearance (its condition `cleared lifting` is now met).
                let released = onActivity.filter { r in
                    switch r.rule {
                    case .no, .wear, .wearIfOrdered, .limit: return true
                    case .atMost, .atMostPerSurgeon: return false
                    }
                }
                active.removeAll { r in released.contains(r) }
                overrides[decision.activity] = Override(order: .cleared(c), replaced: released)
            }
        }
        let reports = record.activeFlags(on: day)
        let holds = machine.holdOrder.compactMap { reason in
            machine.holds[reason].map { since in
                Hold(reason: reason, since: since, flag: program.redFlag(reason),
                     words: reason == Hold.unlisted ? reports.last { $0.flag == reason }?.note : nil)
            }
        }
        return Assessment(surgery: surgery, date: day, recovery: recovery, state: machine.state,
                          machine: machine, holds: holds, restrictions: active, overrides: overrides, unit: record.profile.unit,
                          emergencyNumber: record.profile.emergencyNumber)
    }
}
