/// "Did you mean …?" by edit distance, for mistyped commands, exercises and objects.
public enum Suggestion {
    /// The closest candidate within a distance that scales with the word's length, or nil.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = word.lowercased()
        let limit = max(1, min(3, w.count / 3 + 1))
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, c.lowercased())
            // Ties go to the alphabetically first candidate, so the hint never depends on set order.
            if d <= limit, best.map({ d < $0.1 || (d == $0.1 && c < $0.0) }) ?? true { best = (c, d) }
        }
        if best == nil, w.count >= 3, let prefixed = candidates.sorted(by: { ($0.count, $0) < ($1.count, $1) }).first(where: { $0.lowercased().hasPrefix(w) }) {
            return prefixed
        }
        return best?.0
    }

    /// Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts once.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
