import Foundation
import RehabCore
import RehabJSON
import Testing
@testable import RehabJournal

/// The journal writes and reads payloads without Foundation: what it writes must be the bytes
/// `JSONEncoder` wrote (journals from before read and diff alike), and its two readers (the hand
/// reader and `Decodable` over `TreeDecoder`) must give what `JSONDecoder` gives.
@Suite("Payload decoding")
struct PayloadDecodingTests {
    static func foundation(_ payload: String) throws -> PatientEvent {
        try JSONDecoder().decode(PatientEvent.self, from: Data(payload.utf8))
    }

    static func foundationPayload(_ event: PatientEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    /// `Decodable` over the tree, without the hand reader.
    static func codable(_ payload: String) throws -> PatientEvent {
        try PatientEvent(from: TreeDecoder(tree: JSONTree.parse(payload)))
    }

    static func hand(_ payload: String) throws -> PatientEvent? {
        EventReader.event(try JSONTree.parse(payload))
    }

    static let variedEvents: [PatientEvent] = everyKindOfEvent + (0..<200).map(dailySession) + [
        .profileChanged(field: "name", value: "quote \" backslash \\ slash / nul \u{0} bell \u{7} del \u{7F}", on: day(0)),
        .profileChanged(field: "name", value: "emoji 👩‍⚕️ flags 🇳🇿 CJK 患者 combining é", on: day(-3650)),
        .clearanceRecorded(Clearance(topic: "lifting", upTo: Weight(0.1, .kg), on: day(1))),
        .clearanceRecorded(Clearance(topic: "lifting", upTo: Weight(-2.5e-7, .lb), on: day(1))),
        .clearanceRecorded(Clearance(topic: "lifting", upTo: Weight(1.7976931348623157e308, .lb), on: day(1))),
        .sessionLogged(SessionRecord(on: day(3), painBefore: Int.max, painAfter: Int.min, exercises: [], note: "")),
        .programAssigned(ProgramCopy(name: "", files: [:], mainFile: "", contentHash: "", on: day(0))),
    ]

    @Test("payloads are JSONEncoder's bytes, and both readers give exactly what JSONDecoder gives")
    func agreesWithFoundation() throws {
        let withoutFiles = Self.variedEvents.map { event -> PatientEvent in
            guard case .programAssigned(var copy) = event else { return event }
            copy.files = [:]
            return .programAssigned(copy)
        }
        for (event, expected) in zip(Self.variedEvents, withoutFiles) {
            let payload = try EventCoding.encode(event)
            // A program's files live in `program_files`, not in the payload.
            #expect(payload == (try Self.foundationPayload(expected)))
            let foundation = try Self.foundation(payload)
            #expect(foundation == expected)
            #expect(try Self.hand(payload) == foundation, "hand reader on \(payload)")
            #expect(try Self.codable(payload) == foundation)
            #expect(try EventCoding.decode(payload) == foundation)
            #expect(try EventCoding.encode(foundation) == payload)
        }
    }

    @Test("escapes JSONEncoder never writes are still read", arguments: [
        (#"{"profileChanged":{"field":"name","on":"2025-03-04","value":"\ud83d\ude00 \u00e9\n\t\/\b\f\r"}}"#,
         "😀 é\n\t/\u{8}\u{C}\r"),
        (" {\n \"profileChanged\" : { \"field\" : \"name\" , \"on\" : \"2025-03-04\" , \"value\" : \"x\" } } ", "x"),
    ])
    func handWrittenJSON(payload: String, value: String) throws {
        let expected = PatientEvent.profileChanged(field: "name", value: value, on: surgery)
        #expect(try Self.hand(payload) == expected)
        #expect(try Self.codable(payload) == expected)
        #expect(try Self.foundation(payload) == expected)
        #expect(try EventCoding.decode(payload) == expected)
    }

    @Test("what the hand reader does not recognise, Decodable reads as JSONDecoder does", arguments: [
        #"{"sessionLogged":{"_0":{"exercises":[],"on":"2025-03-04","painBefore":3.0}}}"#,   // integer written as 3.0
        #"{"restrictionOrdered":{"_0":{"activity":"lifting","on":"2025-03-04","minutes":1e1}}}"#,
        #"{"profileChanged":{"field":"a","on":"2025-03-04","value":"x","extra":[1]}}"#,     // a key it ignores
        #"{"clearanceRecorded":{"_0":{"topic":"lifting","on":"2025-03-04","upTo":{"unit":"stone","value":1}}}}"#,
        #"{"profileChanged":{"field":"a","on":"2025-02-30","value":"x"}}"#,                 // no such day
        #"{"teleported":{"to":"Mars"}}"#,
        #"{"profileChanged":{"field":"a","on":"2025-03-04","value":"x"},"phaseChanged":{}}"#,
    ])
    func fallsBack(payload: String) throws {
        let foundation = Result { try Self.foundation(payload) }
        let journal = Result { try EventCoding.decode(payload) }
        switch (foundation, journal) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure, .failure): break
        default: Issue.record("the journal and JSONDecoder disagree on \(payload)")
        }
    }

    @Test("a repeated key or a lone surrogate is refused rather than guessed at", arguments: [
        #"{"profileChanged":{"field":"a","field":"b","on":"2025-03-04","value":"x"}}"#,
        #"{"profileChanged":{"field":"a","on":"2025-03-04","value":"\ud83d"}}"#,
    ])
    func refusesAmbiguous(payload: String) {
        #expect(throws: (any Error).self) { try EventCoding.decode(payload) }
    }

    @Test("malformed JSON is refused", arguments: [
        "", "{", "[]", "null", #"{"a":}"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, "{\"a\":\"\u{1}\"}",
        #"{"a":1} x"#, String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func malformed(payload: String) {
        #expect(throws: (any Error).self) { try EventCoding.decode(payload) }
    }

    @Test("an unreadable payload in the file is reported as a storage problem")
    func unreadablePayload() throws {
        try withTemporaryDirectory { dir in
            do {
                let journal = try Journal.open(dataDir: dir)
                try journal.createPatient(named: "Sam")
                try journal.append(dailySession(1), to: "Sam", recordedAt: stamp)
            }
            try Journal.executeRaw(sql: """
                INSERT INTO events (patient_id, kind, day, recorded_at, payload)
                VALUES (1, 'teleport', '2025-03-05', '\(stamp)', '{"teleported":{"to":"Mars"}}')
                """, onFileAt: journalPath(in: dir))
            let journal = try Journal.open(dataDir: dir)
            #expect(try journal.sessionCount(of: "Sam") == 1)
            do throws(JournalError) {
                _ = try journal.record(of: "Sam")
                Issue.record("expected an error")
            } catch {
                guard case .storage(let sentence) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(sentence.contains("could not be read back"))
                #expect(sentence.contains(journalPath(in: dir)))
            }
        }
    }
}
