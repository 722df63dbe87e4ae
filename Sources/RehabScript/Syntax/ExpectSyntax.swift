import RehabCore

extension Parser {
    /// `expect week 8 with cleared lifting, flag fever: on hold, lift at most 25 lb, not bridges` (or `expect day 10`,
    /// `expect month 4`)
    mutating func expectation(_ c: inout LineCursor) throws(LineCursor.Failure) -> Expectation {
        let ref = c.here
        try c.expect("expect")
        let at = try c.point()
        var cleared: [String] = []
        var flags: [String] = []
        if c.take("with") {
            repeat {
                if c.take("cleared") {
                    let (t, tref) = try c.id("what is cleared")
                    cleared.append(t)
                    appendReference(.init(kind: .clearance, id: t, source: tref))
                } else if c.take("flag") {
                    let (f, fref) = try c.id("a red flag id")
                    flags.append(f)
                    appendReference(.init(kind: .redFlag, id: f, source: fref))
                } else {
                    throw c.expected("'cleared TOPIC' or 'flag ID'")
                }
            } while c.take(.comma) || c.take("and")
        }
        guard c.take(.colon) else { throw c.expected("':' before what to expect") }
        var items: [Expectation.Item] = []
        var sources: [SourceRef] = []
        repeat {
            sources.append(c.here)
            items.append(try expectItem(&c))
        } while c.take(.comma)
        try c.endOfLine()
        return Expectation(at: at, cleared: cleared, flags: flags, items: items, itemSources: sources, source: ref)
    }

    private mutating func expectItem(_ c: inout LineCursor) throws(LineCursor.Failure) -> Expectation.Item {
        if c.isWord("phase") && c.peek(1)?.kind == .word {
            _ = c.advance()
            let (id, ref) = try c.id("a phase id")
            appendReference(.init(kind: .phase, id: id, source: ref))
            return .phase(id)
        }
        if c.take("on") { try c.expect("hold"); return .onHold }
        if let t = c.peek, t.kind == .word, let m = MeasuredActivity.verb(t.text), c.isWord("at", at: 1) || c.isWord("any", at: 1) {
            _ = c.advance()
            if c.take("any") { return .unlimited(m.activity) }
            try c.expect("at"); try c.expect("most")
            return .atMost(m.activity, try c.quantity(for: m))
        }
        if c.take("no") { return .forbidden(Activity(try c.id("an activity").0)) }
        if c.take("limit") { return .limited(Activity(try c.id("an activity").0)) }
        if c.take("wear") { return .wear(try c.id("'brace' or 'collar'").0) }
        if c.take("without") { return .without(try c.id("'brace' or 'collar'").0) }
        if c.take("not") {
            let (id, ref) = try c.id("an exercise, routine or activity")
            appendReference(.init(kind: .item, id: id, source: ref))
            return .notAllowed(id)
        }
        let (id, ref) = try c.id("an expectation such as 'phase ID', 'lift at most 10 lb', 'no bending' or an exercise id")
        appendReference(.init(kind: .item, id: id, source: ref))
        return .allowed(id)
    }
}
