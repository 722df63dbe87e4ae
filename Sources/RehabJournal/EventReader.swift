import RehabCore
import RehabJSON

/// Reads an event payload by hand, in the layout the synthesized `Codable` conformances write.
///
/// `Decodable` through generic containers costs every process about 0.3 ms of one-time runtime
/// work (metadata for each `CodingKeys` type), a large share of a one-shot `rehab allowed`. This
/// reader knows the few event shapes instead. It answers nil for anything it does not recognise
/// exactly, and the caller then decodes with `TreeDecoder`, so odd payloads get the same value or
/// the same error as before; the tests hold both readers to the same values.
enum EventReader {
    static func event(_ tree: JSONTree) -> PatientEvent? {
        guard case .object(let top) = tree, top.count == 1, let body = Fields(top[0].value) else { return nil }
        switch top[0].key {
        case "profileChanged":
            guard let field = body.string("field"), let value = body.string("value"), let on = body.day("on") else { return nil }
            return .profileChanged(field: field, value: value, on: on)
        case "programAssigned":
            return body.only.flatMap(programCopy).map { .programAssigned($0) }
        case "clearanceRecorded":
            return body.only.flatMap(clearance).map { .clearanceRecorded($0) }
        case "restrictionOrdered":
            return body.only.flatMap(order).map { .restrictionOrdered($0) }
        case "redFlagReported":
            return body.only.flatMap(flagReport).map { .redFlagReported($0) }
        case "redFlagResolved":
            return body.only.flatMap(flagReport).map { .redFlagResolved($0) }
        case "sessionLogged":
            return body.only.flatMap(session).map { .sessionLogged($0) }
        case "phaseChanged":
            guard let from = body.optionalString("from"), let to = body.string("to"), let on = body.day("on") else { return nil }
            return .phaseChanged(from: from, to: to, on: on)
        case "therapistOverride":
            return body.only.flatMap(therapistOverride).map { .therapistOverride($0) }
        default:
            return nil
        }
    }

    private static func programCopy(_ f: Fields) -> ProgramCopy? {
        guard let name = f.string("name"), let mainFile = f.string("mainFile"), let hash = f.string("contentHash"),
              let on = f.day("on"), let files = f.object("files") else { return nil }
        var texts: [String: String] = [:]
        for member in files.members {
            guard case .string(let text) = member.value else { return nil }
            texts[member.key] = text
        }
        return ProgramCopy(name: name, files: texts, mainFile: mainFile, contentHash: hash, on: on)
    }

    private static func clearance(_ f: Fields) -> Clearance? {
        guard let topic = f.string("topic"), let upTo = f.optional("upTo", weight), let by = f.optionalString("by"),
              let on = f.day("on"), let note = f.optionalString("note") else { return nil }
        return Clearance(topic: topic, upTo: upTo, by: by, on: on, note: note)
    }

    private static func order(_ f: Fields) -> SurgeonOrder? {
        guard let activity = f.string("activity"), let limit = f.optional("limit", weight),
              let minutes = f.optionalInt("minutes"), let other = f.optional("amount", quantity),
              let until = f.optional("until", until),
              let by = f.optionalString("by"), let on = f.day("on"), let note = f.optionalString("note") else { return nil }
        // Lifting and sitting orders keep their older fields (SurgeonOrder's coding says why).
        let amount = limit.map(Quantity.init) ?? minutes.map(Quantity.minutes) ?? other
        return SurgeonOrder(activity: Activity(activity), amount: amount, until: until, by: by, on: on, note: note)
    }

    /// `{"week":{"_0":6}}` or `{"date":{"_0":"2026-01-05"}}`.
    private static func until(_ f: Fields) -> SurgeonOrder.Until? {
        guard f.members.count == 1, let body = Fields(f.members[0].value), let value = body.value("_0") else { return nil }
        switch (f.members[0].key, value) {
        case ("week", .number(let text)): return Int(text, radix: 10).map { .week($0) }
        case ("date", .string(let text)): return CalendarDay(iso: text).map { .date($0) }
        default: return nil
        }
    }

    private static func flagReport(_ f: Fields) -> FlagReport? {
        guard let flag = f.string("flag"), let on = f.day("on"), let note = f.optionalString("note") else { return nil }
        return FlagReport(flag: flag, on: on, note: note)
    }

    private static func therapistOverride(_ f: Fields) -> TherapistOverride? {
        guard let raw = f.string("direction"), let direction = TherapistOverride.Direction(rawValue: raw),
              let on = f.day("on"), let reason = f.string("reason"), let by = f.optionalString("by") else { return nil }
        return TherapistOverride(direction: direction, on: on, reason: reason, by: by)
    }

    private static func session(_ f: Fields) -> SessionRecord? {
        guard let on = f.day("on"), let before = f.optionalInt("painBefore"), let after = f.optionalInt("painAfter"),
              case .array(let items)? = f.value("exercises"), let note = f.optionalString("note") else { return nil }
        // Sessions logged against the rules are rare: `Decodable` reads their marks.
        if f.value("againstRules") != nil { return nil }
        var logs: [ExerciseLog] = []
        logs.reserveCapacity(items.count)
        for item in items {
            guard let e = Fields(item), let id = e.string("exercise"), let sets = e.optionalInt("sets"),
                  let reps = e.optionalInt("reps"), let hold = e.optionalInt("holdSeconds"),
                  let minutes = e.optionalInt("minutes"), let pain = e.optionalInt("pain"),
                  case .bool(let completed)? = e.value("completed") else { return nil }
            logs.append(ExerciseLog(exercise: id, sets: sets, reps: reps, holdSeconds: hold, minutes: minutes,
                                    pain: pain, completed: completed))
        }
        return SessionRecord(on: on, painBefore: before, painAfter: after, exercises: logs, note: note)
    }

    private static func weight(_ f: Fields) -> Weight? {
        guard let raw = f.string("unit"), let unit = Weight.Unit(rawValue: raw),
              case .number(let text)? = f.value("value"), let value = Double(text), value.isFinite else { return nil }
        return Weight(value, unit)
    }

    private static func quantity(_ f: Fields) -> Quantity? {
        guard let raw = f.string("unit"), let unit = Quantity.Unit(rawValue: raw),
              case .number(let text)? = f.value("value"), let value = Double(text), value.isFinite else { return nil }
        return Quantity(value, unit)
    }
}

/// An object's members, looked up by key. Each accessor answers nil when the member is missing or
/// has another type; the `optional…` ones answer `.some(nil)` for a missing member or `null`, as
/// `decodeIfPresent` does.
struct Fields {
    let members: [(key: String, value: JSONTree)]

    init?(_ tree: JSONTree) {
        guard case .object(let members) = tree else { return nil }
        self.members = members
    }

    func value(_ key: String) -> JSONTree? { JSONTree.member(key, in: members) }

    /// The body of an unlabelled associated value, stored under `_0`.
    var only: Fields? { value("_0").flatMap(Fields.init) }

    func string(_ key: String) -> String? {
        guard case .string(let text)? = value(key) else { return nil }
        return text
    }

    func day(_ key: String) -> CalendarDay? { string(key).flatMap(CalendarDay.init(iso:)) }

    func object(_ key: String) -> Fields? { value(key).flatMap(Fields.init) }

    func optional<T>(_ key: String, _ read: (Fields) -> T?) -> T?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case let tree?:
            guard let fields = Fields(tree), let value = read(fields) else { return nil }
            return .some(value)
        }
    }

    func optionalString(_ key: String) -> String?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default: return nil
        }
    }

    /// Only plain decimal integers; anything else ("3.0", "1e2") is left to `TreeDecoder`.
    func optionalInt(_ key: String) -> Int?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case .number(let text)?: return Int(text, radix: 10).map { .some($0) }
        default: return nil
        }
    }
}
