import RehabCore
import RehabScript

/// Plain-text renderings of an assessment for patients: short lines, the reason, the date.
struct AssessmentText {
    let shell: Shell

    func mark(_ allowed: Bool) -> String {
        allowed ? shell.style("yes", "32") : shell.style("no ", "31")
    }

    /// One line per activity: the rule that decides it, whose it is, and what a clinician's order replaced.
    func restrictions(_ a: Assessment) -> String {
        var out = ""
        for r in a.effectiveRestrictions {
            var line = "  • \(r.rule.plain(unit: a.unit, words: a.program.words))"
            if let note = r.note { line += " (\(note))" }
            line += ", \(r.untilText) — "
            if let o = a.overrides[r.rule.activity], r.source == nil {
                line += o.who + (o.replacedText(unit: a.unit).map { ", in place of the program's \($0)" } ?? "")
            } else {
                line += "set by \(r.authority)"
                if let range = r.sources { line += "; " + range.brief }
            }
            out += line + "\n"
        }
        for (activity, o) in a.overrides.sorted(by: { $0.key < $1.key }) {
            guard case .cleared = o.order, !a.restrictions.contains(where: { $0.rule.activity == activity }),
                  let replaced = o.replacedText(unit: a.unit) else { continue }
            out += "  • \(a.program.words(for: activity)) allowed — \(o.who), in place of the program's \(replaced)\n"
        }
        return out.isEmpty ? "  No restrictions are in force.\n" : out
    }

    func verdictLines(_ vs: [Verdict], names: (String) -> String) -> String {
        // A yes within a limit says so before its reason, since the mark alone reads as a plain yes.
        vs.map { v in
            let limited = v.qualifier == .limited && v.allowed ? "limited: " : ""
            return "  \(mark(v.allowed)) \(names(v.id)) — \(limited)\(v.reason)\n"
        }.joined()
    }

    /// Like `verdictLines`, with everything that waits only for a later phase folded into one line per phase.
    func foldedLines(_ vs: [Verdict], program: Program, verb: String, names: (String) -> String) -> String {
        var out = verdictLines(vs.filter { $0.startsInPhase == nil && !$0.finishedEarlier }, names: names)
        let finished = vs.filter(\.finishedEarlier).map { names($0.id) }
        if !finished.isEmpty {
            out += "  \(mark(false)) done with, from an earlier phase: " + finished.joined(separator: ", ") + "\n"
        }
        var later: [Int: [Verdict]] = [:]
        for v in vs { if let i = v.startsInPhase { later[i, default: []].append(v) } }
        for (i, items) in later.sorted(by: { $0.key < $1.key }) where program.phases.indices.contains(i) {
            let ph = program.phases[i]
            // The phase's own gates, when more than the week holds it back.
            let week = ph.start.text
            let waits = items.first?.changesWhen.flatMap { when -> String? in
                let onlyTheWeek = when == week || (when.hasPrefix(week + " (") && when.count == week.count + 13)
                return when.hasPrefix("you move on") || onlyTheWeek ? nil : "; it waits for \(when)"
            } ?? ""
            out += "  \(mark(false)) not yet, \(verb) in phase '\(ph.name)' (\(ph.start.text)\(waits)): "
                + items.map { names($0.id) }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// `preview PROGRAM --week N` and `allowed`.
    /// `all: false` folds the "not yet" items of each later phase into one line (the preview's default).
    func week(_ a: Assessment, cleared: [String], record: PatientRecord = PatientRecord(), all: Bool = true) -> String {
        var out = "\(a.program.name) — \(a.recovery.phrase) (\(a.date)), \(a.phaseLabel)"
        if !cleared.isEmpty { out += ", cleared: \(cleared.joined(separator: ", "))" }
        out += "\n"
        if a.isOnHold {
            out += shell.style("On hold: ", "1;31") + a.holds.map { h in a.program.redFlag(h.reason)?.description ?? h.reason }.joined(separator: "; ") + "\n"
        }
        out += "\nRestrictions in force:\n" + restrictions(a)
        let ex = a.exerciseVerdicts(record: record)
        let exerciseName = { (id: String) in
            a.phase?.prescriptions.first { !$0.isLadder && $0.exercise == id }.map { a.name(of: $0, exercise: id) }
                ?? a.program.exercise(id)?.name ?? id
        }
        let routineName = { (id: String) in a.program.routine(id)?.name ?? id }
        if !ex.isEmpty {
            out += "\nExercises:\n" + (all ? verdictLines(ex, names: exerciseName)
                                          : foldedLines(ex, program: a.program, verb: "starting", names: exerciseName))
        }
        let rt = a.routineVerdicts
        if !rt.isEmpty {
            out += "\nRoutines:\n" + (all ? verdictLines(rt, names: routineName)
                                         : foldedLines(rt, program: a.program, verb: "taught", names: routineName))
        }
        out += PhaseExtrasText.render(a)
        out += "\nActivities:\n" + verdictLines(a.activityVerdicts) { a.program.words(for: Activity($0)) }
        return out
    }
}

/// `preview PROGRAM`: one line per week, from surgery to the end of the last phase.
enum PreviewTable {
    static func render(_ program: Program, cleared: [String]) -> String {
        var rows: [[String]] = [["week", "phase", "lifting", "restrictions", "exercises"]]
        let surgery = ExpectationRunner.surgery
        let record = PatientRecord(clearances: cleared.map { Clearance(topic: $0, on: surgery) })
        let weeks = Array(0...program.lastWeek(surgery: surgery))
        let assessments = Assessor.assessEach(program: program, record: record, surgery: surgery,
                                              days: weeks.map { RecoveryDay.start(ofWeek: $0, surgery: surgery) },
                                              assumeHistoryGatesMet: true)
        for (week, a) in zip(weeks, assessments) {
            let lift: String
            if let r = a.liftLimit, let w = r.rule.cap {
                if case .atMostPerSurgeon = r.rule {
                    lift = "per surgeon" + (w.value > 0 ? ", ≤ \(w)" : "")
                } else {
                    lift = "≤ \(w)"
                }
            } else { lift = "no limit" }
            // Lifting has its own column; of several amounts on one activity only the strictest applies.
            let others = a.restrictions.filter {
                guard $0.rule.cap != nil else { return true }
                return $0.rule.activity != .lifting && $0.rule == a.amountLimit(on: $0.rule.activity)?.rule
            }
            var seen = Set<String>()
            let ruleText = others.map(\.rule.text).filter { seen.insert($0).inserted }.joined(separator: ", ")
            let exercises = a.allowedExerciseIDs().joined(separator: ", ")
            rows.append(["\(week)", a.phase?.id ?? (a.state == .completed ? "complete" : "-"), lift,
                         ruleText.isEmpty ? "-" : ruleText, exercises.isEmpty ? "-" : exercises])
        }
        // Counting characters walks the whole text, so each cell is counted once.
        let counts = rows.map { row in row.prefix(4).map(\.count) }
        let widths = (0..<4).map { c in counts.map { $0[c] }.max() ?? 0 }
        var out = ""
        for (row, count) in zip(rows, counts) {
            for c in 0..<4 {
                out += row[c]
                // One padding string per cell: appending a repeated Character one by one was most of the table's cost.
                out += String(repeating: Character(" "), count: widths[c] - count[c] + 2)
            }
            out += row[4] + "\n"
        }
        return out
    }
}

/// `program show PROGRAM` without --json.
enum ProgramSummary {
    static func render(_ p: Program) -> String {
        var out = "\(p.name) (\(p.id))" + (p.procedure.map { ", for \($0)" } ?? "") + "\n"
        for r in p.restrictions { out += "  \(r.rule.text)" + (r.until.map { " until \($0.text)" } ?? "") + "\n" }
        for g in p.goals { out += "goal \(g.id) \"\(g.text)\"\n" }
        for ph in p.phases {
            out += "phase \(ph.id) \"\(ph.name)\" \(ph.rangeSyntax)\n"
            for g in ph.gates { out += "  requires \(g.gate.text)\n" }
            for r in ph.restrictions { out += "  \(r.rule.text)" + (r.until.map { " until \($0.text)" } ?? "") + "\n" }
            for t in ph.teachings { out += "  teach \(t.topic) \"\(t.text)\"\n" }
            for rx in ph.prescriptions {
                let gate = rx.gateSyntax.map { " " + $0 } ?? ""
                let carried = (rx.carriesOn == true ? ", onward" : "")
                    + (rx.carriedFrom.map { " (continued from phase \($0))" } ?? "")
                let positions = rx.alternatives.map(\.rawValue).joined(separator: " or ")
                out += "  \(rx.isLadder ? "ladder " : "")\(rx.exercise)\(positions.isEmpty ? "" : " " + positions) "
                    + "\(rx.dose.text)\(gate)\(carried)\n"
            }
            for c in ph.categories { out += "  \(c.category) as prescribed by your therapist\n" }
            for r in ph.routines { out += "  routine \(r.routine)\n" }
        }
        out += "\(p.exercises.count) exercises, \(p.routines.count) routines, \(p.ladders.count) ladders, \(p.redFlags.count) red flags, \(p.expectations.count) expectations\n"
        for s in p.sources { out += "source: \(s)\n" }
        return out
    }
}
