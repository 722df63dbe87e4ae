/// A patient's own words, made comparable: the normalisation both the red-flag matcher (`flag my calf is sore`)
/// and the question matcher (`can I sleep on my stomach`) use, so a phrase declared in a library is read the same way
/// wherever it is matched.
public enum PatientWords {
    /// Lower-case words without punctuation, stop words or plural endings; "can't" and "can t" both give "cant".
    public static func words(_ text: String) -> [String] {
        // Every phrase of every library is read this way when a program loads, so plain ASCII takes a byte path;
        // Unicode classification per Character was a tenth of a `preview`.
        let tokens = text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiTokens(text) : unicodeTokens(text)
        var out: [String] = []
        for t in tokens {
            if t == "t", let last = out.last { out[out.count - 1] = last + "t"; continue }  // "can t" from a quote split
            out.append(t)
        }
        return out.filter { !stopWords.contains($0) }.map(singular)
    }

    /// Letters and digits in lower case; an apostrophe joins ("can't" is "cant"); anything else splits.
    static func asciiTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for b in text.utf8 {
            if b == 0x27 { continue }
            let lower = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                current.append(lower)
            } else if !current.isEmpty {
                tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    static func unicodeTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch == "'" || ch == "’" { continue }
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                tokens.append(current); current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func singular(_ w: String) -> String {
        if let base = irregular[w] { return base }
        guard w.count > 3 else { return w }
        if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") || w.hasSuffix("ches") || w.hasSuffix("shes") { return String(w.dropLast(2)) }
        if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us") { return String(w.dropLast()) }
        return w
    }

    /// Equal, or one edit apart for words of 5 letters or more (two for 8 or more); shorter words differ too
    /// often by one letter ("hard" and "hand") to be taken as misspellings.
    public static func similar(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let n = min(a.count, b.count)
        guard n >= 5 else { return false }
        return Suggestion.distance(a, b) <= (n >= 8 ? 2 : 1)
    }

    static let irregular: [String: String] = ["calves": "calf", "feet": "foot", "legs": "leg", "thighs": "thigh",
                                              "teeth": "tooth", "children": "child", "grandchildren": "grandchild"]

    static let stopWords: Set<String> = [
        "i", "im", "ive", "my", "me", "a", "an", "the", "is", "are", "am", "was", "be", "been", "and", "or", "of", "in",
        "on", "at", "to", "it", "its", "have", "has", "had", "got", "getting", "get", "very", "really", "so", "bit",
        "little", "some", "since", "today", "yesterday", "now", "this", "that", "with", "when", "after", "feel",
        "feels", "feeling", "like", "just", "there", "any", "kind", "sort", "quite", "too", "left", "right", "both",
    ]
}
