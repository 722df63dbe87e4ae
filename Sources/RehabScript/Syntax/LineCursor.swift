import RehabCore

/// Reads the tokens of one line; a failure records one diagnostic and abandons the rest of the line.
struct LineCursor {
    struct Failure: Error {}

    let file: String
    let line: Lexer.Line
    var index = 0
    var diagnostics: [Diagnostic] = []

    init(file: String, line: Lexer.Line) { self.file = file; self.line = line }

    var atEnd: Bool { index >= line.tokens.count }
    var peek: Token? { atEnd ? nil : line.tokens[index] }
    func peek(_ offset: Int) -> Token? { index + offset < line.tokens.count ? line.tokens[index + offset] : nil }

    func ref(_ t: Token?) -> SourceRef {
        SourceRef(file: file, line: line.number, column: t?.column ?? endColumn)
    }

    var here: SourceRef { ref(peek) }

    private var endColumn: Int {
        guard let last = line.tokens.last else { return line.indent + 1 }
        return last.column + last.length
    }

    mutating func advance() -> Token? {
        guard let t = peek else { return nil }
        index += 1
        return t
    }

    /// Consumes `word` if it is next.
    mutating func take(_ word: String) -> Bool {
        if let t = peek, t.kind == .word, t.text == word { index += 1; return true }
        return false
    }

    mutating func take(_ kind: Token.Kind) -> Bool {
        if let t = peek, t.kind == kind { index += 1; return true }
        return false
    }

    func isWord(_ word: String, at offset: Int = 0) -> Bool {
        guard let t = peek(offset) else { return false }
        return t.kind == .word && t.text == word
    }

    mutating func fail(_ id: DiagnosticID, _ message: String, at token: Token? = nil, hint: String? = nil,
                       fixIt: FixIt? = nil) -> Failure {
        let t = token ?? peek
        diagnostics.append(.error(id, message, at: ref(t), length: t?.length ?? 1, hint: hint, fixIt: fixIt))
        return Failure()
    }

    /// "expected X, found 'Y'" / "expected X at the end of the line"
    mutating func expected(_ what: String, hint: String? = nil, fixIt: FixIt? = nil) -> Failure {
        if let t = peek {
            return fail(.expected, "expected \(what), found '\(t.text)'", at: t, hint: hint, fixIt: fixIt)
        }
        return fail(.expected, "expected \(what) at the end of the line", hint: hint)
    }

    mutating func expect(_ word: String, _ what: String? = nil) throws(Failure) {
        guard take(word) else { throw expected(what ?? "'\(word)'") }
    }

    /// An id: lower-case letters, digits and hyphens.
    mutating func id(_ what: String) throws(Failure) -> (String, SourceRef) {
        guard let t = peek, t.kind == .word else { throw expected(what) }
        index += 1
        if t.text.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F }) {
            let fixed = t.text.lowercased().replacingUnderscores
            diagnostics.append(.error(.idCase, "'\(t.text)' must be written in lower case with hyphens",
                                      at: ref(t), length: t.length, hint: "write '\(fixed)'",
                                      fixIt: .word(t.text, at: ref(t), with: fixed)))
        }
        return (t.text, ref(t))
    }

    mutating func int(_ what: String) throws(Failure) -> Int {
        guard let t = peek, t.kind == .number else { throw expected(what) }
        guard !t.text.contains("."), let v = Int(t.text), v <= 1_000_000 else {
            throw fail(.expected, "expected \(what), a whole number, found '\(t.text)'", at: t)
        }
        index += 1
        return v
    }

    mutating func number(_ what: String) throws(Failure) -> Double {
        guard let t = peek, t.kind == .number, let v = Double(t.text), v <= 1_000_000 else { throw expected(what) }
        index += 1
        return v
    }

    mutating func string(_ what: String) throws(Failure) -> String {
        guard let t = peek, t.kind == .string else {
            throw expected(what, hint: "put the text in double quotes", fixIt: quotingFreeWords())
        }
        index += 1
        return t.text
    }

    mutating func weight() throws(Failure) -> Weight {
        let value = try number("a weight such as '10 lb'")
        guard let t = peek, t.kind == .word, let unit = LineCursor.unit(t.text) else {
            throw expected("a unit, 'lb' or 'kg'")
        }
        index += 1
        return Weight(value, unit)
    }

    /// A weight's unit, read by the core's one unit reader.
    static func unit(_ word: String) -> Weight.Unit? {
        switch Quantity.Unit(word: word) {
        case .lb?: return .lb
        case .kg?: return .kg
        default: return nil
        }
    }

    /// `10 lb`, `30 min`, `1 h`, `1.5 km`: an amount in one of the units `measured` is measured in.
    mutating func quantity(for measured: MeasuredActivity) throws(Failure) -> Quantity {
        let value = try number("an amount such as '\(measured.example.split(separator: " ").suffix(2).joined(separator: " "))'")
        guard let t = peek, t.kind == .word, let unit = Quantity.Unit(word: t.text) else {
            throw expected("a unit, \(measured.unitWords)")
        }
        guard measured.dimensions.contains(unit.dimension) else {
            throw fail(.wrongUnit, "\(measured.activity.name) is measured in \(measured.unitWords), not '\(t.text)'", at: t,
                       hint: "write for example '\(measured.example)'")
        }
        index += 1
        return Quantity(value, unit)
    }

    /// A comma that starts `, sources …` at the end of a restriction line, not another rule.
    var atSources: Bool { peek?.kind == .comma && isWord("sources", at: 1) }

    /// The unit of a `sources` range: `lb`, `kg`, `min`, `weeks` or `reps`.
    static func rangeUnit(_ word: String) -> SourcesRange.Unit? {
        switch Quantity.Unit(word: word) {
        case .lb?: return .lb
        case .kg?: return .kg
        case .min?: return .min
        default: break
        }
        switch word.lowercased() {
        case "week", "weeks", "wk", "wks": return .weeks
        case "rep", "reps", "repetitions": return .reps
        default: return nil
        }
    }

    /// `s`, `sec`, `seconds`
    mutating func seconds() throws(Failure) {
        if take("s") || take("sec") || take("secs") || take("second") || take("seconds") { return }
        throw expected("'s' (seconds)")
    }

    mutating func minutes() throws(Failure) {
        if let t = peek, t.kind == .word, Quantity.Unit(word: t.text) == .min { index += 1; return }
        throw expected("'min' (minutes)")
    }

    mutating func endOfLine() throws(Failure) {
        if let t = peek { throw fail(.unexpected, "unexpected '\(t.text)' at the end of this statement", at: t) }
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
