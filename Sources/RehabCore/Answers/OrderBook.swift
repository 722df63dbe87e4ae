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
        typealias Entry = (day: CalendarDay, key: Int, order: Int?, clearance: Int?)
        var entries: [Activity: [Entry]] = [:]
        for (j, o) in record.orders.enumerated() where o.on <= day {
            entries[o.activity, default: []].append((o.on, known ? record.orderSequence[j] : 2 * j + 1_000_000, j, nil))
        }
        for (k, c) in record.clearances.enumerated() where c.on <= day && (c.by != nil || c.upTo != nil) {
            entries[Activity(c.topic), default: []].append((c.on, known ? record.clearanceSequence[k] : 2 * k, nil, k))
        }
        var out: [Decision] = []
        for (activity, list) in entries.sorted(by: { $0.key < $1.key }) {
            // The latest order stands. When a clearance recorded without `by` has lifted it (an open-ended
            // `restrict`, as before orders needed a name), the order before it stands again: lifting the newer,
            // stricter order must never leave the patient with less than they had without it.
            for entry in list.sorted(by: { ($0.day, $0.key) > ($1.day, $1.key) }) {
                if let k = entry.clearance {
                    let c = record.clearances[k]
                    out.append(Decision(activity: activity, kind: c.upTo != nil ? .limited(c) : .cleared(c)))
                    break
                }
                guard let j = entry.order else { continue }
                let o = record.orders[j]
                let end = o.endDay(surgery: surgery)
                if let end, day >= end { break }
                let lifted = o.until == nil && record.clearances.indices.contains { k in
                    let c = record.clearances[k]
                    return c.topic == activity.name && c.on <= day && c.upTo == nil && c.by == nil
                        && record.clearance(k, isAfterOrder: j)
                }
                if lifted { continue }
                let release = Release(on: end, when: end.map { d in
                    if case .week(let w)? = o.until { return "week \(w) (\(d))" }
                    return "\(d)"
                } ?? "your surgeon says otherwise (record it then with 'clear \(activity.name) by NAME')")
                out.append(Decision(activity: activity, kind: .restricted(o, release)))
                break
            }
        }
        decisions = out
    }
}
