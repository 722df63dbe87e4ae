import RehabCore

/// An edit that corrects a diagnostic: the text at a source spot replaced by new text.
///
/// The text it replaces is kept, not just its length, so an edit applied to a file that changed since
/// the check is refused instead of cutting the wrong characters (see ``FixItApplier``).
public struct FixIt: Hashable, Sendable {
    /// Where the replaced text starts (an insertion: where the new text goes).
    public let location: SourceRef
    /// The exact source text replaced; empty for an insertion.
    public let original: String
    public let replacement: String

    public init(at location: SourceRef, replacing original: String, with replacement: String) {
        self.location = location; self.original = original; self.replacement = replacement
    }

    /// Replaces the word at `location`: a did-you-mean suggestion.
    public static func word(_ word: String, at location: SourceRef, with replacement: String) -> FixIt {
        FixIt(at: location, replacing: word, with: replacement)
    }

    /// Inserts a whole line before line `line` of `file`.
    public static func insertLine(_ text: String, before line: Int, in file: String) -> FixIt {
        FixIt(at: SourceRef(file: file, line: line), replacing: "", with: text + "\n")
    }

    /// Characters (Unicode scalars, as columns count them) replaced.
    public var length: Int { original.unicodeScalars.count }

    /// What the edit does, as advice: "replace 'bridgs' with 'bridges'".
    public var description: String { phrase(done: false) }

    /// What the edit did, for `check --fix`: "replaced 'bridgs' with 'bridges'".
    public var done: String { phrase(done: true) }

    private func phrase(done: Bool) -> String {
        let new = Excerpt.of(replacement.trimmingNewlines)
        if original.isEmpty { return "\(done ? "inserted" : "insert") '\(new)'" }
        return "\(done ? "replaced" : "replace") '\(Excerpt.of(original))' with '\(new)'"
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while let last = s.last, last.isNewline { s = s.dropLast() }
        return String(s)
    }
}
