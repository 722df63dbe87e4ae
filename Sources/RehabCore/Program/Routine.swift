/// A transfer routine (out of bed by log roll, onto a treatment table…): ordered steps and warnings.
public struct Routine: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var steps: [String]
    public var cues: [String]
    public var never: [String]
    /// The restrictions the routine was written to respect; using it under any other is flagged.
    public var respects: [RestrictionRule]
    public var loads: Loads
    public var source: SourceRef?

    public init(id: String, name: String, steps: [String] = [], cues: [String] = [], never: [String] = [],
                respects: [RestrictionRule] = [], loads: Loads = Loads(), source: SourceRef? = nil) {
        self.id = id; self.name = name; self.steps = steps; self.cues = cues; self.never = never
        self.respects = respects; self.loads = loads; self.source = source
    }
}
