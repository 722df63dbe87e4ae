/// A weight as the therapist or patient wrote it, compared in a single unit.
public struct Weight: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public enum Unit: String, Sendable, Codable, CaseIterable { case lb, kg }

    public let value: Double
    public let unit: Unit

    public init(_ value: Double, _ unit: Unit) { self.value = value; self.unit = unit }

    public static let poundsPerKilogram = 2.20462

    public var pounds: Double { unit == .lb ? value : value * Weight.poundsPerKilogram }
    public var kilograms: Double { unit == .kg ? value : value / Weight.poundsPerKilogram }

    public func converted(to target: Unit) -> Weight {
        target == unit ? self : Weight(target == .lb ? pounds : kilograms, target)
    }

    /// Compared in pounds with a small tolerance, so "4.5 kg" and "10 lb" are not split by rounding.
    public static func < (a: Weight, b: Weight) -> Bool { a.pounds < b.pounds - 0.05 }
    public static func == (a: Weight, b: Weight) -> Bool { abs(a.pounds - b.pounds) <= 0.05 }
    public func hash(into hasher: inout Hasher) { hasher.combine((pounds * 10).rounded()) }

    public var description: String { "\(Weight.format(value)) \(unit.rawValue)" }

    /// Shown in the patient's preferred unit, with the original in brackets when they differ.
    public func shown(in preferred: Unit) -> String {
        if preferred == unit { return description }
        return "\(converted(to: preferred).rounded.description) (\(description))"
    }

    var rounded: Weight { Weight((value * 10).rounded() / 10, unit) }

    public static func format(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}
