import RehabCore
import Testing

/// Red flags found from the patient's own words.
@Suite struct SymptomMatcherTests {
    static let flags = [
        RedFlag(id: "chest-breathing", description: "Chest pain or shortness of breath", advice: "Call 911 now.", severity: .emergency,
                phrases: ["chest pain", "short of breath", "can't breathe"]),
        RedFlag(id: "calf-pain", description: "Calf pain or swelling", advice: "Call now.", severity: .urgent,
                phrases: ["calf pain", "sore calf", "swollen calf"]),
        RedFlag(id: "bowel-bladder", description: "Bladder or bowel control", advice: "Call 911.", severity: .emergency,
                phrases: ["can't pee", "saddle numbness"]),
        RedFlag(id: "fall", description: "You fell", advice: "Call today.", severity: .soon, phrases: ["fell", "tripped"]),
    ]

    func clear(_ text: String) -> [String] { SymptomMatcher.match(text, in: Self.flags).clear.map(\.id) }
    func unclear(_ text: String) -> [String] { SymptomMatcher.match(text, in: Self.flags).unclear.map(\.id) }

    @Test(arguments: [
        ("chest pain", "chest-breathing"), ("Pain in my CHEST!", "chest-breathing"), ("chest pains", "chest-breathing"),
        ("I'm short of breath", "chest-breathing"), ("can't breathe", "chest-breathing"), ("cant breathe", "chest-breathing"),
        ("can t breathe", "chest-breathing"), ("my calf is sore and swollen", "calf-pain"), ("pain in both calves", "calf-pain"),
        ("swolen calf", "calf-pain"), ("chest-breathing", "chest-breathing"), ("i tripped", "fall"),
    ])
    func wordsFindTheirFlag(text: String, id: String) {
        #expect(clear(text).contains(id), "'\(text)' → \(clear(text)), unclear \(unclear(text))")
    }

    @Test func severalSymptomsRecordEveryOneMostSevereFirst() {
        #expect(clear("I fell and now I have chest pain") == ["chest-breathing", "fall"])
    }

    @Test func aTellingWordAloneIsAnUnclearMatch() {
        #expect(clear("chest") == [])
        #expect(unclear("chest") == ["chest-breathing"])
        #expect(unclear("numbness down there") == ["bowel-bladder"])
    }

    @Test func commonWordsNeverMatchAlone() {
        #expect(SymptomMatcher.match("pain", in: Self.flags).isEmpty)
        #expect(SymptomMatcher.match("it is bad and new", in: Self.flags).isEmpty)
    }

    @Test func idWordsAreNotSpellChecked() {
        // "call" is one letter from the id `fall`; an id must be typed as it is.
        #expect(SymptomMatcher.match("I want to call my surgeon", in: Self.flags).isEmpty)
    }

    @Test func shortWordsAreNotTakenAsMisspellings() {
        #expect(SymptomMatcher.match("can't pea", in: Self.flags).clear.isEmpty)
    }

    @Test func theEmergencyNumberIsThePatientsOwn() {
        let f = Self.flags[0]
        #expect(f.advice(emergencyNumber: "112") == "Call 112 now.")
        #expect(RedFlag.localized("Call 911 or 9110", emergencyNumber: "000") == "Call 000 or 9110")
        #expect(f.advice(emergencyNumber: "911") == "Call 911 now.")
    }
}
