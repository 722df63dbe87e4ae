import RehabCore

/// A patient's record as one CSV file per kind, for a spreadsheet (RFC 4180: CRLF line ends, fields with a comma,
/// quote or line break quoted, quotes doubled).
///
/// Written here rather than with a CSV package: writing needs only the quoting rule below, and the packages on this
/// machine are readers first. A cell starting with `=`, `+`, `-` or `@` is prefixed with `'`, so that words a
/// patient typed are never run as a spreadsheet formula.
enum RecordSpreadsheets {
    static let kinds = ["sessions", "exercises", "pain", "measures", "orders", "flags"]

    static func files(_ events: [PatientEvent]) -> [(name: String, text: String)] {
        var sessions = [["date", "pain_before", "pain_after", "exercises", "against_rules", "note"]]
        var exercises = [["date", "exercise", "sets", "reps", "hold_seconds", "minutes", "pain", "completed"]]
        var pain = [["date", "when", "score", "exercise"]]
        var measures = [["date", "questionnaire", "score", "band", "answers", "activities"]]
        var orders = [["date", "kind", "activity", "limit", "minutes", "until", "by", "note"]]
        var flags = [["date", "flag", "status", "note"]]
        for e in events {
            switch e {
            case .sessionLogged(let s):
                let d = s.on.iso
                sessions.append([d, n(s.painBefore), n(s.painAfter), s.exercises.map(\.exercise).joined(separator: " "),
                                 s.againstRules.map { "\($0.exercise): \($0.reason)" }.joined(separator: "; "), s.note ?? ""])
                for x in s.exercises {
                    exercises.append([d, x.exercise, n(x.sets), n(x.reps), n(x.holdSeconds), n(x.minutes), n(x.pain),
                                      x.completed ? "yes" : "no"])
                    if let p = x.pain { pain.append([d, "during", String(p), x.exercise]) }
                }
                if let p = s.painBefore { pain.append([d, "before", String(p), ""]) }
                if let p = s.painAfter { pain.append([d, "after", String(p), ""]) }
            case .measureRecorded(let m):
                let score = try? m.score()
                measures.append([m.on.iso, m.instrument.rawValue, score.map { MeasureText.format($0.value) } ?? "",
                                 score?.band ?? "", m.answers.map { $0.map(String.init) ?? "-" }.joined(separator: " "),
                                 m.activities.joined(separator: "; ")])
            case .clearanceRecorded(let c):
                orders.append([c.on.iso, "clearance", c.topic, c.upTo?.description ?? "", "", "", c.by ?? "", c.note ?? ""])
            case .restrictionOrdered(let o):
                let until: String
                switch o.until {
                case .week(let w)?: until = "week \(w)"
                case .date(let d)?: until = d.iso
                case nil: until = ""
                }
                orders.append([o.on.iso, "order", o.activity.name, o.amount.flatMap { $0.dimension == .time ? nil : $0.description } ?? "",
                               n(o.amount?.minutes), until,
                               o.by ?? "", o.note ?? ""])
            case .redFlagReported(let f): flags.append([f.on.iso, f.flag, "reported", f.note ?? ""])
            case .redFlagResolved(let f): flags.append([f.on.iso, f.flag, "resolved", f.note ?? ""])
            // A therapist's decisions sit with the clinicians' orders: what was chosen goes in the note column.
            case .categoryPrescribed(let c):
                orders.append([c.on.iso, "prescription", c.category, "", "", "", c.by, "\(c.exercise) \(c.dose.text)"])
            case .goalMet(let g): orders.append([g.on.iso, "goal met", g.goal, "", "", "", g.by, ""])
            default: break
            }
        }
        return zip(kinds, [sessions, exercises, pain, measures, orders, flags]).map { ($0 + ".csv", csv($1)) }
    }

    static func n(_ x: Int?) -> String { x.map(String.init) ?? "" }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ raw: String) -> String {
        var s = raw
        if let first = s.first, "=+-@".contains(first), Int(s) == nil { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
