/// Finds red flags from a patient's own words ("my calf is sore and swollen").
///
/// Each flag's `says` phrases (and its id) are compared word by word: case, punctuation, word order and
/// plurals do not matter, and a small misspelling still counts. A phrase whose every word is present is a
/// clear match; one with most of its words, including a telling one, is an unclear match that the REPL asks
/// about. Words that say nothing about which flag it is ("pain", "new", "bad") never make a match alone.
public enum SymptomMatcher {
    public struct Result: Hashable, Sendable {
        /// Flags whose phrase the words contain in full, most severe first.
        public var clear: [RedFlag]
        /// Flags the words half match, most severe first (never one already clear).
        public var unclear: [RedFlag]
        public var isEmpty: Bool { clear.isEmpty && unclear.isEmpty }
    }

    public static func match(_ text: String, in flags: [RedFlag]) -> Result {
        let said = words(text)
        let raw = text.lowercased().trimmingSpacesAndPunctuation
        var clear: [RedFlag] = [], unclear: [RedFlag] = []
        for flag in flags {
            if raw == flag.id || words(flag.id.replacingHyphens) == said && !said.isEmpty { clear.append(flag); continue }
            var best = 0.0
            var telling = false
            // The id's words must be typed as they are: a one-word id with spelling tolerance finds too much
            // ("call" for `fall`).
            for (phrase, fuzzy) in flag.phrases.map({ ($0, true) }) + [(flag.id.replacingHyphens, false)] {
                let wanted = words(phrase)
                guard !wanted.isEmpty else { continue }
                let found = wanted.filter { w in said.contains { fuzzy ? similar($0, w) : $0 == w } }
                let score = Double(found.count) / Double(wanted.count)
                if score > best || (score == best && !telling) {
                    best = score
                    telling = found.contains { !generic.contains($0) }
                }
            }
            if best >= 1, telling { clear.append(flag) } else if best >= 0.5, telling { unclear.append(flag) }
        }
        let bySeverity: (RedFlag, RedFlag) -> Bool = { $0.severity < $1.severity }
        return Result(clear: clear.sorted(by: bySeverity), unclear: unclear.sorted(by: bySeverity))
    }

    /// Whether a phrase has a word that can decide a flag (a phrase of only "pain" or "new" never matches).
    public static func isTelling(_ phrase: String) -> Bool { words(phrase).contains { !generic.contains($0) } }

    static func words(_ text: String) -> [String] { PatientWords.words(text) }
    static func similar(_ a: String, _ b: String) -> Bool { PatientWords.similar(a, b) }

    /// Words too common among the flags to decide one on their own.
    static let generic: Set<String> = ["pain", "new", "bad", "severe", "worse", "hurt", "hurting", "sudden", "cant", "trouble",
                                       "problem", "much", "lot", "not", "no", "more", "hard"]
}
