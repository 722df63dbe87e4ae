import RehabCore

/// How a routine reads: the "never" warnings first and prominent, then steps and cues.
///
/// The warnings come first because a patient who stops reading after one line should still know what not to do.
struct RoutineText {
    let shell: Shell

    func title(_ r: Routine) -> String { shell.style(r.name, "1") }

    /// `NEVER:` in bold red with one line per warning; empty when the routine has none.
    func warnings(_ r: Routine) -> String {
        guard !r.never.isEmpty else { return "" }
        return shell.style("NEVER:", "1;31") + "\n" + r.never.map { "  ✗ " + shell.style($0, "1") + "\n" }.joined()
    }

    func cues(_ r: Routine) -> String {
        guard !r.cues.isEmpty else { return "" }
        return "Keep in mind:\n" + r.cues.map { "  • \($0)\n" }.joined()
    }

    func step(_ r: Routine, _ i: Int) -> String { "Step \(i + 1) of \(r.steps.count): \(r.steps[i])" }

    /// Every step at once, for printing or reading before trying it.
    func handout(_ r: Routine) -> String {
        var out = title(r) + "\n" + warnings(r)
        if !r.steps.isEmpty {
            out += "Steps:\n" + r.steps.enumerated().map { "  \($0.offset + 1). \($0.element)\n" }.joined()
        }
        out += cues(r)
        out += "Your surgeon's instructions always come first: if you were taught another way, use theirs.\n"
        return out
    }
}
