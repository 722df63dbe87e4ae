import RehabCore

extension Parser {
    /// What a variant's line says; the parser files it in the fragment.
    enum VariantLine { case extends(ProgramFragment.Extends), edit(ProgramEdit) }

    /// `extends "lumbar-fusion"`, `change ACTIVITY to …`, `drop EXERCISE`, `replace EXERCISE with EXERCISE`.
    mutating func variantLine(_ c: inout LineCursor) throws(LineCursor.Failure) -> VariantLine {
        guard let head = c.advance() else { throw c.expected("a statement") }
        switch head.text {
        case "extends":
            let t = c.peek
            let target = try c.string("a shipped program's name or a file path in quotes, such as \"lumbar-fusion\"")
            try c.endOfLine()
            return .extends(.init(target: target, source: c.ref(t), length: t?.length ?? 1))
        case "change":
            let (activity, aref) = try c.id("the activity whose rules change, such as 'lifting' or 'driving'")
            try c.expect("to", "'to', as in 'change lifting to at most 5 lb until week 12'")
            let rules = try changedRules(&c, activity: activity, at: aref)
            return .edit(.change(activity: activity, to: rules, source: aref))
        case "drop":
            let (id, idRef) = try c.id("the exercise to drop from every phase, such as 'bridges'")
            try c.endOfLine()
            return .edit(.drop(exercise: id, source: idRef))
        case "replace":
            let (id, idRef) = try c.id("the exercise to replace, such as 'walking'")
            try c.expect("with", "'with', as in 'replace walking with stationary-bike'")
            let (other, otherRef) = try c.id("the exercise that takes its place")
            try c.endOfLine()
            appendReference(.init(kind: .exercise, id: other, source: otherRef))
            return .edit(.replace(exercise: id, with: other, source: idRef))
        default:
            throw c.fail(.unknownStatement, "'\(head.text)' does not start a statement here", at: head)
        }
    }

    /// After `change ACTIVITY to`: `allowed`, `at most WEIGHT|N min`, or restrictions on that same activity.
    private mutating func changedRules(_ c: inout LineCursor, activity: String,
                                       at aref: SourceRef) throws(LineCursor.Failure) -> [Restriction] {
        if c.take("allowed") {
            try c.endOfLine()
            return []
        }
        if c.isWord("at") {
            let at = c.advance()
            let ref = c.ref(at)
            try c.expect("most", "'most', as in 'change lifting to at most 5 lb'")
            guard let measured = MeasuredActivity.of(Activity(activity)) else {
                throw c.fail(.changeMismatch, "'at most' limits a measured activity (lifting, sitting, riding…), not '\(activity)'",
                             at: at, hint: "write for example 'change \(activity) to no \(activity) until week 8'")
            }
            let rule = RestrictionRule.atMost(measured.activity, try c.quantity(for: measured))
            return try restrictionScope(&c, [Restriction(rule: rule, source: ref)])
        }
        let rules = try restrictionLine(&c, phase: nil)
        for r in rules where r.rule.activity.name != activity {
            c.diagnostics.append(.error(.changeMismatch, "'\(r.rule.text)' is not a rule on '\(activity)'",
                                        at: r.source ?? aref, length: r.rule.text.count,
                                        hint: "a 'change' line replaces the rules on one activity; write another line "
                                            + "for '\(r.rule.activity.name)'"))
            throw LineCursor.Failure()
        }
        return rules
    }

    /// `use library "exercises"`: a library of the shipped programs folder, by name.
    mutating func shippedLibrary(_ c: inout LineCursor) throws(LineCursor.Failure) -> ProgramFragment.Use {
        let t = c.peek
        let name = try c.string("a shipped library's name in quotes, such as \"exercises\"")
        try c.endOfLine()
        let isName = !name.isEmpty
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        guard isName else {
            throw c.fail(.libraryName, "'\(Excerpt.of(name))' is not the name of a shipped library", at: t,
                         hint: "write its name without folder or '.rehab', such as 'use library \"exercises\"', "
                             + "or 'use \"PATH\"' for a file in this folder")
        }
        return .init(path: name, source: c.ref(t), length: t?.length ?? 1, isShipped: true)
    }
}
