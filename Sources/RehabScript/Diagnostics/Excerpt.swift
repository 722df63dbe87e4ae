/// A short piece of what someone typed or wrote, for quoting in a message: a megabyte-long word
/// must not become a megabyte-long error.
public enum Excerpt {
    /// Characters kept from the start of a quoted text.
    public static let length = 60

    /// The text itself when short, else its first ``length`` characters and "…".
    public static func of<S: StringProtocol>(_ text: S, length: Int = Excerpt.length) -> String {
        var out = ""
        var count = 0
        for ch in text {
            if count == length { return out + "…" }
            out.append(ch)
            count += 1
        }
        return out
    }
}
