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
            out += "Phase \(i + 1) of \(a.program.phases.count), '\(p.name)' (\(p.rangeText)) of \(a.program.name).\n"
        case .completed: out += "You have completed \(a.program.name).\n"
        case .notStarted: out += "Your program has not started yet.\n"
        }
        if let advice = a.emergencyAdvice {
            out += shell.style(advice, "1;31") + "\n"
        } else if a.isOnHold {
            out += shell.style("ON HOLD", "1;31") + " — no exercises" + (a.continuingDuringHold.isEmpty ? "" : " except those below")
                + " until this is resolved:\n"
            for h in a.holds {
                out += "  • \(h.description) (since \(h.since)): \(h.severity.action(emergencyNumber: a.emergencyNumber)).\n"
                out += "    \(h.advice(emergencyNumber: a.emergencyNumber))\n"
                out += "    When your doctor says it is resolved, type 'resolve \(h.reason)'.\n"
            }
        }
        out += "\nRestrictions in force:\n" + AssessmentText(shell: shell).restrictions(a)
        let backedOff = a.machine.backOffs.values.sorted { $0.exercise < $1.exercise }
        if !backedOff.isEmpty, a.emergencyAdvice == nil {
            out += "\nBacked off after a pain rule (smaller dose, no increase until your pain settles):\n"
            for b in backedOff { out += "  • \(a.program.exercise(b.exercise)?.name ?? b.exercise) since \(b.since): \(b.reason)\n" }
        }
        let due = StatusText.dueToday(a, record: record)
        if !due.isEmpty {
            out += "\nDue today:\n"
            for d in due { out += "  • \(d.name)" + (d.dose.isEmpty ? "" : " — \(d.dose)") + (d.progress.isEmpty ? "" : ", \(d.progress)") + "\n" }
        }
        out += PhaseExtrasText.render(a)
        for i in StatusText.questionnairesDue(a, record: record) {
            out += "\nOutcome questionnaire due: type 'measure \(i.rawValue)' (\(MeasureText.name(i))).\n"
        }
        // Past the phase's planned end and still in it: say what the next phase waits for, so a patient who is held
        // back knows why and whom to ask (a new patient at week 29 read only "Phase 1 (weeks 0–6)").
        if case .inPhase(let i) = a.state, i + 1 < a.program.phases.count,
           let end = a.program.phases[i].end?.date(surgery: a.surgery), end <= a.date {
            let next = a.program.phases[i + 1]
            let open = a.machine.gates(for: i + 1, on: a.date).filter { !$0.met }.map(\.text)
            if !open.isEmpty {
                out += "\nPhase \(i + 2), '\(next.name)', could have started on \(end); it still needs: "
                    + open.joined(separator: "; ") + ". Ask your therapist to review your progress.\n"
            }
        }
        if let next = a.unlocks.first {
            out += "\nNext: \(next.what)" + (next.on.map { " on \($0)" } ?? "") + ((next.when ?? "").isEmpty ? "" : " — \(next.when ?? "")") + ".\n"
        }
        out += VerdictText.surgeonFirst + "\n"
        return out
    }

    /// The program's questionnaire checkpoints that fall in this week and are not yet filled in.
    static func questionnairesDue(_ a: Assessment, record: PatientRecord) -> [MeasureRecord.Instrument] {
        guard a.emergencyAdvice == nil else { return [] }
        return MeasureSchedule.due(a.program.measures, week: a.recovery.week,
                                   weekStart: RecoveryDay.start(ofWeek: a.recovery.week, surgery: a.surgery),
                                   today: a.date, measures: record.measures)
    }

    struct Due {
        let id: String
        let name: String
        let dose: String
        /// Times done today, from the journal.
        let doneToday: Int
        /// Times still to do today, when the dose says how many a day.
        let remainingToday: Int?
        /// "2 more times today", "done for today", "done on 2 of 5 days this week"
        let progress: String
    }

    /// Today's prescriptions that are allowed, with this week's dose and what the journal shows done today.
    static func dueToday(_ a: Assessment, record: PatientRecord) -> [Due] {
        guard a.emergencyAdvice == nil, let i = a.state.phaseIndex else { return [] }
        let phase = a.program.phases[i]
        let today = record.sessions.filter { $0.on == a.date }
        let weekStart = RecoveryDay.start(ofWeek: a.recovery.week, surgery: a.surgery)
        let thisWeek = record.sessions.filter { $0.on >= weekStart && $0.on <= a.date }
        var out: [Due] = []
        for p in phase.prescriptions {
            var id = p.exercise
            if p.isLadder, let ladder = a.program.ladder(p.exercise) { id = ladder.rungs[a.rung(of: ladder, record: record)] }
            guard a.exercise(id, record: record).allowed else { continue }
            let dose = a.dose(of: p, exercise: id)
            let done = today.reduce(0) { n, s in n + s.exercises.filter { $0 == id }.count }
            var remaining: Int?
            var progress = ""
            if let perDay = dose.timesPerDay {
                remaining = max(0, perDay - done)
                progress = remaining == 0 ? "done for today" : done == 0 ? "" : "\(remaining ?? 0) more time\(remaining == 1 ? "" : "s") today"
            } else if let days = dose.daysPerWeek {
                let doneDays = Set(thisWeek.filter { $0.exercises.contains(id) }.map(\.on)).count
                progress = done > 0 ? "done today (\(doneDays) of \(days) days this week)"
                    : doneDays >= days ? "done on \(doneDays) of \(days) days this week" : doneDays > 0 ? "\(doneDays) of \(days) days done this week" : ""
                remaining = done > 0 ? 0 : nil
            } else if done > 0 {
                progress = "done today"; remaining = 0
            }
            let shown = dose.text + (a.machine.backOffs[id] != nil ? " (backed off)" : "")
            out.append(Due(id: id, name: a.name(of: p, exercise: id), dose: shown, doneToday: done,
                           remainingToday: remaining, progress: progress))
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
        @Nullable var emergency: String?
        let restrictions: [JSONOutput.RestrictionJSON]
        let backedOff: [String]
        let dueToday: [DueJSON]
        let next: [NextJSON.Item]
    }
    struct DueJSON: Encodable {
        let id: String; let name: String; let dose: String; let doneToday: Int
        @Nullable var remainingToday: Int?
    }

    static func render(_ a: Assessment, record: PatientRecord) -> String {
        JSONOutput.encode(Body(date: a.date.iso, week: a.recovery.week, day: a.recovery.day, phase: a.phase?.id,
                               phaseName: a.phase?.name, onHold: a.isOnHold, holds: a.holds.map(\.reason),
                               emergency: a.emergencyAdvice,
                               restrictions: a.effectiveRestrictions.map { r in
                                   JSONOutput.RestrictionJSON(r, replaces: r.source == nil ? a.overrides[r.rule.activity]?.replacedText(unit: a.unit) : nil)
                               },
                               backedOff: a.machine.backOffs.keys.sorted(),
                               dueToday: StatusText.dueToday(a, record: record).map {
                                   DueJSON(id: $0.id, name: $0.name, dose: $0.dose, doneToday: $0.doneToday, remainingToday: $0.remainingToday)
                               },
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

/// `can …`: "Yes — …", "No — …", or "Limited — …" for a yes within a limit.
enum VerdictText {
    /// The general line that closes `status` and a session's first `can` answer.
    static let surgeonFirst = "Your surgeon's instructions always come first."

    static func render(_ v: Verdict, shell: Shell) -> String {
        let word: String
        switch (v.backOff, v.allowed || v.qualifier == .askFirst ? v.qualifier : nil) {
        case (_?, _): word = shell.style("Back off", "1;33")
        case (nil, .limited?): word = shell.style("Limited", "1;33")
        case (nil, .wear?): word = shell.style("Wear it", "1;33")
        case (nil, .ifOrdered?): word = shell.style("Only if ordered", "1;33")
        case (nil, .askFirst?): word = shell.style("Ask first", "1;33")
        case (nil, .notNeeded?): word = shell.style("Not needed", "1;32")
        case (nil, nil): word = v.allowed ? shell.style("Yes", "1;32") : shell.style("No", "1;31")
        }
        return word + " — " + (v.backOff != nil && v.reason.hasPrefix("back off: ") ? String(v.reason.dropFirst(10)) : v.reason)
    }
}

/// `why ITEM`: the answer, the rule and who set it, the program line, and the phase path.
struct WhyText {
    let shell: Shell

    /// `files` is the patient's frozen program text, to quote the line an answer comes from.
    func render(_ v: Verdict, _ a: Assessment, program: Program, files: [String: String], against: [(CalendarDay, AgainstRules)] = []) -> String {
        var out = VerdictText.render(v, shell: shell) + "\n"
        for (day, mark) in against where mark.exercise == v.id {
            out += "Logged against the rules on \(day): \(mark.reason)\n"
        }
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
