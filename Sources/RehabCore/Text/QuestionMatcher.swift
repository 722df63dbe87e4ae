/// Finds what a question in the patient's own words is about: `can I sleep on my stomach`, `is it ok to vacuum`,
/// `can i ride in a car for an hour`.
///
/// Words are compared the way red flags are (`PatientWords`: case, punctuation, plurals, small misspellings and
/// stop words do not matter), after a light stem so "sleeping" meets "sleep" and "riding" meets "ride". Each topic
/// (an activity with its `says` phrases and words, an exercise, a routine) matches when every word of one of its
/// phrases is in the question; the longest such phrase wins. A question whose words all sit inside the phrases of
/// several topics ("can I sleep") names them all; inside one activity's phrase ("hang washing"), it is that activity;
/// inside part of an exercise's name ("push-ups" of "wall push-ups"), the exercise is named, not answered.
/// Everything is prepared once in `init`, so a question costs a few set look-ups per phrase.
public struct QuestionMatcher: Sendable {
    /// What a question can be about.
    public enum Topic: Hashable, Sendable {
        case activity(Activity)
        case exercise(String)
        case routine(String)
    }

    public enum Result: Hashable, Sendable {
        /// One topic, with the amount and the everyday object (an id of the list given) the question names;
        /// `saidMore` when words of the question are in none of the topic's phrases ("my grandchild").
        case topic(Topic, amount: Quantity?, object: String?, alsoRoutine: String?, saidMore: Bool)
        /// The words fit several topics equally well; the answer names them all and guesses none.
        case several([Topic])
        /// Nothing fits; `close` are topics that share words with the question, best first.
        case unknown(close: [Topic])
    }

    private struct Phrase: Sendable {
        let topic: Topic
        let words: [String]
    }

    private let phrases: [Phrase]
    private let objects: [(id: String, words: [String])]
    private let prescribed: Set<String>

    /// `objects` are the everyday objects a patient may name (`gallon-of-milk`, "A gallon of milk").
    public init(program: Program, objects: [(id: String, name: String)] = []) {
        var list: [Phrase] = []
        func add(_ topic: Topic, _ texts: [String]) {
            var seen: Set<[String]> = []
            for t in texts {
                let w = QuestionMatcher.words(t)
                if !w.isEmpty, seen.insert(w).inserted { list.append(Phrase(topic: topic, words: w)) }
            }
        }
        var activities = program.activityWords.keys.sorted().map { Activity($0) } + program.activities + program.gear
        activities += Activity.builtIn.sorted() + Activity.gear.sorted()
        for a in activities.uniquedInOrder {
            var texts = program.activityPhrases[a.name] ?? []
            texts += [a.defaultWords, a.verb, program.words(for: a)]
            add(.activity(a), texts)
        }
        for e in program.exercises {
            add(.exercise(e.id), e.phrases + [e.id.replacingHyphens] + QuestionMatcher.nameParts(e.name))
        }
        for r in program.routines { add(.routine(r.id), [r.id.replacingHyphens] + QuestionMatcher.nameParts(r.name)) }
        phrases = list
        // An object whose words are only a way of lifting ("carry-on" is "carry" once "on" is dropped) would take
        // the verb out of every question that uses it.
        self.objects = objects.map { o in (o.id, QuestionMatcher.words(o.id.replacingHyphens)) }
            .filter { o in !o.1.isEmpty && !o.1.allSatisfy(QuestionMatcher.liftingVerbs.contains) }
        prescribed = Set(program.mentionedExercises)
    }

    /// "Quad sets (thigh tightening)" gives "Quad sets" and "thigh tightening": either names it.
    static func nameParts(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == "(" || $0 == ")" }).map(String.init)
    }

    /// Words that say how something is lifted, never what.
    static let liftingVerbs: Set<String> = Set(["carry", "lift", "hold", "pick", "up"].map { stem($0) })

    // MARK: openers

    /// How a question may open; the words after it are what it is about.
    static let openers: [[String]] = [
        ["is", "it", "ok", "to"], ["is", "it", "okay", "to"], ["is", "it", "safe", "to"], ["is", "it", "alright", "to"],
        ["am", "i", "allowed", "to"], ["when", "can", "i"], ["when", "may", "i"], ["how", "long", "can", "i"],
        ["how", "soon", "can", "i"], ["can", "i"], ["could", "i"], ["may", "i"], ["should", "i"],
        ["do", "i", "need", "to"], ["do", "i", "need"], ["do", "i", "have", "to"], ["do", "i", "still", "need"],
        ["is", "it", "safe", "for", "me", "to"], ["am", "i", "able", "to"],
    ]

    /// The words after a question opener (`is it ok to vacuum` → `vacuum`), or nil when the line has none.
    public static func afterOpener(_ words: [String]) -> [String]? {
        let lower = words.map { $0.lowercased().trimmingSpacesAndPunctuation }
        for o in openers where lower.count >= o.count && Array(lower.prefix(o.count)) == o {
            return Array(words.dropFirst(o.count))
        }
        return nil
    }

    // MARK: matching

    public func match(_ text: String) -> Result {
        var tokens = Quantity.tokens(text)
        // Every amount is taken out; the largest of the first one's kind is the one answered ("5 lb and 20 lb").
        var amount = Quantity.take(from: &tokens)
        while let more = Quantity.take(from: &tokens) {
            if let a = amount, a.dimension == more.dimension, a.isExceeded(by: more) { amount = more }
        }
        var said = QuestionMatcher.words(tokens.joined(separator: " "))
        // An everyday object named in full ("a gallon of milk"): its words are the object, not a topic.
        var object: String?
        var objectSize = 0
        for o in objects where o.words.count > objectSize && o.words.allSatisfy(said.contains) {
            object = o.id; objectSize = o.words.count
        }
        if let id = object, let o = objects.first(where: { $0.id == id }) { said.removeAll { o.words.contains($0) } }
        guard !said.isEmpty else { return .unknown(close: []) }

        var full: [Topic: (size: Int, covered: Set<String>)] = [:]
        var covering: [Topic: Double] = [:]
        var partial: [Topic: Double] = [:]
        let saidSet = Set(said)
        // Each phrase word is looked up once: exactly, then (rarely) by spelling.
        var seen: [String: Bool] = [:]
        func inQuestion(_ w: String) -> Bool {
            if saidSet.contains(w) { return true }
            if let known = seen[w] { return known }
            let found = said.contains { QuestionMatcher.close($0, w) }
            seen[w] = found
            return found
        }
        for p in phrases {
            let found = p.words.filter(inQuestion)
            guard !found.isEmpty else { continue }
            let ratio = Double(found.count) / Double(p.words.count)
            if found.count == p.words.count {
                let covered = Set(said.filter { s in p.words.contains { QuestionMatcher.close(s, $0) } })
                if (full[p.topic]?.size ?? 0) < p.words.count { full[p.topic] = (p.words.count, covered) }
            } else if said.allSatisfy({ s in p.words.contains { QuestionMatcher.close(s, $0) } }) {
                covering[p.topic] = max(covering[p.topic] ?? 0, ratio)
            } else if ratio >= 0.5 {
                partial[p.topic] = max(partial[p.topic] ?? 0, ratio)
            }
        }
        if let best = full.values.map(\.size).max() {
            let winners = full.filter { $0.value.size == best }
            // Topics found by the very same words are one thing under several names (the exercise `walking` and
            // the activity `walking`); different words are different questions ("lift and twist").
            let groups = Set(winners.values.map(\.covered))
            if groups.count == 1, let covered = groups.first, let topic = preferred(Array(winners.keys)) {
                return .topic(topic, amount: amount, object: object, alsoRoutine: routine(besides: topic, in: winners.keys),
                              saidMore: said.contains { !covered.contains($0) })
            }
            return .several(ordered(Array(winners.keys)))
        }
        if let best = covering.values.max() {
            let winners = covering.filter { $0.value == best }.map(\.key)
            guard let topic = preferred(winners) else { return .several(ordered(winners)) }
            if case .activity = topic {
                return .topic(topic, amount: amount, object: object, alsoRoutine: routine(besides: topic, in: winners),
                              saidMore: false)
            }
            // Part of an exercise's or routine's name is often another one ("push-ups" are not "wall push-ups"):
            // it is named, not answered.
            return .unknown(close: ordered(winners))
        }
        let close = partial.sorted { ($0.value, $1.key.sortKey) > ($1.value, $0.key.sortKey) }.map(\.key)
        return .unknown(close: Array(close.prefix(3)))
    }

    /// Several kinds under one name: a prescribed exercise first (its answer has the dose), then the activity,
    /// then the routine; nil when they are different things.
    private func preferred(_ topics: [Topic]) -> Topic? {
        if topics.count == 1 { return topics[0] }
        let activities = topics.filter { if case .activity = $0 { return true }; return false }
        guard activities.count <= 1 else { return nil }
        let exercises = topics.filter { if case .exercise = $0 { return true }; return false }
        if exercises.count == 1, case .exercise(let id) = exercises[0], prescribed.contains(id) || activities.isEmpty {
            return exercises[0]
        }
        if let a = activities.first { return a }
        return exercises.count == 1 ? exercises[0] : nil
    }

    /// A routine found with the winning activity ("picking things up from the floor"): the answer points to it.
    private func routine<S: Sequence>(besides topic: Topic, in topics: S) -> String? where S.Element == Topic {
        guard case .activity = topic else { return nil }
        for t in topics { if case .routine(let id) = t { return id } }
        return nil
    }

    private func ordered(_ topics: [Topic]) -> [Topic] { topics.sorted { $0.sortKey < $1.sortKey } }

    /// One edit apart for words of 6 letters or more (two for 9 or more), with the same first letter: questions are
    /// full of everyday verbs a letter apart ("sleep" and "sweep", "flowers" and "showers"), and a typo seldom
    /// changes the first letter.
    static func close(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let n = min(a.count, b.count)
        guard n >= 6, a.first == b.first, abs(a.count - b.count) <= 2 else { return false }
        return Suggestion.distance(a, b) <= (n >= 9 ? 2 : 1)
    }

    // MARK: words

    /// Words that ask rather than name a topic ("can", "play", "ok"), left out on both sides.
    static let askingWords: Set<String> = [
        "can", "could", "do", "doing", "does", "play", "playing", "go", "going", "ok", "okay", "allowed", "allow", "may",
        "should", "safe", "fine", "alright", "try", "take", "taking", "for", "you", "your", "how", "long", "about",
        "if", "will", "would", "what", "whats", "we", "us", "still", "yet", "again", "start", "use", "using",
        "something", "anything", "thing", "stuff", "from", "off", "onto", "up", "around", "while", "during",
        "need", "want", "able", "by", "myself", "all", "let", "lets", "time", "as", "there", "soon",
    ]

    /// A phrase as the matcher compares it; empty when it has no word a question could match (`"can I"`).
    public static func normalized(_ phrase: String) -> [String] { words(phrase) }

    /// Normalised, stemmed words without asking words.
    static func words(_ text: String) -> [String] {
        PatientWords.words(text).filter { !askingWords.contains($0) }.map(stem)
    }

    /// "sleeping" → "sleep", "riding" and "ride" → "rid", "swimming" → "swim": enough for verbs and their -ing.
    static func stem(_ word: String) -> String {
        var w = word
        if w.hasSuffix("ing"), w.count >= 6 {
            w.removeLast(3)
            let tail = Array(w.suffix(2))
            if tail.count == 2, tail[0] == tail[1], !"lsz".contains(tail[0]), !"aeiou".contains(tail[0]) { w.removeLast() }
        }
        if w.hasSuffix("e"), w.count >= 4 { w.removeLast() }
        return w
    }

}

extension QuestionMatcher.Topic {
    /// Activities first, then exercises and routines, each by id: a stable order for listing.
    var sortKey: String {
        switch self {
        case .activity(let a): return "0" + a.name
        case .exercise(let id): return "1" + id
        case .routine(let id): return "2" + id
        }
    }
}

extension Array where Element: Hashable {
    var uniquedInOrder: [Element] { var seen = Set<Element>(); return filter { seen.insert($0).inserted } }
}
