import RehabCore
import RehabScript
import Testing

/// `advise ACTIVITY "…"` and `ask surgeon about ACTIVITY, …`: parsed, checked like a restriction's activity, and
/// answered by `can`.
@Suite struct AdviceSyntaxTests {
    static let text = """
        program demo "Demo"
        activity sleeping-on-side "sleeping on your side"
        activity flying "flying"
        activity standing "standing for a long time"
        advise sleeping-on-side "put a pillow between your knees"
        advise brace "not in bed"
        ask surgeon about flying, standing
        no bending until week 6
        advise bending "bend at your knees"
        wear brace until week 6
        phase p "P" weeks 0-12
        """

    @Test func parsesBothLines() throws {
        let c = Checked(Self.text)
        #expect(c.diagnostics.isEmpty, "\(c.rendered)")
        let program = try #require(c.loaded.program)
        #expect(program.advice.map(\.activity.name) == ["sleeping-on-side", "brace", "flying", "standing", "bending"])
        #expect(program.advice.map(\.words)
                == ["put a pillow between your knees", "not in bed", nil, nil, "bend at your knees"])
        #expect(program.advice.map(\.defersToSurgeon) == [false, false, true, true, false])
        #expect(program.advice.first?.source?.line == 5)
        // An activity named only by advice is answered and listed, never "no activity".
        #expect(program.activities.contains(Activity("flying")) && program.activities.contains(Activity("sleeping-on-side")))
        #expect(!program.activities.contains(Activity("brace")))
    }

    @Test func answers() throws {
        let program = try #require(Checked(Self.text).loaded.program)
        let surgery = try #require(CalendarDay(iso: "2026-10-31"))
        let a = Assessor.assess(program: program, record: PatientRecord(), surgery: surgery, on: surgery.adding(days: 14))
        let side = a.can(Activity("sleeping-on-side"))
        #expect(side.allowed && side.decision == "yes")
        #expect(side.reason == "sleeping on your side is allowed; advice from the program (main.rehab:5): "
                    + "put a pillow between your knees.")
        let flying = a.can(Activity("flying"))
        #expect(!flying.allowed && flying.decision == "ask-first")
        #expect(flying.reason == "the sources your program uses say nothing about flying; ask your surgeon (main.rehab:7).")
        // A ban keeps its reason and adds the advice; gear advice is said while it is worn.
        let bend = a.can(.bending)
        #expect(!bend.allowed && bend.reason.hasSuffix("Advice from the program (main.rehab:9): bend at your knees."),
                "\(bend.reason)")
        #expect(a.can(Activity("brace")).reason.hasSuffix("Advice from the program (main.rehab:6): not in bed."))
        let later = Assessor.assess(program: program, record: PatientRecord(), surgery: surgery,
                                    on: surgery.adding(days: 50))
        #expect(!later.can(Activity("brace")).reason.contains("not in bed"))
        #expect(later.can(.bending).reason
                == "bending is allowed; advice from the program (main.rehab:9): bend at your knees.")
    }

    @Test func unknownActivityAndMissingAbout() {
        let unknown = Checked("""
            program demo "Demo"
            advise juggling "carefully"
            phase p "P" weeks 0-12
            """)
        #expect(unknown.diagnostics.map(\.id) == ["unknown-activity"], "\(unknown.rendered)")
        let missing = Checked("""
            program demo "Demo"
            ask surgeon flying
            phase p "P" weeks 0-12
            """)
        #expect(missing.diagnostics.map(\.id) == ["expected"], "\(missing.rendered)")
        #expect(missing.diagnostics.first?.message.contains("'about'") == true, "\(missing.rendered)")
    }
}
