/// Which rung of a ladder a patient is on, from their sessions in order.
///
/// Climb one rung after `upAfterPainFreeSessions` pain-free sessions on the current rung (a session
/// that breaks no pain rule); step down one rung after a breach when the ladder says so.
public enum LadderPosition {
    /// `exerciseRules` are the rungs' own pain rules (`stop if pain reaches 5` in an exercise), on top of the program's.
    public static func rung(ladder: Ladder, sessions: [SessionSummary], painRules: [PainRule],
                            exerciseRules: [String: [PainRule]] = [:]) -> Int {
        guard !ladder.rungs.isEmpty else { return 0 }
        var rung = 0
        var streak = 0
        // Journal order is nearly always day order already; sorting a sorted history costs as much again.
        let inOrder = zip(sessions, sessions.dropFirst()).allSatisfy { $0.on <= $1.on }
        for s in inOrder ? sessions : sessions.sorted(by: { $0.on < $1.on }) {
            guard s.exercises.contains(ladder.rungs[rung]) else { continue }
            if breaches(s, painRules + (exerciseRules[ladder.rungs[rung]] ?? [])) {
                streak = 0
                if ladder.downOnBreach, rung > 0 { rung -= 1 }
            } else {
                streak += 1
                if streak >= max(1, ladder.upAfterPainFreeSessions), rung + 1 < ladder.rungs.count {
                    rung += 1; streak = 0
                }
            }
        }
        return rung
    }

    /// A session breaks a pain rule when its pain reaches a stop or hold level, or rises too far.
    public static func breaches(_ s: SessionSummary, _ rules: [PainRule]) -> Bool {
        let peak = s.peakPain ?? 0
        for rule in rules {
            switch rule {
            case .stopAtOrAbove(let n), .holdAtOrAbove(let n): if peak >= n { return true }
            case .stopOnRise(let n): if let start = s.painBefore, peak - start >= n { return true }
            }
        }
        return false
    }
}
