/// A distance to walk or ride (`1 mi`, `1.5 km`), as the program wrote it.
public struct Distance: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Hashable, Sendable, Codable { case mi, km, m }
    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) { self.value = value; self.unit = unit }

    /// "1 mi", "1.5 km", "400 m"
    public var description: String {
        let n = value == value.rounded() ? String(Int(value)) : String(value)
        return "\(n) \(unit.rawValue)"
    }
}

/// `+5% a day if recovered overnight`: a percentage the patient may add each day or week, on a condition.
///
/// The walking rule of the clinical reference ("the 5% rule": "If you recover overnight, increase the next day's walk
/// by 5%", https://addisonstone.com/faq/how-much-can-i-walk/).
public struct PercentStep: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Every: String, Hashable, Sendable, Codable { case day, week }
    public var percent: Int
    public var every: Every
    /// The condition in the program's words ("recovered overnight"); nil when there is none.
    public var condition: String?

    public init(percent: Int, every: Every, condition: String? = nil) {
        self.percent = percent; self.every = every; self.condition = condition
    }

    public var description: String {
        "add \(percent)% a \(every.rawValue)" + (condition.map { " if \($0)" } ?? "")
    }
}
