import RehabCore

/// Parses one file into a `ProgramFragment`. Never throws: each bad line becomes a diagnostic and
/// parsing carries on at the next line, so one run reports every error.
struct Parser {
    /// `broken` swallows the indented lines of a block whose header did not parse, so one mistake gives one error.
    enum Block { case none, broken, phase(Int), exercise(Int), routine(Int), ladder(Int), redFlag(Int), activity(Int) }

    let file: String
    private(set) var fragment: ProgramFragment
    private(set) var diagnostics: [Diagnostic] = []
    private var block: Block = .none
    private var blockIndent: Int?
    private var blockStart: SourceRef?

    init(file: String) {
        self.file = file
        self.fragment = ProgramFragment(file: file)
    }

    static func parse(file: String, text: String) -> (ProgramFragment, [Diagnostic]) {
        var lexer = Lexer(file: file, text: text)
        var parser = Parser(file: file)
        // Line by line: a file's tokens are never all in memory at once.
        lexer.forEachLine { parser.statement($0) }
        return (parser.fragment, lexer.diagnostics + parser.diagnostics)
    }

    static let topLevelKeywords: Set<String> = Set([
        "program", "procedure", "clearance", "activity", "source", "use", "lift", "sit", "no", "wear", "limit", "stop", "hold", "red", "phase",
        "exercise", "routine", "ladder", "expect", "extends", "change", "drop", "replace", "goal",
        "advise", "ask",
    ]).union(MeasuredActivity.all.map(\.verb))

    private mutating func statement(_ line: Lexer.Line) {
        var cursor = LineCursor(file: file, line: line)
        defer { diagnostics += cursor.diagnostics }
        do {
            if line.indent == 0 {
                block = .none; blockIndent = nil
                do {
                    try topLevel(&cursor)
                } catch {
                    // Whatever the header was meant to be, its indented lines belong to it: one error, not one per line.
                    block = .broken
                    throw error
                }
            } else {
                if case .broken = block { return }
                if let expected = blockIndent, line.indent != expected {
                    diagnostics.append(.error(.indent, "this line is indented differently from the lines above it in the same block",
                                              at: cursor.here, hint: "indent every line of a block by the same number of spaces"))
                }
                if blockIndent == nil { blockIndent = line.indent }
                try inBlock(&cursor)
            }
        } catch {
            return
        }
    }

    // MARK: top level

    /// `measure odi at weeks 0, 6, 12, 26`
    private mutating func measureSchedule(_ c: inout LineCursor) throws(LineCursor.Failure) -> MeasureSchedule {
        let head = c.advance()
        let t = c.peek
        guard let t, t.kind == .word, let instrument = MeasureRecord.Instrument(rawValue: t.text) else {
            throw c.fail(.unknownMeasure, "'\(t?.text ?? "")' is not a questionnaire rehab scores", at: t,
                         hint: "use odi (low back), ndi (neck) or psfs, as in 'measure odi at weeks 0, 6, 12, 26'",
                         fixIt: t.flatMap { c.keywordFix($0, MeasureRecord.Instrument.allCases.map(\.rawValue)) })
        }
        _ = c.advance()
        try c.expect("at", "'at weeks', as in 'measure odi at weeks 0, 6, 12, 26'")
        try c.expect("weeks", "'weeks', as in 'measure odi at weeks 0, 6, 12, 26'")
        var weeks = [try c.int("a week, as in 'at weeks 0, 6, 12'")]
        while c.take(.comma) { weeks.append(try c.int("a week after the comma")) }
        try c.endOfLine()
        return MeasureSchedule(instrument: instrument, weeks: weeks, source: c.ref(head))
    }

    private mutating func topLevel(_ c: inout LineCursor) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word else {
            throw c.expected("a statement such as 'phase', 'exercise', 'lift at most', 'no' or 'expect'")
        }
        switch head.text {
        case "program":
            _ = c.advance()
            fragment.triedHeader = true
            let (id, ref) = try c.id("the program's id")
            let name = try c.string("the program's name in quotes")
            try c.endOfLine()
            if let first = fragment.header {
                diagnostics.append(.error(.duplicateProgram, "a file has only one 'program' line", at: ref,
                                          notes: [.init("the first is here", at: first.source)]))
            } else {
                fragment.header = .init(id: id, name: name, source: c.ref(head))
            }
        case "clearance":
            _ = c.advance()
            let (id, ref) = try c.id("the clearance's id, such as 'wound'")
            let meaning = try c.string("what the clearance means, in quotes")
            try c.endOfLine()
            fragment.clearances.append((id, meaning, ref))
        case "activity":
            // `activity overhead-reaching "reaching above your shoulders"`: what restrictions name, in a patient's words.
            _ = c.advance()
            let (id, ref) = try c.id("the activity's id, such as 'overhead-reaching'")
            let words = try c.string("the words a patient reads, in quotes, such as \"reaching above your shoulders\"")
            try c.endOfLine()
            fragment.activities.append(.init(id: id, words: words, source: ref))
            open(.activity(fragment.activities.count - 1), at: ref)
        case "procedure":
            _ = c.advance()
            fragment.procedure = try c.id("the procedure, such as 'lumbar-fusion'").0
            try c.endOfLine()
        case "source":
            _ = c.advance()
            fragment.sources.append(try c.string("the source in quotes"))
            try c.endOfLine()
        case "use":
            _ = c.advance()
            if c.take("library") { fragment.uses.append(try shippedLibrary(&c)); break }
            let t = c.peek
            let path = try c.string("a file path in quotes, such as \"library/exercises.rehab\"")
            try c.endOfLine()
            fragment.uses.append(.init(path: path, source: c.ref(t), length: t?.length ?? 1))
        case "extends", "change", "drop", "replace":
            switch try variantLine(&c) {
            case .edit(let edit): fragment.edits.append(edit)
            case .extends(let base):
                if let first = fragment.extends {
                    diagnostics.append(.error(.duplicateExtends, "a program extends only one base program", at: base.source,
                                              length: base.length, notes: [.init("the first is here", at: first.source)]))
                } else {
                    fragment.extends = base
                }
            }
        case "lift", "sit", "no", "wear", "limit":
            fragment.restrictions += try restrictionLine(&c, phase: nil)
        case "advise":
            fragment.advice.append(try adviceLine(&c))
        case "ask" where c.isWord("surgeon", at: 1):
            fragment.advice += try askSurgeonLine(&c)
        case let verb where MeasuredActivity.verb(verb) != nil && c.isWord("at", at: 1):
            fragment.restrictions += try restrictionLine(&c, phase: nil)
        case "stop", "hold":
            fragment.painRules.append(try painRule(&c))
        case "measure":
            fragment.measures.append(try measureSchedule(&c))
        case "red":
            _ = c.advance()
            try c.expect("flag", "'flag' (as in 'red flag ID \"…\"')")
            let (id, ref) = try c.id("the red flag's id")
            let text = try c.string("what the patient notices, in quotes")
            try c.endOfLine()
            fragment.redFlags.append(RedFlag(id: id, description: text, advice: "", source: ref))
            open(.redFlag(fragment.redFlags.count - 1), at: ref)
        case "phase":
            _ = c.advance()
            let (id, ref) = try c.id("the phase's id")
            let name = try c.string("the phase's name in quotes")
            let range = try c.phaseRange()
            try c.endOfLine()
            fragment.phases.append(Phase(id: id, name: name, start: range.start, end: range.end, source: ref))
            open(.phase(fragment.phases.count - 1), at: ref)
        case "exercise":
            _ = c.advance()
            let (id, ref) = try c.id("the exercise's id")
            let name = try c.string("the exercise's name in quotes")
            try c.endOfLine()
            fragment.exercises.append(Exercise(id: id, name: name, source: ref))
            open(.exercise(fragment.exercises.count - 1), at: ref)
        case "routine":
            _ = c.advance()
            let (id, ref) = try c.id("the routine's id")
            if c.atEnd {
                throw c.fail(.routineOutsidePhase, "'routine \(id)' without a name uses a routine, which belongs inside a phase",
                             at: c.peek(-1), hint: "indent it under a phase, or give a name in quotes to define the routine")
            }
            let name = try c.string("the routine's name in quotes")
            try c.endOfLine()
            fragment.routines.append(Routine(id: id, name: name, source: ref))
            open(.routine(fragment.routines.count - 1), at: ref)
        case "ladder":
            _ = c.advance()
            let (id, ref) = try c.id("the ladder's id")
            let name = try c.string("the ladder's name in quotes")
            try c.endOfLine()
            fragment.ladders.append(Ladder(id: id, name: name, rungs: [], source: ref))
            open(.ladder(fragment.ladders.count - 1), at: ref)
        case "expect":
            fragment.expectations.append(try expectation(&c))
        case "goal":
            _ = c.advance()
            let (id, ref) = try c.id("the goal's id, such as 'lift-20-lb'")
            let text = try c.string("what the patient will be able to do, in quotes")
            try c.endOfLine()
            fragment.goals.append(Goal(id: id, text: text, source: ref))
        default:
            let suggestion = Suggestion.closest(to: head.text, in: Array(Parser.topLevelKeywords))
            let hint = suggestion.map { "did you mean '\($0)'?" }
            let fix = suggestion.map { FixIt.word(head.text, at: c.ref(head), with: $0) }
            throw c.fail(.unknownStatement, "'\(head.text)' does not start a statement here", at: head,
                         hint: hint ?? "prescriptions and 'requires' lines belong indented under a phase", fixIt: fix)
        }
    }

    mutating func appendReference(_ r: ProgramFragment.Reference) { fragment.references.append(r) }

    private mutating func open(_ b: Block, at ref: SourceRef) {
        block = b; blockIndent = nil; blockStart = ref
    }

    // MARK: blocks

    private mutating func inBlock(_ c: inout LineCursor) throws(LineCursor.Failure) {
        switch block {
        case .broken:
            return
        case .none:
            throw c.fail(.strayIndent, "this indented line belongs to no block",
                         hint: "remove the indent, or put it under a 'phase', 'exercise', 'routine', 'ladder', 'red flag' or 'activity' line")
        case .phase(let i): try phaseLine(&c, i)
        case .exercise(let i): try exerciseLine(&c, i)
        case .routine(let i): try routineLine(&c, i)
        case .ladder(let i): try ladderLine(&c, i)
        case .redFlag(let i): try redFlagLine(&c, i)
        case .activity(let i): try activityLine(&c, i)
        }
    }

    private mutating func phaseLine(_ c: inout LineCursor, _ i: Int) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word else { throw c.expected("a prescription, 'requires', 'routine' or a restriction") }
        let phaseID = fragment.phases[i].id
        switch head.text {
        case "requires":
            _ = c.advance()
            let ref = c.here
            let gate: Gate
            if c.take("cleared") {
                let (topic, tref) = try c.id("what must be cleared, such as 'lifting'")
                appendReference(.init(kind: .clearance, id: topic, source: tref))
                gate = .cleared(topic)
            } else if c.take("pain") {
                try c.expect("at"); try c.expect("most", "'most' (as in 'pain at most 4 over 7 days')")
                let score = try c.int("a pain score from 0 to 10")
                try c.expect("over", "'over N days'")
                let days = try c.int("a number of days")
                guard c.take("days") || c.take("day") else { throw c.expected("'days'") }
                gate = .painAtMost(score, days: days)
            } else if c.take("met") {
                let (goal, gref) = try c.id("the goal that must be met, such as 'lift-20-lb'")
                appendReference(.init(kind: .goal, id: goal, source: gref))
                gate = .met(goal)
            } else if c.atPoint {
                gate = .minimum(try c.point())
            } else if c.peek?.kind == .number {
                let n = try c.int("a number of sessions")
                guard c.take("sessions") || c.take("session") else { throw c.expected("'sessions'") }
                gate = .sessions(n)
            } else {
                throw c.expected("'cleared TOPIC', 'met GOAL', 'pain at most N over D days' or 'N sessions'")
            }
            try c.endOfLine()
            fragment.phases[i].gates.append(GateStatement(gate: gate, source: ref))
        case "routine":
            _ = c.advance()
            let (id, ref) = try c.id("the routine's id")
            try c.endOfLine()
            fragment.phases[i].routines.append(RoutineUse(routine: id, source: ref))
            fragment.references.append(.init(kind: .routine, id: id, source: ref))
        case "ladder":
            _ = c.advance()
            let (id, ref) = try c.id("the ladder's id")
            var p = Prescription(exercise: id, isLadder: true, source: ref)
            try dose(&c, into: &p)
            fragment.phases[i].prescriptions.append(p)
            fragment.references.append(.init(kind: .ladder, id: id, source: ref))
        case "lift", "sit", "no", "wear", "limit":
            fragment.phases[i].restrictions += try restrictionLine(&c, phase: phaseID)
        case let verb where MeasuredActivity.verb(verb) != nil && c.isWord("at", at: 1):
            fragment.phases[i].restrictions += try restrictionLine(&c, phase: phaseID)
        case "stop" where !c.isWord("if", at: 1):
            // `stop walking`: ends a prescription an earlier phase carries on with `onward`.
            _ = c.advance()
            let (id, ref) = try c.id("the exercise to stop, as an earlier phase carries it on with 'onward'")
            try c.endOfLine()
            fragment.stops.append(.init(phase: phaseID, exercise: id, source: ref))
        case "teach":
            _ = c.advance()
            let (topic, ref) = try c.id("what it teaches, such as 'posture'")
            let text = try c.string("what the patient reads, in quotes")
            try c.endOfLine()
            fragment.phases[i].teachings.append(Teaching(topic: topic, text: text, source: ref))
        case "back" where c.isWord("off", at: 1):
            let start = c.advance(); _ = c.advance()
            let (id, ref) = try c.id("the exercise to back off, as prescribed above in this phase")
            var scratch = Prescription(exercise: id)
            try dose(&c, into: &scratch)
            guard scratch.progressions.isEmpty else {
                throw c.fail(.backOffProgression, "a back-off dose does not grow week by week", at: start,
                             hint: "write the smaller dose only, such as 'back off walking 5 min, twice a day'")
            }
            guard scratch.gate == nil, scratch.carriesOn == nil else {
                throw c.fail(.backOffGate, "a back-off dose has no gate and does not carry on by itself", at: start,
                             hint: "put 'from …', 'when …' or 'onward' on the exercise's own line")
            }
            guard let k = fragment.phases[i].prescriptions.lastIndex(where: { $0.exercise == id }) else {
                c.diagnostics.append(.error(.backOffUnknown, "'back off \(id)' names an exercise this phase does not prescribe above it",
                                            at: ref, length: id.count, hint: "write the back-off line after the exercise's own line"))
                throw LineCursor.Failure()
            }
            fragment.phases[i].prescriptions[k].backOff = scratch.dose
            fragment.phases[i].prescriptions[k].backOffSource = ref
        default:
            if Parser.blockOnlyKeywords.contains(head.text) {
                throw c.fail(.wrongBlock, "'\(head.text)' belongs in an exercise or routine, not in a phase", at: head)
            }
            let (id, ref) = try c.id("an exercise id")
            // `resistance-training as prescribed by your therapist`: a category the therapist fills in per patient.
            if c.isWord("as"), c.isWord("prescribed", at: 1) {
                _ = c.advance(); _ = c.advance()
                guard c.take("by"), c.take("your"), c.take("therapist") else {
                    throw c.fail(.asPrescribed, "an item left to the therapist ends 'as prescribed by your therapist'",
                                 hint: "write '\(id) as prescribed by your therapist', with nothing after it")
                }
                try c.endOfLine()
                fragment.phases[i].categories.append(CategoryItem(category: id, source: ref))
                return
            }
            var p = Prescription(exercise: id, source: ref)
            p.alternatives = try alternatives(&c)
            try dose(&c, into: &p)
            fragment.phases[i].prescriptions.append(p)
            fragment.references.append(.init(kind: .exercise, id: id, source: ref))
        }
    }

    /// `kneeling or prone` after an exercise id: the positions the patient may choose between. A word is read as a
    /// position only when it is one or an `or` follows it, so a misspelt dose word keeps its own error.
    private mutating func alternatives(_ c: inout LineCursor) throws(LineCursor.Failure) -> [Position] {
        guard let first = c.peek, first.kind == .word, Position(rawValue: first.text) != nil || c.isWord("or", at: 1) else {
            return []
        }
        var out: [Position] = []
        repeat {
            let (word, ref) = try c.id("a position after 'or', such as 'prone'")
            guard let p = Position(rawValue: word) else {
                let names = Position.allCases.map(\.rawValue)
                c.diagnostics.append(.error(.unknownPosition, "'\(word)' is not a position", at: ref, length: word.count,
                                            hint: Suggestion.closest(to: word, in: names).map { "did you mean '\($0)'?" }
                                                ?? "use one of: \(names.joined(separator: ", "))"))
                throw LineCursor.Failure()
            }
            if !out.contains(p) { out.append(p) }
        } while c.take("or")
        return out
    }

    static let blockOnlyKeywords: Set<String> = ["step", "cue", "never", "position", "loads", "respects", "rungs", "advice", "emergency", "urgent",
                                                   "soon", "says", "continues", "while"]

    private mutating func exerciseLine(_ c: inout LineCursor, _ i: Int) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word else { throw c.expected("'position', 'loads', 'step', 'cue' or 'stop if'") }
        _ = c.advance()
        switch head.text {
        case "position":
            let (word, ref) = try c.id("a position")
            guard let p = Position(rawValue: word) else {
                let names = Position.allCases.map(\.rawValue)
                c.diagnostics.append(.error(.unknownPosition, "'\(word)' is not a position", at: ref, length: word.count,
                                            hint: Suggestion.closest(to: word, in: names).map { "did you mean '\($0)'?" }
                                                ?? "use one of: \(names.joined(separator: ", "))",
                                            fixIt: Suggestion.closest(to: word, in: names)
                                                .map { .word(word, at: ref, with: $0) }))
                throw LineCursor.Failure()
            }
            fragment.exercises[i].position = p
        case "loads": fragment.exercises[i].loads = try loads(&c)
        case "step": fragment.exercises[i].steps.append(try c.string("the step in quotes"))
        case "cue": fragment.exercises[i].cues.append(try c.string("the cue in quotes"))
        case "stop":
            if c.isWord("if"), c.isWord("pain", at: 1) {
                c.index -= 1
                fragment.exercises[i].painRules.append(try painRule(&c))
                return
            }
            try c.expect("if", "'if' (as in 'stop if \"…\"' or 'stop if pain reaches 5')")
            fragment.exercises[i].stopIf.append(try c.string("when to stop, in quotes"))
        case "while":
            // `while no neck-motion "a small, supported nod, not the turning that rule forbids"`
            try c.expect("no", "'no ACTIVITY', as in 'while no neck-motion \"why it is fine\"'")
            let (activity, ref) = try c.id("the banned activity, as in 'while no neck-motion'")
            appendReference(.init(kind: .activity, id: activity, source: ref))
            fragment.exercises[i].whileBanned[activity] = try c.string("why it is fine while that ban holds, in quotes")
        case "sources":
            // `sources vary "…"`: the exercise's own range, for ladders whose rungs the sources time differently.
            fragment.exercises[i].sources = try sourcesRange(&c, units: SourcesRange.prescriptionUnits, for: "an exercise")
        case "says":
            // `says "press-ups", "press ups"`: the names patients ask about it by (`can I do press-ups`).
            repeat {
                fragment.exercises[i].phrases.append(try c.string("a name patients use, in quotes, such as \"press-ups\""))
            } while c.take(.comma)
        case "hold":
            throw c.fail(.holdInExercise, "'hold if pain reaches' applies to the whole program, not to one exercise", at: head,
                         hint: "write it at the top level, or use 'stop if pain reaches N' here")
        default:
            throw c.fail(.wrongBlock, "'\(head.text)' does not belong in an exercise", at: head,
                         hint: "an exercise has 'position', 'loads', 'step', 'cue', 'stop if', 'while no', 'says' and 'sources' lines",
                         fixIt: c.keywordFix(head, ["position", "loads", "step", "cue", "stop", "while", "says", "sources"]))
        }
        try c.endOfLine()
    }

    private mutating func routineLine(_ c: inout LineCursor, _ i: Int) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word else { throw c.expected("'loads', 'step', 'cue' or 'never'") }
        _ = c.advance()
        switch head.text {
        case "respects":
            // Still read, so an old program keeps working; the checker now works conflicts out from `loads`.
            c.diagnostics.append(.warning(.respectsDeprecated,
                                          "'respects' is deprecated: say what the routine loads instead",
                                          at: c.ref(head), length: head.length,
                                          hint: "write 'loads none', or the movements its steps ask for ('loads bending')"))
            var rules: [RestrictionRule] = []
            // An old `respects` line names what it likes; only restrictions and loads must name declared activities.
            let checked = fragment.references.count
            defer { fragment.references.removeSubrange(checked...) }
            repeat { rules.append(try restrictionRule(&c, phase: nil).rule) } while c.take(.comma)
            fragment.routines[i].respects += rules
        case "step": fragment.routines[i].steps.append(try c.string("the step in quotes"))
        case "cue": fragment.routines[i].cues.append(try c.string("the cue in quotes"))
        case "never": fragment.routines[i].never.append(try c.string("the warning in quotes"))
        case "loads":
            fragment.routines[i].loads = try loads(&c)
            fragment.routines[i].statesLoads = true
        default:
            throw c.fail(.wrongBlock, "'\(head.text)' does not belong in a routine", at: head,
                         hint: "a routine has 'loads', 'step', 'cue' and 'never' lines",
                         fixIt: c.keywordFix(head, ["loads", "step", "cue", "never"]))
        }
        try c.endOfLine()
    }

    private mutating func ladderLine(_ c: inout LineCursor, _ i: Int) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word else { throw c.expected("'rungs', 'up after' or 'down on pain breach'") }
        _ = c.advance()
        switch head.text {
        case "rungs":
            repeat {
                let (id, ref) = try c.id("an exercise id")
                fragment.ladders[i].rungs.append(id)
                fragment.references.append(.init(kind: .exercise, id: id, source: ref))
            } while c.take(.comma)
        case "up":
            try c.expect("after")
            let n = try c.int("a number of sessions")
            _ = c.take("pain-free")
            guard c.take("sessions") || c.take("session") else { throw c.expected("'pain-free sessions'") }
            fragment.ladders[i].upAfterPainFreeSessions = n
        case "down":
            try c.expect("on"); try c.expect("pain"); try c.expect("breach")
            fragment.ladders[i].downOnBreach = true
        default:
            throw c.fail(.wrongBlock, "'\(head.text)' does not belong in a ladder", at: head,
                         hint: "a ladder has 'rungs', 'up after N pain-free sessions' and 'down on pain breach' lines",
                         fixIt: c.keywordFix(head, ["rungs", "up", "down"]))
        }
        try c.endOfLine()
    }

    private mutating func redFlagLine(_ c: inout LineCursor, _ i: Int) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word else { throw c.expected("'advice', 'says', 'continues' or a severity") }
        _ = c.advance()
        switch head.text {
        case "advice": fragment.redFlags[i].advice = try c.string("the advice in quotes")
        case "emergency", "urgent", "soon":
            fragment.redFlags[i].severity = RedFlag.Severity(rawValue: head.text) ?? .urgent
        case "says":
            repeat {
                let phrase = try c.string("a phrase patients use, in quotes, such as \"chest pain\"")
                fragment.redFlags[i].phrases.append(phrase)
            } while c.take(.comma)
        case "continues":
            repeat {
                let (id, ref) = try c.id("an exercise id that goes on during this hold, such as 'walking'")
                fragment.redFlags[i].continues.append(id)
                fragment.references.append(.init(kind: .exercise, id: id, source: ref))
            } while c.take(.comma)
        default:
            throw c.fail(.wrongBlock, "'\(head.text)' does not belong in a red flag", at: head,
                         hint: "a red flag has 'emergency', 'urgent' or 'soon', 'says \"…\"', 'advice \"…\"' and 'continues EXERCISE'",
                         fixIt: c.keywordFix(head, ["emergency", "urgent", "soon", "says", "advice", "continues"]))
        }
        try c.endOfLine()
    }

    /// `  says "sleep on my stomach", "lie on my front"` under an `activity` line: how patients ask about it.
    private mutating func activityLine(_ c: inout LineCursor, _ i: Int) throws(LineCursor.Failure) {
        guard let head = c.peek, head.kind == .word, head.text == "says" else {
            throw c.fail(.wrongBlock, "'\(c.peek?.text ?? "")' does not belong under an activity", at: c.peek,
                         hint: "an activity has only 'says' lines, as in 'says \"sleep on my stomach\"'",
                         fixIt: c.peek.flatMap { c.keywordFix($0, ["says"]) })
        }
        _ = c.advance()
        repeat {
            let at = c.here
            let phrase = try c.string("a phrase patients use, in quotes, such as \"sleep on my stomach\"")
            fragment.activities[i].phrases.append((phrase, at))
        } while c.take(.comma)
        try c.endOfLine()
    }

    // MARK: shared pieces

    private mutating func loads(_ c: inout LineCursor) throws(LineCursor.Failure) -> Loads {
        var loads = Loads()
        if c.take("none") { return loads }
        repeat {
            if c.take("lifting") || c.take("lift") {
                loads.lift = try c.weight()
            } else {
                let (a, ref) = try c.id("a load such as 'bending', 'twisting', 'neck-motion' or 'lifting 5 lb'")
                // A misspelt load would never meet its restriction, so it is checked like one.
                appendReference(.init(kind: .activity, id: a, source: ref))
                loads.activities.insert(Activity(a))
            }
        } while c.take(.comma)
        return loads
    }

    private mutating func painRule(_ c: inout LineCursor) throws(LineCursor.Failure) -> PainRuleStatement {
        let ref = c.here
        let hold = c.take("hold")
        if !hold { try c.expect("stop") }
        try c.expect("if"); try c.expect("pain", "'pain'")
        let rule: PainRule
        if c.take("reaches") {
            let n = try c.int("a pain score from 0 to 10")
            rule = hold ? .holdAtOrAbove(n) : .stopAtOrAbove(n)
        } else if c.take("rises"), !hold {
            rule = .stopOnRise(try c.int("a number of points"))
        } else {
            throw c.expected(hold ? "'reaches N'" : "'reaches N' or 'rises N'")
        }
        try c.endOfLine()
        return PainRuleStatement(rule: rule, source: ref)
    }
}
