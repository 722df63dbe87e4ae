/// One token of a program line. Text is kept as a byte range into the line to keep lexing cheap.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, string, comma, colon, dash, plus, times, other }

    let kind: Kind
    /// Byte offsets into the file.
    let start: Int
    let end: Int
    /// 1-based column of the first character.
    let column: Int
    /// The decoded text: the word, the digits, or a string's content without quotes and escapes.
    let text: String

    var length: Int { max(1, end - start) }
}
