import RehabCore
import RehabJSON

/// A patient's record as a FHIR R4 (4.0.1) Bundle of type `collection`, for a clinic system that reads FHIR.
///
/// Every id is a UUID-shaped hash of the patient's name and the event's place in the journal, so the same record
/// always gives the same bytes and a re-export can be matched to the earlier one; nothing random, no clock.
/// References between entries use the entries' `urn:uuid:` full URLs, which a collection resolves within itself.
///
/// Codes: only those checked against a published source are written. LOINC 72514-3 ("Pain severity - 0-10 verbal
/// numeric rating [Score] - Reported") is the code FHIR implementation guides use for a 0–10 pain rating. No SNOMED CT
/// code for the three operations, nor a LOINC code for the ODI, NDI and PSFS totals, could be confirmed, so those carry
/// `text` only: a receiving system can code text, but a wrong code would silently mean something else.
enum FHIRBundle {
    static let painCode = "72514-3"
    static let painDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"

    /// The Bundle's JSON text and how many resources it holds.
    static func document(patient: String, events: [PatientEvent]) -> (text: String, resources: Int) {
        var builder = Builder(patient: patient)
        builder.add(profile: PatientRecord(events: events).profile)
        for (index, event) in events.enumerated() { builder.add(event, index: index) }
        let resources = builder.resources()
        let entries = resources.map { r in
            JSONTree.object([("fullUrl", .string("urn:uuid:" + r.id)), ("resource", r.body)])
        }
        let bundle = object([("resourceType", .string("Bundle")), ("id", .string(builder.uuid("bundle"))),
                             ("type", .string("collection")), ("entry", entries.isEmpty ? nil : .array(entries))])
        return (bundle.text(pretty: true) + "\n", resources.count)
    }

    /// An object without the members whose value is absent: FHIR forbids empty strings, arrays and nulls.
    static func object(_ members: [(String, JSONTree?)]) -> JSONTree {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// A string element, or none for text that is missing or blank.
    static func text(_ s: String?) -> JSONTree? {
        guard let s, s.contains(where: { !$0.isWhitespace }) else { return nil }
        return .string(s)
    }

    static func concept(text: String, system: String? = nil, code: String? = nil, display: String? = nil) -> JSONTree {
        var coding: JSONTree?
        if let system, let code {
            coding = .array([object([("system", .string(system)), ("code", .string(code)),
                                      ("display", FHIRBundle.text(display))])])
        }
        return object([("coding", coding), ("text", .string(text))])
    }

    static func notes(_ lines: [String?]) -> JSONTree? {
        let items = lines.compactMap { text($0) }.map { JSONTree.object([("text", $0)]) }
        return items.isEmpty ? nil : .array(items)
    }

    /// Patient-reported, so `survey` rather than `vital-signs` or `exam`.
    static let survey = JSONTree.array([object([
        ("coding", .array([object([("system", .string("http://terminology.hl7.org/CodeSystem/observation-category")),
                                   ("code", .string("survey")), ("display", .string("Survey"))])])),
    ])])

    /// Collects resources in journal order; red flags stay open until their resolution is seen.
    struct Builder {
        let patient: String
        private(set) var list: [(id: String, members: [(String, JSONTree?)])] = []
        /// Journal order of each order and clearance per activity, to tell which one stands.
        private var orders: [(position: Int, day: CalendarDay, activity: String)] = []
        /// The conditions of each flag still open; one resolution closes all of them, as `activeFlags` reads it.
        private var openFlags: [String: [Int]] = [:]
        private var surgery: CalendarDay?
        /// The name the patient gave in their profile, else the journal's name for them.
        private var display: String

        init(patient: String) { self.patient = patient; display = patient }

        /// A UUID-shaped id (version 8, "custom", RFC 9562) from two 64-bit hashes of the patient and the part of
        /// the record; each is FNV-1a with a SplitMix64 finish, so ids of neighbouring events differ in every digit.
        func uuid(_ part: String) -> String {
            let hex = Self.hex(hash(part, seed: 1)) + Self.hex(hash(part, seed: 2))
            var digits = Array(hex)
            digits[12] = "8"
            if let v = digits[16].hexDigitValue { digits[16] = Array("89ab")[v % 4] }
            let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
            return groups.joined(separator: "-")
        }

        private func hash(_ part: String, seed: UInt64) -> UInt64 {
            var h: UInt64 = 0xcbf29ce484222325 ^ seed
            for b in patient.utf8 + [0] + part.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            h = (h ^ (h >> 30)) &* 0xbf58476d1ce4e5b9
            h = (h ^ (h >> 27)) &* 0x94d049bb133111eb
            return h ^ (h >> 31)
        }

        private static func hex(_ x: UInt64) -> String {
            let s = String(x, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }

        var subject: JSONTree {
            .object([("reference", .string("urn:uuid:" + uuid("patient"))), ("display", .string(display))])
        }

        mutating func append(_ type: String, _ part: String, _ members: [(String, JSONTree?)]) {
            let id = uuid(part)
            list.append((id, [("resourceType", .string(type)), ("id", .string(id))] + members))
        }

        /// The resources with each superseded order marked `revoked`: for one activity the latest order stands.
        func resources() -> [(id: String, body: JSONTree)] {
            var latest: [String: (CalendarDay, Int)] = [:]
            for o in orders where latest[o.activity].map({ ($0.0, $0.1) < (o.day, o.position) }) ?? true {
                latest[o.activity] = (o.day, o.position)
            }
            let standing = Set(latest.values.map(\.1)), requests = Set(orders.map(\.position))
            return list.enumerated().map { i, r in
                let members = r.members.map { key, value -> (String, JSONTree?) in
                    guard key == "status", requests.contains(i) else { return (key, value) }
                    return (key, .string(standing.contains(i) ? "active" : "revoked"))
                }
                return (r.id, FHIRBundle.object(members))
            }
        }

        /// `Patient` with the name as typed: rehab keeps only a display name, so `name.text` and no guessed
        /// family or given parts. The surgery as a completed `Procedure`, its levels as the body site.
        mutating func add(profile: Profile) {
            if let name = profile.name, FHIRBundle.text(name) != nil { display = name }
            append("Patient", "patient", [("name", .array([.object([("text", .string(display))])]))])
            surgery = profile.surgery
            guard profile.surgery != nil || profile.procedure != nil else { return }
            let name: String
            switch profile.procedure {
            case .lumbarFusion?: name = "Lumbar spinal fusion"
            case .cervicalFusion?: name = "Anterior cervical discectomy and fusion (ACDF)"
            case .lumbarDiscReplacement?: name = "Lumbar total disc replacement"
            case nil: name = "Spine surgery"
            }
            append("Procedure", "procedure", [
                ("status", .string("completed")), ("code", concept(text: name)), ("subject", subject),
                ("performedDateTime", profile.surgery.map { .string($0.iso) }),
                ("bodySite", FHIRBundle.text(profile.levels).map { .array([.object([("text", $0)])]) }),
            ])
        }

        mutating func add(_ event: PatientEvent, index: Int) {
            switch event {
            case .sessionLogged(let s):
                pain(s.painBefore, on: s.on, part: "\(index).before", note: "Before the session")
                for (k, x) in s.exercises.enumerated() {
                    pain(x.pain, on: s.on, part: "\(index).during.\(k)", note: "During the exercise '\(x.exercise)'")
                }
                pain(s.painAfter, on: s.on, part: "\(index).after", note: "After the session")
            case .measureRecorded(let m): measure(m, index: index)
            case .restrictionOrdered(let o): order(o, index: index)
            case .clearanceRecorded(let c): clearance(c, index: index)
            case .redFlagReported(let f): flag(f, index: index)
            case .redFlagResolved(let f): resolve(f)
            // A therapist's choice of exercise and a goal met are coaching decisions, not clinical observations.
            case .profileChanged, .programAssigned, .phaseChanged, .therapistOverride, .categoryPrescribed, .goalMet: break
            }
        }

        /// Each pain score as a final `Observation` coded LOINC 72514-3, a whole number as `valueInteger`.
        mutating func pain(_ score: Int?, on day: CalendarDay, part: String, note: String) {
            guard let score else { return }
            append("Observation", part, [
                ("status", .string("final")), ("category", survey),
                ("code", concept(text: "Pain score (0-10)", system: "http://loinc.org", code: painCode,
                                 display: painDisplay)),
                ("subject", subject), ("effectiveDateTime", .string(day.iso)), ("valueInteger", .number(String(score))),
                ("note", notes([note])),
            ])
        }

        /// A questionnaire as a completed `QuestionnaireResponse` (one item per answered question, numbered by its
        /// place so a skipped one shows as a gap) and its score as an `Observation` derived from it, with the
        /// author's band as the interpretation. No `questionnaire` canonical: these instruments publish no FHIR
        /// Questionnaire URL that could be confirmed, and a made-up one would look authoritative.
        mutating func measure(_ m: MeasureRecord, index: Int) {
            let titles: [String]
            switch m.instrument {
            case .odi: titles = OswestryIndex.sections
            case .ndi: titles = NeckDisabilityIndex.items
            case .psfs: titles = m.activities
            }
            var items: [JSONTree] = []
            for (i, answer) in m.answers.enumerated() {
                guard let answer else { continue }
                items.append(FHIRBundle.object([
                    ("linkId", .string(String(i + 1))), ("text", FHIRBundle.text(i < titles.count ? titles[i] : nil)),
                    ("answer", .array([.object([("valueInteger", .number(String(answer)))])])),
                ]))
            }
            let name = MeasureText.name(m.instrument)
            let response = "\(index).response"
            append("QuestionnaireResponse", response, [
                ("status", .string("completed")), ("subject", subject), ("authored", .string(m.on.iso)),
                ("item", items.isEmpty ? nil : .array(items)),
            ])
            guard let score = try? m.score() else { return }
            let unit = m.instrument == .psfs ? "{score}" : "%"
            let quantity = JSONTree.object([
                ("value", .number(MeasureText.format(score.value))), ("unit", .string(unit == "%" ? "%" : "score")),
                ("system", .string("http://unitsofmeasure.org")), ("code", .string(unit)),
            ])
            append("Observation", "\(index).score", [
                ("status", .string("final")), ("category", survey), ("code", concept(text: name + " score")),
                ("subject", subject), ("effectiveDateTime", .string(m.on.iso)), ("valueQuantity", quantity),
                ("interpretation", .array([.object([("text", .string(score.band))])])),
                ("note", notes([m.instrument == .ndi ? "\(MeasureText.value(score))." : nil, m.note])),
                ("derivedFrom", .array([.object([("reference", .string("urn:uuid:" + uuid(response)))])])),
            ])
        }

        /// A surgeon's order as a `ServiceRequest` (intent `order`): it is an instruction to the patient, with
        /// who gave it as the requester; the limit, end and author also in the note, in rehab's own words.
        mutating func order(_ o: SurgeonOrder, index: Int) {
            var what = "Restriction: \(o.activity.name)"
            if let amount = o.amount {
                what += " at most " + (amount.minutes.map { "\($0) minutes at a time" } ?? amount.description)
            }
            var until: String?
            switch o.until {
            case .week(let w)?: until = "until week \(w)"
            case .date(let d)?: until = "until \(d.iso)"
            case nil: until = nil
            }
            let end = surgery.flatMap { o.endDay(surgery: $0) }
            let summary = [o.amount.map { a in a.minutes.map { "\($0) minutes" } ?? "limit \(a.description)" }, until,
                           o.by.map { "by \($0)" }].compactMap { $0 }.joined(separator: ", ")
            request(what, on: o.on, by: o.by, notes: [summary, o.note], activity: o.activity.name, index: index,
                    period: end.map { .object([("start", .string(o.on.iso)), ("end", .string($0.iso))]) })
        }

        /// A clearance as a `ServiceRequest` too: it is a clinician's instruction about the same activity that
        /// replaces an earlier order, so both sit in one list and the one that stands is `active`.
        mutating func clearance(_ c: Clearance, index: Int) {
            var what = "Clearance: \(c.topic)"
            if let up = c.upTo { what += " up to \(up.description)" }
            request(what, on: c.on, by: c.by, notes: [c.by.map { "cleared by \($0)" }, c.note], activity: c.topic,
                    index: index, period: nil)
        }

        mutating func request(_ what: String, on day: CalendarDay, by: String?, notes lines: [String?], activity: String,
                              index: Int, period: JSONTree?) {
            orders.append((list.count, day, activity))
            append("ServiceRequest", "\(index)", [
                ("status", .string("active")), ("intent", .string("order")), ("code", concept(text: what)),
                ("subject", subject), ("occurrencePeriod", period), ("authoredOn", .string(day.iso)),
                ("requester", FHIRBundle.text(by).map { .object([("display", $0)]) }), ("note", notes(lines)),
            ])
        }

        /// A red flag as a `Condition`, not an `Observation`: it is a problem with a life span (reported, then
        /// resolved), which `clinicalStatus` and `abatementDateTime` say directly. `unconfirmed` and the patient
        /// as asserter, because the patient reported it and no clinician has confirmed it.
        mutating func flag(_ f: FlagReport, index: Int) {
            openFlags[f.flag, default: []].append(list.count)
            append("Condition", "\(index)", [
                ("clinicalStatus", status("active")),
                ("verificationStatus", .object([("coding", .array([.object([
                    ("system", .string("http://terminology.hl7.org/CodeSystem/condition-ver-status")),
                    ("code", .string("unconfirmed")),
                ])]))])),
                ("code", concept(text: "Red flag: \(f.flag)")), ("subject", subject),
                ("onsetDateTime", .string(f.on.iso)), ("recordedDate", .string(f.on.iso)), ("asserter", subject),
                ("note", notes([f.note])),
            ])
        }

        /// A resolution closes the flag's open conditions: `resolved`, with its day as `abatementDateTime`.
        mutating func resolve(_ f: FlagReport) {
            for i in openFlags.removeValue(forKey: f.flag) ?? [] { close(i, f) }
        }

        mutating func close(_ i: Int, _ f: FlagReport) {
            var members = list[i].members.map { key, value in
                key == "clinicalStatus" ? (key, status("resolved")) : (key, value)
            }
            if let at = members.firstIndex(where: { $0.0 == "onsetDateTime" }) {
                members.insert(("abatementDateTime", .string(f.on.iso)), at: at + 1)
            }
            if let n = f.note, FHIRBundle.text(n) != nil, let at = members.firstIndex(where: { $0.0 == "note" }) {
                var earlier: [JSONTree] = []
                if case .array(let a)? = members[at].1 { earlier = a }
                members[at].1 = .array(earlier + [.object([("text", .string("Resolved: " + n))])])
            }
            list[i].members = members
        }

        func status(_ code: String) -> JSONTree {
            .object([("coding", .array([.object([
                ("system", .string("http://terminology.hl7.org/CodeSystem/condition-clinical")), ("code", .string(code)),
            ])]))])
        }
    }
}
