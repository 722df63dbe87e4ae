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

    /// Compared in hundredths of a pound: fine enough that 10.04 lb is over a 10 lb limit, coarse enough
    /// that a weight typed in kg equals the same weight in lb; equal weights hash alike (a tolerance
    /// would not be transitive).
    var hundredthsOfPound: Int {
        // A weight read from a damaged or hostile file may be huge or not a number; never trap on it.
        let t = (pounds * 100).rounded()
        if t.isNaN { return 0 }
        return Int(max(-1e15, min(1e15, t)))
    }
    public static func < (a: Weight, b: Weight) -> Bool { a.hundredthsOfPound < b.hundredthsOfPound }
    public static func == (a: Weight, b: Weight) -> Bool { a.hundredthsOfPound == b.hundredthsOfPound }
    public func hash(into hasher: inout Hasher) { hasher.combine(hundredthsOfPound) }

    public var description: String { "\(Weight.format(value)) \(unit.rawValue)" }

    /// Shown in the patient's preferred unit, with the original in brackets when they differ.
    public func shown(in preferred: Unit) -> String {
        if preferred == unit { return description }
        return "\(converted(to: preferred).rounded.description) (\(description))"
    }

    var rounded: Weight { Weight((value * 10).rounded() / 10, unit) }

    public static func format(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return v.isNaN ? "?" : (v > 0 ? "a huge weight" : "?") }
        let r = (v * 10).rounded() / 10
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}
