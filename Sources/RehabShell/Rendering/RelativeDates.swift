/// A program previewed on its own has no surgery date, so the calendar dates its answers carry are only a stand-in;
/// showing them would print dates already past. This takes out each " (YYYY-MM-DD)" that follows a week or day, so
/// "until week 12 (2026-03-30)" reads "until week 12".
enum RelativeDates {
    static func strip(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.range(of: " (") {
            let after = rest[open.upperBound...]
            let candidate = after.prefix(11)
            if candidate.count == 11, candidate.last == ")", isDate(candidate.dropLast()) {
                out += rest[..<open.lowerBound]
                rest = after.dropFirst(11)
            } else {
                out += rest[..<open.upperBound]
                rest = after
            }
        }
        return out + rest
    }

    /// YYYY-MM-DD, digits and dashes in their places.
    static func isDate(_ s: Substring) -> Bool {
        let chars = Array(s)
        guard chars.count == 10 else { return false }
        for (i, c) in chars.enumerated() {
            if i == 4 || i == 7 { guard c == "-" else { return false } } else { guard c.isASCII, c.isNumber else { return false } }
        }
        return true
    }
}
