/// A transfer routine (out of bed by log roll, onto a treatment table…): ordered steps and warnings.
public struct Routine: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var steps: [String]
    public var cues: [String]
    public var never: [String]
    /// The restrictions an old program says the routine respects (deprecated: `loads` decides conflicts now).
    public var respects: [RestrictionRule]
    /// What the routine puts on the spine; a restriction in force that this load breaks rules the routine out.
    public var loads: Loads
    /// Whether a `loads` line was written: `loads none` is a statement, a missing line is not.
    public var statesLoads = false
    public var source: SourceRef?

    public init(id: String, name: String, steps: [String] = [], cues: [String] = [], never: [String] = [],
                respects: [RestrictionRule] = [], loads: Loads = Loads(), source: SourceRef? = nil) {
        self.id = id; self.name = name; self.steps = steps; self.cues = cues; self.never = never
        self.respects = respects; self.loads = loads; self.source = source
    }
}
