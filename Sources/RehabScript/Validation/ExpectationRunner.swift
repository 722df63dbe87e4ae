import RehabCore

/// Runs a program's own `expect` lines and reports each failing item at its column.
public enum ExpectationRunner {
    /// The surgery date used for expectations; any date gives the same answers.
    public static let surgery = CalendarDay(ordinal: 20458) // 2026-01-05

    public static func run(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for e in program.expectations {
            let a = assessment(program, at: e.at, cleared: e.cleared, flags: e.flags)
            for (k, item) in e.items.enumerated() {
                if let failure = failure(item, in: a) {
                    let at = k < e.itemSources.count ? e.itemSources[k] : Validator.here(e.source, program)
                    let when = "\(e.at.unit == "day" ? "on" : "in") \(e.at.text)"
                    out.append(.error(.expectation, "expected \(describe(item)) \(when)\(context(e)), but \(failure)", at: at))
                }
            }
        }
        return out
    }

    /// The answer for a typical patient in a week, with these clearances (from surgery) and red flags (that day).
    public static func assessment(_ program: Program, week: Int, cleared: [String], flags: [String] = [],
                                  surgery: CalendarDay = ExpectationRunner.surgery) -> Assessment {
        assessment(program, at: .week(week), cleared: cleared, flags: flags, surgery: surgery)
    }

    /// The answer for a typical patient on the first day of a day, week or month since surgery.
    public static func assessment(_ program: Program, at point: RecoveryPoint, cleared: [String], flags: [String] = [],
                                  surgery: CalendarDay = ExpectationRunner.surgery) -> Assessment {
        let day = point.date(surgery: surgery)
        let record = PatientRecord(clearances: cleared.map { Clearance(topic: $0, on: surgery) },
                                   flagsReported: flags.map { FlagReport(flag: $0, on: day) })
        return Assessor.assess(program: program, record: record, surgery: surgery, on: day, assumeHistoryGatesMet: true)
    }

    static func context(_ e: Expectation) -> String {
        let parts = e.cleared.map { "cleared \($0)" } + e.flags.map { "flag \($0)" }
        return parts.isEmpty ? "" : " with " + parts.joined(separator: ", ")
    }

    static func describe(_ item: Expectation.Item) -> String {
        switch item {
        case .phase(let p): return "phase '\(p)'"
        case .onHold: return "on hold"
        case .atMost(let a, let q): return "'\(RestrictionRule.atMost(a, q).text)'"
        case .unlimited(let a): return "no \(a.name) limit"
        case .forbidden(let a): return "'no \(a.name)'"
        case .limited(let a): return "'limit \(a.name)'"
        case .wear(let g): return "'wear \(g)'"
        case .without(let g): return "no 'wear \(g)' rule"
        case .allowed(let id): return "'\(id)' allowed"
        case .notAllowed(let id): return "'\(id)' not allowed"
        }
    }

    /// Nil when the item holds; otherwise what was found instead.
    static func failure(_ item: Expectation.Item, in a: Assessment) -> String? {
        let p = a.program
        switch item {
        case .phase(let id):
            if a.state.phaseIndex.map({ p.phases[$0].id }) == id, a.state != .completed { return nil }
            return "the patient is \(a.phaseLabel)"
        case .onHold:
            return a.isOnHold ? nil : "the patient is \(a.phaseLabel)"
        case .atMost(let activity, let q):
            let at = { (r: ActiveRestriction) in r.source.map { " (\($0))" } ?? "" }
            guard let r = a.amountLimit(on: activity, in: q.dimension) ?? a.amountLimit(on: activity), let limit = r.rule.cap else {
                return "no \(activity.name) limit is in force"
            }
            if limit.isSameAmount(as: q) { return nil }
            if case .atMostPerSurgeon = r.rule { return "'\(r.rule.text)' is in force" + at(r) }
            return "the limit in force is \(limit)" + at(r)
        case .unlimited(let activity):
            guard let r = a.amountLimit(on: activity) else { return nil }
            return "'\(r.rule.text)' is in force" + (r.source.map { " (\($0))" } ?? "")
        case .limited(let activity):
            if let ban = a.ban(on: activity) { return "'\(ban.rule.text)' is in force \(ban.untilText)" }
            return a.limitation(on: activity) == nil ? "no 'limit \(activity.name)' is in force" : nil
        case .forbidden(let activity):
            return a.ban(on: activity) == nil ? "nothing rules out \(activity.name)" : nil
        case .wear(let g):
            return a.wearing(g) == nil ? "no 'wear \(g)' rule is in force" : nil
        case .without(let g):
            guard let r = a.wearing(g) else { return nil }
            return "'wear \(g)' is in force \(r.untilText)"
        case .allowed(let id):
            let v = verdict(id, a)
            if v.notPrescribed { return "no phase of the program prescribes it" }
            return v.allowed ? nil : "it is not: \(v.reason)"
        case .notAllowed(let id):
            let v = verdict(id, a)
            return v.allowedInProgram ? "it is: \(v.reason)" : nil
        }
    }

    static func verdict(_ id: String, _ a: Assessment) -> Verdict {
        if a.program.exercise(id) != nil { return a.exercise(id) }
        if a.program.routine(id) != nil { return a.routine(id) }
        return a.can(Activity(id))
    }
}
