import RehabCore

extension Command {
    static let status = Command(
        "status", group: .today, usage: "status [--json]",
        summary: "Your week and day since surgery, phase, restrictions with their end dates, and what is due today.",
        example: "status", options: ["json"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let a = shell.assessment(v)
        if args.json { shell.say(StatusJSON.render(a, record: v.record)); return }
        shell.console.write(StatusText(shell: shell).render(a, record: v.record))
        shell.surgeonFirstDue = false  // status ends with it; a `can` after it need not repeat it
    }

    static let allowed = Command(
        "allowed", group: .questions, usage: "allowed [--week N | --on YYYY-MM-DD] [--json]",
        summary: "Everything your program names, allowed or not, each with its reason.",
        example: "allowed --week 8", options: [.value("week", "N"), .value("on", "YYYY-MM-DD"), "json"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let day = try shell.evaluationDay(args, surgery: v.surgery)
        let a = shell.assessment(v, on: day)
        if args.json { shell.say(JSONOutput.allowed(a, record: v.record)); return }
        if let advice = a.emergencyAdvice { shell.say(shell.style(advice, "1;31")); return }
        shell.console.write(AssessmentText(shell: shell).week(a, cleared: [], record: v.record))
    }

    static let can = Command(
        "can", group: .questions,
        usage: "can lift WEIGHT|OBJECT | can bend|twist|drive|… | can sit|stand|ride|drive|walk N min | can do EXERCISE "
            + "| can routine ROUTINE | can I … in your own words [--json]",
        summary: "Yes or no, the reason, and when that changes; also 'can I sleep on my stomach', 'is it ok to vacuum'.",
        example: "can lift 15 lb",
        arguments: .branch([
            "lift": .word([], .objects, then: .words(["lb", "kg"])), "sit": .words(["15", "30", "45"], then: .words(["min"])),
            "stand": .words(["15", "30"], then: .words(["min"])), "ride": .words(["30", "60"], then: .words(["min"])),
            "walk": .words(["15", "30"], then: .words(["min", "mi", "km"])),
            "do": .from(.exercises), "routine": .from(.routines),
        ], otherwise: .from(.activities)),
        options: ["json", .value("week", "N"), .value("on", "YYYY-MM-DD")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let a = shell.assessment(v, on: try shell.evaluationDay(args, surgery: v.surgery))
        let question = try Question.parse(args.words, shell: shell, view: v)
        let verdict = question.answer(a, record: v.record)
        if args.json { shell.say(JSONOutput.verdict(verdict, words: question.activity.map(a.program.words))); return }
        shell.say(VerdictText.render(verdict, shell: shell))
        if shell.surgeonFirstDue { shell.say(VerdictText.surgeonFirst); shell.surgeonFirstDue = false }
    }

    static let why = Command(
        "why", group: .questions, usage: "why ITEM",
        summary: "The gate and rule behind an answer, with the program line it comes from.",
        example: "why twist",
        arguments: .from(.activities)
    ) { shell, args throws(CommandError) in
        guard !args.words.isEmpty else { throw .usage("why needs something to explain; type for example 'why twist' or 'why bridges'.") }
        let v = try shell.patientView()
        let a = shell.assessment(v)
        let words = args.words.first == "can" ? Array(args.words.dropFirst()) : args.words
        let verdict = try Question.parse(words, shell: shell, view: v).answer(a, record: v.record)
        // Exercises logged against the rules are rare and kept in the full session records only.
        let against: [(CalendarDay, AgainstRules)] = try shell.withJournal { try $0.events(of: v.name) }.flatMap { stored in
            guard case .sessionLogged(let s) = stored.event else { return [(CalendarDay, AgainstRules)]() }
            return s.againstRules.map { (s.on, $0) }
        }
        shell.console.write(WhyText(shell: shell).render(verdict, a, program: v.program, files: v.record.program?.files ?? [:],
                                                          against: against))
    }

    static let next = Command(
        "next", group: .questions, usage: "next [--json]",
        summary: "What unlocks next, and when or on what condition.", example: "next", options: ["json"]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let a = shell.assessment(v)
        let unlocks = a.unlocks
        if args.json { shell.say(NextJSON.render(unlocks)); return }
        if unlocks.isEmpty { shell.say("Nothing more unlocks: no restriction of your program is left."); return }
        for u in unlocks {
            var line = "• \(u.what)"
            if let on = u.on { line += " — \(on) (\(RecoveryDay(surgery: v.surgery, on: on).phrase))" }
            if let when = u.when, !when.isEmpty { line += u.on == nil ? " — when \(when)" : "; needs \(when)" }
            shell.say(line)
        }
    }
}

extension Shell {
    /// `--week N` (its first day) or `--on DATE`; default today.
    func evaluationDay(_ args: Arguments, surgery: CalendarDay) throws(CommandError) -> CalendarDay {
        if args.option("week") != nil && args.option("on") != nil { throw .usage("give --week or --on, not both.") }
        if let w = args.option("week") {
            guard let week = Int(w), week >= 0, week <= 520 else { throw .usage("--week takes a week number from 0 to 520, such as --week 6.") }
            return RecoveryDay.start(ofWeek: week, surgery: surgery)
        }
        if let d = args.option("on") {
            guard let day = CalendarDay(iso: d) else { throw .usage("'\(d)' is not a date; give it as YYYY-MM-DD, for example --on 2026-12-01.") }
            guard day >= surgery else { throw .usage("\(day) is before your surgery (\(surgery)); give a later date.") }
            return day
        }
        return settings.today
    }
}

/// A parsed `can …` question.
enum Question {
    /// A measured activity and the amount asked about: `can lift 15 lb`, `can ride 1 h`.
    case amount(Activity, Quantity, what: String?)
    case activity(Activity)
    case exercise(String)
    case routine(String)
    /// Any of the above with a sentence after its answer (a question in the patient's words that said more).
    indirect case noted(Question, String)
    /// Lifting something rehab cannot weigh (`can I lift my grandchild`).
    case unweighed
    /// Gear asked about in bed (`can I sleep without my brace`).
    case gearInBed(String)
    /// Two questions in one (`carry 30 lb up the stairs`): the stricter answer stands.
    indirect case stricter(Question, Question)
    /// A question whose words said more than rehab could check: never more than "Limited".
    indirect case unsure(Question)
    /// A prescribed exercise and an amount (`walk for 2 hours`): over this week's dose is "Limited".
    case exerciseAmount(String, Quantity)
    /// An activity the library names but the program has no rule on (`can I play golf`): never a guessed Yes.
    case noRule(Activity)

    static func parse(_ words: [String], shell: Shell, view: Shell.PatientView) throws(CommandError) -> Question {
        guard let first = words.first?.lowercased() else {
            throw .usage("ask about something; type for example 'can lift 15 lb', 'can twist' or 'can do bridges'.")
        }
        let rest = Array(words.dropFirst())
        let program = view.program
        // `can I play golf`, `can i sit for 2 hours`: the patient's own words.
        if first == "i" { return try inOwnWords(words, shell: shell, view: view) }
        switch first {
        case "lift", "carry":
            guard !rest.isEmpty else { return .activity(.lifting) }
            if let object = shell.objects.entry(rest.joined(separator: "-")) {
                return .amount(.lifting, Quantity(object.weight), what: object.name.lowercased())
            }
            do {
                let w = try WeightWords.parse(rest, unit: view.record.profile.unit, objects: shell.objects.ids)
                return .amount(.lifting, Quantity(w), what: nil)
            } catch {
                // `a gallon of milk`: an object in words; a weight stays WeightWords' to judge.
                if let spoken = spokenAmount(words, shell: shell, view: view), case .amount(.lifting, _, _?) = spoken { return spoken }
                throw error
            }
        case _ where MeasuredActivity.verb(first) != nil && !rest.isEmpty:
            guard let m = MeasuredActivity.verb(first) else { throw .usage("ask about something; type for example 'can twist'.") }
            do {
                let q = try AmountWords.parse(rest, for: m)
                // `can ride 1 h` on a program with no rule on riding is asked first, never a plain Yes.
                let ruled = program.activities.contains(m.activity) || view.record.orders.contains { $0.activity == m.activity }
                return ruled ? .amount(m.activity, q, what: nil) : .noRule(m.activity)
            } catch {
                // `sit in the car for an hour` is another topic; a bad amount (`ride 10 lb`) keeps its message.
                if Quantity.parse(rest) == nil, let other = inOwnWordsIfClear(words, shell: shell, view: view),
                   other.activity != m.activity { return other }
                throw error
            }
        case "do":
            guard let id = rest.first else { throw .usage("name an exercise; type for example 'can do bridges'.") }
            guard program.exercise(id) != nil else {
                if let spoken = inOwnWordsIfClear(words, shell: shell, view: view) { return spoken }  // `do the dishes`
                throw unknown("exercise", id, program.exercises.map(\.id))
            }
            return .exercise(id)
        case "routine":
            guard let id = rest.first else { throw .usage("name a routine; type for example 'can routine log-roll-out-of-bed'.") }
            guard program.routine(id) != nil else { throw unknown("routine", id, program.routines.map(\.id)) }
            return .routine(id)
        default:
            guard rest.isEmpty else { return try inOwnWords(words, shell: shell, view: view) }
            if program.exercise(first) != nil { return .exercise(first) }
            if program.routine(first) != nil { return .routine(first) }
            let activity = Activity.from(verb: first)
            // Gear is asked about too (`can brace`), though it is worn rather than done.
            let gear = program.gear + Array(Activity.gear).sorted()
            let known = (program.activities + gear + view.record.orders.map(\.activity)).uniqued
            if known.contains(activity) { return .activity(activity) }
            let candidates = known.map(\.verb) + known.map(\.name) + program.exercises.map(\.id)
            if let spoken = inOwnWordsIfClear(words, shell: shell, view: view) { return spoken }  // `can vacuum`
            throw unknown("activity", first, candidates)
        }
    }

    static func unknown(_ kind: String, _ word: String, _ candidates: [String]) -> CommandError {
        let hint = Suggestion.closest(to: word, in: candidates).map { " — did you mean '\($0)'?" } ?? "."
        return .usage("your program has no \(kind) '\(word)'\(hint) Type 'allowed' to see everything it covers.")
    }

    /// The activity asked about, whose words `--json` adds beside its id.
    var activity: Activity? {
        if case .activity(let act) = self { return act }
        if case .noted(let q, _) = self { return q.activity }
        if case .noRule(let act) = self { return act }
        if case .gearInBed(let gear) = self { return Activity(gear) }
        return nil
    }

    func answer(_ a: Assessment, record: PatientRecord) -> Verdict {
        switch self {
        case .amount(let act, let q, let what): return a.can(act, amount: q, what: what)
        case .activity(let act): return a.can(act)
        case .exercise(let id): return a.exercise(id, record: record)
        case .routine(let id): return a.routine(id)
        case .noted(let q, let note):
            let v = q.answer(a, record: record)
            return a.emergencyAdvice == nil ? v.adding(note) : v
        case .noRule(let act): return Question.noRuleAnswer(act, a)
        case .gearInBed(let gear): return a.canGoWithoutInBed(gear)
        case .stricter(let q1, let q2):
            let (v1, v2) = (q1.answer(a, record: record), q2.answer(a, record: record))
            func rank(_ v: Verdict) -> Int { !v.allowed ? 0 : v.qualifier == nil ? 2 : 1 }
            return rank(v2) < rank(v1) ? v2 : v1
        case .exerciseAmount(let id, let q): return Question.exerciseAmountAnswer(id, q, a, record: record)
        case .unsure(let q):
            let v = q.answer(a, record: record)
            // Only a Yes under a rule in force can hide what the extra words mean; with no rule there is nothing to hide.
            guard v.allowed, v.qualifier == nil, v.restriction != nil, a.emergencyAdvice == nil else { return v }
            return v.qualified(.limited).adding("Your question said more than rehab can check; if it means bending, reaching "
                                                 + "or lifting from low down, ask your therapist first.")
        case .unweighed: return Question.unweighedAnswer(a)
        }
    }
}

/// `45 min`, `1 h`, `an hour`, `45` (minutes), `1 mi`: how long or how far, in the units the activity is measured in.
enum AmountWords {
    static func parse(_ words: [String], for m: MeasuredActivity) throws(CommandError) -> Quantity {
        let example = m.dimensions.first == .distance ? "can \(m.verb) 1 mi" : "can \(m.verb) 45 min"
        let how = m.dimensions.contains(.distance) ? "how long in minutes or hours, or how far in miles or km"
            : "how long in minutes or hours"
        guard let q = Quantity.parse(words, bare: m.bareUnit), m.dimensions.contains(q.dimension), q.value > 0 else {
            throw .usage("say \(how); type for example '\(example)'.")
        }
        guard q.base <= OrderAmount.maximum(q.dimension) * 3 else {
            throw .usage("'\(words.joined(separator: " "))' is more than rehab answers for; type for example '\(example)'.")
        }
        return q
    }
}

/// `15 lb`, `7 kg`, `15lb`, `15` (in the patient's unit).
enum WeightWords {
    /// Read by the core's one amount reader (`Quantity.parse`); only the messages are lifting's own.
    static func parse(_ words: [String], unit: Weight.Unit, objects: [String]) throws(CommandError) -> Weight {
        let range = CommandError.usage("a weight must be more than 0 and at most 500 lb (227 kg); type for example 'can lift 15 lb'.")
        let tokens = Quantity.tokens(words.joined(separator: " "))
        if let w = Quantity.parse(words, bare: unit == .lb ? .lb : .kg)?.weight {
            guard w.value > 0, w.pounds <= 500 else { throw range }
            return w
        }
        // A number that no weight can be (`-5 lb`, `1e400`) is out of range, not an unknown object.
        let weightWords = tokens.count == 1 || (tokens.count == 2 && Quantity.Unit(word: tokens[1])?.dimension == .weight)
        if weightWords, let v = tokens.first.flatMap(Double.init), v.isFinite { throw range }
        let hint = Suggestion.closest(to: words.joined(separator: "-"), in: objects).map { " — did you mean '\($0)'?" } ?? "."
        throw .usage("'\(words.joined(separator: " "))' is not a weight or an object rehab knows\(hint) Type for example "
                     + "'can lift 15 lb', 'can lift 7 kg' or 'can lift gallon-of-milk'.")
    }
}
