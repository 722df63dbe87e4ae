import Foundation
import RehabCore
import RehabScript
import Testing

/// Questions in the patient's own words, matched against the shipped programs' activities, exercises and routines
/// (the `says` phrases of `Programs/library/activities.rehab`), and against a small program for exercise names.
@Suite struct QuestionMatcherTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Programs")

    static let files: [String: String] = {
        var files: [String: String] = [:]
        for name in ["lumbar-fusion.rehab", "cervical-fusion.rehab", "lumbar-disc-replacement.rehab", "library/activities.rehab",
                     "library/exercises.rehab", "library/routines.rehab", "library/red-flags.rehab"] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                files[name] = String(decoding: data, as: UTF8.self)
            }
        }
        // Libraries a program uses by name beyond these are read on demand.
        if let walker = FileManager.default.enumerator(atPath: folder.path) {
            for case let relative as String in walker where relative.hasSuffix(".rehab") && files[relative] == nil {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) {
                    files[relative] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return files
    }()

    static let programs = ["lumbar-fusion.rehab", "cervical-fusion.rehab", "lumbar-disc-replacement.rehab"]

    static let objects: [(id: String, name: String)] = [("gallon-of-milk", "A gallon of milk"),
                                                        ("half-gallon-of-milk", "A half-gallon of milk"),
                                                        ("laundry-basket", "A full laundry basket")]

    static let matchers: [String: QuestionMatcher] = {
        var out: [String: QuestionMatcher] = [:]
        for name in programs {
            if let program = ProgramLoader.load(name, from: MemorySources(files), shippedFolder: "").program {
                out[name] = QuestionMatcher(program: program, objects: objects)
            }
        }
        return out
    }()

    static func topic(_ text: String, in program: String = "lumbar-fusion.rehab") -> QuestionMatcher.Topic? {
        guard case .topic(let t, _, _, _, _)? = matchers[program]?.match(text) else { return nil }
        return t
    }

    static func result(_ text: String, in program: String = "lumbar-fusion.rehab") -> QuestionMatcher.Result? {
        matchers[program]?.match(text)
    }

    @Test func everyShippedProgramLoads() {
        #expect(Set(Self.matchers.keys) == Set(Self.programs))
    }

    /// Phrasings of one question each, with misspellings, plurals, capitals and punctuation.
    @Test(arguments: [
        ("sleep on my stomach", "sleeping-on-stomach"), ("Sleep on my STOMACH?", "sleeping-on-stomach"),
        ("sleeping on my stomache", "sleeping-on-stomach"), ("lie on my front", "sleeping-on-stomach"),
        ("sleep on my side", "sleeping-on-side"), ("sleep on my back", "sleeping-on-back"),
        ("ride in a car for an hour", "riding"), ("riding in the car", "riding"), ("be a passenger", "riding"),
        ("play golf", "golf"), ("golfing", "golf"), ("vacuum", "vacuuming"), ("vaccum", "vacuuming"),
        ("vacuuming the house", "vacuuming"), ("sweep the floor", "vacuuming"), ("take a shower", "showering"),
        ("have a shower!", "showering"),
        ("showers", "showering"), ("drive", "driving"), ("driving my car", "driving"), ("sit for 2 hours", "sitting"),
        ("lift my grandchild", "lifting"), ("lift 15 lb", "lifting"), ("carry a laundry basket", "lifting"),
        ("sleep without my brace", "brace"), ("wear my brace in the shower", "brace"), ("climb the stairs", "stairs"),
        ("go upstairs", "stairs"), ("have sex", "sex"), ("fly", "flying"), ("take a plane", "flying"),
        ("do the dishes", "dishes"), ("do the laundry", "laundry"), ("make the bed", "making-the-bed"),
        ("pick something up off the floor", "picking-up-from-floor"), ("go back to work at a desk", "desk-work"),
        ("play tennis", "tennis"), ("ride an exercise bike", "stationary-cycling"), ("ride my bike", "road-cycling"),
        ("recumbent bike", "recumbent-cycling"), ("lift weights at the gym", "gym-weights"), ("do yoga", "yoga"),
        ("get in a hot tub", "hot-tub"), ("take a bath", "bathing"), ("go for a run", "running"), ("jog", "running"),
        ("swim", "swimming"), ("twist", "twisting"), ("bend over", "bending"), ("turn my head", "neck-motion"),
        ("reach up to a high shelf", "overhead-reaching"), ("have a massage", "massage"), ("smoke", "smoking"),
        ("play football", "contact-sports"), ("stand at the counter", "standing"), ("walk the dog", "walking"),
    ])
    func wordsFindTheirActivity(text: String, id: String) {
        #expect(Self.topic(text) == .activity(Activity(id)), "'\(text)' → \(String(describing: Self.result(text)))")
    }

    @Test func theCollarIsFoundAfterANeckOperation() {
        #expect(Self.topic("sleep without my collar", in: "cervical-fusion.rehab") == .activity("collar"))
        #expect(Self.topic("take off my neck brace", in: "cervical-fusion.rehab") == .activity("collar"))
    }

    @Test func exercisesAndRoutinesAreFoundByIdAndName() {
        #expect(Self.topic("do bridges") == .exercise("bridges"))
        #expect(Self.topic("do ankle pumps") == .exercise("ankle-pumps"))
        #expect(Self.topic("thigh tightening") == .exercise("quad-sets"), "the part of a name in brackets names it too")
        #expect(Self.topic("get out of bed") == .routine("log-roll-out-of-bed"))
        #expect(Self.topic("get into a car") == .routine("car-in"))
    }

    @Test func oneThingUnderTwoNamesIsOneAnswer() {
        // The prescribed exercise `walking` answers with its dose rather than the activity of the same name.
        #expect(Self.topic("walk") == .exercise("walking"))
        // Picking things up is the activity, and the answer points to the routine that teaches it.
        guard case .topic(let t, _, _, let routine, _)? = Self.result("pick up from the floor") else {
            Issue.record("no topic"); return
        }
        #expect(t == .activity("picking-up-from-floor"))
        #expect(routine == "pick-up-from-floor")
    }

    @Test func amountsInWords() {
        // Amounts are `Quantity`s read by the one unit reader; equal amounts match whatever the unit.
        let cases: [(String, Quantity)] = [
            ("ride in a car for an hour", Quantity(60, .min)), ("ride in a car for half an hour", Quantity(30, .min)),
            ("sit for 2 hours", Quantity(120, .min)), ("sit for 90 minutes", Quantity(90, .min)), ("sit 30 min", Quantity(30, .min)),
            ("sit 30min", Quantity(30, .min)), ("ride for an hour and a half", Quantity(90, .min)),
            ("sit for a couple of hours", Quantity(2, .h)), ("lift 15 lb", Quantity(15, .lb)), ("lift 15lbs", Quantity(15, .lb)),
            ("lift 7 kilos", Quantity(7, .kg)), ("lift 3.5 kg", Quantity(3.5, .kg)), ("sit for two hours", Quantity(120, .min)),
            ("walk a mile", Quantity(1, .mi)), ("walk for 2 km", Quantity(2, .km)),
        ]
        for (text, expected) in cases {
            guard case .topic(_, let amount?, _, _, _)? = Self.result(text) else {
                Issue.record("'\(text)' → \(String(describing: Self.result(text)))"); continue
            }
            #expect(amount.isSameAmount(as: expected) && amount.dimension == expected.dimension, "'\(text)' → \(amount)")
        }
    }

    @Test func everydayObjectsAreNamedInFull() {
        guard case .topic(let t, nil, let object, _, _)? = Self.result("lift a gallon of milk") else {
            Issue.record("no topic"); return
        }
        #expect(t == .activity(.lifting))
        #expect(object == "gallon-of-milk")
        guard case .topic(_, _, let half, _, _)? = Self.result("carry half a gallon of milk") else { Issue.record("none"); return }
        #expect(half == "half-gallon-of-milk", "the object with the most words named wins")
        guard case .topic(_, _, let none, _, let more)? = Self.result("lift my grandchild") else { Issue.record("none"); return }
        #expect(none == nil)
        #expect(more, "words beyond the topic's phrase are reported, so the weight is never guessed")
    }

    @Test(arguments: programs)
    func sleepAloneNamesEverySleepingTopicAndPicksNone(program: String) {
        guard case .several(let topics)? = Self.result("sleep", in: program) else {
            Issue.record("'sleep' → \(String(describing: Self.result("sleep", in: program)))"); return
        }
        #expect(Set(topics) == [.activity("sleeping-on-stomach"), .activity("sleeping-on-side"), .activity("sleeping-on-back")])
    }

    @Test func backToWorkNamesBothKindsOfWork() {
        guard case .several(let topics)? = Self.result("go back to work") else {
            Issue.record("\(String(describing: Self.result("go back to work")))"); return
        }
        #expect(Set(topics) == [.activity("desk-work"), .activity("manual-work")])
    }

    @Test func twoTopicsInOneQuestionAreBothNamed() {
        guard case .several(let topics)? = Self.result("lift and twist") else { Issue.record("not several"); return }
        #expect(Set(topics) == [.activity(.lifting), .activity(.twisting)])
    }

    /// Words that must not be taken for a topic: a guess here would answer the wrong question.
    @Test(arguments: ["knit", "water the flowers", "sweet", "", "?!", "can I", "it", "go out tonight", "hard"])
    func questionsThatMatchNothing(text: String) {
        guard case .unknown? = Self.result(text) else {
            Issue.record("'\(text)' → \(String(describing: Self.result(text)))"); return
        }
    }

    @Test func aHalfMatchNamesTheClosestTopics() {
        guard case .unknown(let close)? = Self.result("sleep in a chair upside down") else {
            Issue.record("\(String(describing: Self.result("sleep in a chair upside down")))"); return
        }
        #expect(close.count <= 3)
    }

    @Test func exerciseNamesPatientsUseComeFromSays() {
        var program = Program(id: "p", name: "P")
        var press = Exercise(id: "prone-press-ups", name: "Prone press-ups")
        press.phrases = ["cobra stretch"]
        program.exercises = [press, Exercise(id: "sit-ups", name: "Sit-ups"), Exercise(id: "wall-push-ups", name: "Wall push-ups")]
        let m = QuestionMatcher(program: program)
        // Part of an exercise's name names it without answering for it: push-ups are not wall push-ups.
        #expect(m.match("do press-ups") == .unknown(close: [.exercise("prone-press-ups")]))
        #expect(m.match("push ups") == .unknown(close: [.exercise("wall-push-ups")]))
        guard case .topic(.exercise("prone-press-ups"), _, _, _, _) = m.match("a cobra stretch") else {
            Issue.record("\(m.match("a cobra stretch"))"); return
        }
        press.phrases.append("press-ups")
        program.exercises[0] = press
        #expect(QuestionMatcher(program: program).match("can I do press-ups?")
                    == .topic(.exercise("prone-press-ups"), amount: nil, object: nil, alsoRoutine: nil, saidMore: false))
        guard case .topic(.exercise("sit-ups"), _, _, _, _) = m.match("do sit ups") else {
            Issue.record("sit-ups is two words of one exercise, not sitting: \(m.match("do sit ups"))"); return
        }
    }

    @Test func openers() {
        let cases: [([String], [String]?)] = [
            (["is", "it", "ok", "to", "vacuum"], ["vacuum"]), (["Is", "it", "okay", "to", "drive?"], ["drive?"]),
            (["am", "I", "allowed", "to", "drive"], ["drive"]), (["may", "I", "fly"], ["fly"]),
            (["should", "I", "wear", "my", "brace"], ["wear", "my", "brace"]), (["when", "can", "I", "swim"], ["swim"]),
            (["can", "I", "swim"], ["swim"]), (["status"], nil), (["is", "it", "late"], nil), (["when"], nil),
        ]
        for (words, rest) in cases { #expect(QuestionMatcher.afterOpener(words) == rest, "\(words)") }
    }

    @Test func aPhraseWithOnlyAskingWordsIsEmpty() {
        #expect(QuestionMatcher.normalized("can I").isEmpty)
        #expect(QuestionMatcher.normalized("").isEmpty)
        #expect(QuestionMatcher.normalized("Sleeping on my stomachs") == QuestionMatcher.normalized("sleep on stomach"))
    }

    /// Random questions from a vocabulary of phrase words, numbers, units and noise (a fixed seed, so a failure
    /// repeats): nothing crashes, case and punctuation never change the answer, and what is found is well formed.
    @Test func randomQuestionsAreMatchedConsistently() throws {
        let matcher = try #require(Self.matchers["lumbar-fusion.rehab"])
        let vocabulary = ["sleep", "on", "my", "stomach", "side", "back", "ride", "car", "for", "an", "hour", "half", "a",
                          "2", "hours", "90", "minutes", "min", "15", "lb", "7", "kilos", "-5", "30min", "lift", "gallon",
                          "of", "milk", "golf", "vacuum", "shower", "walk", "and", "twist", "I", "can", "do", "bridges",
                          "press-ups", "brace", "without", "é", "🙂", "", "0", "1e400", "nan", "couple", "and a half"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        for _ in 0..<2_000 {
            let words = (0..<(1 + next() % 8)).map { _ in vocabulary[next() % vocabulary.count] }
            let text = words.joined(separator: " ")
            let result = matcher.match(text)
            #expect(matcher.match(text.uppercased() + "?!") == result, "'\(text)': case or punctuation changed the answer")
            switch result {
            case .several(let topics): #expect(topics.count >= 2 && Set(topics).count == topics.count, "'\(text)' → \(topics)")
            case .unknown(let close): #expect(close.count <= 3, "'\(text)' → \(close)")
            case .topic(_, let amount, _, _, _):
                if let amount { #expect(amount.value.isFinite && amount.value >= 0, "'\(text)' → \(amount)") }
            }
        }
    }
}
