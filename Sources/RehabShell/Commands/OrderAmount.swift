import RehabCore

/// The amount after a measured activity in `restrict`: `restrict lifting 5 lb`, `restrict riding 30 min`.
enum OrderAmount {
    /// Takes the number and its unit from the front of `rest`.
    static func parse(_ rest: inout [String], for m: MeasuredActivity) throws(CommandError) -> Quantity {
        let example = example(m)
        // `5 lb`, or `5lb` as one word.
        let (q, used): (Quantity?, Int) = Quantity.parse(Array(rest.prefix(2))).map { ($0, 2) }
            ?? (Quantity.parse(Array(rest.prefix(1))).map { ($0, 1) } ?? (nil, 0))
        guard let q else {
            throw .usage("give the \(m.activity.name) limit with its unit (\(m.unitWords)); type for example '\(example)'.")
        }
        guard m.dimensions.contains(q.dimension) else {
            throw .usage("a \(m.activity.name) limit is given in \(m.unitWords), not '\(q.unit.rawValue)'; type for example '\(example)'.")
        }
        guard q.value > 0, q.base <= maximum(q.dimension) else {
            throw .usage("a \(m.activity.name) limit must be more than 0 and at most \(maximumWords(q.dimension)); type for example '\(example)'.")
        }
        rest.removeFirst(used)
        return q
    }

    static func example(_ m: MeasuredActivity) -> String {
        switch m.dimensions.first {
        case .weight?: return "restrict \(m.activity.name) 5 lb until week 8"
        case .distance?: return "restrict \(m.activity.name) 1 mi until week 4"
        default: return "restrict \(m.activity.name) 20 min until week 4"
        }
    }

    /// The most an order may hold, in the dimension's base unit (pounds, minutes, metres).
    static func maximum(_ d: Quantity.Dimension) -> Double {
        switch d {
        case .weight: return 200
        case .time: return 480
        case .distance: return 50_000
        }
    }

    static func maximumWords(_ d: Quantity.Dimension) -> String {
        switch d {
        case .weight: return "200 lb"
        case .time: return "480 minutes"
        case .distance: return "50 km"
        }
    }
}
