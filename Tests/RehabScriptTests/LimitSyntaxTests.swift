import RehabCore
import RehabScript
import Testing

/// `limit ACTIVITY`, `lift at most per surgeon[, else W]`, `wear GEAR if ordered` and `wear GEAR when …`.
@Suite struct LimitSyntaxTests {
    func rules(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Restriction] {
        let c = Checked(text)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)", sourceLocation: sourceLocation)
        return c.loaded.program?.allRestrictions ?? []
    }

    @Test func limitWithAndWithoutWords() {
        let r = rules("""
            program demo "Demo"
            limit bending "minimal, pain-free range only", limit overhead-reaching until week 12
            phase p "P" weeks 0-12
            """)
        #expect(r.map(\.rule) == [.limit(.bending, note: "minimal, pain-free range only"), .limit(.overheadReaching, note: nil)])
        #expect(r.allSatisfy { $0.until == .at(.week(12)) })
    }

    @Test func limitInsideAPhase() {
        let r = rules("""
            program demo "Demo"
            phase p "P" weeks 0-12
              limit twisting
            """)
        #expect(r.map(\.rule) == [.limit(.twisting, note: nil)])
        #expect(r.first?.phase == "p")
    }

    @Test func perSurgeonWithAndWithoutAFallback() {
        let r = rules("""
            program demo "Demo"
            lift at most per surgeon until week 6
            lift at most per surgeon, else 10 lb until week 6
            lift at most per surgeon else 5 kg, no bending until week 6
            phase p "P" weeks 0-12
            """)
        #expect(r.map(\.rule) == [.atMostPerSurgeon(.lifting, fallback: nil), .atMostPerSurgeon(.lifting, fallback: Quantity(Weight(10, .lb))),
                                  .atMostPerSurgeon(.lifting, fallback: Quantity(Weight(5, .kg))), .no(.bending)])
        #expect(r[1].until == .at(.week(6)))
    }

    @Test func gearIfOrderedAndWhen() {
        let r = rules("""
            program demo "Demo"
            wear collar if ordered "at night, for comfort"
            wear brace when up until week 8
            wear brace when in the car, no driving until week 6
            phase p "P" weeks 0-12
            """)
        #expect(r.map(\.rule) == [.wearIfOrdered("collar"), .wear("brace"), .wear("brace"), .no(.driving)])
        #expect(r.map(\.note) == ["at night, for comfort", "when up", "when in the car", nil])
        #expect(r[1].until == .at(.week(8)))
        // The program's text keeps the circumstance out of the rule: `wear brace`.
        #expect(r[1].rule.text == "wear brace")
        #expect(RestrictionRule.wearIfOrdered("collar").text == "wear collar if ordered")
        #expect(RestrictionRule.atMostPerSurgeon(.lifting, fallback: Quantity(Weight(10, .lb))).text == "lift at most per surgeon, else 10 lb")
    }

    @Test func limitOnLiftingOrGearIsAnError() {
        let c = Checked("""
            program demo "Demo"
            limit 1️⃣lifting until week 6
            limit 2️⃣collar
            phase p "P" weeks 0-12
            """)
        c.expect("limit-measured", at: "1️⃣", message: ["'limit lifting' gives no number"], hint: "lift at most per surgeon")
        c.expect("limit-gear", at: "2️⃣", message: ["a collar is worn, not limited"], hint: "wear collar if ordered")
    }

    @Test func whenNeedsACircumstance() {
        let c = Checked("""
            program demo "Demo"
            wear brace when 1️⃣until week 8
            phase p "P" weeks 0-12
            """)
        c.expect("expected", at: "1️⃣", message: ["the circumstance it is worn in", "found 'until'"])
    }

    @Test func aLimitDoesNotForbidAnExerciseThatBends() {
        let c = Checked("""
            program demo "Demo"
            limit bending "minimal range" until week 12
            exercise knee-to-chest "Knee to chest"
              loads bending
            phase protection "Protection" weeks 0-6
              knee-to-chest 3 reps, hold 20 s
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aSurgeonsLimitWithoutAFallbackForbidsLiftingExercises() {
        let c = Checked("""
            program demo "Demo"
            1️⃣lift at most per surgeon until week 6
            exercise carry "Carry"
              loads lifting 5 lb
            phase protection "Protection" weeks 0-6
              2️⃣carry 2 x 10
            """)
        c.expect("forbidden-prescription", at: "2️⃣", message: ["'carry'", "your surgeon has not set a lifting limit yet"])
        let fallback = Checked("""
            program demo "Demo"
            lift at most per surgeon, else 10 lb until week 6
            exercise carry "Carry"
              loads lifting 5 lb
            phase protection "Protection" weeks 0-6
              carry 2 x 10
            """)
        #expect(fallback.diagnostics.isEmpty, "\(fallback.rendered)")
    }

    @Test func expectLimitHoldsUnderALimitAndFailsUnderABan() {
        let c = Checked("""
            program demo "Demo"
            no bending until week 6
            limit bending until week 12
            phase protection "Protection" weeks 0-12
            expect week 7: limit bending, bending
            expect week 3: 1️⃣limit bending
            expect week 12: 2️⃣limit bending
            """)
        #expect(c.ids == ["expectation", "expectation"], "\(c.rendered)")
        #expect(c.diagnostics.map(\.location.spot) == [c.source["1️⃣"], c.source["2️⃣"]])
        #expect(c.diagnostics.first?.message.contains("'no bending' is in force") == true, "\(c.rendered)")
        #expect(c.diagnostics.last?.message.contains("no 'limit bending' is in force") == true, "\(c.rendered)")
    }

    @Test func expectationsSeeTheFallbackAndTheGear() {
        let c = Checked("""
            program demo "Demo"
            lift at most per surgeon, else 10 lb until week 6
            wear collar if ordered
            wear brace when up until week 8
            phase protection "Protection" weeks 0-12
            expect week 2: lift at most 10 lb, without collar, wear brace
            expect week 9: lift any, without brace
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }
}
