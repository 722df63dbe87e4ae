import RehabCore

/// What recording an order (a clearance or a restriction) changes today, worked out before it is recorded:
/// whether it loosens a rule (it then needs who gave it) and the sentences that say what changed, or why not.
struct OrderChange {
    let before: Assessment
    let after: Assessment
    let activity: Activity

    init(shell: Shell, view: Shell.PatientView, event: PatientEvent, activity: Activity) {
        before = shell.assessment(view)
        after = Assessor.assess(program: view.program, record: view.record.appending(event), surgery: view.surgery,
                                on: shell.settings.today)
        self.activity = activity
    }

    /// Rules per kind ("lifting", "massage", "wear-brace") before and after.
    private var pairs: [(kind: String, before: ActiveRestriction?, after: ActiveRestriction?)] {
        var kinds: [String] = []
        for r in before.effectiveRestrictions + after.effectiveRestrictions where !kinds.contains(r.rule.kind) { kinds.append(r.rule.kind) }
        return kinds.map { k in (k, before.effectiveRestrictions.first { $0.rule.kind == k }, after.effectiveRestrictions.first { $0.rule.kind == k }) }
    }

    /// Whether any rule in force gets looser: a limit rises or a ban or gear rule goes.
    var loosens: Bool {
        pairs.contains { p in
            guard let b = p.before else { return false }
            guard let a = p.after else { return true }
            guard b.rule != a.rule else { return false }
            switch (b.rule, a.rule) {
            case (.no, .no), (.wear, .wear), (.wearIfOrdered, _): return false
            // A ban that becomes anything else (`restrict driving 480 min` over `no driving`) lets the patient do more.
            case (.no, _): return true
            // A worded limit or gear rule replaced by an amount or nothing worn cannot be shown to be stricter.
            case (.limit, .no): return false
            case (.limit, _), (.wear, _): return true
            default:
                // An amount that rises loosens, as does one in another unit it cannot be compared with; so does
                // recording the surgeon's number above the fallback kept till then.
                guard let x = b.rule.cap, let y = a.rule.cap else { return false }
                return x.dimension != y.dimension || x.isExceeded(by: y)
            }
        }
    }

    /// One sentence per rule that changes, or one that says nothing changed and why.
    func summary(unit: Weight.Unit, topic: String) -> [String] {
        var lines: [String] = []
        for p in pairs {
            switch (p.before, p.after) {
            case (let b?, nil):
                lines.append("Now allowed: \(after.program.words(for: b.rule.activity)) (it was '\(b.rule.text)' \(b.untilText), set by \(b.authority)).")
            case (nil, let a?):
                lines.append("Now in force: \(a.rule.plain(unit: unit, words: after.program.words))\(a.note.map { " (\($0))" } ?? "") \(a.untilText), set by \(a.authority).")
            case (let b?, let a?) where b != a && (b.rule != a.rule || b.origin != a.origin):
                lines.append("Now: \(a.rule.plain(unit: unit, words: after.program.words))\(a.note.map { " (\($0))" } ?? "") \(a.untilText), set by \(a.authority) (it was '\(b.rule.text)', set by \(b.authority)).")
            default: break
            }
        }
        if before.phaseLabel != after.phaseLabel { lines.append("You are now in \(after.phaseLabel).") }
        if lines.isEmpty {
            let still = after.effectiveRestrictions.filter { $0.rule.activity.name == topic || $0.rule.activity == activity
                || ($0.release.when ?? "").contains("clears \(topic)") }
            if let r = still.first {
                lines.append("Nothing changes today: '\(r.rule.text)' still applies \(r.untilText), set by \(r.authority).")
            } else {
                lines.append("Nothing changes today: no rule on \(topic) is in force now; it is kept for the rules and gates that name it.")
            }
        }
        return lines
    }
}
