import RehabCore
import RehabJSON

extension Command {
    static let roster = Command(
        "roster", group: .patients, usage: "roster [--json] [--width N]",
        summary: "Every patient in this data folder, who needs attention first: holds, flags, pain stops, "
            + "adherence, last pain and the next unlock.",
        example: "roster", options: ["json", .value("width", "N")]
    ) { shell, args throws(CommandError) in
        let rows = try RosterRow.all(shell)
        if args.flag("json") { shell.say(JSONOutput.encode(rows.map(RosterRow.JSON.init))); return }
        let width = try ProgressWeeks.width(args.option("width"))
        if rows.isEmpty { shell.say("No patients yet; type 'patient new NAME' to add one."); return }
        for r in rows {
            for line in ProgressReport.wrapped(r.text, width) { shell.say(line) }
        }
    }
}

extension RosterRow {
    /// Bumped whenever what a row holds or how it is worked out changes, so rows kept by an older rehab are redone.
    static let layout = 2

    /// Every patient's row, who needs attention first.
    ///
    /// Working a row out replays the patient's whole record (about a millisecond for a year of sessions), so rows
    /// are kept in the journal with the latest event they reflect and the day they were for; a clinic's roster
    /// then replays only the patients with something new since. Keeping them is best effort: a journal that cannot
    /// be written (a read-only copy) still gets its roster.
    static func all(_ shell: Shell) throws(CommandError) -> [RosterRow] {
        let key = "\(shell.settings.today.iso) layout \(layout)"
        let states = try shell.withJournal { try $0.summaries(kind: "roster", key: key) }
        var rows: [RosterRow] = []
        var worked: [(patient: String, through: Int64, text: String)] = []
        for state in states {
            if let text = state.summary, let row = try? TreeDecoder.decode(RosterRow.self, from: text) {
                rows.append(row); continue
            }
            let row: RosterRow
            if let v = try? shell.patientView(named: state.name) {
                let against = try shell.withJournal { try $0.againstRulesCount(of: state.name) }
                row = RosterRow(view: v, assessment: shell.assessment(v), againstRules: against, today: shell.settings.today)
            } else {
                row = RosterRow(name: state.name, incomplete: true)
            }
            try shell.withJournal { $0.forgetFoldedRecords() }
            rows.append(row)
            if let text = try? TreeEncoder().text(row) { worked.append((state.name, state.latestEvent, text)) }
        }
        _ = try? shell.withJournal { try $0.keepSummaries(worked, kind: "roster", key: key) }
        rows.sort { ($0.attention, $0.name) < ($1.attention, $1.name) }
        return rows
    }
}

/// One patient's line on the therapist's roster.
struct RosterRow: Codable {
    var name: String
    var incomplete = false
    var week: Int?
    var phase = ""
    var holds: [String] = []
    var emergency = false
    var urgent = false
    var sessionDays7 = 0
    /// Days with a session in the 7 days before those.
    var sessionDaysBefore7 = 0
    var lastPain: Int?
    var trend: String?
    var painStops: [String] = []
    var againstRules = 0
    var next: String?
    var nextOn: String?

    init(name: String, incomplete: Bool) { self.name = name; self.incomplete = incomplete }

    init(view v: Shell.PatientView, assessment a: Assessment, againstRules: Int, today: CalendarDay) {
        name = v.name
        week = a.recovery.week
        phase = a.phaseLabel
        holds = a.holds.map { "\($0.reason) (\($0.severity.rawValue))" }
        emergency = !a.emergencies.isEmpty
        urgent = a.holds.contains { $0.severity == .urgent }
        let recent = v.record.sessions.filter { $0.on > today.adding(days: -7) && $0.on <= today }
        sessionDays7 = Set(recent.map(\.on)).count
        sessionDaysBefore7 = Set(v.record.sessions.lazy.filter { $0.on > today.adding(days: -14) && $0.on <= today.adding(days: -7) }
            .map(\.on)).count
        let scored = v.record.sessions.filter { $0.on <= today && $0.painBefore != nil }
        lastPain = scored.last?.painBefore
        let earlier = scored.filter { $0.on > today.adding(days: -14) && $0.on <= today.adding(days: -7) }
        if let now = ProgressWeeks.mean(recent.compactMap(\.painBefore)),
           let before = ProgressWeeks.mean(earlier.compactMap(\.painBefore)) {
            trend = now > before + 0.5 ? "rising" : now < before - 0.5 ? "falling" : "steady"
        }
        painStops = a.machine.backOffs.keys.sorted()
        self.againstRules = againstRules
        if let u = a.unlocks.first { next = u.what; nextOn = u.on?.iso }
    }

    /// Lower first: an emergency, an urgent hold, any hold, pain stops or rules broken, few sessions, the rest.
    var attention: Int {
        if incomplete { return 6 }
        if emergency { return 0 }
        if urgent { return 1 }
        if !holds.isEmpty { return 2 }
        if !painStops.isEmpty || againstRules > 0 || trend == "rising" { return 3 }
        if sessionDays7 < 3 || adherenceFalling { return 4 }
        return 5
    }

    /// Days with a session in the last 7, as a percentage.
    var adherence7: Int { (sessionDays7 * 100 + 3) / 7 }

    /// Two or more session days fewer than in the week before: someone to call before the habit is gone.
    var adherenceFalling: Bool { sessionDaysBefore7 - sessionDays7 >= 2 }

    var text: String {
        guard let week else { return "\(name) — profile not complete" }
        var parts = ["\(name) — week \(week), \(phase)"]
        if !holds.isEmpty { parts.append((emergency ? "EMERGENCY: " : "ON HOLD: ") + holds.joined(separator: ", ")) }
        parts.append("\(sessionDays7) of the last 7 days with a session (\(adherence7)%"
                     + (adherenceFalling ? ", down from \(sessionDaysBefore7)" : "") + ")")
        if let lastPain { parts.append("last pain \(lastPain)" + (trend.map { ", \($0)" } ?? "")) }
        if !painStops.isEmpty { parts.append("pain stop: " + painStops.joined(separator: ", ")) }
        if againstRules > 0 { parts.append("\(againstRules) logged against the rules") }
        if let next { parts.append("next: \(next)" + (nextOn.map { " on \($0)" } ?? "")) }
        return parts.joined(separator: " · ")
    }

    struct JSON: Encodable {
        let name: String
        @Nullable var week: Int?
        let phase: String
        let onHold: Bool
        let holds: [String]
        let sessionDaysLast7: Int
        let adherenceLast7: Int
        let adherenceFalling: Bool
        @Nullable var lastPain: Int?
        @Nullable var painTrend: String?
        let painStops: [String]
        let loggedAgainstRules: Int
        @Nullable var nextUnlock: String?
        @Nullable var nextUnlockOn: String?
        let attention: Int

        init(_ r: RosterRow) {
            name = r.name; week = r.week; phase = r.phase; onHold = !r.holds.isEmpty; holds = r.holds
            sessionDaysLast7 = r.sessionDays7; adherenceLast7 = r.adherence7; adherenceFalling = r.adherenceFalling
            lastPain = r.lastPain; painTrend = r.trend; painStops = r.painStops
            loggedAgainstRules = r.againstRules; nextUnlock = r.next; nextUnlockOn = r.nextOn; attention = r.attention
        }
    }
}
