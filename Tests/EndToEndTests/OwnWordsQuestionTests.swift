import Foundation
import Testing

/// Questions in the patient's own words (`can I sleep on my stomach`, `is it ok to vacuum`) through the real binary:
/// once from the shell for each shipped program, in a script, at the REPL in a pseudo-terminal, and against a small
/// program of known rules, so the decisions themselves are pinned whatever the shipped content says.
@Suite("Questions in the patient's own words")
struct OwnWordsQuestionTests {
    typealias Patient = SafetyTests.Patient

    struct Asked: CustomTestStringConvertible, Sendable {
        let words: [String]
        let id: String
        var testDescription: String { words.joined(separator: " ") + " → " + id }
        init(_ text: String, _ id: String) { self.words = text.split(separator: " ").map(String.init); self.id = id }
    }

    /// What each question is about, by the id `--json` gives, the same for every shipped program.
    static let asked: [Asked] = [
        Asked("can I sleep on my stomach", "sleeping-on-stomach"), Asked("can i ride in a car for an hour", "riding"),
        Asked("can I play golf", "golf"), Asked("is it ok to vacuum", "vacuuming"), Asked("can I take a shower", "showering"),
        Asked("am I allowed to drive", "driving"), Asked("can i sit for 2 hours", "sitting"),
        Asked("can I sleep without my brace", "brace"), Asked("Can I climb the STAIRS?", "stairs"),
        Asked("may I fly", "flying"), Asked("should I do yoga", "yoga"), Asked("when can I go swimming", "swimming"),
        Asked("is it okay to do the dishes", "dishes"), Asked("can I walk", "walking"),
        Asked("can I lift a gallon of milk", "a gallon of milk"),
    ]

    static let programs = ["lumbar-fusion", "cervical-fusion", "lumbar-disc-replacement"]

    @Test("one-shot, every shipped program: the question is answered about the right topic", arguments: programs)
    func oneShotAcrossTheShippedPrograms(procedure: String) throws {
        let p = try Patient(procedure: procedure)
        for q in Self.asked {
            let r = try p.run(q.words + ["--json"])
            #expect(r.status == 0, "\(procedure): \(q.testDescription) exited \(r.status): \(r.stderr)")
            #expect(r.stdout.contains("\"id\" : \"\(q.id)\""), "\(procedure): \(q.testDescription): \(r.stdout)")
        }
        // The same words without --json: an answer, then the surgeon line, and nothing on stderr.
        let r = try p.run("can", "I", "sleep", "on", "my", "stomach")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("sleeping on your stomach"), "\(r.stdout)")
        #expect(r.stdout.contains("Your surgeon's instructions always come first."), "\(r.stdout)")
    }

    @Test("a question rehab cannot place: one sentence, ask your surgeon or therapist, exit 2", arguments: programs)
    func unknownQuestionsAreNeverGuessed(procedure: String) throws {
        let p = try Patient(procedure: procedure)
        for words in [["can", "I", "knit"], ["can", "I", "water", "the", "flowers"], ["is", "it", "ok", "to", "juggle"]] {
            let r = try p.run(words)
            #expect(r.status == 2, "\(words) exited \(r.status): \(r.stdout)")
            #expect(r.stdout.isEmpty, "\(words) answered: \(r.stdout)")
            PatientJourney.expectOneSentence(r.stderr, context: words.joined(separator: " "))
            #expect(r.stderr.contains("ask your surgeon or therapist"), "\(r.stderr)")
        }
        let sleep = try p.run("can", "I", "sleep")
        #expect(sleep.status == 2)
        PatientJourney.expectOneSentence(sleep.stderr, context: "can I sleep")
        for topic in ["sleeping on your stomach", "sleeping on your side", "sleeping on your back"] {
            #expect(sleep.stderr.contains(topic), "'can I sleep' must name \(topic): \(sleep.stderr)")
        }
        let two = try p.run("can", "I", "lift", "and", "twist")
        #expect(two.status == 2 && two.stderr.contains("lifting") && two.stderr.contains("twisting"), "\(two.stderr)")
    }

    @Test("in a script a question rehab cannot place fails its line, and the next line still runs")
    func scriptMode() throws {
        let p = try Patient()
        let r = try PatientJourney.rehab(p.sandbox, dataDir: p.dataDir, today: SafetyTests.today, [],
                                         stdin: "can I knit\nis it ok to twist\n")
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.hasPrefix("rehab: line 1: rehab cannot tell what 'can I knit' is about"), "\(r.stderr)")
        #expect(r.stdout.hasPrefix("No — no twisting your trunk"), "\(r.stdout)")
    }

    // MARK: a program whose rules the tests know

    /// A small program beside a copy of the shipped libraries: golf banned, standing limited, tennis never mentioned.
    static func known(_ p: Patient) throws -> String {
        let folder = p.sandbox.root + "/clinic"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PatientJourney.programsDir + "/library", toPath: folder + "/library")
        let text = """
            program words-demo "Words demo"
            procedure lumbar-fusion
            use "library/exercises.rehab"
            use "library/routines.rehab"
            lift at most 10 lb until week 6
            sit at most 30 min until week 6
            no golf until week 12
            limit standing "a few minutes at a time" until week 6
            phase protection "Protection" weeks 0-52
              walking 10 min, 3 times a day
              routine pick-up-from-floor
            """
        return try p.use(program: text, named: "words-demo.rehab", in: folder)
    }

    @Test("against known rules: a ban, a limit with a length of time, no rule at all, weights and objects in words")
    func decisionsAgainstKnownRules() throws {
        let p = try Patient()
        _ = try Self.known(p)
        func answer(_ text: String) throws -> String {
            let r = try p.run(text.split(separator: " ").map(String.init))
            #expect(r.status == 0, "\(text) exited \(r.status): \(r.stderr)")
            return r.stdout
        }
        #expect(try answer("can I play golf").hasPrefix("No — no golf until week 12"))
        #expect(try answer("can golf").hasPrefix("No — no golf until week 12"), "one word the program names in a library")
        let tennis = try answer("can I play tennis")
        #expect(tennis.hasPrefix("Ask first — your program has no rule on tennis"), "\(tennis)")
        #expect(tennis.contains("ask your surgeon or therapist"), "\(tennis)")
        #expect(try p.run("can", "I", "play", "tennis", "--json").stdout.contains("\"decision\" : \"ask-first\""))
        let stand = try answer("can I stand for 2 hours")
        #expect(stand.hasPrefix("Limited — a few minutes at a time"), "\(stand)")
        #expect(stand.contains("The limit gives no number, so rehab cannot check 2 hours against it"), "\(stand)")
        #expect(try answer("can i sit for 2 hours").hasPrefix("No — sitting is limited to 30 minutes"))
        #expect(try answer("can sit for half an hour").hasPrefix("Yes — 30 minutes is within your 30-minute"))
        #expect(try answer("can I lift 15 lb").hasPrefix("No — lifting is limited to 10 lb"))
        #expect(try answer("can I lift 3 kilos").hasPrefix("Yes — 6.6 lb (3 kg) is within your 10 lb limit"))
        #expect(try answer("can lift a gallon of milk").hasPrefix("Yes — a gallon of milk (about 8.6 lb)"))
        #expect(try answer("can I carry a laundry basket").hasPrefix("No — lifting is limited to 10 lb"))
        let grandchild = try answer("can I lift my grandchild")
        #expect(grandchild.hasPrefix("Limited — lifting is allowed up to 10 lb"), "never a guessed Yes: \(grandchild)")
        #expect(grandchild.contains("does not know what that weighs"), "\(grandchild)")
        let floor = try answer("can I pick something up off the floor")
        #expect(floor.contains("type 'routine pick-up-from-floor'"), "\(floor)")
        #expect(try answer("can I walk").hasPrefix("Yes — part of phase 'Protection': 10 min, 3 times a day."))
        #expect(try answer("can do the dishes").hasPrefix("Ask first — your program has no rule on"), "without 'I' too")
        #expect(try answer("can sit in the car for an hour").hasPrefix("Ask first — your program has no rule on"))
        // The strict forms keep their own messages.
        let piano = try p.run("can", "lift", "piano")
        #expect(piano.status == 2 && piano.stderr.contains("'piano' is not a weight or an object"), "\(piano.stderr)")
        let juggle = try p.run("can", "juggle")
        #expect(juggle.status == 2 && juggle.stderr.contains("no activity 'juggle'"), "\(juggle.stderr)")
    }

    @Test("at the REPL: an opener is a question, an unclear one is named and the prompt comes back")
    func atTheRepl() throws {
        let p = try Patient()
        _ = try Self.known(p)
        let prompt = "rehab[wk 3 · phase 1]> "
        let r = try PatientFlowTests.Repl(p.sandbox, dataDir: p.dataDir, today: SafetyTests.today, prompt: prompt)
        defer { r.session.terminate() }
        _ = try r.start()
        let golf = try r.run("is it ok to play golf?")
        #expect(golf.contains("No — no golf until week 12"), "\(golf)")
        let sleep = try r.run("can I sleep")
        #expect(sleep.contains("could be about") && sleep.contains("sleeping on your side"), "\(sleep)")
        let stairs = try r.run("Am I allowed to climb stairs")
        #expect(stairs.contains("Ask first — your program has no rule on climbing stairs"), "\(stairs)")
        #expect(try r.run("can twist").contains("Yes — nothing in your program"), "the strict form still answers")
        #expect(try r.quit() == 0)
    }
}
