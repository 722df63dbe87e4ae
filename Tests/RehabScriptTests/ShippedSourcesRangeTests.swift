import RehabCore
import RehabScript
import Testing

/// Every shipped rule that carries the range its sources give shows it in the `can` answer about it.
@Suite struct ShippedSourcesRangeTests {
    /// The main programs and the examples (libraries hold no restrictions).
    static var programs: [String] {
        ShippedProgramTests.files.keys.filter { !$0.contains("/") || $0.hasPrefix("examples/") }.sorted()
    }

    /// The `can` question about a rule: just over a limit, otherwise the activity or gear itself.
    static func ask(_ a: Assessment, about rule: RestrictionRule) -> Verdict {
        switch rule {
        case .atMost(let activity, let q): return a.can(activity, amount: Quantity(q.value + 1, q.unit))
        case .atMostPerSurgeon(let activity, let q): return a.can(activity, amount: Quantity((q?.value ?? 0) + 1, q?.unit ?? .lb))
        case .no(let activity), .limit(let activity, _): return a.can(activity)
        case .wear(let gear), .wearIfOrdered(let gear): return a.can(Activity(gear))
        }
    }

    @Test(arguments: programs)
    func everyRangeIsInTheAnswer(name: String) throws {
        let program = try #require(ShippedProgramTests.load(name).program, "\(name) does not load")
        let ranged = program.allRestrictions.filter { $0.sources != nil }
        #expect(ranged.count >= 2, "\(name) should carry the ranges its sources give")
        for r in ranged {
            let sentence = try #require(r.sources?.sentence)
            // The first week where this rule (not a stricter one) decides the answer.
            let decided = (0...60).lazy.map { week in (week, Self.ask(ExpectationRunner.assessment(program, week: week, cleared: []),
                                                                         about: r.rule)) }
                .first { $0.1.restriction?.source == r.source && $0.1.restriction?.rule == r.rule }
            let (week, verdict) = try #require(decided, "\(name): '\(r.rule.text)' (\(r.source?.description ?? "?")) never decides")
            #expect(verdict.reason.contains(sentence), "\(name) week \(week): \(verdict.reason)")
            #expect(verdict.reason.contains("set by "), "\(name) week \(week): the answer says whose rule it is")
        }
    }

    @Test(arguments: programs)
    func everyPrescriptionRangeIsInACanDoAnswer(name: String) throws {
        let program = try #require(ShippedProgramTests.load(name).program, "\(name) does not load")
        for phase in program.phases {
            for p in phase.prescriptions where !p.isLadder {
                guard let range = p.sources else { continue }
                let answers = (0...60).map { ExpectationRunner.assessment(program, week: $0, cleared: []).exercise(p.exercise) }
                #expect(answers.contains { $0.reason.contains(range.prescriptionSentence) && $0.sources == range },
                        "\(name): no 'can do \(p.exercise)' answer gives \(range.brief)")
            }
        }
    }

    @Test func theLumbarLiftingAnswerGivesTheRangeAfterTheProgramsLimit() throws {
        let program = try #require(ShippedProgramTests.load("lumbar-fusion.rehab").program)
        let v = ExpectationRunner.assessment(program, week: 3, cleared: []).canLift(Weight(12, .lb))
        #expect(!v.allowed)
        #expect(v.reason.hasPrefix("lifting is limited to 10 lb until week 6"))
        #expect(v.reason.hasSuffix("set by the program (lumbar-fusion.rehab:71); 12 lb is over it. "
                                   + "Published protocols range from 4 to 15 lb; your surgeon's limit comes first."))
    }
}
