/// A yes or no with its reason and when it changes: the shape of every answer.
public struct Verdict: Hashable, Sendable {
    /// The exercise, routine or activity asked about.
    public let id: String
    public let allowed: Bool
    /// One plain sentence.
    public let reason: String
    /// The day the answer changes when time alone decides it.
    public let changesOn: CalendarDay?
    /// The condition that changes it, in words.
    public let changesWhen: String?
    /// The restriction behind a "no", if one is.
    public let restriction: ActiveRestriction?
    /// The program line the answer comes from.
    public let source: SourceRef?
    /// Allowed at a smaller dose, because a pain rule stopped it.
    public let backOff: BackOff?
    /// A clinician's order decided it, in place of the program's default.
    public let override: Override?
    /// "Not yet" only because a later phase brings it: that phase's index (a preview folds these into one line).
    public var startsInPhase: Int?
    /// "No" only because an earlier phase had it and this one does not (folded the same way).
    public var finishedEarlier = false
    /// What a "yes" comes with: a limit to keep to, gear to wear, or gear only if the surgeon orders it.
    public var qualifier: Qualifier?
    /// What published protocols give for the rule or prescription behind the answer, when they disagree.
    public var sources: SourcesRange?
    /// An exercise no phase prescribes, answered from what it loads: a "yes" here is not the program's plan, so
    /// expectations and `log` do not count it as allowed.
    public var notPrescribed = false
    /// Allowed and part of the program: what `expect ID` and `log` need.
    public var allowedInProgram: Bool { allowed && !notPrescribed }

    public enum Qualifier: String, Hashable, Sendable {
        case limited, wear
        case ifOrdered = "if-ordered"
        /// Not allowed until asked: the program has no rule on it, and rehab does not guess (`can I play golf`).
        case askFirst = "ask-first"
        /// Gear nothing asks the patient to wear now (`can brace` with no brace rule): not "Yes", which reads as "wear it".
        case notNeeded = "not-needed"
    }

    /// `yes`, `no`, `limited`, `wear`, `if-ordered` or `ask-first`, as `--json` shows it.
    public var decision: String {
        if qualifier == .askFirst { return Qualifier.askFirst.rawValue }
        return allowed ? qualifier?.rawValue ?? "yes" : "no"
    }

    public init(id: String, allowed: Bool, reason: String, changesOn: CalendarDay? = nil, changesWhen: String? = nil,
                restriction: ActiveRestriction? = nil, source: SourceRef? = nil, backOff: BackOff? = nil,
                override: Override? = nil) {
        self.id = id; self.allowed = allowed; self.reason = reason; self.changesOn = changesOn
        self.changesWhen = changesWhen; self.restriction = restriction; self.source = source; self.backOff = backOff
        self.override = override
    }

    /// The same answer with more words after its reason.
    public func adding(_ words: String) -> Verdict {
        var v = Verdict(id: id, allowed: allowed, reason: reason + " " + words, changesOn: changesOn, changesWhen: changesWhen,
                        restriction: restriction, source: source, backOff: backOff, override: override)
        v.qualifier = qualifier; v.sources = sources; v.notPrescribed = notPrescribed
        return v
    }

    /// The same answer with a qualifier.
    public func qualified(_ q: Qualifier?) -> Verdict { var v = self; v.qualifier = q; return v }
}

/// Something that changes later: a restriction released, a phase opened, a ladder rung.
public struct Unlock: Hashable, Sendable {
    public let what: String
    public let on: CalendarDay?
    public let when: String?
    /// For a phase: each gate and whether it is met.
    public let gates: [GateResult]
}
