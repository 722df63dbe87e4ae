import Foundation
import Testing

/// `limit ACTIVITY`, a lifting limit the surgeon sets, and gear worn when or only if ordered, asked with `can …`
/// on the real binary, before and after the surgeon's orders are recorded with `restrict …`.
@Suite("Limits, surgeon-set limits and gear from the command line")
struct LimitCommandTests {
    static let program = """
        program limits "Limits demo"
        limit bending "minimal, pain-free range only" until week 12
        limit overhead-reaching until week 12
        lift at most per surgeon, else 10 lb until week 6
        no twisting, lift at most per surgeon until week 4
        wear collar if ordered "at night, for comfort"
        wear brace when up until week 8
        exercise walking "Walking"
        phase protection "Protection" weeks 0-12
          walking 10 min, 3 times a day
        """

    /// A lumbar patient (week 3) moved onto the program above.
    func patient(_ text: String = LimitCommandTests.program) throws -> SafetyTests.Patient {
        let p = try SafetyTests.Patient()
        try p.use(program: text, named: "limits.rehab")
        return p
    }

    @Test("can bend under a limit: Limited, with its words, whose rule and when it ends")
    func limited() throws {
        let p = try patient()
        let bend = try p.run("can", "bend")
        #expect(bend.status == 0)
        #expect(bend.stdout.hasPrefix("Limited — minimal, pain-free range only; this limit on bending lasts until week 12 (2027-01-23), "
                                      + "set by the program (limits.rehab:2)."), "\(bend.stdout)")
        let reach = try p.run("can", "reach")
        #expect(reach.stdout.hasPrefix("Limited — keep it small and pain-free; this limit on overhead reaching lasts until week 12"),
                "\(reach.stdout)")
        let json = try p.run("can", "bend", "--json")
        #expect(json.stdout.contains("\"decision\" : \"limited\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"allowed\" : true"), "\(json.stdout)")
        let allowed = try p.run("allowed", "--json")
        #expect(allowed.stdout.contains("\"decision\" : \"limited\""), "\(allowed.stdout)")
        let status = try p.run("status", "--json")
        #expect(status.stdout.contains("\"decision\" : \"limited\""), "\(status.stdout)")
        #expect(try p.run("allowed").stdout.contains("bending — limited: minimal, pain-free range only"))
        #expect(try p.run("can", "bend", "--week", "12").stdout.hasPrefix("Yes"))
    }

    @Test("lift at most per surgeon: the fallback, or no, until the surgeon's number is recorded; then the order")
    func surgeonSetsTheLimit() throws {
        let p = try patient()
        let within = try p.run("can", "lift", "8", "lb", "--week", "5")
        #expect(within.stdout.hasPrefix("Limited — 8 lb is within the 10 lb limit your program keeps"), "\(within.stdout)")
        #expect(within.stdout.contains("record it with 'restrict lifting N lb by NAME'"), "\(within.stdout)")
        // Week 3: the stricter rule has no fallback, so no lifting until the number is recorded.
        let none = try p.run("can", "lift", "8", "lb")
        #expect(none.stdout.hasPrefix("No — no lifting until your surgeon's limit is recorded"), "\(none.stdout)")
        #expect(none.stdout.contains("your surgeon sets this limit — record it with 'restrict lifting N lb by NAME'"))
        #expect(try p.run("can", "lift", "8", "lb", "--json").stdout.contains("\"decision\" : \"no\""))

        let unnamed = try p.line("restrict lifting 15 lb until week 6")
        #expect(unnamed.status != 0 && unnamed.stderr.contains("needs who gave it"), "\(unnamed.stdout)\(unnamed.stderr)")
        let order = try p.line("restrict lifting 15 lb until week 6 by \"Dr Lee\"")
        #expect(order.status == 0, "\(order.stderr)")
        #expect(order.stdout.contains("Now: lifting is limited to 15 lb"), "\(order.stdout)")
        let after = try p.run("can", "lift", "12", "lb")
        #expect(after.stdout.hasPrefix("Yes — 12 lb is within your 15 lb limit"), "\(after.stdout)")
        #expect(after.stdout.contains("It replaces the program's default, 'lift at most per surgeon"), "\(after.stdout)")
        #expect(try p.run("can", "lift", "16", "lb").stdout.hasPrefix("No — lifting is limited to 15 lb"))
    }

    @Test("can collar and can brace: when it is worn, until when, whose rule; restrict collar and brace record orders")
    func gear() throws {
        let p = try patient()
        let collar = try p.run("can", "collar")
        #expect(collar.status == 0, "\(collar.stderr)")
        #expect(collar.stdout.hasPrefix("Only if ordered — your collar is only worn if your surgeon orders it (at night, for comfort)"),
                "\(collar.stdout)")
        #expect(try p.run("can", "collar", "--json").stdout.contains("\"decision\" : \"if-ordered\""))
        let brace = try p.run("can", "brace")
        #expect(brace.stdout.hasPrefix("Wear it — your brace must be worn (when up) until week 8 (2026-12-26), set by the program "
                                       + "(limits.rehab:7)."), "\(brace.stdout)")
        #expect(try p.run("can", "brace", "--json").stdout.contains("\"decision\" : \"wear\""))

        let ordered = try p.line("restrict collar by \"Dr Lee\"")
        #expect(ordered.status == 0, "\(ordered.stderr)")
        let worn = try p.run("can", "collar")
        #expect(worn.stdout.hasPrefix("Wear it — your collar must be worn (at night, for comfort)"), "\(worn.stdout)")
        #expect(worn.stdout.contains("set by an order from Dr Lee recorded on 2026-11-21"), "\(worn.stdout)")

        let car = try p.line("restrict brace when in the car until week 10 by \"Dr Lee\"")
        #expect(car.status == 0, "\(car.stderr)")
        #expect(car.stdout.contains("Recorded: wear brace (when in the car) until 2027-01-09"), "\(car.stdout)")
        let braced = try p.run("can", "brace")
        #expect(braced.stdout.hasPrefix("Wear it — your brace must be worn (when in the car) until week 10 (2027-01-09)"),
                "\(braced.stdout)")
        let bad = try p.line("restrict lifting 5 lb when up")
        #expect(bad.status != 0 && bad.stderr.contains("did not understand 'when'"), "\(bad.stderr)")
    }

    @Test("a program without gear still answers can brace")
    func noGear() throws {
        let p = try SafetyTests.Patient(procedure: "cervical-fusion")
        let brace = try p.run("can", "brace")
        #expect(brace.status == 0, "\(brace.stderr)")
        #expect(brace.stdout.hasPrefix("Not needed — nothing in your program or your surgeon's orders asks you to wear a brace now."),
                "\(brace.stdout)")
        #expect(brace.stdout.contains("If you mean your neck collar"), "\(brace.stdout)")
        #expect(try p.run("can", "collar").stdout.hasPrefix("Wear it — your collar must be worn (as your surgeon ordered)"))
    }
}
