/// Ids turned into words for people.
enum Words {
    /// `resistance-training` → "Resistance training".
    static func title(_ id: String) -> String {
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
