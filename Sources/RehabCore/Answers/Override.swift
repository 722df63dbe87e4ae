/// A clinician's order that replaced the program's default for one activity: every answer about that
/// activity names both the order and what the program would have said.
public struct Override: Hashable, Sendable {
    public enum Order: Hashable, Sendable {
        case restricted(SurgeonOrder)
        case cleared(Clearance)
    }

    public let order: Order
    /// The program's rules on the activity that were in force and that the order set aside.
    public let replaced: [ActiveRestriction]

    /// "Dr Lee's clearance of 2026-11-21"
    public var who: String {
        switch order {
        case .restricted(let o): return (o.by.map { "\($0)'s order" } ?? "an order you recorded") + " of \(o.on)"
        case .cleared(let c): return (c.by.map { "\($0)'s clearance" } ?? "a clearance you recorded") + " of \(c.on)"
        }
    }

    /// "the program's 'no massage' (until week 6 …)", or nil when the program had no rule in force.
    public func replacedText(unit: Weight.Unit) -> String? {
        guard !replaced.isEmpty else { return nil }
        return replaced.map { "'\($0.rule.text)' \($0.untilText)" }.joined(separator: " and ")
    }
}
