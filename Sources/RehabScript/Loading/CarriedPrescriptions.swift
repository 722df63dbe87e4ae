import RehabCore

/// `walking 30 min, 5 days a week, onward`: the prescription goes on into every later phase until one prescribes
/// the same exercise (its own dose wins) or says `stop walking`. Materialized when the program is assembled, so
/// answers, due today, the guided session, the preview and validation all see the carried items.
enum CarriedPrescriptions {
    /// A phase's `stop EXERCISE` line.
    struct Stop: Sendable {
        var phase: String
        var exercise: String
        var source: SourceRef
    }

    static func apply(_ stops: [Stop], to program: inout Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var carried: [Prescription] = []
        for i in program.phases.indices {
            let phase = program.phases[i]
            for s in stops where s.phase == phase.id {
                if let k = carried.firstIndex(where: { $0.exercise == s.exercise }) {
                    carried.remove(at: k)
                } else {
                    let message = "'stop \(s.exercise)' in phase '\(phase.id)' stops nothing: "
                        + "no earlier phase carries '\(s.exercise)' on with 'onward'"
                    out.append(.error(.stopNotCarried, message, at: s.source, length: s.exercise.count,
                                      hint: "add 'onward' to the prescription in an earlier phase, or remove this line"))
                }
            }
            // The phase's own line for the same exercise wins, with its own dose (and may itself carry on).
            let own = phase.prescriptions
            carried.removeAll { c in own.contains { $0.exercise == c.exercise && $0.isLadder == c.isLadder } }
            program.phases[i].prescriptions += carried
            guard i + 1 < program.phases.count else { break }
            let weeks = lastWeek(of: i, in: program)
            carried = program.phases[i].prescriptions.filter { $0.carriesOn == true }.map { p in
                // The dose reached by the last day of this phase, so a weekly progression does not restart from
                // its base dose; it keeps growing from there, up to its cap.
                var next = p
                next.dose = p.dose(weeksIntoPhase: weeks)
                next.carriedFrom = p.carriedFrom ?? phase.id
                return next
            }
        }
        return out
    }

    /// Weeks from the start of phase `i` to its last day (the day before the next phase starts).
    static func lastWeek(of i: Int, in program: Program) -> Int {
        // Months have no fixed length: judge them for the same typical patient the expectations use.
        let surgery = ExpectationRunner.surgery
        let phase = program.phases[i]
        guard let end = i + 1 < program.phases.count ? program.phases[i + 1].start : phase.end else { return 0 }
        let last = end.date(surgery: surgery).adding(days: -1)
        return max(0, phase.weeksIn(on: last, surgery: surgery))
    }
}
