/// `can ACTIVITY` with what the program's sources advise for it (`advise …`), or, where they say nothing,
/// an answer that says so and leaves it to the surgeon (`ask surgeon about …`).
extension Assessment {
    /// The program's advice lines on an activity, in the order written.
    func advice(on activity: Activity) -> [Advice] { program.advice.filter { $0.activity == activity } }

    /// A plain yes: nothing rules the activity out, so the advice (or the sources' silence) is the whole answer.
    private func isPlainYes(_ v: Verdict) -> Bool {
        v.allowed && v.restriction == nil && v.qualifier == nil && v.override == nil
    }

    private func isGear(_ activity: Activity) -> Bool {
        program.gear.contains(activity) || Activity.gear.contains(activity)
    }

    /// "advice from the program (file:line): WORDS; WORDS", or nil when the program gives no advice on it.
    private func adviceText(_ activity: Activity) -> (text: String, source: SourceRef?)? {
        let said = advice(on: activity).compactMap { a in a.words.map { ($0, a.source) } }
        guard !said.isEmpty else { return nil }
        let places = said.compactMap(\.1).map(\.description)
        let text = "advice from the program" + (places.isEmpty ? "" : " (\(places.joined(separator: ", ")))") + ": "
            + said.map(\.0).joined(separator: "; ")
        return (text, said.first?.1)
    }

    /// A plain "nothing rules it out" becomes the advice itself, or, when the sources are silent, "ask your surgeon".
    /// Any other answer is left for `adviceSentence(after:_:)`. Gear is never a plain yes to advise on: its advice is
    /// about wearing it.
    func advised(_ v: Verdict, _ activity: Activity) -> Verdict {
        guard isPlainYes(v), !isGear(activity) else { return v }
        if let (text, source) = adviceText(activity) {
            return Verdict(id: v.id, allowed: true, reason: "\(program.words(for: activity)) is allowed; \(text).",
                           source: source)
        }
        guard let silent = advice(on: activity).first(where: \.defersToSurgeon) else { return v }
        var out = Verdict(id: v.id, allowed: false,
                          reason: "the sources your program uses say nothing about \(program.words(for: activity)); "
                              + "ask your surgeon" + (silent.source.map { " (\($0))" } ?? "") + ".",
                          changesWhen: "your surgeon tells you", source: silent.source)
        out.qualifier = .askFirst
        return out
    }

    /// The advice said after a ban, a limit or a sitting limit (and after its published range), so `can drive` under
    /// its ban says what the clearance needs; for gear, only while it must be worn. Nil when there is none to add.
    func adviceSentence(after v: Verdict, _ activity: Activity) -> String? {
        guard v.override == nil, emergencyAdvice == nil, v.qualifier != .askFirst, !isPlainYes(v) || isGear(activity),
              let (text, _) = adviceText(activity) else { return nil }
        if isGear(activity), v.qualifier != .wear, v.qualifier != .ifOrdered { return nil }
        // A plain yes already is the advice (`advised`).
        if v.reason.contains(text) { return nil }
        return "A" + text.dropFirst() + "."
    }
}
