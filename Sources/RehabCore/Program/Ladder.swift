/// Variants of one exercise from easiest to hardest. The patient climbs a rung after enough
/// pain-free sessions on the current one and steps down after a pain-rule breach.
public struct Ladder: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var rungs: [String]
    public var upAfterPainFreeSessions: Int
    public var downOnBreach: Bool
    public var source: SourceRef?

    public init(id: String, name: String, rungs: [String], upAfterPainFreeSessions: Int = 3, downOnBreach: Bool = true,
                source: SourceRef? = nil) {
        self.id = id; self.name = name; self.rungs = rungs
        self.upAfterPainFreeSessions = upAfterPainFreeSessions; self.downOnBreach = downOnBreach; self.source = source
    }
}
