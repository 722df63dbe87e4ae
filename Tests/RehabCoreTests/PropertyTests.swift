import PropertyBased
import RehabCore
import Testing

/// Safety and consistency properties over random programs, histories, dates and event orders.
@Suite struct PropertyTests {
    func assess(_ s: Scenario, record: PatientRecord? = nil) -> Assessment {
        Assessor.assess(program: s.program, record: record ?? s.record, surgery: s.surgery, on: s.date)
    }

    @Test func anAllowedExerciseNeverBreaksARestrictionInForce() async {
        await propertyCheck(count: 300, input: Scenario.generator()) { s in
            let a = assess(s)
            let rules = Reference.rules(s, phaseIndex: Reference.ruleScope(a.state, s))
            for v in a.exerciseVerdicts(record: s.record) where v.allowed {
                guard let ex = s.program.exercise(v.id) else { continue }
                for rule in rules where Reference.breaks(ex.loads, rule) {
                    Issue.record("'\(v.id)' is allowed although '\(rule.text)' is in force: \(v.reason)\n\(s)")
                }
            }
            // And while on hold nothing is allowed at all.
            if a.state.isOnHold {
                #expect(a.exerciseVerdicts(record: s.record).allSatisfy { !$0.allowed }, "\(s)")
            }
        }
    }

    @Test func thePatientIsNeverInAPhaseWhoseGatesAreNotMet() async {
        var options = Scenario.Options()
        options.overrides = false
        await propertyCheck(count: 300, input: Scenario.generator(options)) { s in
            let a = assess(s)
            let reached: Int
            switch a.state {
            case .notStarted: return
            case .inPhase(let i), .onHold(let i): reached = i
            case .completed:
                reached = s.program.phases.count - 1
                #expect(s.week >= (s.program.phases[reached].end?.count ?? .max), "completed before the last phase ends\n\(s)")
            }
            for j in 0...reached {
                let phase = s.program.phases[j]
                #expect(s.week >= phase.start.count, "in '\(phase.id)' (\(a.state)) in week \(s.week), before its \(phase.start.text)\n\(s)")
                for g in phase.gates {
                    if case .cleared(let topic) = g.gate {
                        #expect(Reference.isCleared(topic, s), "past '\(phase.id)' without 'cleared \(topic)'\n\(s)")
                    }
                }
            }
        }
    }

    @Test func nothingProgressesWhileOnHold() async {
        var options = Scenario.Options()
        options.overrides = false
        await propertyCheck(count: 300, input: Scenario.generator(options), Gen.int(in: 0...400), Gen.int(in: 1...150)) { s, flagAt, extra in
            // Report a flag before the program ends, never resolve it, and keep logging sessions and clearances.
            let lastDay = s.program.lastWeek(surgery: s.surgery) * 7 - 1
            let f = flagAt % max(1, lastDay + 1)
            var m = ProgressionMachine(program: s.program, surgery: s.surgery)
            var events: [Int: [ProgressionMachine.Event]] = [:]
            for c in s.record.clearances { events[max(0, c.on.days(since: s.surgery)), default: []].append(.clearanceRecorded(c)) }
            for x in s.record.sessions { events[x.on.days(since: s.surgery), default: []].append(.sessionLogged(x)) }
            events[f, default: []].append(.redFlagReported(FlagReport(flag: "fever", on: Day.n(f))))
            m.run(from: 0, through: f, events: events)
            // In a phase, the flag puts the patient on hold; before the first phase opens it keeps the program from starting.
            let held = m.state
            switch held {
            case .onHold: break
            case .notStarted: #expect(m.holds["fever"] == Day.n(f), "\(s)")
            case .inPhase, .completed:
                Issue.record("a red flag on day \(f) left the patient \(m.state)\n\(s)")
                return
            }
            let transitions = m.transitions.count
            for d in (f + 1)...(f + extra) {
                m.run(from: d, through: d, events: events)
                if m.state != held {
                    Issue.record("held (\(held)) since day \(f), then \(m.state) on day \(d)\n\(s)")
                    return
                }
            }
            // Backing an exercise off (or back to its usual dose) is no progression; every other change is.
            let later = m.transitions.dropFirst(transitions).filter {
                switch $0.kind {
                case .wentOnHold, .backedOff, .recovered: return false
                default: return true
                }
            }
            #expect(later.isEmpty, "transitions while on hold: \(later)\n\(s)")
        }
    }

    @Test func theSameInputsGiveTheSameAnswers() async {
        await propertyCheck(count: 200, input: Scenario.generator()) { s in
            let a = assess(s)
            let b = assess(s)
            #expect(a.state == b.state)
            #expect(a.restrictions == b.restrictions)
            #expect(a.exerciseVerdicts(record: s.record) == b.exerciseVerdicts(record: s.record))
            #expect(a.routineVerdicts == b.routineVerdicts)
            #expect(a.activityVerdicts == b.activityVerdicts)
            #expect(a.unlocks == b.unlocks)
            #expect(a.machine.transitions == b.machine.transitions)
        }
    }

    @Test func theOrderOfEventsWithinADayDoesNotChangeTheAnswer() async {
        await propertyCheck(count: 200, input: Scenario.generator(), Gen.int(in: 0...Int(Int32.max))) { s, seed in
            var g = SplitMix(seed: UInt64(seed))
            // The journal keeps each kind of event in order; shuffle each kind within each day.
            func shuffledWithinDays<T>(_ xs: [T], _ day: (T) -> CalendarDay) -> [T] {
                let keyed = xs.map { (day($0), Int.random(in: 0...1000, using: &g), $0) }
                return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
            var shuffled = s.record
            // Clearances and orders keep their order: for one activity the latest order stands, so their order within
            // a day is part of the record (tested on its own in AnswerTests).
            shuffled.sessions = shuffledWithinDays(s.record.sessions, \.on)
            shuffled.flagsReported = shuffledWithinDays(s.record.flagsReported, \.on)
            shuffled.flagsResolved = shuffledWithinDays(s.record.flagsResolved, \.on)
            // Two therapist overrides on one day (advance, then regress) mean what their order says, as two
            // orders do; they keep their order here (seen failing: advance and regress on day 92 swapped).
            // Interleaving the kinds differently in the journal gives the same record.
            var events: [PatientEvent] = shuffled.clearances.map { .clearanceRecorded($0) } + shuffled.sessions.map { .sessionLogged(SessionRecord($0)) }
                + shuffled.flagsReported.map { .redFlagReported($0) } + shuffled.flagsResolved.map { .redFlagResolved($0) }
                + shuffled.orders.map { .restrictionOrdered($0) } + shuffled.overrides.map { .therapistOverride($0) }
            events = interleavedByKind(events, using: &g)
            var rebuilt = PatientRecord(events: events)
            // Journal positions differ with the interleaving; the facts must not.
            shuffled.clearanceSequence = rebuilt.clearanceSequence; shuffled.orderSequence = rebuilt.orderSequence
            shuffled.reportedSequence = rebuilt.reportedSequence; shuffled.resolvedSequence = rebuilt.resolvedSequence
            shuffled.sessionSequence = rebuilt.sessionSequence; shuffled.overrideSequence = rebuilt.overrideSequence
            #expect(rebuilt == shuffled)
            // With journal positions a day replays in recorded order (a flag reported again after its
            // resolution is on hold again; an order typed after a clearance wins), so that order matters by
            // design and is tested on its own. Here the facts alone are compared, kind by kind.
            rebuilt.clearanceSequence = []; rebuilt.orderSequence = []; rebuilt.reportedSequence = []
            rebuilt.resolvedSequence = []; rebuilt.sessionSequence = []; rebuilt.overrideSequence = []

            let a = assess(s)
            let b = assess(s, record: rebuilt)
            let ladderRungs = Set(s.program.ladders.flatMap(\.rungs))
            #expect(a.state == b.state, "\(s)")
            #expect(Set(a.restrictions) == Set(b.restrictions), "\(s)")
            #expect(a.liftLimit?.rule == b.liftLimit?.rule, "\(s)")
            #expect(Set(a.holds.map(\.reason)) == Set(b.holds.map(\.reason)), "\(s)")
            // A ladder's rung follows the order sessions were logged on a day, so only other exercises are compared.
            let x = a.exerciseVerdicts(record: s.record).filter { !ladderRungs.contains($0.id) }.map(\.allowed)
            let y = b.exerciseVerdicts(record: rebuilt).filter { !ladderRungs.contains($0.id) }.map(\.allowed)
            #expect(x == y, "\(s)")
            #expect(a.activityVerdicts.map(\.allowed) == b.activityVerdicts.map(\.allowed), "\(s)")
        }
    }

    /// The lifting limit is the strictest of the program's rules in force, unless a clinician's latest order replaced them.
    @Test func theLiftingLimitIsTheRuleThatStands() async {
        await propertyCheck(count: 1000, input: Scenario.generator()) { s in
            let a = assess(s)
            let expected = Reference.liftLimitTenths(Reference.rules(s, phaseIndex: Reference.ruleScope(a.state, s)))
            var actual: Double?
            if case .atMost(.lifting, let q)? = a.liftLimit?.rule, let w = q.weight { actual = Reference.tenths(w) }
            #expect(actual == expected, "limit \(String(describing: actual)) tenths of a pound, expected \(String(describing: expected))\n\(s)")
            // canLift agrees with the limit.
            if let e = expected {
                #expect(a.canLift(Weight(e / 10, .lb)).allowed, "\(s)")
                #expect(!a.canLift(Weight(e / 10 + 0.1, .lb)).allowed, "\(s)")
            } else {
                #expect(a.canLift(Weight(500, .lb)).allowed, "\(s)")
            }
        }
    }

    /// An order at least as strict as what is in force on its activity never allows more (orders replace the
    /// program's default in either direction, so only a stricter one is held to this).
    @Test func aStricterOrderNeverLoosensAnything() async {
        await propertyCheck(count: 1000, input: Scenario.generator(), Gen.int(in: 1...40), Gen.int(in: 0...5), Gen.int(in: 0...150)) { s, orderPounds, kind, on in
            let order = kind == 0
                ? SurgeonOrder(activity: .lifting, limit: Weight(Double(orderPounds), .lb), by: "Dr New", on: Day.n(on))
                : SurgeonOrder(activity: Scenario.activities[kind - 1], by: "Dr New", on: Day.n(on))
            var stricter = s.record
            stricter.orders.append(order)
            let before = assess(s)
            func pounds(_ a: Assessment) -> Double {
                if case .atMost(.lifting, let q)? = a.liftLimit?.rule, let w = q.weight { return w.pounds }
                return .infinity
            }
            if kind == 0, before.ban(on: .lifting) != nil || Double(orderPounds) > pounds(before) { return }
            let after = assess(s, record: stricter)
            #expect(pounds(after) <= pounds(before), "order: \(order)\n\(s)")
            for (x, y) in zip(before.exerciseVerdicts(record: s.record), after.exerciseVerdicts(record: stricter)) where y.allowed {
                #expect(x.allowed, "the order allowed '\(y.id)'\n\(s)")
            }
            for (x, y) in zip(before.activityVerdicts, after.activityVerdicts) where y.allowed {
                #expect(x.allowed, "the order allowed '\(y.id)'\n\(s)")
            }
        }
    }

    @Test func calendarDaysRoundTripThroughText() async {
        guard let first = CalendarDay(year: 1, month: 1, day: 1)?.ordinal,
              let last = CalendarDay(year: 9999, month: 12, day: 31)?.ordinal else {
            Issue.record("the calendar's first and last days do not exist")
            return
        }
        await propertyCheck(count: 1000, input: Gen.int(in: first...last)) { ordinal in
            let day = CalendarDay(ordinal: ordinal)
            #expect(CalendarDay(iso: day.iso) == day)
            let f = day.fields
            #expect(CalendarDay(year: f.year, month: f.month, day: f.day) == day)
            #expect(day.adding(days: 1).days(since: day) == 1)
        }
    }

    @Test func recoveryWeeksContainTheirDays() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -2000...5000)) { n in
            let r = RecoveryDay(day: n)
            #expect(r.week * 7 <= n && n < (r.week + 1) * 7)
            #expect(RecoveryDay.start(ofWeek: r.week, surgery: Day.surgery) <= Day.n(n))
        }
    }

    @Test func weightComparisonsAgreeWithPounds() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...2000), Gen.int(in: 0...2000), Gen.bool, Gen.bool) { a, b, aKg, bKg in
            let x = Weight(Double(a) / 10, aKg ? .kg : .lb)
            let y = Weight(Double(b) / 10, bKg ? .kg : .lb)
            // Exactly one of <, ==, > holds, and they follow the weights in pounds.
            let count = [x < y, x == y, y < x].filter { $0 }.count
            #expect(count == 1, "\(x) vs \(y)")
            if x.pounds + 0.1 < y.pounds { #expect(x < y) }
            if x == y { #expect(x.hashValue == y.hashValue, "\(x) == \(y) but their hashes differ") }
        }
    }
}

/// Interleaves the kinds of journal events at random, keeping each kind's own order.
func interleavedByKind<R: RandomNumberGenerator>(_ events: [PatientEvent], using g: inout R) -> [PatientEvent] {
    var queues: [String: [PatientEvent]] = [:]
    var kinds: [String] = []
    for e in events {
        if queues[e.kind] == nil { kinds.append(e.kind) }
        queues[e.kind, default: []].append(e)
    }
    var out: [PatientEvent] = []
    while !kinds.isEmpty {
        let i = Int.random(in: 0..<kinds.count, using: &g)
        guard var queue = queues[kinds[i]], !queue.isEmpty else { kinds.remove(at: i); continue }
        out.append(queue.removeFirst())
        queues[kinds[i]] = queue
        if queue.isEmpty { kinds.remove(at: i) }
    }
    return out
}

/// A small seeded generator for reshuffling inside a property.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
