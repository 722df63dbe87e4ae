/// An amount a rule or a question is about: a weight, a time or a distance, in the unit it was written in.
///
/// Every measured rule (`lift at most 10 lb`, `sit at most 30 min`, `ride at most 1 h`, `walk at most 1 mi`) and every
/// measured question (`can ride 60 min`) holds one of these, so a new measured activity needs a row in
/// `MeasuredActivity`, not a new rule, question, parser and renderer.
public struct Quantity: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Dimension: String, Hashable, Sendable, Codable {
        case weight, time, distance

        /// The units a program or a patient may write for this dimension, for hints.
        public var unitWords: String {
            switch self {
            case .weight: return "'lb' or 'kg'"
            case .time: return "'min' or 'h'"
            case .distance: return "'mi', 'km' or 'm'"
            }
        }
    }

    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        case lb, kg, min, h, mi, km, m

        public var dimension: Dimension {
            switch self {
            case .lb, .kg: return .weight
            case .min, .h: return .time
            case .mi, .km, .m: return .distance
            }
        }

        /// How many of the dimension's base unit (pounds, minutes, metres) one of this unit is.
        var inBase: Double {
            switch self {
            case .lb: return 1
            case .kg: return Weight.poundsPerKilogram
            case .min: return 1
            case .h: return 60
            case .m: return 1
            case .km: return 1000
            case .mi: return 1609.344
            }
        }

        /// The one reading of unit words, for programs and patients alike: `lb`, `pounds`, `kilos`, `mins`, `hours`,
        /// `miles`, `metres`.
        public init?(word: String) {
            switch word.lowercased() {
            case "lb", "lbs", "pound", "pounds": self = .lb
            case "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms": self = .kg
            case "min", "mins", "minute", "minutes": self = .min
            case "h", "hr", "hrs", "hour", "hours": self = .h
            case "mi", "mile", "miles": self = .mi
            case "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers": self = .km
            case "m", "metre", "metres", "meter", "meters": self = .m
            default: return nil
            }
        }
    }

    public let value: Double
    public let unit: Unit

    public init(_ value: Double, _ unit: Unit) { self.value = value; self.unit = unit }
    public init(_ weight: Weight) { self.init(weight.value, weight.unit == .lb ? .lb : .kg) }
    public static func minutes(_ n: Int) -> Quantity { Quantity(Double(n), .min) }

    public var dimension: Dimension { unit.dimension }

    /// The amount in its dimension's base unit: pounds, minutes or metres.
    public var base: Double { value * unit.inBase }

    /// The weight, when this is one, for conversion into the patient's unit.
    public var weight: Weight? {
        switch unit {
        case .lb: return Weight(value, .lb)
        case .kg: return Weight(value, .kg)
        default: return nil
        }
    }

    /// Whole minutes, when this is a time (`1.5 h` is 90).
    public var minutes: Int? { dimension == .time ? Quantity.clampedInt(base) : nil }

    /// Whether `other` is over this amount. Amounts of different dimensions never compare (a time is not over a
    /// distance), and weights compare as `Weight` does, to the hundredth of a pound.
    public func isExceeded(by other: Quantity) -> Bool {
        guard dimension == other.dimension else { return false }
        if let a = weight, let b = other.weight { return a < b }
        return Quantity.key(other.base) > Quantity.key(base)
    }

    /// The same amount, whatever its unit: `1 h` is `60 min`, `4.54 kg` is `10 lb`.
    public func isSameAmount(as other: Quantity) -> Bool {
        dimension == other.dimension && !isExceeded(by: other) && !other.isExceeded(by: self)
    }

    static func key(_ v: Double) -> Int {
        let t = (v * 100).rounded()
        if t.isNaN { return 0 }
        return Int(max(-1e15, min(1e15, t)))
    }

    static func clampedInt(_ v: Double) -> Int {
        guard v.isFinite else { return v > 0 ? Int.max / 2 : 0 }
        return Int(max(-1e12, min(1e12, v.rounded())))
    }

    /// Program text: `10 lb`, `30 min`, `1.5 km`.
    public var description: String { "\(Weight.format(value)) \(unit.rawValue)" }

    /// Plain words for a patient: a weight in their unit (the written one in brackets), `30 minutes`, `1 hour`,
    /// `1.5 km`.
    public func shown(in preferred: Weight.Unit) -> String {
        if let w = weight { return w.shown(in: preferred) }
        switch unit {
        case .min: return Quantity.count(value, "minute")
        case .h: return Quantity.count(value, "hour")
        case .mi: return Quantity.count(value, "mile")
        case .km: return "\(Weight.format(value)) km"
        case .m: return "\(Weight.format(value)) metres"
        case .lb, .kg: return description
        }
    }

    static func count(_ v: Double, _ noun: String) -> String {
        let n = Weight.format(v)
        return "\(n) \(noun)\(n == "1" ? "" : "s")"
    }

    /// A patient's amount in their own words: `15 lb`, `15lb`, `45 min`, `an hour`, `half an hour`, `2 hours`,
    /// `1.5 km`. A bare number is read in `bare`'s unit when given. Nil when the words are not an amount.
    public static func parse(_ words: [String], bare: Unit? = nil) -> Quantity? {
        var tokens: [String] = []
        for w in words.map({ $0.lowercased() }) where !w.isEmpty {
            // `15lb`, `45min`: split a number glued to its unit.
            if let split = w.firstIndex(where: { $0.isLetter }), split != w.startIndex,
               Double(w[..<split]) != nil, Unit(word: String(w[split...])) != nil {
                tokens.append(String(w[..<split])); tokens.append(String(w[split...]))
            } else {
                tokens.append(w)
            }
        }
        if tokens.first == "for" || tokens.first == "about" { tokens.removeFirst() }
        switch tokens {
        case ["half", "an", "hour"], ["half", "hour"], ["a", "half", "hour"]: return Quantity(30, .min)
        case ["an", "hour"], ["a", "hour"], ["one", "hour"]: return Quantity(1, .h)
        case ["an", "hour", "and", "a", "half"]: return Quantity(90, .min)
        case ["a", "mile"], ["one", "mile"]: return Quantity(1, .mi)
        default: break
        }
        let spelled = ["one": 1.0, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
                       "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90]
        guard let first = tokens.first, let value = Double(first) ?? spelled[first], value.isFinite, value >= 0 else {
            return nil
        }
        if tokens.count == 1, let bare { return Quantity(value, bare) }
        guard tokens.count == 2, let unit = Unit(word: tokens[1]) else { return nil }
        return Quantity(value, unit)
    }
}
