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

/// Cases a review of the change found, each once a Yes (or Limited) where a rule in force said no.
extension EverydayWordingTests {
    @Test("a ban replaced by an amount needs who ordered it; the weight said beats the object's; every amount counts")
    func reviewedLoosenings() throws {
        let p = try Patient()
        let drive = try p.run("restrict", "driving", "480", "min")
        #expect(drive.status == 2 && drive.stderr.contains("needs who gave it"), "\(drive)")
        #expect(try p.run("can", "drive").stdout.hasPrefix("No — no driving"))
        for q in ["can I lift 40 lb of books", "can I lift a 40 lb bag of flour", "can I lift 5 lb and 20 lb"] {
            let r = try p.run(q.split(separator: " ").map(String.init))
            #expect(r.stdout.hasPrefix("No — lifting is limited to 10 lb") && r.stdout.contains("40 lb is over it")
                    || r.stdout.contains("20 lb is over it"), "\(q): \(r.stdout)")
        }
        // A weight with another topic is a lifting question too: never a plain Yes for the other topic.
        let stairs = try p.run("can", "I", "carry", "groceries", "up", "the", "stairs")
        #expect(!stairs.stdout.hasPrefix("Yes — climbing stairs"), "\(stairs.stdout)")
    }

    @Test("a walk judged by the limit in its own unit; gear worn 'when in and out of bed' is not freed in bed")
    func reviewedDimensionsAndBed() throws {
        let p = try Patient()
        try p.use(program: """
            program walks "Walks"
            activity walking "walking"
            walk at most 30 min until week 6
            walk at most 1 mi until week 6
            exercise walking "Walking"
            phase p "P" weeks 0-12
              walking 10 min, 3 times a day
            expect week 3: walk at most 1 mi, walk at most 30 min
            """, named: "walks.rehab")
        let far = try p.run("can", "walk", "2", "mi")
        #expect(far.stdout.hasPrefix("No — walking is limited to 1 mile at a time"), "\(far.stdout)")
        let long = try p.run("can", "I", "walk", "for", "2", "hours")
        #expect(long.stdout.hasPrefix("No — walking is limited to 30 minutes at a time"), "\(long.stdout)")
        let check = try p.run("check", p.sandbox.root + "/walks.rehab")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let order = try p.run("restrict", "brace", "when", "in", "and", "out", "of", "bed", "by", "Dr Lee")
        #expect(order.status == 0, "\(order.stderr)")
        let bed = try p.run("can", "I", "sleep", "without", "my", "brace")
        #expect(bed.stdout.hasPrefix("Wear it — ") && bed.stdout.contains("ask your surgeon before you sleep without it"),
                "\(bed.stdout)")
    }
}

/// Cases a second probe found.
extension EverydayWordingTests {
    @Test("overhead lifting after lumbar fusion, a walk over the dose, amounts in the wrong unit or unusable, no brace")
    func secondProbe() throws {
        let p = try Patient()
        let overhead = try p.run("can", "I", "lift", "a", "2", "lb", "weight", "over", "my", "head")
        #expect(overhead.stdout.hasPrefix("No — no lifting anything above your head until week 12"), "\(overhead.stdout)")
        let long = try p.run("can", "I", "walk", "for", "2", "hours")
        #expect(long.stdout.hasPrefix("Limited — part of phase") && long.stdout.contains("more than this week's dose"),
                "\(long.stdout)")
        let short = try p.run("can", "I", "walk", "for", "5", "minutes")
        #expect(short.stdout.hasPrefix("Yes — part of phase") && !short.stdout.contains("dose ("), "\(short.stdout)")
        for q in ["can I walk 5 lb", "can I lift 20 minutes", "can I walk 1e400 miles", "can I walk for -20 minutes",
                  "can I lift 99999999999999999999 lb"] {
            let r = try p.run(q.split(separator: " ").map(String.init))
            #expect(r.status == 2 && r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1, "\(q): \(r)")
        }
        let nsaid = try p.run("can", "I", "take", "celebrex")
        #expect(nsaid.stdout.hasPrefix("No — no taking anti-inflammatory pain medicine"), "\(nsaid.stdout)")
        let acdf = try Patient(procedure: "cervical-fusion")
        let brace = try acdf.run("do", "I", "have", "to", "wear", "my", "brace")
        #expect(brace.stdout.hasPrefix("Not needed — ") && brace.stdout.contains("If you mean your neck collar"), "\(brace.stdout)")
    }
}
