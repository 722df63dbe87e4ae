import Foundation
import Testing

/// Exercises patients ask about by name (library/exercises.rehab: prone press-ups, sit-ups, neck rolls…): no
/// shipped program prescribes them, so `can do` answers from what they load against the rules in force.
@Suite("Exercise names answered from what they load, on the real binary")
struct ExerciseNameTests {
    static let surgery = "2026-01-05"

    /// The answer's first line for one patient on one day, `rehab can WORDS`.
    private func answer(_ procedure: String, day: String, _ words: [String],
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.surgery, surgery: Self.surgery,
                                        procedure: procedure, sourceLocation: sourceLocation)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: day, ["can"] + words)
        #expect(r.status == 0 && r.stderr.isEmpty, "rehab can \(words): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test("after a disc replacement, prone press-ups answer from the extension rule, then yes with the therapist")
    func discReplacementPressUps() throws {
        let week3 = try answer("lumbar-disc-replacement", day: "2026-01-26", ["do", "prone-press-ups"])
        #expect(week3.hasPrefix("No — doing prone press-ups involves arching your lower back, and 'no arching your lower "
                                + "back' until week 6 (2026-02-16), set by the program (lumbar-disc-replacement.rehab:56)."),
                "\(week3)")
        let week7 = try answer("lumbar-disc-replacement", day: "2026-02-23", ["prone-press-ups"])
        #expect(week7 == "Ask first — nothing in force rules out doing prone press-ups (it involves arching your lower back), "
                    + "but it is not part of your program, so ask your therapist before adding it.", "\(week7)")
    }

    @Test("after a lumbar fusion, the cobra waits for week 12 and toe touches never come (no end-range motion)")
    func lumbarFusion() throws {
        let cobra = try answer("lumbar-fusion", day: "2026-02-16", ["do", "cobra"])
        #expect(cobra.hasPrefix("No — doing cobra (yoga back bend) involves arching your lower back")
                && cobra.contains("until week 12 (2026-03-30), set by the program (lumbar-fusion.rehab:87)"), "\(cobra)")
        let toes = try answer("lumbar-fusion", day: "2026-05-04", ["do", "toe-touches"])
        #expect(toes.hasPrefix("No — ") && toes.contains("'no moving your back as far as it will go' with no end date set")
                && toes.hasSuffix("ask your therapist before adding it."), "\(toes)")
        // From week 12 to 26 bending is limited to a pain-free range (Penrose months 3-6), so sit-ups are limited.
        let sitUps = try answer("lumbar-fusion", day: "2026-05-04", ["do", "sit-ups"])
        #expect(sitUps.hasPrefix("Limited — doing sit-ups involves bending forward at the waist")
                && sitUps.contains("pain-free range") && sitUps.hasSuffix("ask your therapist before adding it."), "\(sitUps)")
        let later = try answer("lumbar-fusion", day: "2026-07-06", ["do", "sit-ups"])
        #expect(later.hasPrefix("Ask first — ") && later.contains("ask your therapist"), "\(later)")
    }

    @Test("after ACDF, neck rolls and sit-ups wait for the neck rule; toe touches are limited; press-ups are free")
    func cervicalFusion() throws {
        let rolls = try answer("cervical-fusion", day: "2026-01-26", ["do", "neck-rolls"])
        #expect(rolls.hasPrefix("No — doing neck rolls involves turning or bending your neck")
                && rolls.contains("set by the program (cervical-fusion.rehab:86)"), "\(rolls)")
        let crunches = try answer("cervical-fusion", day: "2026-02-23", ["do", "crunches"])
        #expect(crunches.hasPrefix("No — ") && crunches.contains("'no turning or bending your neck'"), "\(crunches)")
        let toes = try answer("cervical-fusion", day: "2026-01-26", ["do", "toe-touches"])
        #expect(toes.hasPrefix("Limited — ") && toes.contains("keep your neck in line"), "\(toes)")
        let later = try answer("cervical-fusion", day: "2026-04-06", ["neck-rolls"])
        #expect(later.hasPrefix("Ask first — nothing in force rules out doing neck rolls"), "\(later)")
    }

    @Test("log of an exercise no phase prescribes is not recorded silently, though can do says yes")
    func logNeedsAnyway() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.surgery, surgery: Self.surgery)
        let refused = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-01-26", ["log", "pain", "2", "planks"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("Planks is not allowed now: no phase of your program prescribes it"),
                "\(refused.stderr)")
        let anyway = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-01-26",
                                              ["log", "pain", "2", "planks", "--anyway"])
        #expect(anyway.status == 0, "\(anyway)")
    }

    @Test("--json gives the decision and the exercise's id for an exercise asked about by name")
    func json() throws {
        let sandbox = Sandbox()
        let dir = PatientJourney.freshDataDir(sandbox)
        try PatientJourney.setUpPatient(sandbox, dataDir: dir, today: Self.surgery, surgery: Self.surgery)
        let r = try PatientJourney.rehab(sandbox, dataDir: dir, today: "2026-01-26", ["can", "do", "superman", "--json"])
        let object = try PatientJourney.object(r)
        #expect(object["decision"] as? String == "no")
        #expect(object["id"] as? String == "superman")
    }
}
