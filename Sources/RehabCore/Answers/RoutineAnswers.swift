/// Finding a transfer routine from a patient's words, and what to use instead when one is not allowed yet.
///
/// Patients name routines by what they want to do ("get out of bed", "massage table"), not by id; the words of
/// each routine's id and name are what they are matched against.
public enum RoutineMatch: Equatable, Sendable {
    case found(Routine)
    /// Several routines fit every word: the patient picks one.
    case unclear([Routine])
    /// None fits every word; these fit some, best first (possibly none).
    case none(closest: [Routine])
}

extension Program {
    /// The routine the words name: its id exactly, else the routines whose id and name words hold every word typed.
    public func routineMatching(_ words: [String]) -> RoutineMatch {
        let typed = words.joined(separator: " ").lowercased()
        if let exact = routines.first(where: { $0.id == typed || $0.id == String(typed.map { $0 == " " ? "-" : $0 }) }) {
            return .found(exact)
        }
        let wanted = RoutineWords.significant(typed)
        guard !wanted.isEmpty else { return .none(closest: []) }
        let full = routines.filter { wanted.isSubset(of: RoutineWords.of($0)) }
        if full.count == 1 { return .found(full[0]) }
        if full.count > 1 { return .unclear(full) }
        let scored = routines.map { r in (r, wanted.intersection(RoutineWords.of(r)).count) }.filter { $0.1 > 0 }
        let best = scored.map(\.1).max() ?? 0
        return .none(closest: scored.filter { $0.1 == best }.map(\.0))
    }
}

extension Assessment {
    /// Routines allowed now that do the same job as a refused one: those sharing the most words of its name
    /// (for lying face down on the table: lying on the back or the side on the table).
    public func routineAlternatives(to id: String) -> [Routine] {
        guard let refused = program.routine(id) else { return [] }
        let words = RoutineWords.significant(refused.name).subtracting(RoutineWords.generic)
        let allowed = program.mentionedRoutines.filter { $0 != id && routine($0).allowed }.compactMap(program.routine)
        let scored = allowed.map { r in (r, words.intersection(RoutineWords.significant(r.name)).count) }
        let best = scored.map(\.1).max() ?? 0
        guard best > 0 else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }
}

/// The words of routine names and patients' requests, reduced so plurals and "-ing" forms meet ("getting", "get").
enum RoutineWords {
    /// Words that carry no choice between routines.
    static let filler: Set<String> = ["a", "an", "the", "my", "your", "to", "how", "do", "i", "me", "routine", "please",
                                      "or", "and"]
    /// Words most routines share; they do not make one routine an alternative to another.
    static let generic: Set<String> = ["get", "on", "from"]

    static func of(_ r: Routine) -> Set<String> {
        significant(r.id + " " + r.name)
    }

    static func significant(_ text: String) -> Set<String> {
        var words: Set<String> = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else { add(current, to: &words); current = "" }
        }
        add(current, to: &words)
        return words
    }

    private static func add(_ word: String, to words: inout Set<String>) {
        guard !word.isEmpty, !filler.contains(word) else { return }
        words.insert(stem(word))
    }

    /// "getting" → "get", "tables" → "table", "lying" stays: a crude stem, enough for a few dozen routine names.
    static func stem(_ word: String) -> String {
        var w = word
        if w.count > 5, w.hasSuffix("ing") {
            w.removeLast(3)
            if let last = w.last, w.count >= 3, w.dropLast().last == last { w.removeLast() }
        } else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") {
            w.removeLast()
        }
        return w
    }
}
