/// `can do prone-press-ups` for an exercise the library defines but no phase prescribes (patients ask about
/// exercises by name: press-ups, sit-ups, planks, neck rolls).
///
/// The program gives no dose for it, so a plain "no phase prescribes it" told the patient nothing. The answer
/// comes from what the exercise loads against the rules in force: a ban on something it loads is a "no" with that
/// rule's end and whose rule it is; a limit on it is "limited"; otherwise "yes", with the therapist to ask before
/// adding it, since the program has not planned it.
extension Assessment {
    func unprescribedExerciseAnswer(_ ex: Exercise) -> Verdict {
        var v = unprescribedVerdict(ex)
        v.notPrescribed = true
        return v
    }

    private func unprescribedVerdict(_ ex: Exercise) -> Verdict {
        // "doing prone press-ups involves …" reads right for any name, singular or plural.
        let doing = "doing " + ex.name.lowercased()
        let bans = restrictions.compactMap { r in ex.loads.conflict(with: r.rule, words: program.words).map { (r, $0) } }
        if let decisive = bans.max(by: { endsBefore($0.0, $1.0) })?.0 {
            let rules = bans.map { r, _ in "'\(quoted(r.rule))' \(r.untilText), set by \(r.authority)" }
            let later = decisive.release.when == nil ? "" : " once that changes"
            var v = no(ex.id, decisive,
                       "\(doing) \(loadsPhrase(ex.loads)), and \(rules.joined(separator: "; and ")). "
                           + "It is not part of your program: ask your therapist before adding it\(later).")
            if let range = decisive.sources { v = v.adding(range.sentence(in: unit)); v.sources = range }
            return v
        }
        // A limit on what it loads (`limit bending "bend at your hips and knees"` after ACDF) is not a ban.
        let limits = restrictions.filter { r in
            if case .limit(let a, _) = r.rule { return ex.loads.activities.contains(a) } else { return false }
        }
        if let r = limits.first, case .limit(let a, let note) = r.rule {
            return Verdict(id: ex.id, allowed: true,
                           reason: "\(doing) \(loadsPhrase(ex.loads)), and \(program.words(for: a)) is limited "
                               + "\(r.untilText): \(note ?? RestrictionRule.limitWords), set by \(r.authority). "
                               + "It is not part of your program, so ask your therapist before adding it.",
                           changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
                .qualified(.limited)
        }
        // Nothing rules out what it loads, but it is not part of the program: ask first, never a bare Yes.
        return Verdict(id: ex.id, allowed: false,
                       reason: "nothing in force rules out \(doing) (it \(loadsPhrase(ex.loads))), but "
                           + "it is not part of your program, so ask your therapist before adding it.",
                       source: ex.source)
            .qualified(.askFirst)
    }

    /// "involves arching your lower back" — what the exercise asks of the spine, in the patient's words.
    private func loadsPhrase(_ loads: Loads) -> String {
        loads.isEmpty ? "holds your spine still" : "involves " + loadsWords(loads)
    }

    private func loadsWords(_ loads: Loads) -> String {
        var parts = loads.activities.sorted { $0.name < $1.name }.map(program.words)
        if let lift = loads.lift { parts.insert("lifting \(lift.shown(in: unit))", at: 0) }
        let last = parts.popLast() ?? ""
        return parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last
    }

    /// Whether `a` ends no later than `b`: the rule that lasts longest decides when the answer changes.
    private func endsBefore(_ a: ActiveRestriction, _ b: ActiveRestriction) -> Bool {
        switch (a.release.on, b.release.on) {
        case (let x?, let y?): return x < y
        case (_?, nil): return true
        default: return false
        }
    }
}
