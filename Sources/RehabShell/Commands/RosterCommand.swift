import RehabCore

extension Command {
    static let roster = Command(
        "roster", group: .patients, usage: "roster [--json] [--width N]",
        summary: "Every patient in this data folder, who needs attention first: holds, flags, pain stops, "
            + "adherence, last pain and the next unlock.",
        example: "roster", options: ["json", .value("width", "N")]
    ) { shell, args throws(CommandError) in
        let list = try shell.withJournal { try $0.patients() }
        var rows: [RosterRow] = []
        for p in list {
            guard let v = try? shell.patientView(named: p.name) else {
                rows.append(RosterRow(name: p.name, incomplete: true)); continue
            }
            let against = try shell.withJournal { try $0.againstRulesCount(of: p.name) }
            rows.append(RosterRow(view: v, assessment: shell.assessment(v), againstRules: against, today: shell.settings.today))
        }
        rows.sort { ($0.attention, $0.name) < ($1.attention, $1.name) }
        if args.flag("json") { shell.say(JSONOutput.encode(rows.map(RosterRow.JSON.init))); return }
        let width = try ProgressWeeks.width(args.option("width"))
        if rows.isEmpty { shell.say("No patients yet; type 'patient new NAME' to add one."); return }
        for r in rows {
            for line in ProgressReport.wrapped(r.text, width) { shell.say(line) }
        }
    }
}

/// One patient's line on the therapist's roster.
struct RosterRow {
    var name: String
    var incomplete = false
    var week: Int?
    var phase = ""
    var holds: [String] = []
    var emergency = false
    var urgent = false
    var sessionDays7 = 0
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
        if sessionDays7 < 3 { return 4 }
        return 5
    }

    var text: String {
        guard let week else { return "\(name) — profile not complete" }
        var parts = ["\(name) — week \(week), \(phase)"]
        if !holds.isEmpty { parts.append((emergency ? "EMERGENCY: " : "ON HOLD: ") + holds.joined(separator: ", ")) }
        parts.append("\(sessionDays7) of the last 7 days with a session")
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
        @Nullable var lastPain: Int?
        @Nullable var painTrend: String?
        let painStops: [String]
        let loggedAgainstRules: Int
        @Nullable var nextUnlock: String?
        @Nullable var nextUnlockOn: String?
        let attention: Int

        init(_ r: RosterRow) {
            name = r.name; week = r.week; phase = r.phase; onHold = !r.holds.isEmpty; holds = r.holds
            sessionDaysLast7 = r.sessionDays7; lastPain = r.lastPain; painTrend = r.trend; painStops = r.painStops
            loggedAgainstRules = r.againstRules; nextUnlock = r.next; nextUnlockOn = r.nextOn; attention = r.attention
        }
    }
}
