import Foundation
import RehabCore
import Testing
@testable import RehabJournal

@Suite("Patients")
struct PatientTests {
    @Test("a created patient is listed with a timestamp and no events")
    func createAndList() throws {
        try withTemporaryDirectory { dir in
            let journal = try Journal.open(dataDir: dir)
            #expect(try journal.patients().isEmpty)
            #expect(try !journal.hasPatient(named: "Sam"))
            try journal.createPatient(named: "Sam")
            #expect(try journal.hasPatient(named: "Sam"))
            #expect(try !journal.hasPatient(named: "sam"))
            let summary = try #require(try journal.patients().first)
            #expect(summary.name == "Sam")
            #expect(summary.eventCount == 0)
            #expect(summary.created.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil)
        }
    }

    @Test("adding the same name twice fails and keeps the first")
    func duplicate() throws {
        let journal = try Journal.inMemory()
        try journal.createPatient(named: "Sam")
        try journal.append(dailySession(1), to: "Sam", recordedAt: stamp)
        #expect(throws: JournalError.duplicatePatient("Sam")) { try journal.createPatient(named: "Sam") }
        #expect(try journal.patients().map(\.eventCount) == [1])
        #expect(JournalError.duplicatePatient("Sam").description.contains("already a patient named 'Sam'"))
    }

    @Test("every per-patient call names an unknown patient")
    func unknown() throws {
        let journal = try Journal.inMemory()
        let expected = JournalError.unknownPatient("Ghost")
        #expect(throws: expected) { try journal.append(dailySession(1), to: "Ghost", recordedAt: stamp) }
        #expect(throws: expected) { try journal.events(of: "Ghost") }
        #expect(throws: expected) { try journal.record(of: "Ghost") }
        #expect(throws: expected) { try journal.sessionCount(of: "Ghost") }
        #expect(expected.description
            == "there is no patient named 'Ghost'; type 'patients' to list them or 'patient new Ghost' to add one.")
    }

    @Test("names that cannot be used", arguments: [
        "", "   ", String(repeating: "x", count: 65), "Sam\nSmith", "tab\there", "bell\u{7}", "del\u{7F}",
        "\u{202E}maS", " Sam", "Sam ",
    ])
    func invalid(name: String) throws {
        let journal = try Journal.inMemory()
        #expect(throws: JournalError.invalidName(name)) { try journal.createPatient(named: name) }
        #expect(try journal.patients().isEmpty)
        let message = JournalError.invalidName(name).description
        #expect(message.hasSuffix("."))
        #expect(!message.contains("\n"))
    }

    @Test("names that are fine", arguments: [
        "Sam", "Ana María", "O'Brien-Smith", "患者 1", String(repeating: "x", count: 64), "👩‍⚕️ Dr Who",
    ])
    func valid(name: String) throws {
        let journal = try Journal.inMemory()
        try journal.createPatient(named: name)
        #expect(try journal.hasPatient(named: name))
    }

    @Test("invalid-name messages explain the problem")
    func invalidMessages() {
        #expect(JournalError.invalidName("").description.contains("cannot be empty"))
        #expect(JournalError.invalidName(String(repeating: "x", count: 70)).description.contains("at most 64"))
        #expect(JournalError.invalidName("a\nb").description.contains("control characters"))
        #expect(JournalError.invalidName(" a").description.contains("space"))
    }
}
