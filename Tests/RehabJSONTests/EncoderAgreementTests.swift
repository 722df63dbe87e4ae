import Foundation
import RehabJSON
import Testing

/// `TreeEncoder` replaced Foundation's `JSONEncoder`: payloads already in journals and the
/// `--json` text scripts read must not change by a byte.
@Suite("JSON encoder agreement")
struct EncoderAgreementTests {
    enum Shape: Codable, Hashable {
        case dot
        case circle(radius: Double)
        case label(String, size: Int?)
        case nested([Shape])
    }

    struct Everything: Codable, Hashable {
        var text = "quote \" backslash \\ slash / nul \u{0} bell \u{7} del \u{7F} tab \t newline \n cr \r ff \u{C} bs \u{8} esc \u{1B} us \u{1F}"
        var unicode = "emoji 👩‍⚕️ flags 🇳🇿 CJK 患者 combining é"
        var flag = true
        var counts: [Int] = [0, -1, Int.max, Int.min]
        var small: [Int8] = [Int8.min, Int8.max]
        var unsigned: [UInt64] = [0, UInt64.max]
        var reals: [Double] = [0, -0.0, 10, 2.5, 0.1, 1e20, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123456789012345680, 1e23]
        var single: Float = 0.1
        var absent: String?
        var present: String? = "here"
        var emptyList: [String] = []
        var emptyMap: [String: Int] = [:]
        var map: [String: Int] = ["a10": 1, "a2": 2, "B": 3, "a": 4, "_0": 5, "Z": 6, "é": 7, "aa": 8]
        var shapes: [Shape] = [.dot, .circle(radius: 1.5), .label("x", size: nil), .label("y", size: 3),
                               .nested([.dot, .nested([])])]
        var optionals: [Int?] = [1, nil, 3]
        var grid: [[Double]] = [[], [1], [1, 2.25]]
    }

    static func foundation(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("compact and pretty text match JSONEncoder byte for byte", arguments: [false, true])
    func matchesFoundation(pretty: Bool) throws {
        let values: [Everything] = [Everything(), Everything(text: "", unicode: "", flag: false, counts: [], small: [],
                                                             unsigned: [], reals: [], single: -3, absent: "now",
                                                             present: nil, shapes: [], optionals: [], grid: [])]
        for value in values {
            #expect(try TreeEncoder().text(value, pretty: pretty) == (try Self.foundation(value, pretty: pretty)))
        }
        for shape in Everything().shapes {
            #expect(try TreeEncoder().text(shape, pretty: pretty) == (try Self.foundation(shape, pretty: pretty)))
        }
        #expect(try TreeEncoder().text([String: [Int]](), pretty: pretty) == (try Self.foundation([String: [Int]](), pretty: pretty)))
        #expect(try TreeEncoder().text("top level", pretty: pretty) == (try Self.foundation("top level", pretty: pretty)))
    }

    @Test("what it writes reads back to the same value, through both decoders")
    func roundTrips() throws {
        let value = Everything()
        let text = try TreeEncoder().text(value)
        #expect(try TreeDecoder.decode(Everything.self, from: text) == value)
        #expect(try JSONDecoder().decode(Everything.self, from: Data(text.utf8)) == value)
    }

    @Test("numbers JSON cannot hold are refused, not written", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) {
        #expect(throws: EncodingError.self) { try TreeEncoder().text(["x": value]) }
    }
}
