import RehabCore

extension Parser {
    /// `no bending, no twisting from week 2 until week 12 or cleared twisting`
    mutating func restrictionLine(_ c: inout LineCursor, phase: String?) throws(LineCursor.Failure) -> [Restriction] {
        var items: [Restriction] = []
        repeat { items.append(try restrictionRule(&c, phase: phase)) } while !c.atSources && c.take(.comma)
        return try restrictionScope(&c, items)
    }

    /// The `from … until …` that ends a restriction line, applied to every rule on it.
    mutating func restrictionScope(_ c: inout LineCursor, _ items: [Restriction]) throws(LineCursor.Failure) -> [Restriction] {
        var from: RecoveryPoint?
        var until: Condition?
        if c.take("from") { from = try c.point() }
        if c.take("until") { until = try condition(&c) }
        if c.isWord("from") { throw c.fail(.order, "'from week N' comes before 'until'") }
        if c.atSources { _ = c.advance() }
        let sources = c.take("sources") ? try sourcesRange(&c, items) : nil
        try c.endOfLine()
        return items.map { var r = $0; r.from = from; r.until = until; r.sources = sources; return r }
    }

    /// After `sources` on a restriction line: the range in the rules' unit, or weeks for how long they last.
    mutating func sourcesRange(_ c: inout LineCursor, _ items: [Restriction])
        throws(LineCursor.Failure) -> SourcesRange {
        let kinds = items.map { (SourcesRange.units(for: $0.rule), "'\($0.rule.text)'") }
        let strictest = kinds.min { $0.0.count < $1.0.count } ?? ([.weeks], "this rule")
        // Every rule on a line shares one range, so each must take its unit.
        let shared = kinds.reduce(Set(SourcesRange.Unit.allCases)) { $0.intersection($1.0) }
        let units = SourcesRange.Unit.allCases.filter(shared.contains)
        return try sourcesRange(&c, units: units.isEmpty ? strictest.0 : units, for: strictest.1)
    }

    /// `4-15 lb ["WORDS"]` or `vary "WORDS"`. A range that goes down or is in a unit `units` lacks is
    /// `sources-range`, and parsing goes on.
    mutating func sourcesRange(_ c: inout LineCursor, units: [SourcesRange.Unit], for what: String)
        throws(LineCursor.Failure) -> SourcesRange {
        if c.take("vary") { return SourcesRange(note: try c.string("how the sources differ, in quotes")) }
        let lowToken = c.peek
        let low = try c.number("a range such as '4-15 lb' or 'vary \"…\"'")
        guard c.take(.dash) else { throw c.expected("'-' and the top of the range, as in 'sources 4-15 lb'") }
        let high = try c.number("the top of the range, as in 'sources 4-15 lb'")
        guard let unitToken = c.peek, unitToken.kind == .word, let unit = LineCursor.rangeUnit(unitToken.text) else {
            throw c.expected("the range's unit: 'lb' or 'kg' for lifting, 'min' for sitting, 'weeks' for how long")
        }
        _ = c.advance()
        let note = c.peek?.kind == .string ? try c.string("how the sources differ") : nil
        let shown = "\(Weight.format(low))-\(Weight.format(high))"
        if low > high {
            c.diagnostics.append(.error(.sourcesRange, "the range '\(shown)' goes down", at: c.ref(lowToken),
                                        length: shown.count, hint: "write the smaller number first: 'sources "
                                            + "\(Weight.format(high))-\(Weight.format(low)) \(unit.rawValue)'"))
        }
        if !units.contains(unit) {
            let allowed = units.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            c.diagnostics.append(.error(.sourcesRange, "a range for \(what) is not in '\(unitToken.text)'",
                                        at: c.ref(unitToken), length: unitToken.length, hint: "give it in \(allowed)"))
        }
        return SourcesRange(low: low, high: high, unit: unit, note: note)
    }

    /// One rule: `lift at most 10 lb`, `lift at most per surgeon[, else 10 lb]`, `sit at most 30 min`, `no ACTIVITY`,
    /// `limit ACTIVITY ["…"]`, `wear GEAR [if ordered] ["…" | when WORDS]`.
    mutating func restrictionRule(_ c: inout LineCursor, phase: String?) throws(LineCursor.Failure) -> Restriction {
        let ref = c.here
        guard let head = c.advance(), head.kind == .word else {
            throw c.expected("a restriction: 'lift at most', 'sit at most', 'no', 'limit' or 'wear'")
        }
        if let measured = MeasuredActivity.verb(head.text) { return try amountRule(&c, measured, phase: phase, ref: ref) }
        switch head.text {
        case "limit":
            let (a, aref) = try c.id("an activity such as 'bending' or 'overhead-reaching'")
            if a == Activity.lifting.name || a == Activity.sitting.name {
                let hint = a == Activity.lifting.name ? "write 'lift at most 10 lb' or 'lift at most per surgeon'"
                    : "write 'sit at most 30 min'"
                c.diagnostics.append(.error(.limitMeasured, "'limit \(a)' gives no number", at: aref, length: a.count, hint: hint))
            } else if Activity.gear.contains(Activity(a)) {
                c.diagnostics.append(.error(.limitGear, "a \(a) is worn, not limited", at: aref, length: a.count,
                                            hint: "write 'wear \(a) when up' or 'wear \(a) if ordered'"))
            }
            if !Activity.gear.contains(Activity(a)) { appendReference(.init(kind: .activity, id: a, source: aref)) }
            var note: String?
            if c.peek?.kind == .string { note = try c.string("what the limit allows") }
            return Restriction(rule: .limit(Activity(a), note: note), phase: phase, source: ref)
        case "no":
            let (a, aref) = try c.id("an activity such as 'bending', 'twisting' or 'driving'")
            appendReference(.init(kind: .activity, id: a, source: aref))
            return Restriction(rule: .no(Activity(a)), phase: phase, source: ref)
        case "wear":
            let (gear, gref) = try c.id("'brace' or 'collar'")
            if gear != "brace" && gear != "collar" {
                c.diagnostics.append(.error(.unknownGear, "'\(gear)' is not something to wear; use 'brace' or 'collar'", at: gref,
                                            length: gear.count, fixIt: Suggestion.closest(to: gear, in: ["brace", "collar"])
                                                .map { .word(gear, at: gref, with: $0) }))
            }
            var ifOrdered = false
            if c.take("if") {
                try c.expect("ordered", "'ordered' (as in 'wear collar if ordered')")
                ifOrdered = true
            }
            var note: String?
            if c.peek?.kind == .string {
                note = try c.string("when to wear it")
            } else if c.take("when") {
                note = try circumstance(&c)
            }
            if let t = c.peek, t.kind == .word, !LineCursor.continuesStatement(t.text, next: c.peek(1)) {
                throw c.freeWords(t)
            }
            return Restriction(rule: ifOrdered ? .wearIfOrdered(gear) : .wear(gear), phase: phase, note: note, source: ref)
        default:
            throw c.fail(.expected,
                         "expected a restriction: 'lift at most', 'sit at most', 'no', 'limit' or 'wear', found '\(head.text)'", at: head)
        }
    }

    /// `lift at most 10 lb`, `ride at most 1 h`, `walk at most 1 mi`, `lift at most per surgeon[, else 10 lb]`: every
    /// measured activity takes the same shape, in the units `MeasuredActivity` gives it.
    private mutating func amountRule(_ c: inout LineCursor, _ m: MeasuredActivity, phase: String?,
                                     ref: SourceRef) throws(LineCursor.Failure) -> Restriction {
        try c.expect("at"); try c.expect("most", "'most' (as in '\(m.example)')")
        guard c.take("per") else { return Restriction(rule: .atMost(m.activity, try c.quantity(for: m)), phase: phase, source: ref) }
        try c.expect("surgeon", "'surgeon' (as in '\(m.verb) at most per surgeon')")
        // `, else 10 lb` is this rule's fallback, not a second rule on the line.
        if c.peek?.kind == .comma && c.isWord("else", at: 1) { _ = c.advance() }
        let fallback: Quantity? = c.take("else") ? try c.quantity(for: m) : nil
        return Restriction(rule: .atMostPerSurgeon(m.activity, fallback: fallback), phase: phase, source: ref)
    }

    /// The words after `wear brace when`, up to `from`, `until` or a comma: "when up", "when in the car".
    private mutating func circumstance(_ c: inout LineCursor) throws(LineCursor.Failure) -> String {
        var words: [String] = []
        while let t = c.peek, t.kind != .comma, !c.isWord("from"), !c.isWord("until") {
            words.append(t.text); _ = c.advance()
        }
        guard !words.isEmpty else {
            throw c.expected("the circumstance it is worn in, as in 'when up' or 'when in the car'")
        }
        return "when " + words.joined(separator: " ")
    }

    /// `week 6 and cleared lifting or month 3 or phase return`: `and` binds tighter than `or`.
    mutating func condition(_ c: inout LineCursor) throws(LineCursor.Failure) -> Condition {
        var alternatives: [Condition] = []
        repeat {
            var all: [Condition] = []
            repeat { all.append(try conditionAtom(&c)) } while c.take("and")
            alternatives.append(all.count == 1 ? all[0] : .all(all))
        } while c.take("or")
        return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
    }

    private mutating func conditionAtom(_ c: inout LineCursor) throws(LineCursor.Failure) -> Condition {
        if c.atPoint { return .at(try c.point()) }
        if c.take("phase") {
            let (id, ref) = try c.id("the phase whose start releases it, such as 'return'")
            appendReference(.init(kind: .phase, id: id, source: ref))
            return .phase(id)
        }
        if c.take("cleared") {
            let (topic, ref) = try c.id("what must be cleared, such as 'lifting'")
            recordClearance(topic, at: ref)
            return .cleared(topic)
        }
        throw c.expected("'week N', 'day N', 'month N', 'phase ID' or 'cleared TOPIC'")
    }

    mutating func recordClearance(_ topic: String, at ref: SourceRef) {
        appendReference(.init(kind: .clearance, id: topic, source: ref))
    }
}
