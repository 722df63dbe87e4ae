import RehabCore

extension Command {
    static let clear = Command(
        "clear", group: .orders, usage: "clear WHAT [up to N lb] [by WHO] [on YYYY-MM-DD]",
        summary: "Record a surgeon's or therapist's clearance (lifting, driving, twisting…).",
        example: "clear lifting up to 25 lb by \"Dr Lee\"",
        arguments: .from(.clearances, then: .words(["up", "by", "on"])), options: ["note"]
    ) { shell, args throws(CommandError) in
        guard let topic = args.words.first?.lowercased() else {
            throw .usage("say what was cleared; type for example 'clear driving' or 'clear lifting up to 25 lb'.")
        }
        let v = try shell.patientView()
        let known = (v.program.clearanceNames + v.program.activities.map(\.name)).uniqued
        guard known.contains(topic) else {
            let hint = Suggestion.closest(to: topic, in: known).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("your program has nothing called '\(topic)' to clear\(hint) It knows: \(known.joined(separator: ", ")).")
        }
        let parts = try OrderWords.parse(Array(args.words.dropFirst()), today: shell.settings.today, unit: v.record.profile.unit,
                                          allowed: ["up", "by", "on"])
        if parts.limit != nil && topic != Activity.lifting.name { throw .usage("'up to' applies to lifting only; type for example 'clear lifting up to 25 lb'.") }
        let day = parts.on ?? shell.settings.today
        guard day >= v.surgery, day <= shell.settings.today else {
            throw .usage("a clearance date must be between your surgery (\(v.surgery)) and today (\(shell.settings.today)).")
        }
        try shell.append(.clearanceRecorded(Clearance(topic: topic, upTo: parts.limit, by: parts.by, on: day, note: args.options["note"])), to: v.name)
        shell.say("Recorded: \(topic) cleared" + (parts.limit.map { " up to \($0)" } ?? "") + (parts.by.map { " by \($0)" } ?? "") + " on \(day).")
        let after = try shell.patientView()
        let a = shell.assessment(after)
        // A surgeon's dated order outlives a clearance: say so, rather than let "cleared" sound like "allowed".
        for r in a.restrictions where r.rule.activity.name == topic {
            if case .surgeon = r.origin {
                shell.say("Note: '\(r.rule.text)' from \(r.authority) still applies \(r.untilText); the strictest rule wins.")
            }
        }
        shell.say("Now: \(a.phaseLabel). Type 'status' or 'next' to see what changed.")
    }

    static let restrict = Command(
        "restrict", group: .orders, usage: "restrict WHAT [N lb|N min] [until week N|until YYYY-MM-DD] [by WHO]",
        summary: "Record a stricter order from your surgeon; the strictest rule in force always wins.",
        example: "restrict lifting 5 lb until week 8 by \"Dr Lee\"",
        arguments: .from(.clearances, then: .words(["until", "by"])), options: ["note"]
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
        var limit: Weight?
        var minutes: Int?
        if activity == .lifting {
            guard rest.count >= 2, let n = Double(rest[0]), let unit = Weight.Unit(rawValue: rest[1].lowercased().replacingLbs) else {
                throw .usage("give the lifting limit; type for example 'restrict lifting 5 lb until week 8'.")
            }
            let w = Weight(n, unit)
            guard n > 0, w.pounds <= 200 else { throw .usage("a lifting limit must be more than 0 and at most 200 lb.") }
            limit = w; rest.removeFirst(2)
        } else if activity == .sitting {
            guard rest.count >= 2, let n = Int(rest[0]), n > 0, n <= 480, rest[1].hasPrefix("min") else {
                throw .usage("give the sitting limit in minutes; type for example 'restrict sitting 20 min until week 4'.")
            }
            minutes = n; rest.removeFirst(2)
        }
        let parts = try OrderWords.parse(rest, today: shell.settings.today, unit: v.record.profile.unit, allowed: ["until", "by"])
        let order = SurgeonOrder(activity: activity, limit: limit, minutes: minutes, until: parts.until, by: parts.by,
                                 on: shell.settings.today, note: args.options["note"])
        if let end = order.endDay(surgery: v.surgery), end <= shell.settings.today {
            throw .usage("that order would already be over (\(end)); give a later week or date.")
        }
        try shell.append(.restrictionOrdered(order), to: v.name)
        shell.say("Recorded: \(order.rule.text)" + (order.endDay(surgery: v.surgery).map { " until \($0)" } ?? " until your surgeon says otherwise")
                  + (parts.by.map { ", ordered by \($0)" } ?? "") + ". The strictest rule in force always wins.")
    }

    static let clearances = Command(
        "clearances", group: .orders, usage: "clearances", summary: "List recorded clearances.", example: "clearances"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        if v.record.clearances.isEmpty { shell.say("No clearances recorded yet. When your surgeon clears something, type for example 'clear driving'."); return }
        for c in v.record.clearances { shell.say(OrderText.clearance(c)) }
    }

    static let orders = Command(
        "orders", group: .orders, usage: "orders", summary: "List clearances and your surgeon's restrictions together.", example: "orders"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        if v.record.clearances.isEmpty && v.record.orders.isEmpty { shell.say("No clearances or orders recorded."); return }
        for c in v.record.clearances { shell.say(OrderText.clearance(c)) }
        for o in v.record.orders {
            shell.say("\(o.on)  restriction: \(o.rule.text)" + (o.endDay(surgery: v.surgery).map { " until \($0)" } ?? "")
                      + (o.by.map { " — by \($0)" } ?? "") + (o.note.map { " (\($0))" } ?? ""))
        }
    }

    static let flag = Command(
        "flag", group: .orders, usage: "flag SYMPTOM", summary: "Report a red-flag symptom: you go on hold and get the advice at once.",
        example: "flag fever", arguments: .from(.flags), options: ["note"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        guard let id = args.words.first?.lowercased() else {
            throw .usage("name the symptom; type 'flags' to see them, for example 'flag fever'.")
        }
        guard let red = v.program.redFlag(id) else {
            let hint = Suggestion.closest(to: id, in: v.program.redFlags.map(\.id)).map { " — did you mean '\($0)'?" } ?? "."
            throw .usage("'\(id)' is not a red flag your program knows\(hint) Type 'flags' to list them. If you feel unwell, call your surgeon.")
        }
        try shell.append(.redFlagReported(FlagReport(flag: id, on: shell.settings.today, note: args.options["note"])), to: v.name)
        if red.emergency {
            shell.say(shell.style("EMERGENCY: \(red.description).", "1;31"))
        } else {
            shell.say(shell.style("Red flag: \(red.description).", "1;31"))
        }
        if !red.advice.isEmpty { shell.say(red.advice) }
        shell.say("You are on hold: no exercises until this is resolved. When your doctor says it is, type 'resolve \(id)'.")
    }

    static let flags = Command(
        "flags", group: .orders, usage: "flags", summary: "The red flags your program knows, and any reported.", example: "flags"
    ) { shell, _ throws(CommandError) in
        let v = try shell.patientView()
        let active = Set(v.record.activeFlags(on: shell.settings.today).map(\.flag))
        for f in v.program.redFlags {
            shell.say("\(active.contains(f.id) ? "REPORTED " : "")\(f.id)\(f.emergency ? " (emergency)" : "") — \(f.description)")
        }
        if active.contains("pain") { shell.say("REPORTED pain — a session's pain reached your program's hold level") }
    }

    static let resolve = Command(
        "resolve", group: .orders, usage: "resolve FLAG", summary: "Mark a red flag (or a pain hold) as resolved.",
        example: "resolve fever", arguments: .from(.flags), options: ["note"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        guard let id = args.words.first?.lowercased() else { throw .usage("name the flag to resolve; type 'flags' to see the reported ones.") }
        let a = shell.assessment(v)
        guard a.holds.contains(where: { $0.reason == id }) else {
            let open = a.holds.map(\.reason)
            throw .usage(open.isEmpty ? "no red flag is reported, so there is nothing to resolve."
                                      : "'\(id)' is not reported; the reported ones are: \(open.joined(separator: ", ")).")
        }
        try shell.append(.redFlagResolved(FlagReport(flag: id, on: shell.settings.today, note: args.options["note"])), to: v.name)
        let after = shell.assessment(try shell.patientView())
        shell.say("Resolved \(id). Now: \(after.phaseLabel).")
    }

    static let log = Command(
        "log", group: .today, usage: "log pain N [after M] [EXERCISE…]",
        summary: "Log a session: pain before (and after), and the exercises you did.",
        example: "log pain 3 after 4 walking ankle-pumps",
        arguments: .words(["pain"], then: .end), options: ["note"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        var words = args.words
        guard words.first == "pain", words.count >= 2, let before = Int(words[1]), (0...10).contains(before) else {
            throw .usage("type 'log pain N' with your pain from 0 to 10, for example 'log pain 3 after 4 walking'.")
        }
        words.removeFirst(2)
        var after: Int?
        if words.first == "after" {
            guard words.count >= 2, let n = Int(words[1]), (0...10).contains(n) else { throw .usage("pain after is a number from 0 to 10, as in 'after 4'.") }
            after = n; words.removeFirst(2)
        }
        for id in words where v.program.exercise(id) == nil {
            throw Question.unknown("exercise", id, v.program.exercises.map(\.id))
        }
        let session = SessionRecord(on: shell.settings.today, painBefore: before, painAfter: after,
                                    exercises: words.map { ExerciseLog(exercise: $0) }, note: args.options["note"])
        try shell.append(.sessionLogged(session), to: v.name)
        shell.say("Logged: pain \(before)" + (after.map { " → \($0)" } ?? "") + (words.isEmpty ? "" : ", \(words.joined(separator: ", "))") + ".")
        let a = shell.assessment(try shell.patientView())
        if a.isOnHold, a.holds.contains(where: { $0.reason == "pain" }) {
            shell.say(shell.style("Your pain reached your program's hold level: you are on hold.", "1;31")
                      + " Rest, and contact your surgeon or therapist. When it settles and they agree, type 'resolve pain'.")
        }
    }

    static let advance = Command(
        "advance", group: .orders, usage: "advance REASON", summary: "Therapist: move the patient on to the next phase, with a reason.",
        example: "advance \"strong, pain-free, cleared at visit\""
    ) { shell, args throws(CommandError) in try TherapistMove.run(shell, args, .advance) }

    static let regress = Command(
        "regress", group: .orders, usage: "regress REASON", summary: "Therapist: move the patient back one phase, with a reason.",
        example: "regress \"pain flare after return to work\""
    ) { shell, args throws(CommandError) in try TherapistMove.run(shell, args, .regress) }
}

enum TherapistMove {
    static func run(_ shell: Shell, _ args: Arguments, _ direction: TherapistOverride.Direction) throws(CommandError) {
        let reason = args.words.joined(separator: " ").trimmingSpaces
        guard !reason.isEmpty else { throw .usage("give a reason, for example '\(direction.rawValue) \"cleared at today's visit\"'.") }
        let v = try shell.patientView()
        let before = shell.assessment(v)
        switch (direction, before.state) {
        case (.advance, .inPhase(let i)) where i + 1 < v.program.phases.count: break
        case (.advance, .onHold(let i)) where i + 1 < v.program.phases.count: break
        case (.regress, .inPhase(let i)) where i > 0: break
        case (.regress, .onHold(let i)) where i > 0: break
        case (.regress, .completed): break
        default: throw .usage("there is no phase to \(direction.rawValue) to from \(before.phaseLabel).")
        }
        try shell.append(.therapistOverride(TherapistOverride(direction: direction, on: shell.settings.today, reason: reason)), to: v.name)
        let after = shell.assessment(try shell.patientView())
        shell.say("Recorded. Now: \(after.phaseLabel).")
    }
}

/// The optional words of `clear` and `restrict`: `up to N lb`, `by WHO`, `on DATE`, `until week N|DATE`.
struct OrderWords {
    var limit: Weight?
    var by: String?
    var on: CalendarDay?
    var until: SurgeonOrder.Until?

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
