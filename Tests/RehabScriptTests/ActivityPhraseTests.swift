import RehabCore
import RehabScript
import Testing

/// `says` under an `activity` line (and in an exercise): the words patients ask with, parsed, merged and checked.
@Suite struct ActivityPhraseTests {
    @Test func phrasesAreReadFromEverySaysLine() throws {
        let c = Checked("""
            program demo "Demo"
            activity sleeping-on-stomach "sleeping on your stomach"
              says "sleep on my stomach", "lie on my front"
              says "sleep face down"
            activity golf "golf"
            exercise prone-press-ups "Prone press-ups"
              loads extension
              says "press-ups", "cobra"
            activity extension "arching your lower back"
            phase protection "Protection" weeks 0-12
            """)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let program = try #require(c.loaded.program)
        #expect(program.activityPhrases["sleeping-on-stomach"] == ["sleep on my stomach", "lie on my front", "sleep face down"])
        #expect(program.activityPhrases["golf"] == nil)
        #expect(program.words(for: "golf") == "golf")
        #expect(program.exercise("prone-press-ups")?.phrases == ["press-ups", "cobra"])
    }

    @Test func aProgramsOwnWordsKeepTheLibrarysPhrases() throws {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            activity golf "a round of golf"
            phase protection "Protection" weeks 0-12
            """, others: ["lib.rehab": "activity golf \"golf\"\n  says \"play golf\"\n"])
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let program = try #require(c.loaded.program)
        #expect(program.words(for: "golf") == "a round of golf")
        #expect(program.activityPhrases["golf"] == ["play golf"])
    }

    @Test func anEmptyPhraseIsAnError() {
        let c = Checked("""
            program demo "Demo"
            activity golf "golf"
              says "play golf", 1️⃣"can I"
            phase protection "Protection" weeks 0-12
            """)
        c.expect("empty-phrase", at: "1️⃣", message: ["\"can I\"", "activity 'golf'", "no word a question could match"])
    }

    @Test func aPhraseTwoActivitiesShareIsAnErrorEvenWrittenDifferently() {
        let c = Checked("""
            program demo "Demo"
            activity golf "golf"
              says "swing a club"
            activity tennis "tennis"
              says 1️⃣"Swinging clubs!"
            phase protection "Protection" weeks 0-12
            """)
        c.expect("duplicate-phrase", at: "1️⃣", message: ["activity 'tennis'", "also belongs to activity 'golf'"])
    }

    @Test func oneActivityDeclaredTwiceMayRepeatItsPhrase() {
        let c = Checked("""
            program demo "Demo"
            use "lib.rehab"
            activity golf "golf"
              says "play golf"
            phase protection "Protection" weeks 0-12
            """, others: ["lib.rehab": "activity golf \"golf\"\n  says \"play golf\"\n"])
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
    }

    @Test func anythingButSaysUnderAnActivityIsAWrongBlockLine() {
        let c = Checked("""
            program demo "Demo"
            activity golf "golf"
              1️⃣step "swing"
            phase protection "Protection" weeks 0-12
            """)
        c.expect("wrong-block", at: "1️⃣", message: ["'step' does not belong under an activity"])
    }

    /// The shared activity ids of the shipped programs: each has words patients ask with.
    static let sharedIDs = [
        "lifting", "sitting", "bending", "twisting", "driving", "neck-motion", "overhead-reaching", "extension",
        "end-range-back-motion", "overhead-lifting", "swimming", "bathing", "running", "sports", "contact-sports", "massage",
        "smoking", "brace", "collar", "sleeping-on-stomach", "sleeping-on-side", "sleeping-on-back", "showering", "hot-tub",
        "stairs", "standing", "walking", "riding", "flying", "vacuuming", "laundry", "dishes", "making-the-bed",
        "picking-up-from-floor", "sex", "desk-work", "manual-work", "golf", "tennis", "stationary-cycling",
        "recumbent-cycling", "road-cycling", "gym-weights", "yoga",
    ]

    @Test(arguments: ShippedProgramTests.programs)
    func theShippedLibraryGivesEveryActivityPhrases(name: String) throws {
        let program = try #require(ShippedProgramTests.load(name).program)
        for id in Self.sharedIDs {
            #expect(!(program.activityPhrases[id] ?? []).isEmpty, "\(name): activity '\(id)' has no 'says' phrases")
        }
    }
}
