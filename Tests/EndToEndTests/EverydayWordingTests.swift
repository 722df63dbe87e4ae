import Foundation
import Testing

/// Questions a new patient typed that once went wrong: a short word read as another topic, a dishwasher that was
/// "washing the dishes", a walk measured in minutes against a limit in miles, a whole question in one quoted word.
@Suite("Everyday wording, as new patients type it")
struct EverydayWordingTests {
    typealias Patient = SafetyTests.Patient

    @Test("'put on my socks' is bending, never golf ('putting'); the question may open with 'do I need'")
    func putIsNotPutt() throws {
        let p = try Patient()
        let socks = try p.run("can", "I", "put", "on", "my", "socks")
        #expect(socks.stdout.hasPrefix("No — no bending forward at the waist"), "\(socks.stdout)")
        #expect(!socks.stdout.contains("golf"), "\(socks.stdout)")
        let golf = try p.run("can", "I", "play", "golf")
        #expect(golf.stdout.contains("golf"), "\(golf.stdout)")
        let car = try p.run("do", "I", "need", "my", "brace", "in", "the", "car")
        #expect(car.status == 0 && car.stdout.hasPrefix("Wear it — your brace"), "\(car.stdout)\(car.stderr)")
    }

    @Test("a whole question quoted as one word is asked like the same words unquoted")
    func quotedQuestion() throws {
        let p = try Patient()
        let quoted = try p.run("can I sleep on my stomach")
        let plain = try p.run("can", "I", "sleep", "on", "my", "stomach")
        #expect(quoted.status == 0 && quoted.stdout == plain.stdout && quoted.stdout.hasPrefix("No — "), "\(quoted)")
    }

    @Test("a walk in minutes against a limit in miles is Limited, never 'within'; no rule at all is asked first")
    func timeAgainstDistance() throws {
        let p = try Patient()
        try p.use(program: """
            program walks "Walks"
            activity walking "walking"
            activity standing "standing"
            walk at most 1 mi until week 6
            ask surgeon about standing
            phase p "P" weeks 0-12
            """, named: "walks.rehab")
        let minutes = try p.run("can", "walk", "30", "min")
        #expect(minutes.stdout.hasPrefix("Limited — walking is limited to 1 mile at a time"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("rehab cannot compare 30 minutes with it"), "\(minutes.stdout)")
        #expect(!minutes.stdout.contains("is within your"), "\(minutes.stdout)")
        let far = try p.run("can", "I", "walk", "2", "miles")
        #expect(far.stdout.hasPrefix("No — walking is limited to 1 mile"), "\(far.stdout)")
        let stand = try p.run("can", "I", "stand", "for", "an", "hour")
        #expect(stand.stdout.hasPrefix("Ask first — the sources your program uses say nothing about standing"), "\(stand.stdout)")
        #expect(stand.stdout.contains("rehab cannot check 1 hour"), "\(stand.stdout)")
    }
}

extension EverydayWordingTests {
    @Test("status past a phase's planned end says what the next phase still needs and to ask the therapist")
    func heldBackSaysWhy() throws {
        let p = try Patient()
        let early = try p.run("status")
        #expect(!early.stdout.contains("could have started"), "\(early.stdout)")
        // Surgery 2026-10-31 (SafetyTests.today is week 3); at week 29 the patient is still in phase 1.
        let late = try p.run(["status"], today: "2027-05-22")
        #expect(late.stdout.contains("Phase 2, 'Early stabilization', could have started on 2026-12-12; it still needs: "),
                "\(late.stdout)")
        #expect(late.stdout.contains("clear outpatient-pt by NAME") && late.stdout.contains("Ask your therapist to review"),
                "\(late.stdout)")
    }
}
