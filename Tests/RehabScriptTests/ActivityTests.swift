import RehabCore
import RehabScript
import Testing

/// `activity ID "WORDS"`: restrictions and loads name declared (or built-in) activities; routines say what they load.
@Suite struct ActivityTests {
    @Test func aDeclaredActivityKeepsItsWords() throws {
        let c = Checked("""
            program demo "Demo"
            activity overhead-reaching "reaching above your shoulders"
            activity golf "golf"
            no overhead-reaching until week 12
            limit golf "putting only"
            phase protection "Protection" weeks 0-12
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let program = try #require(c.loaded.program)
        #expect(program.words(for: .overheadReaching) == "reaching above your shoulders")
        #expect(program.words(for: "golf") == "golf")
        // Undeclared, the engine's own activities read as their id with spaces, never with a hyphen.
        #expect(program.words(for: .neckMotion) == "neck motion")
    }

    @Test func aRestrictionOnAnUndeclaredActivityIsAnErrorWithANearMissFix() {
        let c = Checked("""
            program demo "Demo"
            activity overhead-reaching "reaching above your shoulders"
            no 1️⃣overhead-reachng until week 12
            phase protection "Protection" weeks 0-12
            """)
        let d = c.expect("unknown-activity", at: "1️⃣", message: ["unknown activity 'overhead-reachng'"],
                         hint: "did you mean 'overhead-reaching'?")
        #expect(d?.fixIt?.replacement == "overhead-reaching")
        #expect(d?.hint?.contains("activity overhead-reachng \"the words a patient reads\"") == true)
    }

    @Test func aNewActivityIsNeverFixedIntoAnotherOne() {
        // `swimming` is three edits from `sitting`: a fix would turn one rule into another.
        let c = Checked("""
            program demo "Demo"
            no 1️⃣swimming until week 4
            limit 2️⃣golf
            phase protection "Protection" weeks 0-12
            """)
        let swim = c.diagnostics.first { $0.message.contains("'swimming'") }
        #expect(swim?.id == "unknown-activity")
        #expect(swim?.fixIt == nil, "\(c.rendered)")
        #expect(swim?.location.spot == c.source["1️⃣"])
        let golf = c.diagnostics.first { $0.message.contains("'golf'") }
        #expect(golf?.hint == "declare it, as in 'activity golf \"the words a patient reads\"'")
        #expect(golf?.location.spot == c.source["2️⃣"])
    }

    @Test func builtInActivitiesAndPositionsNeedNoDeclaration() {
        let c = Checked("""
            program demo "Demo"
            no bending, no twisting, no driving, no neck-motion, no overhead-reaching until week 12
            no prone until week 6
            wear brace until week 6
            phase protection "Protection" weeks 0-12
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aLoadNamingAnUndeclaredActivityIsAnError() {
        let c = Checked("""
            program demo "Demo"
            exercise jog "Jogging"
              loads 1️⃣runing
            phase protection "Protection" weeks 0-12
            """)
        c.expect("unknown-activity", at: "1️⃣", message: ["unknown activity 'runing'"])
    }

    @Test func aWhileNoLineNamesAKnownActivity() {
        // A misspelt `while no` would never show its reason, so it is checked like a restriction.
        let c = Checked("""
            program demo "Demo"
            exercise chin-tucks "Chin tucks"
              loads none
              while no 1️⃣neck-moton "a small supported nod"
            phase protection "Protection" weeks 0-12
            """)
        let d = c.expect("unknown-activity", at: "1️⃣", message: ["unknown activity 'neck-moton'"],
                         hint: "did you mean 'neck-motion'?")
        #expect(d?.fixIt?.replacement == "neck-motion")
    }

    @Test func activitiesMayComeFromALibrary() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            no swimming until week 4
            phase protection "Protection" weeks 0-12
            """, others: ["lib.rehab": "activity swimming \"swimming\"\n"])
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aProgramsOwnWordsWinOverALibrarys() throws {
        let c = Checked("""
            program demo "Demo"
            activity massage "massage of your neck"
            use "lib.rehab"
            no massage until week 6
            phase protection "Protection" weeks 0-12
            """, others: ["lib.rehab": "activity massage \"massage\"\n"])
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        #expect(try #require(c.loaded.program).words(for: "massage") == "massage of your neck")
    }

    // MARK: routines say what they load

    @Test func aRoutineThatLoadsNothingNeedsNoRespectsList() {
        let c = Checked("""
            program demo "Demo"
            no bending, no twisting until week 12
            lift at most 10 lb until week 6
            routine log-roll "Log roll"
              loads none
              step "Roll onto your side"
            phase protection "Protection" weeks 0-6
              routine log-roll
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func aRoutineWhoseLoadsBreakARuleInForceIsFlagged() {
        let c = Checked("""
            program demo "Demo"
            1️⃣no bending until week 12
            routine shoes "Putting on shoes"
              loads bending
              step "Bend down to your shoes"
            phase protection "Protection" weeks 0-6
              routine 2️⃣shoes
            phase later "Later" weeks 12-20
              routine shoes
            """)
        let d = c.expect("routine-respects", .warning, at: "2️⃣",
                         message: ["routine 'shoes'", "'no bending'", "involves bending"], hint: "later phase")
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    @Test func respectsIsDeprecatedButStillVouchesForItsRules() {
        let c = Checked("""
            program demo "Demo"
            no bending until week 12
            routine log-roll "Log roll"
              1️⃣respects no bending, no unheard-of
              step "Roll onto your side"
            phase protection "Protection" weeks 0-6
              routine log-roll
            """)
        c.expect("respects-deprecated", .warning, at: "1️⃣", message: ["'respects' is deprecated"], hint: "loads none")
        // No routine-respects (it vouches for `no bending`), and an old list names activities freely.
        #expect(c.diagnostics.count == 1, "\(c.rendered)")
    }

    @Test func theShippedLibrariesDeclareEveryActivityTheProgramsRestrict() throws {
        for name in ShippedProgramTests.programs {
            let loaded = VariantTests.load("shipped/" + name, [:])
            let program = try #require(loaded.program, "\(name)")
            #expect(!program.activityWords.isEmpty, "\(name)")
            for r in program.allRestrictions {
                guard case .no(let a) = r.rule else { continue }
                #expect(program.activityWords[a.name] != nil, "\(name): '\(a.name)' has no declared words")
            }
            #expect(program.routines.allSatisfy { $0.respects.isEmpty && $0.statesLoads }, "\(name)")
        }
    }
}
