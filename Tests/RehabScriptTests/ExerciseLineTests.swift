import RehabCore
import RehabScript
import Testing

/// Lines of an exercise block that explain rather than instruct.
@Suite struct ExerciseLineTests {
    @Test("'while no ACTIVITY \"why\"' keeps the reason by the banned activity")
    func whileBanned() throws {
        let text = """
            program demo "Demo"
            exercise chin-tucks "Chin tucks"
              loads none
              while no neck-motion "a small supported nod"
            phase one "One" weeks 0-6
              chin-tucks 3 x 10
            """
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources(["main.rehab": text]))
        let p = try #require(loaded.program, "\(loaded.diagnostics.map(\.message))")
        #expect(p.exercise("chin-tucks")?.whileBanned == ["neck-motion": "a small supported nod"])
    }

    @Test("without the reason in quotes it is an error at the word that should be quoted")
    func whileNeedsQuotes() {
        let c = Checked("""
            program demo "Demo"
            exercise chin-tucks "Chin tucks"
              while no neck-motion 1️⃣because
            """)
        let d = c.diagnostics.first { $0.id == "expected" }
        #expect(d?.location.spot == c.source["1️⃣"] && d?.fixIt != nil, "\(c.rendered)")
    }
}
