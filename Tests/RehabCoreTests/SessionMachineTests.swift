import RehabCore
import Testing

/// The guided session machine driven event by event: whole sessions in milliseconds, with no clock and no terminal.
@Suite struct SessionMachineTests {
    static let marching = PlannedExercise(id: "marching", name: "Marching", steps: ["Lift one knee."], dose: Dose(sets: 2, reps: 2, holdSeconds: 3),
                                          painRules: [PainRuleStatement(rule: .stopAtOrAbove(7)), PainRuleStatement(rule: .stopOnRise(2))])
    static let squats = PlannedExercise(id: "squats", name: "Squats", dose: Dose(sets: 2, reps: 10), painRules: [PainRuleStatement(rule: .stopAtOrAbove(7))])
    static let walking = PlannedExercise(id: "walking", name: "Walking", dose: Dose(minutes: 10), painRules: [])

    static func machine(_ exercises: [PlannedExercise] = [marching, squats, walking], quick: Bool = false) -> SessionMachine {
        SessionMachine(plan: SessionPlan(warningSigns: ["Chest pain"], exercises: exercises, defaultRestSeconds: 20, quick: quick),
                       sessionRules: [PainRuleStatement(rule: .stopAtOrAbove(7))])
    }

    /// Drives a machine, answering each question from `answers` and finishing every timer; returns every action.
    static func drive(_ m: inout SessionMachine, _ answers: [String], cancelTimer: Int? = nil) -> [SessionMachine.Action] {
        var all: [SessionMachine.Action] = []
        var queue = m.handle(.start)
        var answers = answers[...]
        var timers = 0
        while let a = queue.first {
            queue.removeFirst()
            all.append(a)
            switch a {
            case .ask:
                guard let next = answers.popFirst() else { return all }
                queue += m.handle(next == "^C" ? .interrupted : .answered(next))
            case .countdown(let seconds, _, _):
                timers += 1
                queue += m.handle(timers == cancelTimer ? .countdownCancelled(elapsed: seconds / 2) : .countdownFinished)
            case .reportFlags: queue += m.handle(.flagsRecorded)
            default: break
            }
        }
        return all
    }

    static func records(_ actions: [SessionMachine.Action]) -> [ExerciseLog] {
        actions.compactMap { if case .record(let log, _) = $0 { return log } else { return nil } }
    }

    static func summary(_ actions: [SessionMachine.Action]) -> SessionSummaryText? {
        actions.compactMap { if case .finish(let s) = $0 { return s } else { return nil } }.last
    }

    @Test func aWholeSessionTimesEveryHoldAndRestAndRecordsEachExercise() {
        var m = Self.machine()
        let actions = Self.drive(&m, ["", "2", "", "3", "", "", "", "3", "", "3", "2"])
        let timers = actions.compactMap { if case .countdown(let s, let label, _) = $0 { return "\(label) \(s)" } else { return nil } }
        #expect(timers == ["Set 1 of 2, rep 1 of 2: hold 3", "Set 1 of 2, rep 2 of 2: hold 3", "Rest 20",
                           "Set 2 of 2, rep 1 of 2: hold 3", "Set 2 of 2, rep 2 of 2: hold 3",
                           "Rest 20", "Walking: 10 min (Enter when you finish early) 600"])
        #expect(Self.records(actions).map(\.exercise) == ["marching", "squats", "walking"])
        #expect(Self.records(actions).map(\.pain) == [3, 3, 3])
        #expect(actions.contains(.recordPain(before: 2, after: 2)))
        let s = Self.summary(actions)
        #expect(s?.done.count == 3 && s?.skipped.isEmpty == true && s?.painBefore == 2 && s?.painAfter == 2)
        #expect(s?.seconds == 4 * 3 + 2 * 20 + 600)
        #expect(m.isFinished)
    }

    @Test func aRedFlagAtReadinessEndsTheSessionAtOnce() {
        var m = Self.machine()
        let actions = Self.drive(&m, ["y", "my chest hurts"])
        #expect(actions.contains(.reportFlags("my chest hurts")))
        #expect(Self.records(actions).isEmpty)
        #expect(Self.summary(actions)?.stoppedBecause == "a red flag was reported")
        #expect(!actions.contains { if case .countdown = $0 { return true } else { return false } })
    }

    @Test func aPainRuleStopsTheRestAndSaysWhy() {
        var m = Self.machine()
        let actions = Self.drive(&m, ["", "2", "", "5", "4"])
        #expect(Self.records(actions).map(\.exercise) == ["marching"])
        let s = Self.summary(actions)
        #expect(s?.stoppedBecause?.contains("stop if pain rises 2") == true, "\(String(describing: s?.stoppedBecause))")
        #expect(s?.skipped.map(\.name) == ["Squats", "Walking"])
        #expect(actions.contains { if case .show(let t) = $0 { return t.hasPrefix("Stop here for today") } else { return false } })
    }

    @Test func painAtAStopLevelBeforeStartingMeansNoExercises() {
        var m = Self.machine()
        let actions = Self.drive(&m, ["", "8"])
        #expect(Self.records(actions).isEmpty)
        #expect(actions.contains(.recordPain(before: 8, after: nil)))
    }

    @Test func skipBackRepeatAndPause() {
        var m = Self.machine([Self.squats, Self.walking])
        // skip squats with a reason, go back to them, repeat the intro, pause and resume, do set 1, back to set 1, do both.
        let actions = Self.drive(&m, ["", "1", "skip too sore", "back", "repeat", "pause", "resume", "", "", "back", "", "", "2",
                                      "stop"])
        let s = Self.summary(actions)
        #expect(s?.skipped.first?.name == "Squats" && s?.skipped.first?.reason == "too sore")
        #expect(Self.records(actions).map(\.exercise) == ["squats"])
        let prompts = actions.compactMap { if case .ask(let q, _) = $0 { return q } else { return nil } }
        #expect(prompts.contains(.paused))
        #expect(prompts.filter { $0 == .setDone(0, set: 1) }.count == 2, "back returned to set 1: \(prompts)")
        #expect(s?.stoppedBecause == "you stopped it")
    }

    @Test func ctrlCInATimerAsksWhetherToStopAndKeepsWhatWasDone() {
        var m = Self.machine()
        // The third timer (the rest) is cancelled; "n" carries on; later the walk is cut short.
        var actions = Self.drive(&m, ["", "2", "", "n"], cancelTimer: 3)
        #expect(actions.contains { if case .ask(.stopSession, _) = $0 { return true } else { return false } })
        var n = Self.machine()
        actions = Self.drive(&n, ["", "2", "", "y", "3"], cancelTimer: 3)
        #expect(Self.records(actions).isEmpty, "marching was not finished")
        #expect(Self.summary(actions)?.stoppedBecause == "you stopped it")
    }

    @Test func aWalkEndedEarlyLogsTheMinutesWalked() {
        var m = Self.machine([Self.walking])
        let actions = Self.drive(&m, ["", "2", "", "3", "2"], cancelTimer: 1)
        #expect(Self.records(actions).first?.minutes == 5)
    }

    @Test func quickModeHasNoTimers() {
        var m = Self.machine(quick: true)
        let actions = Self.drive(&m, ["", "2", "", "2", "", "2", "", "2", "1"])
        #expect(!actions.contains { if case .countdown = $0 { return true } else { return false } })
        #expect(Self.records(actions).count == 3)
    }

    @Test func ctrlDEndsTheSessionWithASummary() {
        var m = Self.machine()
        var actions = m.handle(.start)
        actions += m.handle(.answered(""))
        actions += m.handle(.answered("2"))
        actions += m.handle(.ended)
        #expect(m.isFinished)
        #expect(Self.summary(actions)?.stoppedBecause == "you left the session")
    }
}
