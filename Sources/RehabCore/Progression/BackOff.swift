/// An exercise a pain rule stopped: until it recovers it is done at a smaller dose and does not progress.
///
/// Back-off is state in the progression machine, so `can`, `status`, `why` and the guided session all read
/// the same answer instead of checking pain scores each on their own.
public struct BackOff: Hashable, Sendable {
    public enum Cause: Hashable, Sendable {
        /// A `stop if pain …` rule fired in a session that included the exercise.
        case rule(PainRuleStatement, painBefore: Int?, peak: Int)
        /// Pain at the start of the next day was still above the usual level (the 24-hour rule).
        case nextDay(pain: Int, usual: Int)
    }

    public let exercise: String
    public let since: CalendarDay
    public let cause: Cause
    /// The pain score that counts as back to usual: the next session of the exercise at or below it recovers.
    public let usual: Int

    public init(exercise: String, since: CalendarDay, cause: Cause, usual: Int) {
        self.exercise = exercise; self.since = since; self.cause = cause; self.usual = usual
    }

    /// "stop if pain rises 2 (lumbar-fusion.rehab:160): pain went from 3 to 7"
    public var reason: String {
        switch cause {
        case .rule(let statement, let before, let peak):
            let rise = before.map { "pain went from \($0) to \(peak)" } ?? "pain reached \(peak)"
            return "'\(statement.rule.text)'" + (statement.source.map { " (\($0))" } ?? "") + ": \(rise)"
        case .nextDay(let pain, let usual):
            return "pain the next morning was \(pain), above your usual \(usual) (pain should settle within 24 hours)"
        }
    }
}

/// Which pain rules stop an exercise in a session, program-wide and the exercise's own.
public enum PainStop {
    /// The first stop rule a session breaks for an exercise, if any (hold rules are handled as holds).
    public static func firing(_ rules: [PainRuleStatement], painBefore: Int?, peak: Int?) -> PainRuleStatement? {
        guard let peak else { return nil }
        for statement in rules {
            switch statement.rule {
            case .stopAtOrAbove(let n): if peak >= n { return statement }
            case .stopOnRise(let n): if let before = painBefore, peak - before >= n { return statement }
            case .holdAtOrAbove: continue
            }
        }
        return nil
    }

    /// The program's stop rules and the exercise's own.
    public static func rules(for exercise: String, in program: Program) -> [PainRuleStatement] {
        let own = program.exercise(exercise)?.painRules ?? []
        return own + program.painRules
    }
}
