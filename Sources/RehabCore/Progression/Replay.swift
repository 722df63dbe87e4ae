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
        var byDay: [Int: [ProgressionMachine.Event]] = [:]
        func add(_ d: CalendarDay, _ e: ProgressionMachine.Event) {
            guard d <= last else { return }
            byDay[max(d.ordinal, surgery.ordinal), default: []].append(e)
        }
        for c in record.clearances { add(c.on, .clearanceRecorded(c)) }
        for f in record.flagsReported { add(f.on, .redFlagReported(f)) }
        for s in record.sessions { add(s.on, .sessionLogged(s)) }
        for f in record.flagsResolved { add(f.on, .redFlagResolved(f)) }
        for o in record.overrides { add(o.on, .therapistOverride(o)) }
        var next = stops.startIndex
        // A stop before surgery sees the machine untouched.
        while next < stops.endIndex, stops[next] < surgery { body(m, stops[next]); next += 1 }
        guard next < stops.endIndex else { return }
        // Gates change only at week starts, on days with events, and (for pain windows) in the days after a
        // pain score; other days cannot change the state, so they are skipped.
        let painWindow = program.phases.flatMap(\.gates).reduce(0) { w, g in
            if case .painAtMost(_, let days) = g.gate { return max(w, days) } else { return w }
        }
        var lastEventDay = surgery.ordinal - painWindow - 1
        for ordinal in surgery.ordinal...last.ordinal {
            let events = byDay[ordinal]
            if let events {
                for e in events { m.handle(e) }
                lastEventDay = ordinal
            }
            let weekStart = (ordinal - surgery.ordinal) % 7 == 0
            let isStop = stops[next].ordinal == ordinal
            if events != nil || weekStart || ordinal - lastEventDay <= painWindow || isStop {
                m.handle(.dayEnded(CalendarDay(ordinal: ordinal)))
            }
            while next < stops.endIndex, stops[next].ordinal == ordinal {
                body(m, stops[next]); next += 1
            }
            if next == stops.endIndex { return }
        }
    }
}
