/// The questions a patient asks ("can I lift 15 lb?"), answered from an assessment.
extension Assessment {
    private var holdVerdictParts: (reason: String, when: String)? {
        guard isOnHold, let first = holds.first else { return nil }
        let names = holds.map(\.description)
        let advice = holds.sorted { $0.severity < $1.severity }.first.map { " " + $0.advice(emergencyNumber: emergencyNumber) }
            ?? " Contact your surgeon or therapist."
        return ("you are on hold since \(first.since) because of: \(names.joined(separator: "; ")).\(advice)",
                "the red flag is resolved (type 'resolve \(first.reason)' when your doctor says so)")
    }

    /// The answer to every coaching question while an emergency is open.
    private func emergencyVerdict(_ id: String) -> Verdict? {
        guard let advice = emergencyAdvice, let first = emergencies.first else { return nil }
        return Verdict(id: id, allowed: false, reason: "not now. " + advice,
                       changesWhen: "the emergency is resolved (type 'resolve \(first.reason)' when a doctor says so)")
    }

    /// An activity answer under an urgent or soon hold keeps its reason and says the hold; one decided by a
    /// clinician's order says what the order replaced.
    func withHold(_ v: Verdict, advice activity: Activity? = nil) -> Verdict {
        if let e = emergencyVerdict(v.id) { return e }
        var v = v
        if let r = v.restriction, v.override == nil, let o = overrides[r.rule.activity], let replaced = o.replacedText(unit: unit) {
            v = Verdict(id: v.id, allowed: v.allowed, reason: v.reason + " It replaces the program's default, \(replaced).",
                        changesOn: v.changesOn, changesWhen: v.changesWhen, restriction: r, source: v.source, override: o)
                .qualified(v.qualifier)
        }
        // A program rule whose sources disagree says so after the program's own value.
        if v.override == nil, let range = v.restriction?.sources { v = v.adding(range.sentence(in: unit)); v.sources = range }
        if let activity, let advice = adviceSentence(after: v, activity) { v = v.adding(advice) }
        guard isOnHold, let worst = holds.sorted(by: { $0.severity < $1.severity }).first else { return v }
        return v.adding("You are on hold (\(worst.description)): \(worst.severity.action(emergencyNumber: emergencyNumber)).")
    }

    func no(_ id: String, _ r: ActiveRestriction, _ why: String) -> Verdict {
        Verdict(id: id, allowed: false, reason: why, changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
    }

    /// An activity in general: a ban, a limit, or free.
    public func can(_ activity: Activity) -> Verdict { withHold(advised(activityAnswer(activity), activity), advice: activity) }

    private func activityAnswer(_ activity: Activity) -> Verdict {
        // Patients read the declared words ("reaching above your shoulders"); the id stays the answer's id.
        let words = program.words(for: activity)
        if let o = overrides[activity], case .cleared = o.order, ban(on: activity) == nil,
           activity != .lifting, activity != .sitting {
            let replaced = o.replacedText(unit: unit).map { "; the program's default was \($0)" } ?? ""
            return Verdict(id: activity.name, allowed: true, reason: "\(o.who) allows \(words)\(replaced).",
                           override: o)
        }
        if let r = ban(on: activity) {
            return no(activity.name, r, "no \(words) \(r.untilText), set by \(r.authority).")
        }
        if let r = limitation(on: activity) { return limitAnswer(activity, r) }
        if program.gear.contains(activity) || Activity.gear.contains(activity) { return gearAnswer(activity.name) }
        if let v = amountAnswer(activity) { return v }
        if let m = MeasuredActivity.of(activity), activity == .lifting || activity == .sitting {
            return Verdict(id: activity.name, allowed: true, reason: "no \(m.activity.name) limit is in force.")
        }
        if let r = ban(on: activity) {
            return no(activity.name, r, "no \(words) \(r.untilText), set by \(r.authority).")
        }
        return Verdict(id: activity.name, allowed: true, reason: "nothing in your program or your surgeon's orders rules out \(words) this week.")
    }

    /// A rule quoted in an answer: a ban in the patient's words ("no twisting your trunk"), any other as written.
    func quoted(_ rule: RestrictionRule) -> String {
        if case .no(let a) = rule { return "no \(program.words(for: a))" }
        return rule.text
    }

    /// The rung of a ladder the patient is on, from their logged sessions.
    public func rung(of ladder: Ladder, record: PatientRecord) -> Int {
        LadderPosition.rung(ladder: ladder, sessions: record.sessions.filter { $0.on <= date }, painRules: program.painRules.map(\.rule),
                            exerciseRules: program.rungRules(ladder))
    }

    /// Every ladder's rung by ladder id, worked out once for answers that name many exercises.
    func rungs(record: PatientRecord) -> [String: Int] {
        guard !program.ladders.isEmpty else { return [:] }
        let sessions = record.sessions.filter { $0.on <= date }
        let rules = program.painRules.map(\.rule)
        var result: [String: Int] = [:]
        for ladder in program.ladders {
            result[ladder.id] = LadderPosition.rung(ladder: ladder, sessions: sessions, painRules: rules, exerciseRules: program.rungRules(ladder))
        }
        return result
    }

    public func exercise(_ id: String, record: PatientRecord = PatientRecord()) -> Verdict {
        exercise(id, rungs: rungs(record: record))
    }

    func exercise(_ id: String, rungs: [String: Int]) -> Verdict {
        let ex = program.exercise(id)
        let name = ex?.name ?? id
        if let e = emergencyVerdict(id) { return e }
        let continuing = continuingDuringHold.contains(id)
        if let hold = holdVerdictParts, !continuing {
            let goesOn = continuingDuringHold.map { program.exercise($0)?.name ?? $0 }
            let extra = goesOn.isEmpty ? "" : " During this hold your program keeps only: \(goesOn.joined(separator: ", "))."
            return Verdict(id: id, allowed: false, reason: "not now: " + hold.reason + extra, changesWhen: hold.when)
        }
        guard let index = state.phaseIndex ?? (state == .completed ? program.phases.indices.last : nil) else {
            return Verdict(id: id, allowed: false, reason: "your program has not started yet.")
        }
        let phase = program.phases[index]
        var prescription = phase.prescriptions.first { !$0.isLadder && $0.exercise == id }
        if prescription == nil {
            for p in phase.prescriptions where p.isLadder {
                guard let ladder = program.ladder(p.exercise), let pos = ladder.rungs.firstIndex(of: id) else { continue }
                let current = rungs[ladder.id] ?? 0
                if pos == current { prescription = p; break }
                let currentName = program.exercise(ladder.rungs[current])?.name ?? ladder.rungs[current]
                if pos > current {
                    return Verdict(id: id, allowed: false,
                                   reason: "not yet: you are on '\(currentName)' in the \(ladder.name) ladder; each step up comes after \(ladder.upAfterPainFreeSessions) pain-free sessions.",
                                   changesWhen: "\(ladder.upAfterPainFreeSessions) pain-free sessions on '\(currentName)'", source: ladder.source)
                }
                return Verdict(id: id, allowed: false,
                               reason: "you have moved past it: you are on '\(currentName)' in the \(ladder.name) ladder.", source: ladder.source)
            }
        }
        guard let p = prescription else {
            if let later = program.phases.indices.first(where: { $0 > index && program.phases[$0].prescribes(id, in: program) }) {
                let ph = program.phases[later]
                let opens = ph.start.date(surgery: surgery)
                let gates = machine.gates(for: later, on: date).filter { !$0.met }.map(\.text)
                // When it starts is where sources most often differ (heel slides, the stationary bike).
                let range = ph.prescriptions.first { !$0.isLadder && $0.exercise == id }?.sources
                var v = Verdict(id: id, allowed: false,
                                reason: "not yet: \(name) starts in phase '\(ph.name)' (\(ph.start.text))."
                                    + (range.map { " " + $0.prescriptionSentence } ?? ""),
                                changesOn: opens >= date ? opens : nil,
                                changesWhen: gates.isEmpty ? "you move on to phase '\(ph.name)'" : gates.joined(separator: " and "),
                                source: ph.source)
                v.startsInPhase = later; v.sources = range
                return v
            }
            if program.phases.indices.contains(where: { $0 < index && program.phases[$0].prescribes(id, in: program) }) {
                var v = Verdict(id: id, allowed: false,
                                reason: "\(name) belonged to an earlier phase; phase '\(phase.name)' does not prescribe it.")
                v.finishedEarlier = true
                return v
            }
            if let ex { return unprescribedExerciseAnswer(ex) }
            return Verdict(id: id, allowed: false, reason: "no phase of your program prescribes \(name); ask your therapist before trying it.")
        }
        if let gated = gateVerdict(p, id: id, name: name, phase: phase) { return gated }
        if let ex {
            for r in restrictions {
                if let conflict = ex.loads.conflict(with: r.rule, words: program.words) {
                    return no(id, r, "\(name): \(conflict), and '\(quoted(r.rule))' is in force \(r.untilText), set by \(r.authority).")
                }
            }
        }
        // Alternatives: one position left open is enough; with none, the item is not allowed.
        let choice = positions(of: p)
        if choice.open.isEmpty, let first = choice.closed.first {
            let words = choice.closed.map(\.position.words).joined(separator: " or ")
            return no(id, first.rule,
                      "\(name) is done \(words), and '\(quoted(first.rule.rule))' is in force \(first.rule.untilText), "
                          + "set by \(first.rule.authority).")
        }
        let offered = choice.closed.isEmpty ? "" : " Do it \(choice.open.map(\.words).joined(separator: " or ")): "
            + "\(choice.closed.map(\.position.words).joined(separator: " or ")) is not allowed yet."
        let holdNote = offered + (continuing ? holds.first.map {
            " You are on hold (\($0.description)), but your program keeps \(name) going during it."
        } ?? "" : "")
        if let b = machine.backOffs[id] {
            let fired = phase.weeksIn(on: b.since, surgery: surgery)
            let usual = p.dose(weeksIntoPhase: fired)
            let smaller = p.backedOffDose(from: usual).text
            return Verdict(id: id, allowed: true,
                           reason: "back off: \(smaller) (not \(usual.text)) since \(b.since), because \(b.reason). Keep to it with no increase "
                               + "until a session of it leaves your pain at \(b.usual) or less; if it stays up, call your therapist." + holdNote,
                           changesWhen: "a session of \(name) with pain at \(b.usual) or less", source: p.backOffSource ?? p.source, backOff: b)
        }
        let weeksIn = phase.weeksIn(on: date, surgery: surgery)
        let dose = p.dose(weeksIntoPhase: weeksIn).text
        // Said when it carries on from an earlier phase, so a preview does not read as if it were new.
        // A carried (`onward`) item names the phase that wrote it.
        let origin = p.carriedFrom.flatMap(program.phaseIndex)
        let since = origin ?? program.phases.indices.first { $0 < index && program.phases[$0].prescribes(id, in: program) }
        let carried = since.map { " (continued from phase '\(program.phases[$0].name)')" } ?? ""
        // Said when a ban in force would seem to rule it out: the program's own reason it is fine.
        var why = ""
        for r in restrictions {
            if case .no(let a) = r.rule, let reason = ex?.whileBanned[a.name] {
                why += " It is fine while '\(quoted(r.rule))' holds: \(reason)."
            }
        }
        let ownRange = p.sources ?? ex?.sources
        let range = ownRange.map { " " + $0.prescriptionSentence } ?? ""
        var v = Verdict(id: id, allowed: true,
                        reason: "part of phase '\(phase.name)'\(carried)" + (dose.isEmpty ? "." : ": \(dose).") + range + why
                            + holdNote,
                        source: p.source)
        v.sources = ownRange
        return v
    }

    /// This week's dose of a prescription, or its smaller back-off dose while a pain rule holds it back.
    public func dose(of p: Prescription, exercise id: String) -> Dose {
        guard let phase else { return p.dose }
        if let b = machine.backOffs[id] {
            let fired = phase.weeksIn(on: b.since, surgery: surgery)
            return p.backedOffDose(from: p.dose(weeksIntoPhase: fired))
        }
        return p.dose(weeksIntoPhase: phase.weeksIn(on: date, surgery: surgery))
    }

    public func routine(_ id: String) -> Verdict {
        if let e = emergencyVerdict(id) { return e }
        let r = program.routine(id)
        let name = r?.name ?? id
        let limit = state.phaseIndex ?? (state == .completed ? program.phases.count - 1 : -1)
        let taught = program.phases.indices.first { i in program.phases[i].routines.contains { $0.routine == id } }
        guard let first = taught else {
            return Verdict(id: id, allowed: false, reason: "no phase of your program teaches \(name).")
        }
        if first > limit {
            let ph = program.phases[first]
            let opens = ph.start.date(surgery: surgery)
            var v = Verdict(id: id, allowed: false, reason: "not yet: \(name) is taught in phase '\(ph.name)' (\(ph.start.text)).",
                           changesOn: opens >= date ? opens : nil, changesWhen: "you move on to phase '\(ph.name)'", source: ph.source)
            v.startsInPhase = first
            return v
        }
        if let r {
            for a in restrictions {
                if let conflict = r.loads.conflict(with: a.rule, words: program.words) {
                    return no(id, a, "\(name): \(conflict), and '\(quoted(a.rule))' is in force \(a.untilText), set by \(a.authority).")
                }
            }
        }
        return Verdict(id: id, allowed: true,
                       reason: "\(name) is part of your program" + (isOnHold ? "; moving safely is still right while you are on hold." : "."),
                       source: r?.source)
    }

    public var exerciseVerdicts: [Verdict] { exerciseVerdicts(record: PatientRecord()) }

    public func exerciseVerdicts(record: PatientRecord) -> [Verdict] {
        let rungs = rungs(record: record)
        return program.mentionedExercises.map { exercise($0, rungs: rungs) }
    }

    /// The exercises allowed today, without building any reason text (for tables over many weeks).
    public func allowedExerciseIDs(record: PatientRecord = PatientRecord()) -> [String] {
        guard !isOnHold, let index = state.phaseIndex ?? (state == .completed ? program.phases.indices.last : nil) else { return [] }
        var ids: [String] = []
        let rungs = rungs(record: record)
        // The rules once, not the whole restriction (origin, release, source) copied for every prescription.
        let rules = restrictions.map(\.rule)
        for p in program.phases[index].prescriptions where gateHolds(p) {
            var id = p.exercise
            if p.isLadder {
                guard let ladder = program.ladder(p.exercise), !ladder.rungs.isEmpty else { continue }
                id = ladder.rungs[min(rungs[ladder.id] ?? 0, ladder.rungs.count - 1)]
            }
            let loads = program.exercise(id)?.loads ?? Loads()
            if !p.alternatives.isEmpty, positions(of: p).open.isEmpty { continue }
            if rules.allSatisfy({ loads.conflict(with: $0) == nil }), !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    public var routineVerdicts: [Verdict] { program.mentionedRoutines.map(routine) }

    /// Every activity the program names, and any a surgeon's order in force adds (`restrict golf until week 20`).
    public var activityVerdicts: [Verdict] {
        var list = program.activities
        for r in restrictions {
            guard case .surgeon = r.origin, case .no(let a) = r.rule, !list.contains(a) else { continue }
            list.append(a)
        }
        return list.map(can)
    }

    /// What changes next, soonest first; undated conditions last.
    public var unlocks: [Unlock] {
        var list: [Unlock] = []
        for r in restrictions where r.release.when != nil {
            list.append(Unlock(what: "'\(quoted(r.rule))' ends", on: r.release.on, when: r.release.when, gates: []))
        }
        // A gated prescription of this phase (`bridges 2 x 10 from week 8`) starts when its gate holds.
        if let i = state.phaseIndex {
            let facts = gateFacts
            for p in program.phases[i].prescriptions where !gateHolds(p) {
                guard let gate = p.gate else { continue }
                let release = Release.of(gate, facts)
                let name = p.isLadder ? program.ladder(p.exercise)?.name : program.exercise(p.exercise)?.name
                list.append(Unlock(what: "\(name ?? p.exercise) starts", on: release.on, when: release.when, gates: []))
            }
        }
        if let i = state.phaseIndex, i + 1 < program.phases.count {
            let next = program.phases[i + 1]
            let gates = machine.gates(for: i + 1, on: date)
            let opens = gates.compactMap(\.opensOn).max()
            list.append(Unlock(what: "phase \(i + 2), '\(next.name)'", on: opens,
                               when: gates.filter { !$0.met }.map(\.text).joined(separator: " and "), gates: gates))
        } else if case .inPhase(let i) = state, let last = program.phases[i].end {
            // An open-ended last phase has no end to announce.
            list.append(Unlock(what: "the end of the program", on: last.date(surgery: surgery), when: last.text,
                               gates: []))
        }
        return list.sorted { a, b in
            switch (a.on, b.on) {
            case (let x?, let y?): return x < y
            case (_?, nil): return true
            default: return false
            }
        }
    }
}

extension Phase {
    /// Whether the phase prescribes an exercise directly or as a rung of a ladder.
    public func prescribes(_ id: String, in program: Program) -> Bool {
        prescriptions.contains { p in
            p.isLadder ? (program.ladder(p.exercise)?.rungs.contains(id) ?? false) : p.exercise == id
        }
    }
}

extension Program {
    /// The own pain rules of a ladder's rungs, by exercise id (only those that have any).
    func rungRules(_ ladder: Ladder) -> [String: [PainRule]] {
        var out: [String: [PainRule]] = [:]
        for id in ladder.rungs {
            if let rules = exercise(id)?.painRules, !rules.isEmpty { out[id] = rules.map(\.rule) }
        }
        return out
    }

    /// Exercises in the order phases name them, then any others defined.
    public var mentionedExercises: [String] {
        var ids: [String] = []
        for phase in phases {
            for p in phase.prescriptions {
                let list = p.isLadder ? (ladder(p.exercise)?.rungs ?? []) : [p.exercise]
                for id in list where !ids.contains(id) { ids.append(id) }
            }
        }
        return ids
    }

    public var mentionedRoutines: [String] {
        var ids: [String] = []
        for phase in phases { for r in phase.routines where !ids.contains(r.routine) { ids.append(r.routine) } }
        return ids
    }
}
