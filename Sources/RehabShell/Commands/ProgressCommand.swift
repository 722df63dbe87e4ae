#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RehabCore

extension Command {
    static let progress = Command(
        "progress", group: .today, usage: "progress [--table] [--width N]",
        summary: "Week by week since surgery: your phase, sessions done against prescribed, pain before and after "
            + "as a chart, and flags, clearances, orders and questionnaires.",
        example: "progress", options: ["table", .value("width", "N")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        let stored = try shell.withJournal { try $0.events(of: v.name) }
        let events = stored.map(\.event)
        // Each week is judged by the program version in force at its end ('program use' keeps the history).
        var versions: [String: Program] = [:]
        for case .programAssigned(let copy) in events where versions[copy.contentHash] == nil {
            var one = PatientRecord()
            one.apply(.programAssigned(copy))
            versions[copy.contentHash] = try? shell.patientProgram(one)
        }
        let weeks = ProgressWeeks.build(view: v, events: events, today: shell.settings.today) { day in
            if let version = v.record.programVersion(on: day), let p = versions[version.contentHash] {
                return (version.contentHash, p)
            }
            return ("current", v.program)
        }
        guard !weeks.isEmpty else {
            shell.say("Your surgery is on \(v.surgery.iso); progress starts from that day."); return
        }
        var width: Int?
        if args.flag("table") {
            for line in ProgressReport.table(weeks) { shell.say(line) }
        } else {
            let columns = try ProgressWeeks.width(args.option("width"))
            for line in ProgressReport.chart(weeks, width: columns) { shell.say(line) }
            width = columns
        }
        let measures = MeasureText.history(v.record.measures)
        if !v.record.measures.isEmpty {
            shell.say("")
            shell.say("Questionnaires:")
            for line in measures {
                guard let width else { shell.say("  " + line); continue }
                for piece in ProgressReport.wrapped(line, width - 2) { shell.say("  " + piece) }
            }
        }
    }
}

/// Folds the journal into weeks since surgery, each assessed as of its last day (or today for this week).
enum ProgressWeeks {
    static func build(view v: Shell.PatientView, events: [PatientEvent], today: CalendarDay,
                      program: (CalendarDay) -> (version: String, program: Program)) -> [ProgressWeek] {
        guard today >= v.surgery else { return [] }
        let lastWeek = RecoveryDay(day: today.days(since: v.surgery)).week
        let ends = (0...lastWeek).map { w in min(RecoveryDay.start(ofWeek: w + 1, surgery: v.surgery).adding(days: -1), today) }
        // Runs of weeks under one program version, each assessed with that version's rules.
        var assessments: [Assessment] = []
        var start = 0
        while start < ends.count {
            let p = program(ends[start])
            var end = start + 1
            while end < ends.count, program(ends[end]).version == p.version { end += 1 }
            assessments += Assessor.assessEach(program: p.program, record: v.record, surgery: v.surgery,
                                               days: Array(ends[start..<end]))
            start = end
        }
        var sessions: [Int: [SessionRecord]] = [:]
        var notes: [Int: [String]] = [:]
        func week(_ d: CalendarDay) -> Int? {
            guard d >= v.surgery, d <= today else { return nil }
            return RecoveryDay(day: d.days(since: v.surgery)).week
        }
        for e in events {
            guard let w = week(e.day) else { continue }
            switch e {
            case .sessionLogged(let s): sessions[w, default: []].append(s)
            case .redFlagReported(let f): notes[w, default: []].append("flag \(f.flag) reported \(f.on.iso)")
            case .redFlagResolved(let f): notes[w, default: []].append("flag \(f.flag) resolved \(f.on.iso)")
            case .clearanceRecorded(let c):
                notes[w, default: []].append("cleared \(c.topic)\(c.upTo.map { " up to \($0)" } ?? "")"
                                             + "\(c.by.map { " by \($0)" } ?? "") \(c.on.iso)")
            case .restrictionOrdered(let o):
                notes[w, default: []].append("order on \(o.activity.name)\(o.limit.map { " \($0)" } ?? "")"
                                             + "\(o.by.map { " by \($0)" } ?? "") \(o.on.iso)")
            case .therapistOverride(let o):
                notes[w, default: []].append("\(o.direction.rawValue) by \(o.by ?? "therapist") \(o.on.iso)")
            case .categoryPrescribed(let c):
                notes[w, default: []].append("\(c.category): \(c.exercise) by \(c.by) \(c.on.iso)")
            case .goalMet(let g):
                notes[w, default: []].append("goal \(g.goal) met, by \(g.by) \(g.on.iso)")
            case .programAssigned(let copy) where v.record.programHistory.first?.contentHash != copy.contentHash:
                let version = ProgramVersion(name: copy.name, contentHash: copy.contentHash, from: copy.on).version
                notes[w, default: []].append("program '\(copy.name)' version \(version) from \(copy.on.iso)")
            case .measureRecorded(let m):
                if let s = try? m.score() {
                    notes[w, default: []].append("\(m.instrument.rawValue.uppercased()) \(MeasureText.value(s))")
                }
            default: break
            }
        }
        var out: [ProgressWeek] = []
        var previousPhase: Int??
        for (w, a) in assessments.enumerated() {
            let logged = sessions[w] ?? []
            let done = logged.flatMap(\.exercises).filter(\.completed)
            var events = notes[w] ?? []
            if let previousPhase, previousPhase != a.state.phaseIndex, let phase = a.phase {
                events.insert("moved to phase \(phase.id)", at: 0)
            }
            if !a.holds.isEmpty { events.append("on hold: " + a.holds.map(\.description).joined(separator: ", ")) }
            previousPhase = .some(a.state.phaseIndex)
            let days = Set(logged.map(\.on)).count
            out.append(ProgressWeek(
                week: w, start: RecoveryDay.start(ofWeek: w, surgery: v.surgery), phase: a.phaseLabel,
                sessionDays: days, exercisesDone: done.count,
                exercisesPrescribed: prescribed(a, days: ends[w].days(since: RecoveryDay.start(ofWeek: w, surgery: v.surgery)) + 1),
                painBefore: mean(logged.compactMap(\.painBefore)), painAfter: mean(logged.compactMap(\.painAfter)),
                events: events))
        }
        return out
    }

    /// What the phase in force prescribed over the days of the week so far.
    static func prescribed(_ a: Assessment, days: Int) -> Int {
        guard let phase = a.phase, a.emergencyAdvice == nil else { return 0 }
        return phase.prescriptions.reduce(0) { n, p in
            let dose = a.dose(of: p, exercise: p.exercise)
            if let perDay = dose.timesPerDay { return n + perDay * days }
            if let perWeek = dose.daysPerWeek { return n + min(perWeek, days) }
            return n + days
        }
    }

    static func mean(_ xs: [Int]) -> Double? {
        xs.isEmpty ? nil : Double(xs.reduce(0, +)) / Double(xs.count)
    }

    /// `--width N` when given, else the terminal's.
    static func width(_ option: String?) throws(CommandError) -> Int {
        guard let w = option else { return terminalWidth() }
        guard let n = Int(w), (30...1000).contains(n) else {
            throw .usage("'--width \(w)' is not a width; give a number of columns from 30 to 1000, like --width 80.")
        }
        return n
    }

    /// The terminal's columns, else `COLUMNS`, else 80.
    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 30 { return Int(size.ws_col) }
        if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c >= 30 { return c }
        return 80
    }
}
