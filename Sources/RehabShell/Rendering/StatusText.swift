import RehabCore
import RehabScript

/// `status`: where the patient stands and what is due today.
struct StatusText {
    let shell: Shell

    func render(_ a: Assessment, record: PatientRecord) -> String {
        let who = record.profile.name ?? "You"
        var out = "\(who) — \(a.recovery.phrase) (\(a.date))\n"
        switch a.state {
        case .inPhase(let i), .onHold(let i):
            let p = a.program.phases[i]
            out += "Phase \(i + 1) of \(a.program.phases.count), '\(p.name)' (weeks \(p.startWeek)–\(p.endWeek)) of \(a.program.name).\n"
        case .completed: out += "You have completed \(a.program.name).\n"
        case .notStarted: out += "Your program has not started yet.\n"
        }
        if a.isOnHold {
            out += shell.style("ON HOLD", "1;31") + " — no exercises until this is resolved:\n"
            for h in a.holds {
                let flag = a.program.redFlag(h.reason)
                out += "  • \(flag?.description ?? (h.reason == "pain" ? "pain at or above your program's hold level" : h.reason)) (since \(h.since))\n"
                if let advice = flag?.advice, !advice.isEmpty { out += "    \(advice)\n" }
                out += "    When it is resolved, type 'resolve \(h.reason)'.\n"
            }
        }
        out += "\nRestrictions in force:\n" + AssessmentText(shell: shell).restrictions(a)
        let due = StatusText.dueToday(a, record: record)
        if !due.isEmpty {
            out += "\nDue today:\n"
            for d in due { out += "  • \(d.name)" + (d.dose.isEmpty ? "" : " — \(d.dose)") + "\n" }
        }
        if let next = a.unlocks.first {
            out += "\nNext: \(next.what)" + (next.on.map { " on \($0)" } ?? "") + ((next.when ?? "").isEmpty ? "" : " — \(next.when ?? "")") + ".\n"
        }
        out += "Your surgeon's instructions always come first.\n"
        return out
    }

    struct Due { let id: String; let name: String; let dose: String }

    /// Today's prescriptions that are allowed, with this week's dose.
    static func dueToday(_ a: Assessment, record: PatientRecord) -> [Due] {
        guard case .inPhase(let i) = a.state else { return [] }
        let phase = a.program.phases[i]
        var out: [Due] = []
        for p in phase.prescriptions {
            var id = p.exercise
            if p.isLadder, let ladder = a.program.ladder(p.exercise) { id = ladder.rungs[a.rung(of: ladder, record: record)] }
            guard a.exercise(id, record: record).allowed else { continue }
            out.append(Due(id: id, name: a.program.exercise(id)?.name ?? id,
                           dose: p.dose(weeksIntoPhase: a.recovery.week - phase.startWeek).text))
        }
        return out
    }
}

enum StatusJSON {
    struct Body: Encodable {
        let date: String
        let week: Int
        let day: Int
        @Nullable var phase: String?
        @Nullable var phaseName: String?
        let onHold: Bool
        let holds: [String]
        let restrictions: [JSONOutput.RestrictionJSON]
        let dueToday: [DueJSON]
        let next: [NextJSON.Item]
    }
    struct DueJSON: Encodable { let id: String; let name: String; let dose: String }

    static func render(_ a: Assessment, record: PatientRecord) -> String {
        JSONOutput.encode(Body(date: a.date.iso, week: a.recovery.week, day: a.recovery.day, phase: a.phase?.id,
                               phaseName: a.phase?.name, onHold: a.isOnHold, holds: a.holds.map(\.reason),
                               restrictions: a.restrictions.map(JSONOutput.RestrictionJSON.init),
                               dueToday: StatusText.dueToday(a, record: record).map { DueJSON(id: $0.id, name: $0.name, dose: $0.dose) },
                               next: a.unlocks.map(NextJSON.Item.init)))
    }
}

enum NextJSON {
    struct Item: Encodable {
        let what: String
        @Nullable var on: String?
        @Nullable var when: String?
        init(_ u: Unlock) { what = u.what; on = u.on?.iso; when = u.when }
    }
    static func render(_ unlocks: [Unlock]) -> String { JSONOutput.encode(unlocks.map(Item.init)) }
}

/// `can …`: "Yes — …" or "No — …".
enum VerdictText {
    static func render(_ v: Verdict, shell: Shell) -> String {
        (v.allowed ? shell.style("Yes", "1;32") : shell.style("No", "1;31")) + " — " + v.reason
    }
}

/// `why ITEM`: the answer, the rule and who set it, the program line, and the phase path.
struct WhyText {
    let shell: Shell

    /// `files` is the patient's frozen program text, to quote the line an answer comes from.
    func render(_ v: Verdict, _ a: Assessment, program: Program, files: [String: String]) -> String {
        var out = VerdictText.render(v, shell: shell) + "\n"
        if let r = v.restriction {
            out += "Rule: '\(r.rule.text)', set by \(r.authority).\n"
            if let src = r.source, let line = programLine(src, files) { out += "  \(src.file):\(src.line):  \(line)\n" }
            let sameKind = a.restrictions.filter { $0.rule.kind == r.rule.kind && $0 != r }
            if !sameKind.isEmpty {
                out += "Other rules on \(r.rule.activity.name) in force (the strictest wins):\n"
                for o in sameKind { out += "  • '\(o.rule.text)', set by \(o.authority)\n" }
            }
            if let when = r.release.when { out += "It ends when: \(when).\n" }
        } else if let src = v.source, let line = programLine(src, files) {
            out += "From the program, \(src.file):\(src.line):\n  \(line)\n"
        }
        out += "You are in \(a.phaseLabel), \(a.recovery.phrase).\n"
        let path = a.machine.transitions.map { t -> String in
            switch t.kind {
            case .enteredPhase(let i): return "\(t.on): entered '\(program.phases[i].name)'"
            case .wentOnHold(let r): return "\(t.on): on hold (\(r.joined(separator: ", ")))"
            case .resumed(let i): return "\(t.on): resumed '\(program.phases[i].name)'"
            case .completed: return "\(t.on): completed the program"
            case .advancedByTherapist(let i, let reason): return "\(t.on): moved on to '\(program.phases[i].name)' by your therapist (\(reason))"
            case .regressedByTherapist(let i, let reason): return "\(t.on): moved back to '\(program.phases[i].name)' by your therapist (\(reason))"
            case .backedOff(let ids, let reason):
                return "\(t.on): backed off \(ids.map { program.exercise($0)?.name ?? $0 }.joined(separator: ", ")) (\(reason))"
            case .recovered(let ids):
                return "\(t.on): back to the usual dose of \(ids.map { program.exercise($0)?.name ?? $0 }.joined(separator: ", "))"
            }
        }
        if !path.isEmpty { out += "How you got here:\n" + path.map { "  \($0)\n" }.joined() }
        if let i = a.state.phaseIndex, i + 1 < program.phases.count {
            let gates = a.machine.gates(for: i + 1, on: a.date)
            out += "Gates for phase \(i + 2), '\(program.phases[i + 1].name)':\n"
            for g in gates { out += "  \(g.met ? "met" : "not yet") — \(g.text)\n" }
        }
        return out
    }

    private func programLine(_ src: SourceRef, _ files: [String: String]) -> String? {
        guard let text = files[src.file] else { return nil }
        return DiagnosticRenderer.line(src.line, of: text).map { String($0).trimmingSpaces }
    }
}
