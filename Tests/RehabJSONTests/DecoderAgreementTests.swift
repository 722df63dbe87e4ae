import Foundation
import RehabJSON
import Testing

/// `TreeDecoder` is the only reader of journal payloads now: where `JSONDecoder` reads a
/// number or refuses a document, it must do the same.
@Suite("JSON decoder agreement")
struct DecoderAgreementTests {
    struct Whole: Codable, Equatable { var a: Int }
    struct Byte: Codable, Equatable { var a: UInt8 }
    struct Real: Codable, Equatable { var a: Double }

    static func both<T: Decodable & Equatable>(_ type: T.Type, _ text: String) -> (T?, T?) {
        (try? TreeDecoder.decode(type, from: text), try? JSONDecoder().decode(type, from: Data(text.utf8)))
    }

    @Test("number literals are read or refused as JSONDecoder does", arguments: [
        "3", "3.0", "1e2", "1E2", "1E+2", "3.5", "-0", "-0.0", "300", "01", "1.", ".5", "+1", "-", "1e", "1e+",
        "9223372036854775807", "9223372036854775808", "1e19", "-1", "0.1e-2", "1e400", "--1", "1.5.2",
    ])
    func numbers(literal: String) {
        let text = #"{"a":\#(literal)}"#
        let whole = Self.both(Whole.self, text)
        #expect(whole.0 == whole.1, "Int from \(literal)")
        let byte = Self.both(Byte.self, text)
        #expect(byte.0 == byte.1, "UInt8 from \(literal)")
        let real = Self.both(Real.self, text)
        #expect(real.0 == real.1, "Double from \(literal)")
    }

    @Test("escapes JSONEncoder never writes are still read")
    func escapes() throws {
        let text = #"{"a":"\ud83d\ude00 \u00e9\n\t\/\b\f\r"}"#
        struct S: Codable, Equatable { var a: String }
        #expect(try TreeDecoder.decode(S.self, from: text) == S(a: "😀 é\n\t/\u{8}\u{C}\r"))
    }

    @Test("malformed or ambiguous documents are refused", arguments: [
        "", "{", "[]", "null", #"{"a":}"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, "{\"a\":\"\u{1}\"}",
        #"{"a":1} x"#, String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        #"{"a":1,"a":2}"#, #"{"a":"\ud83d"}"#, #"{"a":"\udc00"}"#,
    ])
    func malformed(text: String) {
        #expect(throws: (any Error).self) { try TreeDecoder.decode(Whole.self, from: text) }
    }
}
