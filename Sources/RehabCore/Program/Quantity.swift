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

    /// A patient's amount in their own words, and nothing else: `15 lb`, `15lb`, `45 min`, `an hour`, `for half an
    /// hour`, `2 hours`, `1.5 km`. A bare number is read in `bare`'s unit when given. Nil when the words are not an amount.
    public static func parse(_ words: [String], bare: Unit? = nil) -> Quantity? {
        var tokens = Quantity.tokens(words.joined(separator: " "))
        if let q = take(from: &tokens), tokens.isEmpty { return q }
        guard let bare, tokens.count == 1, let v = Double(tokens[0]) ?? numberWords[tokens[0]], v.isFinite, v >= 0 else {
            return nil
        }
        return Quantity(v, bare)
    }

    /// Words split at spaces, lower case, with "30min" and "15lb" split into number and unit.
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        for raw in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var t = String(raw).trimmingSpacesAndPunctuation
            guard !t.isEmpty else { continue }
            if raw.hasPrefix("-"), t.first?.isNumber == true { t = "-" + t }  // `-5 lb` is no amount, not 5 lb
            // Only a unit is split off ("30min"); "1e400" stays one (unusable) number.
            if let split = t.firstIndex(where: { $0.isLetter }), split > t.startIndex, Double(t[..<split]) != nil,
               Unit(word: String(t[split...])) != nil {
                out.append(String(t[..<split])); out.append(String(t[split...]))
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// A number before a unit that no amount can be (`-20 minutes`, `1e400 miles`, `nan lb`, a million pounds), as
    /// typed; nil when every amount is usable. Questions refuse these rather than drop the number and answer anyway.
    public static func unusableAmount(in tokens: [String]) -> String? {
        for i in tokens.indices where i > 0 && Unit(word: tokens[i]) != nil {
            guard let v = Double(tokens[i - 1]) else { continue }
            if !v.isFinite || v < 0 || v > 1_000_000 { return tokens[i - 1] + " " + tokens[i] }
        }
        return nil
    }

    static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "ninety": 90, "couple": 2, "few": 3, "half": 0.5,
    ]

    /// Takes the first amount out of a question's words: "for an hour", "half an hour", "an hour and a half",
    /// "2 hours", "a couple of hours", "90 minutes", "30 min", "15 lb", "7 kilos", "a mile". Units are read by
    /// `Unit(word:)`, the one reader programs use too. A part of an hour is kept in minutes ("90 minutes").
    public static func take(from tokens: inout [String]) -> Quantity? {
        func number(_ t: String) -> Double? { (Double(t) ?? numberWords[t]).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } }
        for i in tokens.indices {
            guard i > 0, let unit = Unit(word: tokens[i]) else { continue }
            var start = i - 1
            if tokens[start] == "of", start > 0 { start -= 1 }  // "a couple of hours"
            guard var value = number(tokens[start]) else { continue }
            if start > 0, tokens[start - 1] == "half" { value /= 2; start -= 1 }  // "half an hour"
            // "1 and a half hours"
            if tokens[start] == "half", start >= 3, tokens[start - 1] == "a", tokens[start - 2] == "and",
               let whole = number(tokens[start - 3]) {
                value += whole; start -= 3
            }
            var end = i + 1
            // "an hour and a half"
            if end + 2 < tokens.count, tokens[end] == "and", tokens[end + 1] == "a", tokens[end + 2] == "half" {
                value += 0.5; end += 3
            }
            if start > 0, ["for", "about", "around", "over"].contains(tokens[start - 1]) { start -= 1 }
            tokens.removeSubrange(start..<end)
            if unit == .h, value != value.rounded() { return Quantity(value * 60, .min) }
            return Quantity(value, unit)
        }
        return nil
    }
}

extension Dose {
    /// The dose's time or distance as an amount, in the dimension a limit is measured in.
    public func amount(in dimension: Quantity.Dimension) -> Quantity? {
        switch dimension {
        case .time: return minutes.map(Quantity.minutes)
        case .distance:
            guard let d = distance else { return nil }
            switch d.unit {
            case .mi: return Quantity(d.value, .mi)
            case .km: return Quantity(d.value, .km)
            case .m: return Quantity(d.value, .m)
            }
        case .weight: return nil
        }
    }
}
