/// Answers about a measured activity (lifting, sitting, riding…), with or without an amount asked about.
///
/// One shape for every measured activity: a ban outranks everything, then the strictest amount in force (the surgeon's
/// amount until recorded counts at the program's fallback, or as none), then a worded `limit`; the per-activity words
/// come from `MeasuredActivity`.
extension Assessment {
    /// `can lift 15 lb`, `can sit 45 min`, `can ride 1 h`; `what` names an object lifted ("a gallon of milk").
    public func can(_ activity: Activity, amount: Quantity, what: String? = nil) -> Verdict {
        // No rule of any kind on it (riding, standing…): the activity's own answer decides, with its advice or the
        // sources' silence ("ask your surgeon"), never a plain "no limit" Yes.
        if activity != .lifting, activity != .sitting, ban(on: activity) == nil, amountLimit(on: activity) == nil,
           limitation(on: activity) == nil {
            return can(activity).adding("Your program sets no amount for \(program.words(for: activity)), so rehab cannot check "
                                        + "\(amount.shown(in: unit)); ask your therapist what is right for you.")
        }
        return withHold(amountAnswer(activity, amount, what: what), advice: activity)
    }

    public func canLift(_ weight: Weight, what: String? = nil) -> Verdict { can(.lifting, amount: Quantity(weight), what: what) }
    public func canSit(minutes: Int) -> Verdict { can(.sitting, amount: .minutes(minutes)) }

    /// What every answer under a surgeon-set amount ends with, until the order is recorded.
    public static func surgeonSets(_ activity: Activity) -> String {
        let example = MeasuredActivity.of(activity)?.dimensions.first == .weight ? "N lb" : "N min"
        return "your surgeon sets this limit — record it with 'restrict \(activity.name) \(example) by NAME'."
    }

    private func amountAnswer(_ activity: Activity, _ asked: Quantity, what: String?) -> Verdict {
        let m = MeasuredActivity.of(activity)
        let words = program.words(for: activity)
        let askedText = asked.shown(in: unit)
        let id = what ?? (activity == .lifting ? asked.description : activity.name)
        let object = what.map { "\($0) (about \(askedText))" } ?? askedText
        let tail = { (advice: String?) in advice.map { "; \($0)." } ?? "." }
        if let ban = ban(on: activity) {
            return no(id, ban, "no \(words) at all \(ban.untilText), set by \(ban.authority)" + tail(m?.instead))
        }
        guard let r = amountLimit(on: activity, in: asked.dimension) ?? amountLimit(on: activity), let cap = r.rule.cap else {
            if let r = limitation(on: activity) {
                return limitAnswer(activity, r).adding("The limit gives no number, so rehab cannot check \(askedText) against it; "
                                                        + "ask your therapist how long is right for you.")
            }
            return Verdict(id: id, allowed: true, reason: "no \(activity.name) limit is in force" + tail(m?.free))
        }
        if case .atMostPerSurgeon(_, let fallback) = r.rule {
            return surgeonAmountAnswer(id, activity, object: object, asked: asked, fallback: fallback, r)
        }
        let limit = RestrictionRule.amount(cap, of: activity, unit: unit)
        // A time asked against a distance limit (or the other way round) cannot be compared: say the limit.
        if cap.dimension != asked.dimension {
            return Verdict(id: id, allowed: true,
                           reason: "\(words) is limited to \(limit) \(r.untilText), set by \(r.authority); rehab cannot compare "
                               + "\(object) with it, so keep within \(cap.shown(in: unit)).",
                           changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
                .qualified(.limited)
        }
        if cap.isExceeded(by: asked) {
            return no(id, r, "\(words) is limited to \(limit) \(r.untilText), set by \(r.authority); \(object) is over it"
                          + tail(m?.over))
        }
        return Verdict(id: id, allowed: true,
                       reason: "\(object) is within your \(cap.asLimit(of: activity, unit: unit)) limit (\(r.untilText)), set by \(r.authority)"
                           + tail(m?.within),
                       changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
    }

    /// `can lift` or `can ride` with no amount: how much is allowed, until when and whose rule it is; nil when no
    /// amount rule is in force.
    func amountAnswer(_ activity: Activity) -> Verdict? {
        guard let r = amountLimit(on: activity), let cap = r.rule.cap else { return nil }
        let words = program.words(for: activity)
        if case .atMostPerSurgeon(_, let fallback) = r.rule {
            let rule = "\(r.untilText), set by \(r.authority)"
            guard let fallback else {
                return no(activity.name, r, "no \(words) until your surgeon's limit is recorded (\(rule)); "
                              + Assessment.surgeonSets(activity))
            }
            return Verdict(id: activity.name, allowed: true,
                           reason: "\(words) is allowed up to \(RestrictionRule.amount(fallback, of: activity, unit: unit)) until your "
                               + "surgeon's number is recorded (\(rule)); " + Assessment.surgeonSets(activity),
                           changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
                .qualified(.limited)
        }
        // Allowed only up to an amount: "Limited — …", as a worded `limit` is, never a bare Yes.
        return Verdict(id: activity.name, allowed: true,
                       reason: "\(words) is allowed up to \(RestrictionRule.amount(cap, of: activity, unit: unit)) "
                           + "\(r.untilText), set by \(r.authority).",
                       changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
            .qualified(.limited)
    }

    /// An amount asked about while the surgeon's number is not recorded: the fallback decides, or none at all.
    private func surgeonAmountAnswer(_ id: String, _ activity: Activity, object: String, asked: Quantity,
                                     fallback: Quantity?, _ r: ActiveRestriction) -> Verdict {
        let rule = "\(r.untilText), set by \(r.authority)"
        let sets = Assessment.surgeonSets(activity)
        guard let fallback else {
            return no(id, r, "no \(program.words(for: activity)) until your surgeon's limit is recorded (\(rule)); " + sets)
        }
        let kept = "the \(RestrictionRule.amount(fallback, of: activity, unit: unit)) limit your program keeps until your "
            + "surgeon's number is recorded (\(rule))"
        if fallback.isExceeded(by: asked) { return no(id, r, "\(object) is over \(kept); " + sets) }
        let within = MeasuredActivity.of(activity)?.within.map { "; \($0)" } ?? ""
        return Verdict(id: id, allowed: true, reason: "\(object) is within \(kept)\(within). Y" + sets.dropFirst(),
                       changesOn: r.release.on, changesWhen: r.release.when, restriction: r, source: r.source)
            .qualified(.limited)
    }
}

extension Quantity {
    /// The limit as an adjective before "limit": `10 lb` (lifting, whose limit needs no name), `30-minute sitting`,
    /// `1-hour riding`, `1 mi walking`.
    func asLimit(of activity: Activity, unit preferred: Weight.Unit) -> String {
        let n = Weight.format(value)
        switch unit {
        case .lb, .kg:
            let w = shown(in: preferred)
            return activity == .lifting ? w : "\(w) \(activity.name)"
        case .min: return "\(n)-minute \(activity.name)"
        case .h: return "\(n)-hour \(activity.name)"
        case .mi, .km, .m: return "\(description) \(activity.name)"
        }
    }
}
