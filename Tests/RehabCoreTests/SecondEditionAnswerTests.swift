import RehabCore
import Testing

/// Alternatives, items left to the therapist, teaching and goals, in the answers and the machines.
@Suite struct SecondEditionAnswerTests {
    static func program(restrictions: [Restriction] = [], phaseRestrictions: [Restriction] = []) -> Program {
        var one = Phase("one", 0...6, prescribing: ["walking"], restrictions: phaseRestrictions)
        var stretch = Prescription(exercise: "hip-flexor-stretch", dose: Dose(reps: 3, holdSeconds: 30))
        stretch.alternatives = [.kneeling, .prone]
        one.prescriptions.append(stretch)
        one.teachings = [Teaching(topic: "posture", text: "Keep your ears over your shoulders when you sit")]
        one.categories = [CategoryItem(category: "resistance-training")]
        var p = Program(id: "demo", name: "Demo",
                        phases: [one, Phase("two", 6...12, gates: [.met("lift-20-lb")], prescribing: ["walking"])],
                        restrictions: restrictions,
                        exercises: [Exercise(id: "walking", name: "Walking"),
                                    Exercise(id: "hip-flexor-stretch", name: "Hip flexor stretch", position: .kneeling),
                                    Exercise(id: "band-rows", name: "Resistance-band rows")])
        p.goals = [Goal(id: "lift-20-lb", text: "Lift 20 lb with ease")]
        return p
    }

    static func assess(_ p: Program, _ record: PatientRecord = PatientRecord(), on day: CalendarDay = Day.week(1)) -> Assessment {
        Assessor.assess(program: p, record: record, surgery: Day.surgery, on: day)
    }

    @Test("both positions open: the name offers both")
    func bothOpen() {
        let a = Self.assess(Self.program())
        let rx = a.program.phases[0].prescriptions[1]
        #expect(a.name(of: rx, exercise: rx.exercise) == "Hip flexor stretch (kneeling or lying face down)")
        #expect(a.exercise("hip-flexor-stretch").allowed)
    }

    @Test("one position ruled out by a restriction or by the phase: the other is offered")
    func oneOpen() {
        for p in [Self.program(restrictions: [.no("prone", until: .week(4))]), Self.program(phaseRestrictions: [.no("prone")])] {
            let a = Self.assess(p)
            let rx = a.program.phases[0].prescriptions[1]
            #expect(a.name(of: rx, exercise: rx.exercise) == "Hip flexor stretch (kneeling)")
            let v = a.exercise("hip-flexor-stretch")
            #expect(v.allowed)
            #expect(v.reason.contains("Do it kneeling"))
            #expect(a.allowedExerciseIDs().contains("hip-flexor-stretch"))
        }
    }

    @Test("every position ruled out: the item is not allowed")
    func noneOpen() {
        let a = Self.assess(Self.program(restrictions: [.no("prone"), .no("kneeling")]))
        let v = a.exercise("hip-flexor-stretch")
        #expect(!v.allowed)
        #expect(v.reason.contains("kneeling or lying face down"))
        #expect(!a.allowedExerciseIDs().contains("hip-flexor-stretch"))
    }

    @Test("a therapist's choice fills in the category from its day; the latest stands")
    func personalized() {
        let p = Self.program()
        let first = CategoryChoice(category: "resistance-training", exercise: "band-rows", dose: Dose(sets: 3, reps: 10),
                                   by: "Sam PT", on: Day.n(3))
        let later = CategoryChoice(category: "resistance-training", exercise: "band-rows", dose: Dose(sets: 2, reps: 15),
                                   by: "Sam PT", on: Day.n(5))
        #expect(p.personalized([first], on: Day.n(2)) == p)
        let mine = p.personalized([first, later], on: Day.n(6))
        #expect(mine.phases[0].categories.isEmpty)
        #expect(mine.phases[0].prescriptions.last?.exercise == "band-rows")
        #expect(mine.phases[0].prescriptions.last?.dose == Dose(sets: 2, reps: 15))
        #expect(Self.assess(mine, on: Day.n(6)).exercise("band-rows").allowed)
        // An exercise the program does not define never becomes an item.
        let unknown = CategoryChoice(category: "resistance-training", exercise: "nope", dose: Dose(), by: "Sam PT", on: Day.n(1))
        #expect(p.personalized([unknown], on: Day.n(6)) == p)
    }

    @Test("a goal gate holds once a therapist records the goal met, and says what to type until then")
    func goalGate() throws {
        let p = Self.program()
        let waiting = Self.assess(p, on: Day.week(7))
        #expect(waiting.state == .inPhase(0))
        let gate = try #require(waiting.machine.gates(for: 1, on: Day.week(7)).first { $0.gate.gate == .met("lift-20-lb") })
        #expect(!gate.met)
        #expect(gate.text.contains("'Lift 20 lb with ease'") && gate.text.contains("met lift-20-lb by NAME"))
        var record = PatientRecord()
        record.apply(.goalMet(GoalMet(goal: "lift-20-lb", by: "Sam PT", on: Day.week(7))))
        let met = Self.assess(p, record, on: Day.week(7))
        #expect(met.state == .inPhase(1))
        #expect(record.hasSequences)
    }

    @Test("the session shows what the phase teaches before the first exercise")
    func sessionReading() {
        var plan = SessionPlan(warningSigns: [], exercises: [PlannedExercise(id: "walking", name: "Walking", dose: Dose(minutes: 10))])
        plan.reading = ["Posture: Keep your ears over your shoulders when you sit"]
        var m = SessionMachine(plan: plan)
        var shown: [String] = []
        for action in m.handle(.start) + m.handle(.answered("2")) { if case .show(let s) = action { shown.append(s) } }
        let text = shown.joined(separator: "\n")
        let reading = text.range(of: "Posture: Keep your ears")
        let exercise = text.range(of: "1 of 1: Walking")
        #expect(reading != nil && exercise != nil)
        if let reading, let exercise { #expect(reading.lowerBound < exercise.lowerBound) }
    }
}
