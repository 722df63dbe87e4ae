/// Words written where the grammar wants text in quotes (`wear brace when up`, `source Santa Rosa Clinic`):
/// the fix-it quotes them, up to where the statement goes on.
extension LineCursor {
    /// A fix-it that puts the words from here in double quotes, or nil when no word is next.
    ///
    /// The run stops at a string, at one of `stops` where it continues the statement (`weeks 0-6` after a
    /// phase name, `from week N` or `until …` after a brace's note), and at a comma only where commas
    /// separate statements (a step's text may hold commas), so only the free words are quoted.
    func quotingFreeWords(stoppingAt stops: Set<String> = ["weeks"], orComma: Bool = false) -> FixIt? {
        var run: [Token] = []
        var i = index
        while i < line.tokens.count {
            let t = line.tokens[i]
            if t.kind == .string || (orComma && t.kind == .comma) { break }
            let next = i + 1 < line.tokens.count ? line.tokens[i + 1] : nil
            if t.kind == .word, stops.contains(t.text), LineCursor.continuesStatement(t.text, next: next) { break }
            run.append(t)
            i += 1
        }
        guard let first = run.first, first.kind == .word || first.kind == .number else { return nil }
        // The source text, spaced as the columns say (a tab inside the line makes the applier refuse the edit).
        var original = ""
        var column = first.column
        for t in run {
            original += String(repeating: " ", count: max(0, t.column - column)) + t.text
            column = t.column + t.text.unicodeScalars.count
        }
        let escaped = original.flatMap { $0 == "\\" ? ["\\", "\\"] : [$0] }
        return FixIt(at: ref(first), replacing: original, with: "\"\(String(escaped))\"")
    }

    /// `wear brace when up`: the words after the gear are its note, which is text in quotes.
    mutating func freeWords(_ t: Token) -> Failure {
        fail(.unexpected, "unexpected '\(t.text)': when to wear it is text in double quotes",
             at: t, hint: "write for example 'wear brace \"when up\"'",
             fixIt: quotingFreeWords(stoppingAt: ["from", "until"], orComma: true))
    }

    /// Whether `word` followed by `next` is where the statement goes on rather than more free text.
    static func continuesStatement(_ word: String, next: Token?) -> Bool {
        switch word {
        case "weeks": return next?.kind == .number
        case "from": return next?.kind == .word && next?.text == "week"
        case "until": return next?.kind == .word
        default: return false
        }
    }
}
