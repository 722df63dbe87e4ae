import RehabCore
import RehabScript
import Testing

/// Phase weeks, forbidden prescriptions, routines, clearances and libraries: one check each.
@Suite struct SemanticCheckTests {
    // MARK: phase weeks

    @Test func phaseGapNamesTheWeeksAndThePreviousPhase() {
        let c = Checked("""
            program demo "Demo"
            phase 1️⃣protection "Protection" weeks 0-6
            phase 2️⃣stabilization "Stabilization" weeks 8-12
            """)
        let d = c.expect("phase-gap", at: "2️⃣", message: ["'stabilization' starts at week 8", "weeks 6–8 with no phase"],
                         hint: "start it at week 6")
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
        #expect(d?.notes.first?.message.contains("ends at week 6") == true)
    }

    @Test func phaseOverlap() {
        let c = Checked("""
            program demo "Demo"
            phase 1️⃣protection "Protection" weeks 0-6
            phase 2️⃣stabilization "Stabilization" weeks 4-12
            """)
        let d = c.expect("phase-overlap", at: "2️⃣", message: ["starts at week 4", "before phase 'protection' ends at week 6"],
                         hint: "start it at week 6")
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    @Test func phaseEndingBeforeItStarts() {
        let c = Checked("""
            program demo "Demo"
            phase 1️⃣protection "Protection" weeks 6-2
            """)
        c.expect("phase-weeks", at: "1️⃣", message: ["ends (week 2) before it starts (week 6)"], hint: "weeks FIRST-LAST")
    }

    @Test func phaseEndingTheWeekItStarts() {
        let c = Checked("""
            program demo "Demo"
            phase 1️⃣protection "Protection" weeks 6-6
            """)
        c.expect("phase-weeks", at: "1️⃣", message: ["'protection'"])
    }

    @Test func contiguousPhasesAreFine() {
        let c = Checked("""
            program demo "Demo"
            phase a "A" weeks 0-6
            phase b "B" weeks 6-12
            phase d "D" weeks 12-26
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func programWithoutPhasesWarnsInItsOwnFile() {
        let c = Checked("""
            1️⃣program demo "Demo"
            """)
        // The warning must point into the file that was read, so it can be shown with its line.
        c.expect("no-phases", .warning, at: "1️⃣", message: ["no phase"])
    }

    // MARK: forbidden prescriptions

    @Test func heavyCarryUnderALiftingLimit() {
        let c = Checked("""
            program demo "Demo"
            1️⃣lift at most 10 lb until week 12
            exercise farmer-carry "Farmer carry"
              position standing
              loads lifting 20 lb
            phase protection "Protection" weeks 0-6
              2️⃣farmer-carry 2 x 10
            """)
        let d = c.expect("forbidden-prescription", at: "2️⃣",
                         message: ["phase 'protection' prescribes 'farmer-carry'", "lifts 20 lb, over the 10 lb limit", "'lift at most 10 lb'"],
                         hint: "later phase")
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
        #expect(d?.notes.first?.message == "the restriction is here")
    }

    @Test func bendingExerciseUnderNoBending() {
        let c = Checked("""
            program demo "Demo"
            no twisting, 1️⃣no bending until week 12
            exercise knee-to-chest "Knee to chest"
              loads bending
            phase protection "Protection" weeks 0-6
              2️⃣knee-to-chest 3 reps, hold 20 s
            """)
        let d = c.expect("forbidden-prescription", at: "2️⃣", message: ["'knee-to-chest'", "involves bending", "'no bending'"])
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    @Test func phaseRestrictionForbidsALadderRung() {
        let c = Checked("""
            program demo "Demo"
            exercise bracing "Bracing"
            exercise rotation "Rotation"
              loads twisting
            ladder core "Core"
              rungs bracing, rotation
            phase protection "Protection" weeks 0-6
              1️⃣no twisting
              ladder 2️⃣core 2 x 10
            """)
        let d = c.expect("forbidden-prescription", at: "2️⃣", message: ["prescribes 'rotation'", "involves twisting"])
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    @Test func restrictionReleasedByThePhasesOwnGateDoesNotForbid() {
        // The phase requires the clearance that releases the limit, so the carry is fine there.
        let c = Checked("""
            program demo "Demo"
            lift at most 10 lb until cleared lifting
            exercise farmer-carry "Farmer carry"
              loads lifting 20 lb
            phase protection "Protection" weeks 0-6
            phase strength "Strength" weeks 6-12
              requires cleared lifting
              farmer-carry 2 x 10
            """)
        #expect(!c.ids.contains("forbidden-prescription"), "\(c.rendered)")
    }

    @Test func sittingExerciseLongerThanTheSittingLimit() {
        let c = Checked("""
            program demo "Demo"
            1️⃣sit at most 20 min until week 6
            exercise reading "Reading"
              position sitting
            phase protection "Protection" weeks 0-6
              2️⃣reading 40 min
            """)
        let d = c.expect("forbidden-prescription", at: "2️⃣", message: ["40 min of 'reading' sitting", "'sit at most 20 min'"])
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
    }

    /// The same shape for any measured activity: walking prescribed over the walking limit, in time or distance.
    @Test func walkingLongerOrFartherThanTheWalkingLimit() {
        let c = Checked("""
            program demo "Demo"
            activity walking "walking"
            1️⃣walk at most 5 min until week 6
            3️⃣walk at most 1 km until week 6
            exercise walking "Walking"
            phase protection "Protection" weeks 0-6
              2️⃣walking 10 min, 3 times a day
            phase later "Later" weeks 6-12
              walking 2 mi
            phase last "Last" weeks 12-20
              4️⃣walking 1.5 mi
            """)
        let d = c.expect("forbidden-prescription", at: "2️⃣", message: ["10 min of 'walking'", "'walk at most 5 min'"])
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
        #expect(c.diagnostics.filter { $0.code == .forbiddenPrescription }.count == 1, "\(c.rendered)")
        let far = Checked("""
            program demo "Demo"
            activity walking "walking"
            walk at most 1 km until week 6
            exercise walking "Walking"
            phase protection "Protection" weeks 0-6
              1️⃣walking 1 mi
            """)
        far.expect("forbidden-prescription", at: "1️⃣", message: ["1 mi of 'walking'", "'walk at most 1 km'"])
    }

    // MARK: routines and clearances

    @Test func routineNotWrittenForARestrictionInForce() {
        let c = Checked("""
            program demo "Demo"
            1️⃣no bending until week 12
            routine car-in "Getting into a car"
              step "Sit, then swing both legs in together."
            phase protection "Protection" weeks 0-6
              routine 2️⃣car-in
            """)
        let d = c.expect("routine-respects", .warning, at: "2️⃣", message: ["routine 'car-in'", "'no bending'", "does not say what it loads"],
                         hint: "loads")
        #expect(d?.notes.map(\.location.spot) == [c.source["1️⃣"]])
        #expect(c.loaded.program != nil, "a warning does not stop the program loading")
    }

    @Test func unusedClearanceIsATypoWarning() {
        let c = Checked("""
            program demo "Demo"
            no driving until week 2 and cleared 1️⃣drivng
            phase protection "Protection" weeks 0-6
            """)
        let d = c.expect("unused-clearance", .warning, at: "1️⃣", message: ["clearance 'drivng'", "('driving')"],
                         hint: "did you mean 'driving'?")
        #expect(d?.length == 6, "the caret underlines the misspelt word")
        #expect(d?.fixIt?.description == "replace 'drivng' with 'driving'")
        #expect(c.loaded.program != nil)
    }

    @Test func clearanceRequiredByAPhaseOrDeclaredIsNotReported() {
        let c = Checked("""
            program demo "Demo"
            clearance wound "the incision has healed"
            activity swimming "swimming"
            no swimming until cleared wound
            lift at most 10 lb until week 6 and cleared outpatient-pt
            phase protection "Protection" weeks 0-6
            phase stabilization "Stabilization" weeks 6-12
              requires cleared outpatient-pt
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    // MARK: use

    @Test func useLeavingTheFolder() {
        let c = Checked("""
            program demo "Demo"
            use 1️⃣"../x.rehab"
            """, path: "programs/main.rehab", others: ["x.rehab": "exercise a \"A\"\n"])
        c.expect("use-escapes", at: "1️⃣", file: "programs/main.rehab", message: ["'../x.rehab' is outside the program's folder"],
                 hint: "relative path")
    }

    @Test func useWithAnAbsolutePath() {
        let c = Checked("""
            program demo "Demo"
            use 1️⃣"/etc/x.rehab"
            """, others: ["/etc/x.rehab": "exercise a \"A\"\n"])
        c.expect("use-escapes", at: "1️⃣", message: ["'/etc/x.rehab'"])
    }

    @Test func useLeavingTheFolderFromASubfolder() {
        // A library may walk back up to the program's folder, but not above it.
        let main = """
            program demo "Demo"
            use "library/a.rehab"
            phase p "P" weeks 0-6
            """
        let lib = MarkedSource("""
            use "../b.rehab"
            use 1️⃣"../../c.rehab"
            """)
        let loaded = ProgramLoader.load("p/main.rehab", from: MemorySources([
            "p/main.rehab": main, "p/library/a.rehab": lib.text, "p/b.rehab": "exercise b \"B\"\n", "c.rehab": "exercise c \"C\"\n",
        ]))
        #expect(loaded.diagnostics.map(\.id) == ["use-escapes"])
        #expect(loaded.diagnostics.first?.location.file == "p/library/a.rehab")
        #expect(loaded.diagnostics.first?.location.spot == lib["1️⃣"])
        #expect(loaded.draft.exercise("b") != nil)
        #expect(loaded.draft.exercise("c") == nil)
    }

    @Test func useLoop() {
        let b = MarkedSource("""
            exercise b "B"
            use 1️⃣"a.rehab"
            """)
        let a = """
            exercise a "A"
            use "b.rehab"
            """
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources([
            "main.rehab": "program demo \"Demo\"\nuse \"a.rehab\"\nphase p \"P\" weeks 0-6\n", "a.rehab": a, "b.rehab": b.text,
        ]))
        let loops = loaded.diagnostics.filter { $0.id == "use-loop" }
        #expect(loops.count == 1, "\(loaded.diagnostics.map(\.message))")
        #expect(loops.first?.location.file == "b.rehab")
        #expect(loops.first?.location.spot == b["1️⃣"])
        #expect(loops.first?.message.contains("loop") == true)
    }

    @Test func fileUsingItself() {
        let c = Checked("""
            program demo "Demo"
            use 1️⃣"main.rehab"
            """)
        c.expect("use-loop", at: "1️⃣", message: ["'main.rehab' is already being read"])
    }

    @Test func missingUseFile() {
        let c = Checked("""
            program demo "Demo"
            use 1️⃣"library/nothing.rehab"
            """, path: "p/main.rehab")
        c.expect("use-missing", at: "1️⃣", file: "p/main.rehab", message: ["cannot read 'library/nothing.rehab'", "p/library/nothing.rehab"])
    }

    @Test func aLibraryUsedTwiceIsReadOnce() {
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources([
            "main.rehab": "program demo \"Demo\"\nuse \"a.rehab\"\nuse \"b.rehab\"\nphase p \"P\" weeks 0-6\n",
            "a.rehab": "use \"c.rehab\"\n", "b.rehab": "use \"c.rehab\"\n", "c.rehab": "exercise c \"C\"\n",
        ]))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        #expect(loaded.draft.exercises.map(\.id) == ["c"])
    }

    // MARK: libraries

    @Test func libraryWithAPhaseIsAnError() {
        let lib = MarkedSource("""
            exercise a "A"
            phase 1️⃣extra "Extra" weeks 0-6
            """)
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources([
            "main.rehab": "program demo \"Demo\"\nuse \"lib.rehab\"\nphase p \"P\" weeks 0-6\n", "lib.rehab": lib.text,
        ]))
        let d = loaded.diagnostics.filter { $0.id == "library-content" }
        #expect(d.count == 1, "\(loaded.diagnostics.map(\.message))")
        #expect(d.first?.severity == .error)
        #expect(d.first?.location.file == "lib.rehab")
        #expect(d.first?.location.spot == lib["1️⃣"])
        #expect(d.first?.message.contains("'phase' belongs in the main program file") == true)
        #expect(loaded.program == nil)
    }

    @Test func libraryWithAProgramLineRestrictionOrExpectation() {
        let lib = MarkedSource("""
            1️⃣program lib "Library"
            2️⃣no bending
            3️⃣expect week 1: bending
            """)
        let loaded = ProgramLoader.load("main.rehab", from: MemorySources([
            "main.rehab": "program demo \"Demo\"\nuse \"lib.rehab\"\nphase p \"P\" weeks 0-6\n", "lib.rehab": lib.text,
        ]))
        let spots = loaded.diagnostics.filter { $0.id == "library-content" }.map(\.location.spot)
        #expect(spots == [lib["1️⃣"], lib["2️⃣"], lib["3️⃣"]], "\(loaded.diagnostics.map(\.message))")
    }
}
