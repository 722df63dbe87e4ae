import RehabCore

extension LineCursor {
    /// The fix-it for a misspelt keyword (`stpe` in an exercise → `step`), or nil when none is close.
    func keywordFix(_ t: Token, _ keywords: [String]) -> FixIt? {
        Suggestion.closest(to: t.text, in: keywords).map { .word(t.text, at: ref(t), with: $0) }
    }
}
