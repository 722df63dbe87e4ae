/// Derives a patient's state on a day by replaying their recorded events through the machine.
///
/// Nothing derived is stored: the same record and day always give the same answer.
public enum Replay {
    public static func machine(program: Program, record: PatientRecord, surgery: CalendarDay, through day: CalendarDay,
                               assumeHistoryGatesMet: Bool = false) -> ProgressionMachine {
        var m = ProgressionMachine(program: program, surgery: surgery, assumeHistoryGatesMet: assumeHistoryGatesMet)
        var byDay: [Int: [ProgressionMachine.Event]] = [:]
        func add(_ d: CalendarDay, _ e: ProgressionMachine.Event) {
            guard d <= day else { return }
            byDay[max(d.ordinal, surgery.ordinal), default: []].append(e)
        }
        for c in record.clearances { add(c.on, .clearanceRecorded(c)) }
        for f in record.flagsReported { add(f.on, .redFlagReported(f)) }
        for s in record.sessions { add(s.on, .sessionLogged(s)) }
        for f in record.flagsResolved { add(f.on, .redFlagResolved(f)) }
        for o in record.overrides { add(o.on, .therapistOverride(o)) }
        guard day >= surgery else { return m }
        for ordinal in surgery.ordinal...day.ordinal {
            if let events = byDay[ordinal] {
                for e in events { m.handle(e) }
            }
            m.handle(.dayEnded(CalendarDay(ordinal: ordinal)))
        }
        return m
    }
}
