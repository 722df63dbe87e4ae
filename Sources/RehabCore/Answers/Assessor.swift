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
        let week = recovery.week
        let isCleared: (String) -> Bool = { machine.isCleared($0, on: day) }
        var active: [ActiveRestriction] = []

        func inForce(_ r: Restriction) -> Bool {
            if let from = r.fromWeek, week < from { return false }
            if let until = r.until, Release.holds(until, isCleared: isCleared, week: week) { return false }
            return true
        }
        func release(_ r: Restriction) -> Release {
            if let until = r.until { return Release.of(until, surgery: surgery, isCleared: isCleared, week: week) }
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
                    let end = RecoveryDay.start(ofWeek: next?.startWeek ?? phase.endWeek, surgery: surgery)
                    rel = Release(on: end >= day ? end : nil, when: next.map { "you move on to phase '\($0.name)' (week \($0.startWeek), \(end) at the earliest)" }
                                  ?? "the program ends (week \(phase.endWeek), \(end))")
                }
                active.append(ActiveRestriction(rule: r.rule, origin: .phase(r, phaseName: phase.name), release: rel))
            }
        }
        // Surgeon orders: in force from their day until their end, or until a later clearance of the same thing.
        for (j, o) in record.orders.enumerated() where o.on <= day {
            let end = o.endDay(surgery: surgery)
            if let end, day >= end { continue }
            let lifted = record.clearances.indices.contains { k in
                let c = record.clearances[k]
                // A dated order stands until its date: the strictest rule wins. A later plain clearance of
                // the same thing lifts only an order with no end ("until your surgeon says otherwise").
                return o.until == nil && c.topic == o.activity.name && c.on <= day && c.upTo == nil
                    && record.clearance(k, isAfterOrder: j)
            }
            if lifted { continue }
            let rel = Release(on: end, when: end.map { d in
                if case .week(let w)? = o.until { return "week \(w) (\(d))" }
                return "\(d)"
            } ?? "your surgeon says otherwise (type 'clear \(o.activity.name)' when they do)")
            active.append(ActiveRestriction(rule: o.rule, origin: .surgeon(o), release: rel))
        }
        // The latest clearance of a topic with an upper limit sets that limit.
        var latestByTopic: [String: Clearance] = [:]
        for c in record.clearances where c.on <= day {
            if let prev = latestByTopic[c.topic], prev.on > c.on { continue }
            latestByTopic[c.topic] = c
        }
        for c in latestByTopic.values.sorted(by: { $0.topic < $1.topic }) {
            guard let limit = c.upTo, c.topic == Activity.lifting.name else { continue }
            active.append(ActiveRestriction(rule: .liftAtMost(limit), origin: .clearanceLimit(c),
                                            release: Release(on: nil, when: "your surgeon clears more (type 'clear \(c.topic)')")))
        }
        let holds = machine.holdOrder.compactMap { reason in machine.holds[reason].map { (reason: reason, since: $0) } }
        return Assessment(surgery: surgery, date: day, recovery: recovery, state: machine.state,
                          machine: machine, holds: holds, restrictions: active, unit: record.profile.unit)
    }
}
