import RehabCore

/// Numbers no therapist means: 0 sets, a 3-hour hold, week 400.
enum ImplausibleValues {
    static let maxWeek = 104

    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func flag(_ ok: Bool, _ message: String, _ ref: SourceRef?, hint: String? = nil) {
            if !ok { out.append(.error(.implausible, message, at: Validator.here(ref, program), hint: hint)) }
        }
        func point(_ p: RecoveryPoint, _ ref: SourceRef?) {
            // Two years in the point's own unit: week 104, day 728, month 24.
            let limit: RecoveryPoint
            switch p {
            case .day: limit = .day(maxWeek * 7)
            case .week: limit = .week(maxWeek)
            case .month: limit = .month(24)
            }
            flag(p.count <= limit.count,
                 "\(p.text) is more than two years after surgery; programs cover at most \(limit.text)", ref)
        }
        func condition(_ c: Condition, _ ref: SourceRef?) {
            switch c {
            case .at(let p): point(p, ref)
            case .cleared, .phase: break
            case .all(let cs), .any(let cs): cs.forEach { condition($0, ref) }
            }
        }
        /// A limit of 0 or of more than a day's worth says the number or its unit was mistyped.
        func amount(_ q: Quantity, of a: Activity, fallback: Bool, _ at: SourceRef?) {
            let what = (fallback ? "a fallback " : "a ") + "\(a.name) limit of \(q)"
            switch q.dimension {
            case .weight: flag(q.base > 0 && q.base <= 200, "\(what) is not plausible; use a limit between 1 and 200 lb", at)
            case .time: flag(q.base > 0 && q.base <= 480, "\(what) is not plausible; use 1 to 480 minutes", at)
            case .distance: flag(q.base > 0 && q.base <= 50_000, "\(what) is not plausible; use up to 50 km", at)
            }
        }
        func restriction(_ r: Restriction) {
            switch r.rule {
            case .atMost(let a, let q):
                amount(q, of: a, fallback: false, r.source)
            case .atMostPerSurgeon(let a, let q?):
                amount(q, of: a, fallback: true, r.source)
            case .no, .wear, .limit, .atMostPerSurgeon, .wearIfOrdered: break
            }
            if let f = r.from { point(f, r.source) }
            if let u = r.until { condition(u, r.source) }
        }
        program.restrictions.forEach(restriction)
        for p in program.phases {
            point(p.start, p.source); if let end = p.end { point(end, p.source) }
            p.restrictions.forEach(restriction)
            for g in p.gates {
                switch g.gate {
                case .minimum(let w): point(w, g.source)
                case .cleared, .met: break
                case .painAtMost(let s, let d):
                    flag(s <= 10, "pain is scored from 0 to 10, not \(s)", g.source)
                    flag(d >= 1 && d <= 90, "a pain window of \(d) days is not plausible; use 1 to 90 days", g.source)
                case .sessions(let n):
                    flag(n >= 1 && n <= 500, "\(n) sessions is not plausible; use 1 to 500", g.source)
                }
            }
            // A carried (`onward`) item was checked at its own phase; its dose there is derived from that line.
            for rx in p.prescriptions where rx.carriedFrom == nil {
                let d = rx.dose
                let at = rx.source
                if let g = rx.gate { condition(g, at) }
                if let s = d.sets { flag(s >= 1 && s <= 20, "\(s) sets is not plausible; use 1 to 20 sets", at) }
                if let r = d.reps { flag(r >= 1 && r <= 100, "\(r) repetitions is not plausible; use 1 to 100", at) }
                if let h = d.holdSeconds {
                    flag(h >= 1 && h <= 300, "a hold of \(h) s is not plausible; holds last 1 to 300 seconds", at,
                         hint: h > 300 ? "for a long activity write minutes, such as '10 min'" : nil)
                }
                if let m = d.minutes { flag(m >= 1 && m <= 240, "\(m) min is not plausible; use 1 to 240 minutes", at) }
                if let t = d.timesPerDay { flag(t >= 1 && t <= 12, "\(t) times a day is not plausible; use 1 to 12", at) }
                if let w = d.daysPerWeek { flag(w >= 1 && w <= 7, "a week has 7 days, so \(w) days a week is not possible", at) }
                if let r = d.restSeconds { flag(r <= 600, "a rest of \(r) s is not plausible; use up to 600 seconds", at) }
                for g in rx.progressions {
                    flag(g.step != 0, "a weekly step of 0 changes nothing; remove it or give a step", at)
                    let capOK: Bool
                    switch g.quantity {
                    case .holdSeconds: capOK = g.cap >= 1 && g.cap <= 300
                    case .minutes: capOK = g.cap >= 1 && g.cap <= 240
                    case .reps: capOK = g.cap >= 1 && g.cap <= 100
                    case .sets: capOK = g.cap >= 1 && g.cap <= 20
                    }
                    flag(capOK, "a cap of \(g.cap) \(g.quantity.rawValue) is not plausible", at)
                }
            }
        }
        for l in program.ladders {
            flag(l.upAfterPainFreeSessions >= 1 && l.upAfterPainFreeSessions <= 100,
                 "a ladder climbs after 1 to 100 pain-free sessions, not \(l.upAfterPainFreeSessions)", l.source)
            flag(l.rungs.count >= 2, "ladder '\(l.id)' needs at least two rungs ('rungs easier, harder')", l.source)
        }
        for r in program.painRules {
            switch r.rule {
            case .stopAtOrAbove(let n), .holdAtOrAbove(let n), .stopOnRise(let n):
                flag(n >= 1 && n <= 10, "pain is scored from 0 to 10; \(n) cannot be a pain rule's level", r.source)
            }
        }
        for e in program.expectations { point(e.at, e.source) }
        for e in program.exercises {
            if let w = e.loads.lift { flag(w.pounds > 0 && w.pounds <= 300, "a load of \(w) is not plausible", e.source) }
        }
        return out
    }
}
