/// A restriction in force on a day, with where it came from and what releases it.
public struct ActiveRestriction: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// A program-wide restriction.
        case program(Restriction)
        /// A restriction of the current phase.
        case phase(Restriction, phaseName: String)
        /// A stricter order recorded with `restrict`.
        case surgeon(SurgeonOrder)
        /// The upper limit of a clearance (`clear lifting up to 25 lb`).
        case clearanceLimit(Clearance)
    }

    public let rule: RestrictionRule
    public let origin: Origin
    public let release: Release

    /// Who or what set it, for `why`.
    public var authority: String {
        switch origin {
        case .program(let r):
            return "the program" + (r.source.map { " (\($0))" } ?? "")
        case .phase(let r, let name):
            return "phase '\(name)' of the program" + (r.source.map { " (\($0))" } ?? "")
        case .surgeon(let o):
            return "an order" + (o.by.map { " from \($0)" } ?? "") + " recorded on \(o.on)"
        case .clearanceLimit(let c):
            return "the clearance" + (c.by.map { " from \($0)" } ?? "") + " recorded on \(c.on)"
        }
    }

    public var source: SourceRef? {
        switch origin {
        case .program(let r), .phase(let r, _): return r.source
        case .surgeon, .clearanceLimit: return nil
        }
    }

    public var note: String? {
        switch origin {
        case .program(let r), .phase(let r, _): return r.note
        case .surgeon(let o): return o.note
        case .clearanceLimit(let c): return c.note
        }
    }

    /// What published protocols give for a program rule whose sources disagree; a clinician's order has none.
    public var sources: SourcesRange? {
        switch origin {
        case .program(let r), .phase(let r, _): return r.sources
        case .surgeon, .clearanceLimit: return nil
        }
    }

    /// "until week 6 (2026-12-14) and your surgeon clears lifting (when they do, record it with 'clear lifting by NAME')"
    public var untilText: String {
        guard let when = release.when else { return "with no end date set" }
        return "until \(when)"
    }
}
