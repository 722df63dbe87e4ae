/// Derives a patient's state on a day by replaying their recorded events through the machine.
///
/// Nothing derived is stored: the same record and day always give the same answer.
public enum Replay {
    public static func machine(program: Program, record: PatientRecord, surgery: CalendarDay, through day: CalendarDay,
                               assumeHistoryGatesMet: Bool = false) -> ProgressionMachine {
        var result = ProgressionMachine(program: program, surgery: surgery, assumeHistoryGatesMet: assumeHistoryGatesMet)
        run(program: program, record: record, surgery: surgery, stops: [day], assumeHistoryGatesMet: assumeHistoryGatesMet) { m, _ in
            result = m
        }
        return result
    }

    /// Replays once, handing the machine to `body` at the end of each stop day (in order); a table over
    /// many weeks costs one replay, not one per week.
    public static func run(program: Program, record: PatientRecord, surgery: CalendarDay, stops: [CalendarDay],
                           assumeHistoryGatesMet: Bool = false, _ body: (ProgressionMachine, CalendarDay) -> Void) {
        var m = ProgressionMachine(program: program, surgery: surgery, assumeHistoryGatesMet: assumeHistoryGatesMet)
        let stops = stops.sorted()
        guard let last = stops.last else { return }
        // Each event with its day and a sort key: its journal position when known, else its kind's place in
        // a fixed order. One flat list sorted once: years of daily sessions cost one sort, not a table of days.
        var timeline: [(day: Int, key: Int, event: ProgressionMachine.Event)] = []
        timeline.reserveCapacity(record.sessions.count + record.clearances.count + 16)
        let known = record.hasSequences
        func add(_ d: CalendarDay, _ e: ProgressionMachine.Event, _ rank: Int, _ sequence: [Int], _ i: Int) {
            guard d <= last else { return }
            let key = known ? sequence[i] : rank * 10_000_000 + i
            timeline.append((max(d.ordinal, surgery.ordinal), key, e))
        }
        for (i, c) in record.clearances.enumerated() { add(c.on, .clearanceRecorded(c), 0, record.clearanceSequence, i) }
        for (i, f) in record.flagsReported.enumerated() { add(f.on, .redFlagReported(f), 1, record.reportedSequence, i) }
        for (i, s) in record.sessions.enumerated() { add(s.on, .sessionLogged(s), 2, record.sessionSequence, i) }
        for (i, f) in record.flagsResolved.enumerated() { add(f.on, .redFlagResolved(f), 3, record.resolvedSequence, i) }
        for (i, o) in record.overrides.enumerated() { add(o.on, .therapistOverride(o), 4, record.overrideSequence, i) }
        for (i, g) in record.goalsMet.enumerated() { add(g.on, .goalMet(g), 5, record.goalSequence, i) }
        var next = stops.startIndex
        // A stop before surgery sees the machine untouched.
        while next < stops.endIndex, stops[next] < surgery { body(m, stops[next]); next += 1 }
        guard next < stops.endIndex else { return }
        // Gates change only at week starts, on days with events, and (for pain windows) in the days after a
        // pain score; other days cannot change the state, so they are skipped.
        let painWindow = program.phases.flatMap(\.gates).reduce(0) { w, g in
            if case .painAtMost(_, let days) = g.gate { return max(w, days) } else { return w }
        }
        // Phases and gates stated in days or months change on their own days, not at a week start.
        var boundaries = Set<Int>()
        for p in program.phases {
            boundaries.insert(p.start.date(surgery: surgery).ordinal)
            if let end = p.end { boundaries.insert(end.date(surgery: surgery).ordinal) }
            for g in p.gates {
                if case .minimum(let point) = g.gate { boundaries.insert(point.date(surgery: surgery).ordinal) }
            }
        }
        timeline.sort { ($0.day, $0.key) < ($1.day, $1.key) }
        var cursor = timeline.startIndex
        var lastEventDay = surgery.ordinal - painWindow - 1
        for ordinal in surgery.ordinal...last.ordinal {
            let hadEvents = cursor < timeline.endIndex && timeline[cursor].day == ordinal
            while cursor < timeline.endIndex, timeline[cursor].day == ordinal {
                m.handle(timeline[cursor].event); cursor += 1
            }
            if hadEvents { lastEventDay = ordinal }
            let weekStart = (ordinal - surgery.ordinal) % 7 == 0
            let isStop = stops[next].ordinal == ordinal
            if hadEvents || weekStart || ordinal - lastEventDay <= painWindow || isStop || boundaries.contains(ordinal) {
                m.handle(.dayEnded(CalendarDay(ordinal: ordinal)))
            }
            while next < stops.endIndex, stops[next].ordinal == ordinal {
                body(m, stops[next]); next += 1
            }
            if next == stops.endIndex { return }
        }
    }
}
