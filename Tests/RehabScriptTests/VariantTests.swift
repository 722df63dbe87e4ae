import RehabCore
import RehabScript
import Testing

/// `extends`, `change`, `drop`, `replace`, `use library` and libraries checked on their own.
@Suite struct VariantTests {
    /// The shipped files under `shipped/`, plus `extra`.
    static func load(_ main: String, _ extra: [String: String], shipped: String? = "shipped") -> LoadedProgram {
        var files = extra
        for (relative, text) in ShippedProgramTests.files { files["shipped/" + relative] = text }
        return ProgramLoader.load(main, from: MemorySources(files), shippedFolder: shipped)
    }

    static func variant(_ lines: String) -> LoadedProgram {
        load("clinic/v.rehab", ["clinic/v.rehab": "program v \"Variant\"\nextends \"lumbar-fusion\"\n" + lines])
    }

    static func rendered(_ l: LoadedProgram) -> String { DiagnosticRenderer(sources: l.sources).render(l.diagnostics) }

    @Test func theShippedExampleChecksCleanWithFivePoundsAndTheBrace() throws {
        let text = try #require(ShippedProgramTests.files["examples/lumbar-fusion-lee.rehab"])
        #expect(text.split(separator: "\n").count < 10)
        let loaded = Self.load("shipped/examples/lumbar-fusion-lee.rehab", [:])
        #expect(loaded.diagnostics.isEmpty, "\(Self.rendered(loaded))")
        let program = try #require(loaded.program)
        #expect(program.id == "lee-lumbar" && program.name == "Lumbar fusion, Dr Lee")
        #expect(program.phases.count == 4)
        // The base's expectations describe the base; the variant runs its own three.
        #expect(program.expectations.count == 3)
        let week8 = ExpectationRunner.assessment(program, week: 8, cleared: ["lifting"])
        #expect(week8.liftLimit?.rule == .atMost(.lifting, Quantity(Weight(5, .lb))))
        let week7 = ExpectationRunner.assessment(program, week: 7, cleared: [])
        #expect(program.allRestrictions.contains { $0.rule == .wear("brace") && $0.note == "when up" })
        #expect(!week7.can(.lifting).allowed || week7.liftLimit != nil)
        #expect(ExpectationRunner.assessment(program, week: 12, cleared: []).liftLimit == nil)
    }

    @Test func changeReplacesEveryRuleOnTheActivity() throws {
        let loaded = Self.variant("change driving to no driving until week 8\n")
        #expect(loaded.diagnostics.isEmpty, "\(Self.rendered(loaded))")
        let program = try #require(loaded.program)
        let driving = program.allRestrictions.filter { $0.rule == .no(.driving) }
        #expect(driving.count == 1 && driving.first?.until == .week(8))
        #expect(driving.first?.source?.file == "clinic/v.rehab")
    }

    @Test func changeSittingTakesMinutes() throws {
        let loaded = Self.variant("change sitting to at most 45 min from week 1 until week 4\n")
        let program = try #require(loaded.program, "\(Self.rendered(loaded))")
        let sitting = program.allRestrictions.filter { $0.rule.activity == .sitting }
        #expect(sitting.map(\.rule) == [.atMost(.sitting, .minutes(45))])
        #expect(sitting.first?.from == .week(1) && sitting.first?.until == .week(4))
    }

    @Test func changeMustStayOnItsActivity() {
        let limit = Self.variant("change bending to at most 5 lb\n")
        #expect(limit.diagnostics.first?.id == "change-mismatch")
        #expect(limit.diagnostics.first?.location.column == 19, "\(Self.rendered(limit))")
        let other = Self.variant("change lifting to no driving\n")
        #expect(other.diagnostics.first?.message == "'no driving' is not a rule on 'lifting'", "\(Self.rendered(other))")
        let unknown = Self.variant("change sports to no sports until week 4\n")
        #expect(unknown.diagnostics.first?.id == "change-unknown")
    }

    @Test func changeToAllowedRemovesTheRule() throws {
        let loaded = Self.variant("change massage to allowed\n")
        let program = try #require(loaded.program, "\(loaded.diagnostics.map(\.message))")
        #expect(!program.allRestrictions.contains { $0.rule.activity.name == "massage" })
    }

    @Test func aLimitThatOutlastsTheBaseStillBreaksItsPrescriptions() {
        // lifting-practice (10 lb) starts at week 12: a 5 lb limit to week 13 forbids it, in the base's phase.
        let loaded = Self.variant("change lifting to at most 5 lb until week 13\n")
        let d = loaded.diagnostics.filter { $0.id == "forbidden-prescription" }
        #expect(d.first?.message.contains("'lifting-practice'") == true, "\(Self.rendered(loaded))")
        #expect(d.first?.location.file == "shipped/lumbar-fusion.rehab")
        #expect(d.first?.notes.first?.location.file == "clinic/v.rehab")
        #expect(loaded.program == nil)
        // Dropping it makes the variant valid again.
        let fixed = Self.variant("change lifting to at most 5 lb until week 13\ndrop lifting-practice\n")
        #expect(fixed.diagnostics.isEmpty, "\(Self.rendered(fixed))")
    }

    @Test func dropRemovesAnExerciseFromEveryPhase() throws {
        let program = try #require(Self.variant("drop bridges\n").program)
        #expect(!program.phases.contains { $0.prescriptions.contains { $0.exercise == "bridges" } })
        let typo = Self.variant("drop bridgs\n")
        #expect(typo.diagnostics.first?.id == "not-prescribed")
        #expect(typo.diagnostics.first?.hint == "did you mean 'bridges'?")
    }

    @Test func replaceKeepsTheDose() throws {
        let base = try #require(Self.load("shipped/lumbar-fusion.rehab", [:]).program)
        let program = try #require(Self.variant("replace walking with stationary-bike\n").program)
        let before = base.phases[0].prescriptions.first { $0.exercise == "walking" }
        let after = program.phases[0].prescriptions.first { $0.exercise == "stationary-bike" }
        #expect(before?.dose == after?.dose && after != nil)
        #expect(!program.phases.contains { $0.prescriptions.contains { $0.exercise == "walking" } })
        let unknown = Self.variant("replace walking with recumbent-bike\n")
        #expect(unknown.diagnostics.first?.id == "unknown-exercise", "\(Self.rendered(unknown))")
    }

    @Test func newStatementsAddToTheBase() throws {
        let program = try #require(Self.variant("activity golf \"golf\"\nno golf until week 20\n").program)
        #expect(program.allRestrictions.contains { $0.rule == .no("golf") })
        #expect(program.allRestrictions.contains { $0.rule == .no(.bending) })
    }

    @Test func aVariantMayExtendAProgramFileInItsFolder() throws {
        let base = "program b \"Base\"\nactivity golf \"golf\"\nno golf until week 4\nphase one \"One\" weeks 0-6\n  ankle-pumps 2 x 10\n"
            + "use library \"exercises\"\nexpect week 1: golf\n"
        let loaded = Self.load("clinic/v.rehab", [
            "clinic/v.rehab": "program v \"V\"\nextends \"b.rehab\"\nchange golf to no golf until week 8\nexpect week 5: no golf\n",
            "clinic/b.rehab": base,
        ])
        #expect(loaded.diagnostics.isEmpty, "\(Self.rendered(loaded))")
        #expect(loaded.program?.expectations.count == 1)
    }

    @Test func editsWithoutABaseAreErrors() {
        let loaded = ProgramLoader.load("p.rehab", from: MemorySources(["p.rehab": "program p \"P\"\ndrop bridges\n"]))
        #expect(loaded.diagnostics.contains { $0.id == "edit-without-base" })
    }

    @Test func aShippedLibraryIsUsedByNameFromAnyFolder() throws {
        let main = """
            program p "P"
            use library "exercises"
            use library "red-flags"
            phase one "One" weeks 0-6
              walking 10 min
            expect week 1 with flag wound: on hold, walking
            """
        let loaded = Self.load("elsewhere/deep/p.rehab", ["elsewhere/deep/p.rehab": main])
        #expect(loaded.diagnostics.isEmpty, "\(Self.rendered(loaded))")
        #expect(loaded.shippedFiles == ["shipped/library/activities.rehab", "shipped/library/exercises.rehab",
                                        "shipped/library/red-flags.rehab"])
        let without = Self.load("elsewhere/deep/p.rehab", ["elsewhere/deep/p.rehab": main], shipped: nil)
        #expect(without.diagnostics.first?.id == "use-missing")
        #expect(without.diagnostics.first?.hint?.contains("REHAB_PROGRAMS") == true)
    }

    @Test func aLibraryIsCheckedOnItsOwn() {
        let loaded = Self.load("shipped/library/exercises.rehab", [:])
        #expect(loaded.isLibrary)
        #expect(loaded.diagnostics.isEmpty, "\(Self.rendered(loaded))")
        let flags = Self.load("shipped/library/red-flags.rehab", [:])
        #expect(flags.isLibrary && flags.diagnostics.isEmpty, "\(Self.rendered(flags))")
        #expect(flags.externalNames == ["walking", "ankle-pumps"])
        let typo = ProgramLoader.load("l.rehab", from: MemorySources(["l.rehab": "exercise a \"A\"\n  positon supine\n"]))
        #expect(typo.isLibrary && typo.diagnostics.first?.id == "wrong-block")
    }

    /// A provider whose `lib.rehab` is a link to a file outside the folder.
    struct LinkedSources: SourceProvider {
        let files: [String: String]
        func text(at path: String) -> String? { files[path] }
        func realPath(_ path: String) -> String? { path == "p/lib.rehab" ? "/elsewhere/lib.rehab" : "/" + path }
    }

    @Test func aLinkedLibraryLeadingOutsideIsRefused() {
        let files = ["p/main.rehab": "program m \"M\"\nuse \"lib.rehab\"\n", "p/lib.rehab": "exercise x \"X\"\n"]
        let loaded = ProgramLoader.load("p/main.rehab", from: LinkedSources(files: files))
        #expect(loaded.diagnostics.contains { $0.id == "use-escapes" }, "\(Self.rendered(loaded))")
        #expect(loaded.sources["p/lib.rehab"] == nil)
    }
}
