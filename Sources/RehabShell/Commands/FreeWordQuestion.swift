import RehabCore
import RehabScript

/// `can I sleep on my stomach`, `is it ok to vacuum`, `can i ride in a car for an hour`: a question in the patient's
/// own words, turned into one of the questions `can` answers, or one sentence naming the closest topics.
extension Question {
    /// The words after `can` (`I play golf`), matched against the program's activities, exercises and routines.
    static func inOwnWords(_ words: [String], shell: Shell, view: Shell.PatientView) throws(CommandError) -> Question {
        let text = words.joined(separator: " ")
        let shown = "can " + Excerpt.of(text)
        let program = view.program
        if let bad = Quantity.unusableAmount(in: Quantity.tokens(text)) {
            throw .usage("'\(Excerpt.of(bad))' is not an amount rehab can check; give a number from 0 up, for example "
                         + "'can I walk for 30 minutes' or 'can I lift 10 lb'.")
        }
        switch shell.matcher(for: program).match(text) {
        case .topic(let topic, let amount, let object, let routine, let saidMore):
            // `walk 5 lb`, `lift 20 minutes`: an amount in a unit the activity is not measured in is refused.
            if let amount, let m = Question.measuredActivity(of: topic), !m.dimensions.contains(amount.dimension) {
                throw .usage("\(program.words(for: m.activity)) is measured in \(m.unitWords), not '\(amount.unit.rawValue)'; "
                             + "type for example '\(m.dimensions.first == .weight ? "can I lift 10 lb" : "can I \(m.verb) for 30 minutes")'.")
            }
            var q = question(topic, amount: amount, object: object, saidMore: saidMore, inBed: Question.saysBed(text),
                             shell: shell, view: view)
            if let routine, let r = program.routine(routine) {
                q = .noted(q, "To learn how to do it safely, type 'routine \(routine)' (\(r.name)).")
            }
            return q
        case .several(let topics):
            let named = topics.prefix(4).map { name($0, program) }
            throw .usage("'\(shown)' could be about \(Question.list(named)); ask about one of them, "
                         + "for example '\(example(topics[0], program))'.")
        case .unknown(let close) where close.isEmpty:
            throw .usage("rehab cannot tell what '\(shown)' is about and will not guess; ask your surgeon or therapist, "
                         + "or type 'allowed' to see what your program covers.")
        case .unknown(let close):
            let named = close.map { "\(name($0, program)) ('\(example($0, program))')" }
            throw .usage("rehab has no answer for '\(shown)'; the closest topics it knows are \(Question.list(named)), "
                         + "and for anything else ask your surgeon or therapist.")
        }
    }

    /// A single word `can` does not know as an activity (`can vacuum`, `can golf`), when its words name one topic.
    static func inOwnWordsIfClear(_ words: [String], shell: Shell, view: Shell.PatientView) -> Question? {
        guard case .topic = shell.matcher(for: view.program).match(words.joined(separator: " ")) else { return nil }
        return try? inOwnWords(words, shell: shell, view: view)
    }

    /// `can sit for 2 hours`, `can lift a gallon of milk`: the amount or object in words, or nil.
    static func spokenAmount(_ words: [String], shell: Shell, view: Shell.PatientView) -> Question? {
        guard let q = try? inOwnWords(words, shell: shell, view: view) else { return nil }
        if case .amount = q { return q }
        return nil
    }

    private static func question(_ topic: QuestionMatcher.Topic, amount: Quantity?, object: String?,
                                 saidMore: Bool, inBed: Bool = false, shell: Shell, view: Shell.PatientView) -> Question {
        // A weight said with another topic (`carry 30 lb up the stairs`, `lift 3 lb over my head`) is also a lifting
        // question: the stricter of the two answers stands.
        if let amount, amount.dimension == .weight, topic != .activity(.lifting) {
            let other = question(topic, amount: nil, object: nil, saidMore: false, inBed: inBed, shell: shell, view: view)
            return .stricter(.amount(.lifting, amount, what: nil), other)
        }
        let q = plainQuestion(topic, amount: amount, object: object, saidMore: saidMore, inBed: inBed, shell: shell, view: view)
        // Words the matched topic does not cover (`lift 5 lb from the floor`) may change the answer: a Yes to an amount
        // becomes Limited, with what was left unchecked.
        if saidMore, amount != nil, case .amount = q { return .unsure(q) }
        return q
    }

    private static func plainQuestion(_ topic: QuestionMatcher.Topic, amount: Quantity?, object: String?,
                                      saidMore: Bool, inBed: Bool, shell: Shell, view: Shell.PatientView) -> Question {
        switch topic {
        case .exercise(let id):
            // `can I walk for 2 hours` under `walk at most 30 min`: the rule on what the exercise is answers.
            if let amount, let measured = MeasuredActivity.of(Activity(id)), measured.dimensions.contains(amount.dimension),
               view.program.activities.contains(measured.activity) || view.record.orders.contains(where: { $0.activity == measured.activity }) {
                return .amount(measured.activity, amount, what: nil)
            }
            // `can I walk 2 miles`: the prescription's dose is the answer; rehab does not stretch it.
            guard let amount else { return .exercise(id) }
            return .exerciseAmount(id, amount)
        case .routine(let id): return .routine(id)
        case .activity(let activity):
            // The weight said comes first (`a 40 lb bag of flour`); the object's typical weight only when none was.
            if activity == .lifting, let amount, amount.dimension == .weight { return .amount(.lifting, amount, what: nil) }
            if activity == .lifting, let object, let entry = shell.objects.entry(object) {
                return .amount(.lifting, Quantity(entry.weight), what: entry.name.lowercased())
            }
            // `walk the dog`: an activity the program prescribes as an exercise, with no rule of its own, is that
            // prescription (a rule on it, `walk at most 1 mi`, is answered as a rule below).
            if view.program.exercise(activity.name) != nil, !view.program.activities.contains(activity),
               !view.record.orders.contains(where: { $0.activity == activity }) {
                return plainQuestion(.exercise(activity.name), amount: amount, object: object, saidMore: saidMore,
                                     inBed: inBed, shell: shell, view: view)
            }
            // `sleep without my brace`, `take my collar off in bed`: gear in bed has its own answer.
            if Activity.gear.contains(activity), inBed { return .gearInBed(activity.name) }
            let rules = view.program.activities + view.program.gear + Array(Activity.gear) + Array(Activity.builtIn)
            guard rules.contains(activity) || view.record.orders.contains(where: { $0.activity == activity }) else {
                return .noRule(activity)
            }
            if let amount, let q = measured(activity, amount) { return q }
            let words = view.program.words(for: activity)
            if let amount, amount.dimension != .weight {
                return .noted(.activity(activity), "rehab does not check an amount (\(amount.shown(in: .lb))) for \(words); "
                                  + "ask your surgeon or therapist how long is right for you.")
            }
            // `can I lift my grandchild`: a limit in force is the answer's "Limited", never a guessed Yes.
            if activity == .lifting, saidMore { return .unweighed }
            if activity == .lifting {
                return .noted(.activity(.lifting), "To check a weight, type it, for example 'can lift 20 lb'.")
            }
            return .activity(activity)
        }
    }

    /// The measured activity a topic is: an activity (`riding`) or an exercise named after one (`walking`).
    static func measuredActivity(of topic: QuestionMatcher.Topic) -> MeasuredActivity? {
        switch topic {
        case .activity(let a): return MeasuredActivity.of(a)
        case .exercise(let id): return MeasuredActivity.of(Activity(id))
        case .routine: return nil
        }
    }

    /// `can I walk for 2 hours`: the prescription answers; an amount over this week's dose is "Limited".
    static func exerciseAmountAnswer(_ id: String, _ amount: Quantity, _ a: Assessment, record: PatientRecord) -> Verdict {
        let v = a.exercise(id, record: record)
        guard v.allowed, a.emergencyAdvice == nil, let phase = a.phase,
              let p = phase.prescriptions.first(where: { $0.exercise == id }) else { return v }
        guard let dose = a.dose(of: p, exercise: id).amount(in: amount.dimension) else {
            return v.adding("Your program's dose is above; ask your therapist before doing more (\(amount.shown(in: .lb))).")
        }
        guard dose.isExceeded(by: amount) else { return v }
        let asked = amount.shown(in: .lb), done = dose.shown(in: .lb)
        return v.qualified(.limited).adding("That is more than this week's dose (\(done) at a time, you asked about "
                                            + "\(asked)): ask your therapist before doing more.")
    }

    /// Whether the question is about bed or sleep ("sleep without my brace", "take it off at night").
    static func saysBed(_ text: String) -> Bool {
        let words = Set(Quantity.tokens(text))
        return !words.isDisjoint(with: ["sleep", "sleeping", "bed", "night", "nap", "lying", "asleep", "bedtime"])
    }

    /// The answer on an activity no rule of the program names: ask, since no source the program cites says.
    static func noRuleAnswer(_ activity: Activity, _ a: Assessment) -> Verdict {
        let v = a.can(activity)
        guard a.emergencyAdvice == nil else { return v }
        let held = a.isOnHold ? " You are on hold as well: type 'status' for what to do." : ""
        return Verdict(id: activity.name, allowed: false,
                       reason: "your program has no rule on \(a.program.words(for: activity)), and rehab will not guess: "
                           + "ask your surgeon or therapist before you start." + held)
            .qualified(.askFirst)
    }

    /// Lifting something of unknown weight: a limit in force makes it "Limited", and the patient is asked to weigh it.
    static func unweighedAnswer(_ a: Assessment) -> Verdict {
        let v = a.can(.lifting)
        guard a.emergencyAdvice == nil else { return v }
        return (v.allowed && v.restriction != nil ? v.qualified(.limited) : v)
            .adding("rehab does not know what that weighs: weigh it (or ask), then type its weight, for example 'can lift 20 lb'.")
    }

    /// An amount in words for a measured activity (`sit for 2 hours`, `ride in a car for an hour`, `walk a mile`), in
    /// one of the units it is measured in; nil otherwise, and the activity is answered in general.
    static func measured(_ activity: Activity, _ amount: Quantity) -> Question? {
        guard let m = MeasuredActivity.of(activity), m.dimensions.contains(amount.dimension), amount.value > 0,
              amount.base <= OrderAmount.maximum(amount.dimension) * 3 else { return nil }
        return .amount(activity, amount, what: nil)
    }

    /// What a patient reads for a topic: the activity's words, the exercise's or routine's name.
    private static func name(_ topic: QuestionMatcher.Topic, _ program: Program) -> String {
        switch topic {
        case .activity(let a): return program.words(for: a)
        case .exercise(let id): return program.exercise(id)?.name.lowercased() ?? id
        case .routine(let id): return program.routine(id)?.name.lowercased() ?? id
        }
    }

    /// How to ask about it: the first phrase patients use for an activity, or the `can` form.
    private static func example(_ topic: QuestionMatcher.Topic, _ program: Program) -> String {
        switch topic {
        case .activity(let a):
            if let phrase = program.activityPhrases[a.name]?.first { return "can I " + phrase }
            return "can " + a.verb
        case .exercise(let id): return "can do " + id
        case .routine(let id): return "can routine " + id
        }
    }

    /// "a, b or c".
    private static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension Shell {
    /// The matcher for this program and the everyday objects, built again only when the program changes.
    func matcher(for program: Program) -> QuestionMatcher {
        if let cached = questionMatcher, cached.program == program { return cached.matcher }
        let m = QuestionMatcher(program: program, objects: objects.entries.map { ($0.id, $0.name) })
        questionMatcher = (program, m)
        return m
    }
}
