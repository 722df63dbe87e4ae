import Foundation
import RehabCore

/// The `--json` shapes (documented in the README): stable field names, dates as YYYY-MM-DD.
enum JSONOutput {
    struct VerdictJSON: Encodable {
        let id: String
        let allowed: Bool
        let reason: String
        let changesOn: String?
        let changesWhen: String?
        let source: String?

        init(_ v: Verdict) {
            id = v.id; allowed = v.allowed; reason = v.reason; changesOn = v.changesOn?.iso
            changesWhen = v.changesWhen; source = v.source?.description
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(allowed, forKey: .allowed)
            try c.encode(reason, forKey: .reason)
            try c.encode(changesOn, forKey: .changesOn)
            try c.encode(changesWhen, forKey: .changesWhen)
            try c.encode(source, forKey: .source)
        }
        enum CodingKeys: String, CodingKey { case id, allowed, reason, changesOn, changesWhen, source }
    }

    struct RestrictionJSON: Encodable {
        let kind: String
        let rule: String
        let limit: String?
        let releasedOn: String?
        let releasedWhen: String?
        let setBy: String
        let source: String?

        init(_ r: ActiveRestriction) {
            kind = r.rule.kind; rule = r.rule.text
            switch r.rule {
            case .liftAtMost(let w): limit = w.description
            case .sitAtMost(let m): limit = "\(m) min"
            case .no, .wear: limit = nil
            }
            releasedOn = r.release.on?.iso; releasedWhen = r.release.when; setBy = r.authority; source = r.source?.description
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(rule, forKey: .rule)
            try c.encode(limit, forKey: .limit)
            try c.encode(releasedOn, forKey: .releasedOn)
            try c.encode(releasedWhen, forKey: .releasedWhen)
            try c.encode(setBy, forKey: .setBy)
            try c.encode(source, forKey: .source)
        }
        enum CodingKeys: String, CodingKey { case kind, rule, limit, releasedOn, releasedWhen, setBy, source }
    }

    struct AllowedJSON: Encodable {
        let date: String
        let week: Int
        let day: Int
        let phase: String?
        let onHold: Bool
        let exercises: [VerdictJSON]
        let routines: [VerdictJSON]
        let activities: [VerdictJSON]
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func verdict(_ v: Verdict) -> String { encode(VerdictJSON(v)) }

    static func allowed(_ a: Assessment, record: PatientRecord = PatientRecord()) -> String {
        encode(AllowedJSON(date: a.date.iso, week: a.recovery.week, day: a.recovery.day, phase: a.phase?.id,
                           onHold: a.isOnHold,
                           exercises: a.exerciseVerdicts(record: record).map(VerdictJSON.init),
                           routines: a.routineVerdicts.map(VerdictJSON.init),
                           activities: a.activityVerdicts.map(VerdictJSON.init)))
    }

    static func program(_ p: Program) -> String { encode(p) }
}
