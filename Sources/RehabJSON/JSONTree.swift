/// A parsed JSON document: the input of ``TreeDecoder`` and the output of ``TreeEncoder``.
///
/// Numbers keep their literal text so integers and doubles convert exactly as written.
public enum JSONTree: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONTree])
    /// Members in document order; a document repeating a key is rejected while parsing.
    case object([(key: String, value: JSONTree)])

    /// The document is not JSON, or is JSON no writer of ours produces (a repeated key, a lone surrogate).
    public struct Malformed: Error {}

    /// The value of `key` among an object's members; the parser never lets a key repeat.
    public static func member(_ key: String, in members: [(key: String, value: JSONTree)]) -> JSONTree? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// Parses one complete JSON document.
    public static func parse(_ text: String) throws(Malformed) -> JSONTree {
        var text = text
        let parsed: Result<JSONTree, Malformed> = text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            do throws(Malformed) {
                let value = try reader.value(depth: 0)
                reader.skipSpace()
                guard reader.index == bytes.count else { throw Malformed() }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try parsed.get()
    }
}

/// A recursive-descent reader over UTF-8 bytes, with no per-byte allocation.
private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// Far deeper than any event nests; keeps a hostile file from exhausting the stack.
    static let maximumDepth = 64

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONTree.Malformed) -> JSONTree {
        guard depth < Self.maximumDepth else { throw JSONTree.Malformed() }
        skipSpace()
        guard index < bytes.count else { throw JSONTree.Malformed() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw JSONTree.Malformed()
        }
    }

    private mutating func object(depth: Int) throws(JSONTree.Malformed) -> JSONTree {
        index += 1
        var members: [(key: String, value: JSONTree)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw JSONTree.Malformed() }
            let key = try string()
            // Which of two repeated keys wins would be a guess; a payload we wrote never repeats one.
            if members.contains(where: { $0.key == key }) { throw JSONTree.Malformed() }
            skipSpace()
            try expect(UInt8(ascii: ":"))
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw JSONTree.Malformed() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(JSONTree.Malformed) -> JSONTree {
        index += 1
        var items: [JSONTree] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw JSONTree.Malformed() }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"))
            return .array(items)
        }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONTree.Malformed) {
        guard index < bytes.count, bytes[index] == byte else { throw JSONTree.Malformed() }
        index += 1
    }

    private mutating func literal(_ word: StaticString) throws(JSONTree.Malformed) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw JSONTree.Malformed() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw JSONTree.Malformed() }
        index += count
    }

    /// The literal text of a number in JSON's grammar (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`);
    /// "01", "1." or "+1" are refused, as `JSONDecoder` refuses them.
    private mutating func number() throws(JSONTree.Malformed) -> String {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else {
            try digits()
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            try digits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            try digits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// One or more decimal digits.
    private mutating func digits() throws(JSONTree.Malformed) {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > start else { throw JSONTree.Malformed() }
    }

    private mutating func string() throws(JSONTree.Malformed) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw JSONTree.Malformed() }
            index += 1
        }
        throw JSONTree.Malformed()
    }

    /// The slow path, for strings holding escapes.
    private mutating func escapedString(from start: Int) throws(JSONTree.Malformed) -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw JSONTree.Malformed() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): UTF8.encode(try unicodeEscape()) { utf8.append($0) }
                default: throw JSONTree.Malformed()
                }
            default:
                if byte < 0x20 { throw JSONTree.Malformed() }
                utf8.append(byte)
            }
        }
        throw JSONTree.Malformed()
    }

    /// `\uXXXX`, joining a surrogate pair; a lone surrogate is not text, so it is refused.
    private mutating func unicodeEscape() throws(JSONTree.Malformed) -> Unicode.Scalar {
        let high = try hex4()
        var scalarValue = high
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw JSONTree.Malformed() }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONTree.Malformed() }
            scalarValue = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw JSONTree.Malformed() }
        return scalar
    }

    private mutating func hex4() throws(JSONTree.Malformed) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONTree.Malformed() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONTree.Malformed()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
