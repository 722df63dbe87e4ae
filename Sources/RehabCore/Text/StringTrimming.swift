/// Small text helpers the standard library lacks without Foundation.
extension String {
    var replacingHyphens: String { String(map { $0 == "-" ? " " : $0 }) }

    var trimmingSpacesAndPunctuation: String {
        var s = Substring(self)
        while let f = s.first, !(f.isLetter || f.isNumber) { s.removeFirst() }
        while let l = s.last, !(l.isLetter || l.isNumber) { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// Without leading and trailing white space (the standard library has no trim without Foundation).
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
