import RehabCore

extension Command {
    static let clear = Command(
        "clear", group: .orders, usage: "clear WHAT [up to N lb] [by WHO] [on YYYY-MM-DD]",
        summary: "Record a surgeon's or therapist's clearance; it replaces the program's default for that activity.",
        example: "clear lifting up to 25 lb by \"Dr Lee\"",
        arguments: .from(.clearances, then: .words(["up", "by", "on"])), options: [.value("note", "TEXT")]
    ) { shell, args throws(CommandError) in
        guard let topic = args.words.first?.lowercased() else {
            throw .usage("say what was cleared; type for example 'clear driving by \"Dr Lee\"' or 'clear lifting up to 25 lb by \"Dr Lee\"'.")
        }
        let v = try shell.patientView()
        let known = (v.program.clearanceNames + v.program.activities.map(\.name)).uniqued
        guard known.contains(topic) else {
            let hint = Suggestion.closest(to: topic, in: known).map { " — did you mean '\($0)'?" } ?? "."
            // The clearances its rules wait for; the many activities would make the sentence too long to read.
            throw .usage("your program has nothing called '\(topic)' to clear\(hint) It knows: "
                             + "\(v.program.clearanceNames.joined(separator: ", ")), and any activity 'allowed' lists.")
        }
        let parts = try OrderWords.parse(Array(args.words.dropFirst()), today: shell.settings.today, unit: v.record.profile.unit,
                                          allowed: ["up", "by", "on"])
        if parts.limit != nil && topic != Activity.lifting.name { throw .usage("'up to' applies to lifting only; type for example 'clear lifting up to 25 lb'.") }
        let day = parts.on ?? shell.settings.today
        guard day >= v.surgery, day <= shell.settings.today else {
            throw .usage("a clearance date must be between your surgery (\(v.surgery)) and today (\(shell.settings.today)).")
        }
        func clearance(_ by: String?) -> Clearance {
            Clearance(topic: topic, upTo: parts.limit, by: by, on: day, note: args.option("note"))
        }
        var by = parts.by
        var change = OrderChange(shell: shell, view: v, event: .clearanceRecorded(clearance(by)), activity: Activity(topic))
        // A rule is only lifted on a clinician's word, so the record says whose: whenever the clearance lifts a
        // rule now, or is one a rule of the program waits for (it would lift it later without anyone named).
        let releasesLater = v.program.allRestrictions.contains { r in
            r.rule.activity.name == topic || (r.until?.clearances.contains(topic) ?? false)
        }
        if by == nil, change.loosens || releasesLater {
            by = try OrderWho.ask(shell, "a clearance that lifts a rule", example: "clear \(topic) by \"Dr Lee\"")
            change = OrderChange(shell: shell, view: v, event: .clearanceRecorded(clearance(by)), activity: Activity(topic))
        }
        try shell.append(.clearanceRecorded(clearance(by)), to: v.name)
        shell.say("Recorded: \(topic) cleared" + (parts.limit.map { " up to \($0)" } ?? "") + (by.map { " by \($0)" } ?? "") + " on \(day).")
        for line in change.summary(unit: v.record.profile.unit, topic: topic) { shell.say(line) }
    }

    static let restrict = Command(
        "restrict", group: .orders, usage: "restrict WHAT [N lb|N min|when WORDS] [until week N|until YYYY-MM-DD] [by WHO]",
        summary: "Record your surgeon's order for an activity; it replaces the program's default, and the latest order stands.",
        example: "restrict lifting 5 lb until week 8 by \"Dr Lee\"",
        arguments: .from(.clearances, then: .words(["until", "by", "when"])), options: [.value("note", "TEXT")]
    ) { shell, args throws(CommandError) in
        guard let what = args.words.first?.lowercased() else {
            throw .usage("say what is restricted; type for example 'restrict lifting 5 lb until week 8' or 'restrict driving until week 6'.")
        }
        let v = try shell.patientView()
        let activity = Activity.from(verb: what)
        // A typo would record an order that nothing ever checks, so the word must be one rehab knows.
        let known = (v.program.activities + Array(Activity.bodyMovements) + [Activity("brace"), Activity("collar")]).map(\.name).uniqued
        guard known.contains(activity.name) else {
            let hint = Suggestion.closest(to: what, in: known).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("rehab has no activity '\(what)' to restrict\(hint) It knows: \(known.sorted().joined(separator: ", ")).")
        }
        var rest = Array(args.words.dropFirst())
        var amount: Quantity?
        if let measured = MeasuredActivity.of(activity), !rest.isEmpty, rest[0].lowercased() != "until",
           rest[0].lowercased() != "by" {
            amount = try OrderAmount.parse(&rest, for: measured)
        } else if activity == .lifting || activity == .sitting, let measured = MeasuredActivity.of(activity) {
            throw .usage("give the \(activity.name) limit; type for example '\(OrderAmount.example(measured))'.")
        }
        // Gear takes the circumstance it is worn in: `restrict brace when up until week 8`.
        let isGear = Activity.gear.contains(activity)
        let parts = try OrderWords.parse(rest, today: shell.settings.today, unit: v.record.profile.unit,
                                         allowed: isGear ? ["until", "by", "when"] : ["until", "by"])
        func order(_ by: String?) -> SurgeonOrder {
            SurgeonOrder(activity: activity, amount: amount, until: parts.until, by: by,
                         on: shell.settings.today, note: parts.when.map { "when \($0)" } ?? args.option("note"))
        }
        if let end = order(nil).endDay(surgery: v.surgery), end <= shell.settings.today {
            throw .usage("that order would already be over (\(end)); give a later week or date.")
        }
        var by = parts.by
        var change = OrderChange(shell: shell, view: v, event: .restrictionOrdered(order(by)), activity: activity)
        if by == nil, change.loosens {
            by = try OrderWho.ask(shell, "an order that loosens your program's limit", example: "restrict \(args.words.joined(separator: " ")) by \"Dr Lee\"")
            change = OrderChange(shell: shell, view: v, event: .restrictionOrdered(order(by)), activity: activity)
        }
        let o = order(by)
        try shell.append(.restrictionOrdered(o), to: v.name)
        shell.say("Recorded: \(o.rule.text)" + (o.note.map { " (\($0))" } ?? "") + (o.endDay(surgery: v.surgery).map { " until \($0)" } ?? " until your surgeon says otherwise")
                  + (by.map { ", ordered by \($0)" } ?? "") + ". It replaces the program's default for \(activity.name), and any earlier order.")
        for line in change.summary(unit: v.record.profile.unit, topic: activity.name) { shell.say(line) }
    }

    static let clearances = Command(
        "clearances", group: .orders, usage: "clearances", summary: "List recorded clearances.", example: "clearances"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        if v.record.clearances.isEmpty {
            shell.say("No clearances recorded yet. When your surgeon clears something, record it with for example 'clear driving by \"Dr Lee\"'.")
            return
        }
        for c in v.record.clearances { shell.say(OrderText.clearance(c)) }
    }

    static let orders = Command(
        "orders", group: .orders, usage: "orders",
        summary: "Clearances and your surgeon's orders, each with whether it stands today and what it replaced.", example: "orders"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        if v.record.clearances.isEmpty && v.record.orders.isEmpty { shell.say("No clearances or orders recorded."); return }
        let a = shell.assessment(v)
        for c in v.record.clearances { shell.say(OrderText.clearance(c)) }
        for o in v.record.orders {
            shell.say("\(o.on)  restriction: \(o.rule.text)" + (o.endDay(surgery: v.surgery).map { " until \($0)" } ?? "")
                      + (o.by.map { " — by \($0)" } ?? "") + (o.note.map { " (\($0))" } ?? ""))
        }
        shell.say("In force today, one rule per activity:")
        shell.console.write(AssessmentText(shell: shell).restrictions(a))
    }

    static let advance = Command(
        "advance", group: .orders, usage: "advance REASON [by WHO]",
        summary: "Therapist: move the patient on to the next phase, with a reason (and who, to override unmet gates).",
        example: "advance \"strong, pain-free, cleared at visit\" by \"Sam (PT)\""
    ) { shell, args throws(CommandError) in try TherapistMove.run(shell, args, .advance) }

    static let regress = Command(
        "regress", group: .orders, usage: "regress REASON [by WHO]", summary: "Therapist: move the patient back one phase, with a reason.",
        example: "regress \"pain flare after return to work\" by \"Sam (PT)\""
    ) { shell, args throws(CommandError) in try TherapistMove.run(shell, args, .regress) }
}

enum TherapistMove {
    static func run(_ shell: Shell, _ args: Arguments, _ direction: TherapistOverride.Direction) throws(CommandError) {
        var words = args.words
        var by: String?
        if let k = words.lastIndex(where: { $0.lowercased() == "by" }), k + 1 < words.count {
            by = words[(k + 1)...].joined(separator: " ").trimmingSpaces
            words.removeSubrange(k...)
            guard let who = by, !who.isEmpty, who.count <= 80 else { throw .usage("say who, as in 'by \"Sam (PT)\"', in at most 80 characters.") }
        }
        let reason = words.joined(separator: " ").trimmingSpaces
        guard !reason.isEmpty else { throw .usage("give a reason, for example '\(direction.rawValue) \"cleared at today's visit\" by \"Sam (PT)\"'.") }
        let v = try shell.patientView()
        let before = shell.assessment(v)
        var target: Int?
        switch (direction, before.state) {
        case (.advance, .inPhase(let i)) where i + 1 < v.program.phases.count: target = i + 1
        case (.advance, .onHold(let i)) where i + 1 < v.program.phases.count: target = i + 1
        case (.regress, .inPhase(let i)) where i > 0: break
        case (.regress, .onHold(let i)) where i > 0: break
        case (.regress, .completed): break
        default: throw .usage("there is no phase to \(direction.rawValue) to from \(before.phaseLabel).")
        }
        // Moving on past unmet gates is a clinical decision: name the gates, and record whose decision it was.
        let unmet = target.map { before.machine.gates(for: $0, on: before.date).filter { !$0.met }.map(\.text) } ?? []
        if !unmet.isEmpty {
            shell.say("This moves past gates not yet met: \(unmet.joined(separator: "; ")).")
            if by == nil {
                by = try OrderWho.ask(shell, "an advance past unmet gates", example: "advance \"\(reason)\" by \"Sam (PT)\"")
            }
        }
        try shell.append(.therapistOverride(TherapistOverride(direction: direction, on: shell.settings.today, reason: reason, by: by)),
                         to: v.name)
        let after = shell.assessment(try shell.patientView())
        shell.say("Recorded" + (by.map { " for \($0)" } ?? "") + ": \(reason). Now: \(after.phaseLabel)."
                  + (unmet.isEmpty ? "" : " Overridden: \(unmet.joined(separator: "; "))."))
    }
}

/// Who gave an order that loosens a rule: asked at a terminal, required in a script.
enum OrderWho {
    static func ask(_ shell: Shell, _ what: String, example: String) throws(CommandError) -> String {
        guard let ask = shell.ask else {
            throw .usage("\(what) needs who gave it; type for example '\(example)'.")
        }
        for _ in 0..<3 {
            guard case .line(let raw) = ask("Who gave this order? Type their name, for example Dr Lee (Enter to cancel): ") else { break }
            let who = raw.trimmingSpaces
            if who.isEmpty { break }
            if who.count <= 80 { return who }
            shell.console.report("A name has at most 80 characters.\n")
        }
        throw .usage("not recorded: \(what) needs who gave it; type for example '\(example)'.")
    }
}

/// The optional words of `clear` and `restrict`: `up to N lb`, `by WHO`, `on DATE`, `until week N|DATE`.
struct OrderWords {
    var limit: Weight?
    var by: String?
    var on: CalendarDay?
    var until: SurgeonOrder.Until?
    /// The circumstance gear is worn in (`when up`, `when in the car`), without the `when`.
    var when: String?

    static func parse(_ words: [String], today: CalendarDay, unit: Weight.Unit, allowed: Set<String>) throws(CommandError) -> OrderWords {
        var out = OrderWords()
        var i = 0
        while i < words.count {
            let w = words[i].lowercased()
            guard allowed.contains(w) else {
                throw .usage("did not understand '\(words[i])'; after the activity you may add " + allowed.sorted().map { "'\($0) …'" }.joined(separator: ", ") + ".")
            }
            switch w {
            case "up":
                guard i + 3 < words.count, words[i + 1] == "to", let n = Double(words[i + 2]),
                      let u = Weight.Unit(rawValue: words[i + 3].lowercased().replacingLbs) else {
                    throw .usage("write the limit as 'up to 25 lb' or 'up to 10 kg'.")
                }
                guard n > 0, Weight(n, u).pounds <= 500 else { throw .usage("a limit must be more than 0 and at most 500 lb.") }
                out.limit = Weight(n, u); i += 4
            case "when":
                let stop = words[(i + 1)...].firstIndex { allowed.contains($0.lowercased()) } ?? words.count
                let words = words[(i + 1)..<stop].joined(separator: " ")
                guard !words.isEmpty, words.count <= 80 else {
                    throw .usage("say when it is worn, as in 'when up' or 'when in the car'.")
                }
                out.when = words; i = stop
            case "by":
                let stop = words[(i + 1)...].firstIndex { allowed.contains($0.lowercased()) && $0.lowercased() != "by" } ?? words.count
                let who = words[(i + 1)..<stop].joined(separator: " ")
                guard !who.isEmpty, who.count <= 80 else { throw .usage("say who, as in 'by \"Dr Lee\"'.") }
                out.by = who; i = stop
            case "on":
                guard i + 1 < words.count, let d = CalendarDay(iso: words[i + 1]) else {
                    throw .usage("write the date as 'on YYYY-MM-DD', for example 'on 2026-11-02'.")
                }
                out.on = d; i += 2
            case "until":
                guard i + 1 < words.count else { throw .usage("write 'until week N' or 'until YYYY-MM-DD'.") }
                if words[i + 1].lowercased() == "week" {
                    guard i + 2 < words.count, let n = Int(words[i + 2]), n >= 0, n <= 104 else {
                        throw .usage("write 'until week N' with a week from 0 to 104.")
                    }
                    out.until = .week(n); i += 3
                } else {
                    guard let d = CalendarDay(iso: words[i + 1]) else { throw .usage("'\(words[i + 1])' is not a date; write 'until YYYY-MM-DD' or 'until week N'.") }
                    out.until = .date(d); i += 2
                }
            default: i += 1
            }
        }
        return out
    }
}

enum OrderText {
    static func clearance(_ c: Clearance) -> String {
        "\(c.on)  cleared: \(c.topic)" + (c.upTo.map { " up to \($0)" } ?? "") + (c.by.map { " — by \($0)" } ?? "") + (c.note.map { " (\($0))" } ?? "")
    }
}

extension String {
    var replacingLbs: String { self == "lbs" || self == "pounds" || self == "pound" ? "lb" : (self == "kgs" || self == "kilos" ? "kg" : self) }
}
