import RehabCore
import RehabJSON

/// The `--json` shapes (documented in the README): stable field names, dates as YYYY-MM-DD.
/// An optional that is written as `null` rather than left out, so every documented field is always present.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?
    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

enum JSONOutput {
    struct VerdictJSON: Encodable {
        let id: String
        let allowed: Bool
        /// `yes`, `no`, `limited`, `wear` or `if-ordered`.
        let decision: String
        let reason: String
        @Nullable var changesOn: String?
        @Nullable var changesWhen: String?
        @Nullable var source: String?
        /// Allowed at a smaller dose after a pain rule stopped it.
        let backedOff: Bool
        /// An activity's words as the patient reads them (`id` stays the program's id); absent for other answers.
        let words: String?
        /// The range published protocols give for the rule or dose behind the answer (`4-15 lb`), if the program has one.
        @Nullable var sourcesRange: String?
        /// How those sources differ, in the program's words.
        @Nullable var sourcesNote: String?

        init(_ v: Verdict, words: String? = nil) {
            id = v.id; allowed = v.allowed; decision = v.decision; reason = v.reason; changesOn = v.changesOn?.iso
            changesWhen = v.changesWhen; source = v.source?.description; backedOff = v.backOff != nil
            self.words = words
            sourcesRange = v.sources?.rangeText; sourcesNote = v.sources?.note
        }
    }

    struct RestrictionJSON: Encodable {
        let kind: String
        let rule: String
        @Nullable var limit: String?
        @Nullable var releasedOn: String?
        @Nullable var releasedWhen: String?
        let setBy: String
        @Nullable var source: String?
        /// The program's rule a clinician's order set aside, in program words.
        @Nullable var replaces: String?
        /// `no`, `limited`, `wear` or `if-ordered`: what the rule asks of the patient.
        let decision: String
        /// What published protocols give when they disagree (`4-15 lb`), and how they differ.
        @Nullable var sourcesRange: String?
        @Nullable var sourcesNote: String?

        static func decision(_ rule: RestrictionRule) -> String {
            switch rule {
            case .no: return "no"
            case .atMostPerSurgeon(_, nil): return "no"
            case .atMost, .limit, .atMostPerSurgeon: return "limited"
            case .wear: return "wear"
            case .wearIfOrdered: return "if-ordered"
            }
        }

        init(_ r: ActiveRestriction, replaces: String? = nil) {
            self.replaces = replaces
            kind = r.rule.kind; rule = r.rule.text
            switch r.rule {
            case .atMost(_, let q): limit = q.description
            case .atMostPerSurgeon(_, let q): limit = q?.description
            case .no, .wear, .limit, .wearIfOrdered: limit = nil
            }
            decision = RestrictionJSON.decision(r.rule)
            releasedOn = r.release.on?.iso; releasedWhen = r.release.when; setBy = r.authority; source = r.source?.description
            sourcesRange = r.sources?.rangeText; sourcesNote = r.sources?.note
        }
    }

    struct AllowedJSON: Encodable {
        let date: String
        let week: Int
        let day: Int
        @Nullable var phase: String?
        let onHold: Bool
        let exercises: [VerdictJSON]
        let routines: [VerdictJSON]
        let activities: [VerdictJSON]
    }

    static func encode(_ value: some Encodable) -> String {
        (try? TreeEncoder().text(value, pretty: true)) ?? "{}"
    }

    static func verdict(_ v: Verdict, words: String? = nil) -> String { encode(VerdictJSON(v, words: words)) }

    static func allowed(_ a: Assessment, record: PatientRecord = PatientRecord()) -> String {
        encode(AllowedJSON(date: a.date.iso, week: a.recovery.week, day: a.recovery.day, phase: a.phase?.id,
                           onHold: a.isOnHold,
                           exercises: a.exerciseVerdicts(record: record).map { VerdictJSON($0) },
                           routines: a.routineVerdicts.map { VerdictJSON($0) },
                           activities: a.activityVerdicts.map { v in
                               VerdictJSON(v, words: a.program.words(for: Activity(v.id)))
                           }))
    }

    static func program(_ p: Program) -> String { encode(p) }
}
