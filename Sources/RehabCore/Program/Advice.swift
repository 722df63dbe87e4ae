/// What a program says about an activity beyond whether it is allowed: the sources' advice for doing it
/// (`advise sleeping-on-side "put a pillow between your knees"`), or that the sources say nothing about it
/// (`ask surgeon about flying`), so `can` never answers a bare "nothing rules it out" where the sources
/// have more to say, or guess where they have nothing.
public struct Advice: Hashable, Sendable, Codable {
    public var activity: Activity
    /// The advice in the patient's words; nil when the sources the program uses say nothing on the activity.
    public var words: String?
    public var source: SourceRef?

    public init(activity: Activity, words: String?, source: SourceRef? = nil) {
        self.activity = activity; self.words = words; self.source = source
    }

    /// Whether this line says the sources are silent, so the surgeon decides.
    public var defersToSurgeon: Bool { words == nil }
}
