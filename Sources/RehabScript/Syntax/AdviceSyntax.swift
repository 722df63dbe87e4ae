import RehabCore

extension Parser {
    /// `advise sleeping-on-side "put a pillow between your knees"`: what the sources advise for an activity,
    /// shown with every `can` answer about it.
    mutating func adviceLine(_ c: inout LineCursor) throws(LineCursor.Failure) -> Advice {
        let ref = c.here
        _ = c.advance()
        let (a, aref) = try c.id("an activity such as 'sleeping-on-side' or 'showering'")
        // Gear (`advise brace "…"`) is the engine's own, like `wear brace`.
        if !Activity.gear.contains(Activity(a)) { appendReference(.init(kind: .activity, id: a, source: aref)) }
        let words = try c.string("the advice in quotes, such as \"put a pillow between your knees\"")
        try c.endOfLine()
        return Advice(activity: Activity(a), words: words, source: ref)
    }

    /// `ask surgeon about flying, hot-tub`: the sources the program uses say nothing on these activities, so `can`
    /// says so and sends the patient to their surgeon instead of answering "nothing rules it out".
    mutating func askSurgeonLine(_ c: inout LineCursor) throws(LineCursor.Failure) -> [Advice] {
        let ref = c.here
        _ = c.advance(); _ = c.advance()
        try c.expect("about", "'about' (as in 'ask surgeon about flying')")
        var out: [Advice] = []
        repeat {
            let (a, aref) = try c.id("an activity such as 'flying'")
            appendReference(.init(kind: .activity, id: a, source: aref))
            out.append(Advice(activity: Activity(a), words: nil, source: ref))
        } while c.take(.comma)
        try c.endOfLine()
        return out
    }
}
