/// Answers for rules that are neither a plain yes nor a no: `limit ACTIVITY`, a lifting limit the surgeon sets,
/// and gear that is worn (or worn only once ordered).
extension Assessment {
    /// What every answer under a surgeon-set lifting limit ends with, until the order is recorded.
    public static var surgeonSetsLift: String { surgeonSets(.lifting) }

    /// `can bend` under `limit bending "…"`: allowed, within the words of the limit.
    func limitAnswer(_ activity: Activity, _ r: ActiveRestriction) -> Verdict {
        guard case .limit(_, let note) = r.rule else { return no(activity.name, r, "\(r.rule.plain(unit: unit, words: program.words)).") }
        let lasts = r.release.when == nil ? "has no end date set" : "lasts \(r.untilText)"
        return Verdict(id: activity.name, allowed: true,
                       reason: "\(note ?? RestrictionRule.limitWords); this limit on \(program.words(for: activity)) \(lasts), set by \(r.authority).",
                       changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
            .qualified(.limited)
    }

    /// `can brace`: whether it must be worn now, when, until when and whose rule it is.
    func gearAnswer(_ gear: String) -> Verdict {
        if let r = wearing(gear) {
            let when = r.note.map { " (\($0))" } ?? ""
            return Verdict(id: gear, allowed: true, reason: "your \(gear) must be worn\(when) \(r.untilText), set by \(r.authority).",
                           changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
                .qualified(.wear)
        }
        if let r = wornIfOrdered(gear) {
            let when = r.note.map { " (\($0))" } ?? ""
            let lasts = r.release.when == nil ? "" : " This rule of the program lasts \(r.untilText)."
            return Verdict(id: gear, allowed: true,
                           reason: "your \(gear) is only worn if your surgeon orders it\(when), set by \(r.authority); no order is recorded, "
                               + "so you need not wear it now. If they order it, record it with 'restrict \(gear) by NAME'.\(lasts)",
                           changesWhen: "your surgeon orders it", restriction: r, source: r.source)
                .qualified(.ifOrdered)
        }
        let v = Verdict(id: gear, allowed: true,
                        reason: "nothing in your program or your surgeon's orders asks you to wear a \(gear) now.")
            .qualified(.notNeeded)
        // After neck surgery a patient may call the collar a "neck brace": say that it has a rule of its own.
        if gear == "brace", wearing("collar") != nil || wornIfOrdered("collar") != nil {
            return v.adding("If you mean your neck collar (sometimes called a neck brace), it has its own rule: type 'can collar'.")
        }
        return v
    }
}

extension Assessment {
    /// `can I sleep without my brace`: gear worn "when up" or "when out of bed" is not worn in bed, so the answer is
    /// yes; gear worn without such words stays "Wear it", with a line saying the rule does not free the bed.
    /// Sources: "wear it when you are up … not in bed or at night" (Rothman; clinical-reference.md §1.3.5).
    public func canGoWithoutInBed(_ gear: String) -> Verdict {
        let v = can(Activity(gear))
        guard emergencyAdvice == nil, let r = wearing(gear) else { return v }
        // Only a note that starts "when up" or "when out of bed" and says nothing more about bed, night or exceptions
        // ("when in and out of bed", "when up and also in bed", "when not upright" are not up-only).
        let note = (r.note ?? "").lowercased().trimmingSpaces
        let prefix = ["when up", "when out of bed", "when you are up", "when you're up"].first { note.hasPrefix($0) }
        let rest = prefix.map { String(note.dropFirst($0.count)) } ?? ""
        let upOnly = prefix != nil && !["bed", "night", "sleep", "not", " and ", "also", "lying", "always"].contains { rest.contains($0) }
        guard upOnly else {
            return v.adding("Your program's rule does not say you may take it off in bed: ask your surgeon before you sleep without it.")
        }
        return withHold(Verdict(id: gear, allowed: true,
                                reason: "you need not wear your \(gear) in bed: it is worn \(r.note ?? "when up") \(r.untilText), "
                                    + "set by \(r.authority). Put it on before you get up.",
                                changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source))
    }
}
