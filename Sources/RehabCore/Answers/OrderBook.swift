/// The orders recorded for a patient, reduced to the one that stands for each activity on a day.
///
/// An order is a `restrict`, or a `clear` that names who gave it (or sets a new limit). For one activity
/// the latest order stands, by day and then by journal order. A clearance recorded without `by` is no
/// order: it only meets the program's own `cleared …` conditions, and, as before, lifts an earlier open-ended
/// `restrict` of the same activity.
struct OrderBook {
    struct Decision {
        enum Kind {
            /// A `restrict` in force, with when it ends.
            case restricted(SurgeonOrder, Release)
            /// A clearance with a new lifting limit.
            case limited(Clearance)
            /// A clearance by a named clinician: the program's bans and gear for the activity are lifted.
            case cleared(Clearance)
        }
        let activity: Activity
        let kind: Kind
    }

    let decisions: [Decision]

    init(record: PatientRecord, surgery: CalendarDay, day: CalendarDay) {
        // (day, journal position or a rank that puts orders after clearances on a tie, index, is an order)
        let known = record.hasSequences
        var latest: [Activity: (day: CalendarDay, key: Int, order: Int?, clearance: Int?)] = [:]
        func consider(_ a: Activity, _ d: CalendarDay, _ key: Int, order: Int?, clearance: Int?) {
            if let cur = latest[a], (cur.day, cur.key) > (d, key) { return }
            latest[a] = (d, key, order, clearance)
        }
        for (j, o) in record.orders.enumerated() where o.on <= day {
            consider(o.activity, o.on, known ? record.orderSequence[j] : 2 * j + 1_000_000, order: j, clearance: nil)
        }
        for (k, c) in record.clearances.enumerated() where c.on <= day && (c.by != nil || c.upTo != nil) {
            consider(Activity(c.topic), c.on, known ? record.clearanceSequence[k] : 2 * k, order: nil, clearance: k)
        }
        var out: [Decision] = []
        for (activity, entry) in latest.sorted(by: { $0.key < $1.key }) {
            if let k = entry.clearance {
                let c = record.clearances[k]
                out.append(Decision(activity: activity, kind: c.upTo != nil ? .limited(c) : .cleared(c)))
                continue
            }
            guard let j = entry.order else { continue }
            let o = record.orders[j]
            let end = o.endDay(surgery: surgery)
            if let end, day >= end { continue }
            let lifted = o.until == nil && record.clearances.indices.contains { k in
                let c = record.clearances[k]
                return c.topic == activity.name && c.on <= day && c.upTo == nil && c.by == nil && record.clearance(k, isAfterOrder: j)
            }
            if lifted { continue }
            let release = Release(on: end, when: end.map { d in
                if case .week(let w)? = o.until { return "week \(w) (\(d))" }
                return "\(d)"
            } ?? "your surgeon says otherwise (record it then with 'clear \(activity.name) by NAME')")
            out.append(Decision(activity: activity, kind: .restricted(o, release)))
        }
        decisions = out
    }
}
