/// `can ACTIVITY` with what the program's sources advise for it (`advise …`), or, where they say nothing,
/// an answer that says so and leaves it to the surgeon (`ask surgeon about …`).
extension Assessment {
    /// The program's advice lines on an activity, in the order written.
    func advice(on activity: Activity) -> [Advice] { program.advice.filter { $0.activity == activity } }

    /// An activity's answer with its advice: a plain "nothing rules it out" becomes the advice itself, or, when the
    /// sources are silent, "ask your surgeon"; any other answer (a ban, a limit, gear) keeps its reason and adds the
    /// advice after it. A clinician's order decides alone.
    func advised(_ v: Verdict, _ activity: Activity) -> Verdict {
        let lines = advice(on: activity)
        guard !lines.isEmpty, v.override == nil else { return v }
        let words = program.words(for: activity)
        let said = lines.compactMap { a in a.words.map { ($0, a.source) } }
        let places = said.compactMap(\.1).map(\.description)
        let text = "advice from the program" + (places.isEmpty ? "" : " (\(places.joined(separator: ", ")))") + ": "
            + said.map(\.0).joined(separator: "; ")
        let plainYes = v.allowed && v.restriction == nil && v.qualifier == nil
        if plainYes, said.isEmpty, let silent = lines.first {
            var out = Verdict(id: v.id, allowed: false,
                              reason: "the sources your program uses say nothing about \(words); ask your surgeon"
                                  + (silent.source.map { " (\($0))" } ?? "") + ".",
                              changesWhen: "your surgeon tells you", source: silent.source)
            out.qualifier = .askSurgeon
            return out
        }
        guard !said.isEmpty else { return v }
        // Advice on gear is about wearing it: said while a rule has it worn, not once it is put away.
        if program.gear.contains(activity) || Activity.gear.contains(activity) {
            return v.qualifier == .wear || v.qualifier == .ifOrdered ? v.adding("A" + text.dropFirst() + ".") : v
        }
        if plainYes {
            return Verdict(id: v.id, allowed: true, reason: "\(words) is allowed; \(text).", source: said.first?.1)
        }
        return v.adding("A" + text.dropFirst() + ".")
    }
}
