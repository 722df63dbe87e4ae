import RehabCore

/// Splits a program into lines of tokens. Never fails: odd bytes become `.other` tokens and problems
/// become diagnostics, so the parser can report every error in one run.
struct Lexer {
    struct Line {
        let number: Int
        let indent: Int
        let tokens: [Token]
        /// Whether a string on this line was left open.
        let unterminatedString: Bool
    }

    let file: String
    let bytes: [UInt8]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.bytes = Array(text.utf8)
    }

    /// Lexing reads the bytes through one buffer pointer: array bounds checks on every byte were
    /// a measurable share of answering a one-shot question, which parses the patient's whole program.
    mutating func lines() -> [Line] {
        var result: [Line] = []
        result.reserveCapacity(bytes.count / 32)
        forEachLine { result.append($0) }
        return result
    }

    /// Hands each line to `body` as it is lexed, so a large file's tokens are never all held at once.
    mutating func forEachLine(_ body: (Line) -> Void) {
        let text = bytes
        text.withUnsafeBufferPointer { bytes in
            // A UTF-8 byte order mark, as some editors write, is not part of the first line.
            var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var number = 1
            let n = bytes.count
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if let line = lex(bytes, from: lineStart, to: lineEnd, number: number) { body(line) }
                number += 1
                if lineEnd >= n { break }
                lineStart = lineEnd + 1
            }
        }
    }

    /// Column of a byte offset within its line, counting characters rather than bytes.
    private func column(_ bytes: UnsafeBufferPointer<UInt8>, of offset: Int, lineStart: Int) -> Int {
        var col = 1
        var i = lineStart
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    private mutating func lex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, number: Int) -> Line? {
        var i = start
        var indent = 0
        var stop = end
        if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
        while i < stop && (bytes[i] == 0x20 || bytes[i] == 0x09) {
            if bytes[i] == 0x09 {
                diagnostics.append(.error(.tabIndent, "indent with spaces, not tabs",
                                          at: SourceRef(file: file, line: number, column: i - start + 1)))
            }
            indent += 1; i += 1
        }
        if i >= stop || bytes[i] == 0x23 { return nil }
        var tokens: [Token] = []
        tokens.reserveCapacity(12)
        var unterminated = false
        var asciiColumn = true
        while i < stop {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 { i += 1; continue }
            if b == 0x23 { break }
            let col = asciiColumn ? i - start + 1 : column(bytes, of: i, lineStart: start)
            if b == 0x22 {
                var j = i + 1
                // Bytes are copied only once an escape shows up; most strings have none.
                var content: [UInt8]? = nil
                var closed = false
                while j < stop {
                    let c = bytes[j]
                    if c == 0x5C, j + 1 < stop, bytes[j + 1] == 0x22 || bytes[j + 1] == 0x5C {
                        if content == nil { content = Array(bytes[(i + 1)..<j]) }
                        content?.append(bytes[j + 1]); j += 2; continue
                    }
                    if c == 0x22 { closed = true; j += 1; break }
                    if c >= 0x80 { asciiColumn = false }
                    content?.append(c); j += 1
                }
                let text = content.map { String(decoding: $0, as: UTF8.self) }
                    ?? Lexer.text(bytes, i + 1, closed ? j - 1 : j)
                if !closed {
                    unterminated = true
                    diagnostics.append(.error(.unterminatedString, "this string has no closing quote",
                                              at: SourceRef(file: file, line: number, column: col), length: j - i,
                                              hint: "end the text with \""))
                }
                tokens.append(Token(kind: .string, start: i, end: j, column: col, text: text))
                i = j
            } else if Lexer.isDigit(b) {
                var j = i
                while j < stop && Lexer.isDigit(bytes[j]) { j += 1 }
                if j + 1 < stop && bytes[j] == 0x2E && Lexer.isDigit(bytes[j + 1]) {
                    j += 1
                    while j < stop && Lexer.isDigit(bytes[j]) { j += 1 }
                }
                tokens.append(Token(kind: .number, start: i, end: j, column: col, text: Lexer.text(bytes, i, j)))
                i = j
                // `2x10` is two numbers with a times sign between them.
                if i + 1 < stop && (bytes[i] == 0x78 || bytes[i] == 0x58) && Lexer.isDigit(bytes[i + 1]) {
                    tokens.append(Token(kind: .times, start: i, end: i + 1, column: col + (j - tokens[tokens.count - 1].start), text: "x"))
                    i += 1
                }
            } else if Lexer.isWordStart(b) {
                var j = i
                while j < stop && Lexer.isWordByte(bytes[j]) { j += 1 }
                // A word does not end in a hyphen: `weeks 0-6` style dashes belong to numbers.
                while j > i + 1 && bytes[j - 1] == 0x2D { j -= 1 }
                let word = Lexer.text(bytes, i, j)
                tokens.append(Token(kind: word == "x" || word == "X" ? .times : .word, start: i, end: j, column: col, text: word))
                i = j
            } else {
                let kind: Token.Kind
                var width = 1
                switch b {
                case 0x2C: kind = .comma
                case 0x3A: kind = .colon
                case 0x2D: kind = .dash
                case 0x2B: kind = .plus
                case 0xC3 where i + 1 < stop && bytes[i + 1] == 0x97: kind = .times; width = 2   // ×
                case 0xE2 where i + 2 < stop && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94):
                    kind = .dash; width = 3                                                        // – —
                default:
                    kind = .other
                    if b >= 0x80 {
                        width = 1
                        while i + width < stop && bytes[i + width] & 0xC0 == 0x80 { width += 1 }
                    }
                }
                if b >= 0x80 { asciiColumn = false }
                let punctuation: String
                switch kind {
                case .comma: punctuation = ","
                case .colon: punctuation = ":"
                case .plus: punctuation = "+"
                case .dash where width == 1: punctuation = "-"
                default: punctuation = Lexer.text(bytes, i, i + width)
                }
                tokens.append(Token(kind: kind, start: i, end: i + width, column: col, text: punctuation))
                i += width
            }
        }
        if tokens.isEmpty { return nil }
        return Line(number: number, indent: indent, tokens: tokens, unterminatedString: unterminated)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isWordStart(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F }
    static func isWordByte(_ b: UInt8) -> Bool { isWordStart(b) || isDigit(b) || b == 0x2D }
}
