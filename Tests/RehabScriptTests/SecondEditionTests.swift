import RehabCore
import RehabScript
import Testing

/// Alternatives, items left to the therapist, `teach` lines and goals, as the parser reads them.
@Suite struct SecondEditionTests {
    static let text = """
        program demo "Demo"
        goal lift-20-lb "Lift 20 lb with ease"
        exercise hip-flexor-stretch "Hip flexor stretch"
          position kneeling
          loads none
        exercise walking "Walking"
          loads none
        phase one "One" weeks 0-6
          teach posture "Keep your ears over your shoulders when you sit"
          walking 10 min
          hip-flexor-stretch kneeling or prone hold 30 s, 3 reps
          resistance-training as prescribed by your therapist
        phase two "Two" weeks 6-12
          requires met lift-20-lb
          walking 20 min
        """

    static func load(_ text: String) -> LoadedProgram {
        ProgramLoader.load("main.rehab", from: MemorySources(["main.rehab": text]))
    }

    @Test("every new line lowers into the program")
    func lowers() throws {
        let loaded = Self.load(Self.text)
        let p = try #require(loaded.program, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.diagnostics.isEmpty)
        #expect(p.goals == [Goal(id: "lift-20-lb", text: "Lift 20 lb with ease", source: p.goals.first?.source)])
        let one = p.phases[0]
        #expect(one.teachings.map(\.topic) == ["posture"])
        #expect(one.teachings.first?.title == "Posture")
        #expect(one.categories.map(\.text) == ["Resistance training — as prescribed by your therapist"])
        #expect(one.prescriptions.map(\.exercise) == ["walking", "hip-flexor-stretch"])
        let stretch = one.prescriptions[1]
        #expect(stretch.alternatives == [.kneeling, .prone])
        #expect(stretch.dose.text == "3 reps, hold 30 s")
        #expect(p.phases[1].gates.map(\.gate) == [.met("lift-20-lb")])
        #expect(p.categories == ["resistance-training"])
    }

    @Test("a misspelt position among alternatives is unknown-position with the closest one")
    func unknownPosition() throws {
        let loaded = Self.load(Self.text.replacingOccurrences(of: "kneeling or prone hold", with: "kneeling or prne hold"))
        let d = try #require(loaded.diagnostics.first)
        #expect(d.id == "unknown-position")
        #expect(d.hint == "did you mean 'prone'?")
        #expect(loaded.program == nil)
    }

    @Test("a misspelt dose word after an exercise keeps its dose error")
    func doseWordStaysADoseError() throws {
        let loaded = Self.load(Self.text.replacingOccurrences(of: "walking 10 min", with: "walking thrice a day"))
        #expect(loaded.diagnostics.first?.id == "expected")
    }

    @Test("requires met names a declared goal; otherwise unknown-goal with did-you-mean")
    func unknownGoal() throws {
        let loaded = Self.load(Self.text.replacingOccurrences(of: "requires met lift-20-lb", with: "requires met lift-20-lbs"))
        let d = try #require(loaded.diagnostics.first)
        #expect(d.id == "unknown-goal")
        #expect(d.hint == "did you mean 'lift-20-lb'?")
    }

    @Test("an item left to the therapist must end 'as prescribed by your therapist'")
    func asPrescribed() throws {
        let loaded = Self.load(Self.text.replacingOccurrences(of: "by your therapist", with: "by the surgeon"))
        #expect(loaded.diagnostics.first?.id == "as-prescribed")
    }

    @Test("a dose typed at the prompt reads as a prescription's dose")
    func doseReader() {
        #expect(DoseReader.read("3 x 10, light band") == .success({
            var d = Dose(sets: 3, reps: 10); d.resistance = "light band"; return d
        }()))
        #expect(DoseReader.read("3 x 10, +1 reps each week up to 15") == .failure(.grows))
        guard case .failure(.notADose) = DoseReader.read("three sets") else {
            Issue.record("'three sets' read as a dose"); return
        }
    }
}

extension SecondEditionTests {
    @Test("a goal declared twice is duplicate-id")
    func duplicateGoal() throws {
        let text = Self.text.replacingOccurrences(of: "goal lift-20-lb \"Lift 20 lb with ease\"",
                                                  with: "goal lift-20-lb \"Lift 20 lb with ease\"\ngoal lift-20-lb \"Again\"")
        #expect(Self.load(text).diagnostics.first?.id == "duplicate-id")
    }
}
