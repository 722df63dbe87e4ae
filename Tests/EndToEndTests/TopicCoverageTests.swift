import Foundation
import Testing

/// Every everyday topic patients ask about (issue 13), asked of every shipped program through the real binary:
/// the decision and a word only that program's source gives, so a topic that falls back to "nothing rules it out"
/// or to another procedure's rule fails.
@Suite("Everyday topics in every shipped program, on the real binary")
struct TopicCoverageTests {
    static let today = "2027-06-01"
    static let surgery = "2026-10-31"

    /// One question: `can ACTIVITY --week WEEK` answers DECISION (the word before the dash) and contains WORDS.
    struct Row: CustomTestStringConvertible, Sendable {
        let activity: String
        let week: Int
        let decision: String
        let words: String
        var testDescription: String { "can \(activity) --week \(week)" }
    }

    /// `activity week decision | words`, one a line.
    static func rows(_ text: String) -> [Row] {
        text.split(separator: "\n").map { line in
            let halves = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let head = halves[0].split(separator: " ", maxSplits: 2).map(String.init)
            return Row(activity: head[0], week: Int(head[1]) ?? -1, decision: head[2], words: halves[1])
        }
    }

    static let lumbarFusion = rows("""
        sleeping-on-stomach 3 No | pillow under your hips
        sleeping-on-stomach 12 Yes | pillow under your hips
        sleeping-on-side 2 Yes | pillow between your knees
        sleeping-on-back 3 Yes | pillow under your knees (Farjoodi)
        brace 2 Wear it | not in bed or at night
        brace 3 Wear it | shower without it from week 2 (Farjoodi)
        brace 6 Not needed | asks you to wear a brace
        collar 3 Not needed | asks you to wear a collar
        sitting 3 Limited | rolled-up towel behind the small of your back
        standing 3 Limited | up to 15 minutes at a time
        standing 3 Limited | rest one foot on a low stool
        riding 2 Limited | up to 30 minutes at a time
        riding 2 Limited | range from 20 to 30 minutes
        riding 6 Yes | is allowed; advice from the program
        driving 3 No | off opioid pain medicine and muscle relaxants, out of a rigid brace
        driving 3 No | from 2 to 6 weeks
        flying 3 Ask first | say nothing about flying
        showering 0 No | 3 days (Krames)
        showering 2 Yes | shower chair
        bathing 3 No | tub baths until week 4
        swimming 3 No | no swimming until week 4
        hot-tub 3 No | no hot tubs until week 4
        stairs 2 Yes | once or twice a day in the first few weeks (Brainlab)
        walking 3 Yes | part of phase 'Protection'
        vacuuming 3 No | three to four months after fusion
        laundry 3 Limited | light loads only
        dishes 3 Yes | between your hips and shoulders
        making-the-bed 3 No | until month 3
        picking-up-from-floor 3 Limited | can routine pick-up-from-floor
        sex 3 Yes | side-lying is easiest
        desk-work 2 No | 4 to 6 weeks
        desk-work 4 Yes | nothing in your program
        manual-work 3 No | a strenuous job may take 6 months
        golf 3 No | range from 16 to 26 weeks
        golf 12 No | a survey's most common answer is 6 months
        tennis 3 No | until month 6
        running 3 No | running or jogging until month 3
        stationary-cycling 3 No | range from 6 to 14 weeks
        recumbent-cycling 3 No | recumbent bike until week 12
        road-cycling 3 No | cycling outdoors until month 6
        gym-weights 3 No | until month 3
        gym-weights 14 Limited | within your lifting limit
        contact-sports 3 No | contact sports until month 6
        yoga 3 No | no source names yoga
        """)

    static let cervicalFusion = rows("""
        sleeping-on-stomach 3 No | neck-surgery sheet says to avoid it
        sleeping-on-side 2 Yes | one pillow keeping your neck level
        sleeping-on-back 2 Yes | wedge pillow is fine
        collar 2 Wear it | even in bed and in the shower (UW Health)
        collar 3 Wear it | soft one may come off to shower and eat
        brace 3 Not needed | asks you to wear a brace
        sitting 3 Yes | change position after about 60 minutes
        standing 3 Ask first | say nothing about standing
        riding 3 Limited | up to 45 minutes at a time
        riding 3 Limited | get out and walk every 30 to 45 minutes
        driving 3 No | out of the collar
        flying 1 No | no flying until week 2
        flying 3 Limited | at least 6 weeks for long flights
        showering 0 No | day 7 (North Star)
        showering 5 Yes | padding taken out
        bathing 3 No | until your surgeon has seen the incision healed
        swimming 3 No | no swimming until
        hot-tub 3 No | no hot tubs until
        stairs 3 Yes | no limit on stairs after a neck fusion
        walking 3 Yes | part of phase 'Protection'
        vacuuming 3 Limited | under 10 lb of effort (Hamilton)
        vacuuming 4 Yes | nothing in your program
        laundry 3 Limited | shelves above your shoulders
        dishes 3 Ask first | say nothing about washing the dishes
        making-the-bed 3 Limited | light pushing and pulling
        picking-up-from-floor 3 Limited | neck in line
        sex 3 Yes | keep your neck still
        desk-work 1 No | 3 or 4 days
        desk-work 2 Yes | nothing in your program
        manual-work 3 No | no power tools for 8 weeks
        golf 3 No | 2 to 3 months after a neck fusion
        golf 14 Yes | nothing in your program
        tennis 3 No | until month 3
        running 3 No | until month 3
        stationary-cycling 3 No | Galland lists a stationary bike
        recumbent-cycling 6 Yes | nothing in your program
        road-cycling 3 No | until month 3
        gym-weights 14 Limited | no weights above your head
        contact-sports 3 No | until month 6
        yoga 3 No | neck stretching is avoided early
        """)

    static let discReplacement = rows("""
        sleeping-on-stomach 3 No | until week 6
        sleeping-on-stomach 6 Yes | pillow under your hips
        sleeping-on-side 3 Yes | pillow between your knees
        sleeping-on-back 3 Yes | pillow under your knees
        brace 3 Only if ordered | not in bed or at night
        collar 3 Not needed | asks you to wear a collar
        sitting 3 Yes | no disc-replacement source sets a sitting limit
        standing 3 Ask first | say nothing about standing
        riding 3 Limited | up to 30 minutes at a time
        driving 3 No | out of a rigid brace
        flying 3 Ask first | say nothing about flying
        showering 2 Yes | walk-in shower
        bathing 3 No | until week 4
        swimming 3 No | until week 4
        hot-tub 3 No | until week 4
        stairs 3 Yes | holding the rail
        walking 3 Yes | part of phase 'Protection'
        vacuuming 3 No | two to three months after low back surgery
        vacuuming 9 Yes | nothing in your program
        laundry 3 Limited | light loads only
        dishes 3 Yes | between your hips and shoulders
        making-the-bed 3 No | until month 2
        picking-up-from-floor 3 Limited | can routine pick-up-from-floor
        sex 3 Yes | do not arch your back in the first 6 weeks
        desk-work 3 No | none is specific to disc replacement
        manual-work 3 No | active sports at 3 months
        golf 3 No | until month 3
        tennis 3 No | until month 3
        running 3 No | until month 3
        stationary-cycling 3 No | until week 6
        recumbent-cycling 6 Yes | nothing in your program
        road-cycling 3 No | until month 3
        gym-weights 3 No | your surgeon clears lifting
        contact-sports 3 No | until month 3
        yoga 3 No | no source names yoga
        yoga 6 Yes | sciatic
        """)

    static let programs: [(String, [Row])] = [
        ("lumbar-fusion", lumbarFusion), ("cervical-fusion", cervicalFusion), ("lumbar-disc-replacement", discReplacement),
    ]

    /// The everyday topics of issue 13 that each program must answer (exercise names are tested elsewhere).
    static let topics = [
        "sleeping-on-stomach", "sleeping-on-side", "sleeping-on-back", "brace", "collar", "sitting", "standing", "riding",
        "driving", "flying", "showering", "bathing", "swimming", "hot-tub", "stairs", "walking", "vacuuming", "laundry",
        "dishes", "making-the-bed", "picking-up-from-floor", "sex", "desk-work", "manual-work", "golf", "tennis", "running",
        "stationary-cycling", "recumbent-cycling", "road-cycling", "gym-weights", "contact-sports", "yoga",
    ]

    @Test("every topic has a row for every program")
    func everyTopicCovered() {
        for (procedure, rows) in Self.programs {
            let asked = Set(rows.map(\.activity))
            #expect(Self.topics.filter { !asked.contains($0) }.isEmpty, "\(procedure) misses a topic")
        }
    }

    @Test("can TOPIC: the decision and the program's own sourced words", arguments: [0, 1, 2])
    func answers(_ index: Int) throws {
        let (procedure, rows) = Self.programs[index]
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery,
                                        procedure: procedure)
        // One process for the whole table: `-c` runs the questions in order, one answer a line.
        let script = rows.map { "can \($0.activity) --week \($0.week)" }.joined(separator: "; ")
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, ["-c", script])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(procedure): \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init).filter { $0 != SourcesRangeAnswerTests.surgeonFirst }
        try #require(lines.count == rows.count,
                     "\(procedure): \(lines.count) answers for \(rows.count) questions:\n\(r.stdout)")
        for (row, line) in zip(rows, lines) {
            #expect(line.hasPrefix(row.decision + " — "), "\(procedure) \(row.testDescription): \(line)")
            #expect(line.contains(row.words), "\(procedure) \(row.testDescription) lacks '\(row.words)': \(line)")
        }
    }

    @Test("--json: an advised activity is a yes, a silent source is ask-first and not allowed")
    func json() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.today, surgery: Self.surgery)
        func object(_ words: [String]) throws -> [String: Any] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: Self.today, words + ["--json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
        }
        let side = try object(["can", "sleeping-on-side", "--week", "3"])
        #expect(side["decision"] as? String == "yes" && side["allowed"] as? Bool == true, "\(side)")
        let flying = try object(["can", "flying", "--week", "3"])
        #expect(flying["decision"] as? String == "ask-first" && flying["allowed"] as? Bool == false, "\(flying)")
    }

    @Test("can do heel-slides on the core ladder shows the heel slides' own range, and golf its range")
    func heelSlidesAndGolfRanges() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        let today = "2026-12-20"   // week 7
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: today, surgery: Self.surgery)
        for words in [["clear", "outpatient-pt", "by", "Dr Lee"], ["log", "pain", "2"]] {
            let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, words)
            try #require(r.status == 0, "\(words): \(r.stderr)")
        }
        let heel = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, ["can", "do", "heel-slides"]).stdout
        #expect(heel.hasPrefix("Yes — part of phase 'Early stabilization'"), "\(heel)")
        #expect(heel.contains("Published protocols range from 0 to 6 weeks (for when they start"), "\(heel)")
        // The next rung has no range of its own, and the ladder line none, so it shows none.
        let march = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, ["can", "do", "supine-march"]).stdout
        #expect(march.hasPrefix("No — not yet") && !march.contains("Published"), "\(march)")
        let golf = try PatientJourney.rehab(sandbox, dataDir: dir, today: today, ["can", "golf"]).stdout
        #expect(golf.contains("Published protocols range from 16 to 26 weeks"), "\(golf)")
    }

    @Test("why flying names the program line that says the sources are silent")
    func whyFlying() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: "2026-11-21", surgery: Self.surgery)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-11-21", ["why", "flying"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.hasPrefix("Ask first — the sources your program uses say nothing about flying"), "\(r.stdout)")
        #expect(r.stdout.contains("ask surgeon about flying"), "\(r.stdout)")
    }
}
