import RehabCore

/// The `says` phrases of activities: each must have a word a question can match, and no two activities may
/// share one, or `can I …` with that phrase would have two answers.
enum ActivityPhrases {
    static func check(_ fragments: [ProgramFragment]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var first: [[String]: (activity: String, source: SourceRef)] = [:]
        for f in fragments {
            for a in f.activities {
                for p in a.phrases {
                    let key = QuestionMatcher.normalized(p.text)
                    guard !key.isEmpty else {
                        out.append(.error(.emptyPhrase,
                                          "the phrase \"\(p.text)\" of activity '\(a.id)' has no word a question could match",
                                          at: p.source, length: p.text.count + 2,
                                          hint: "name what the patient does, as in \"sleep on my stomach\", or remove it"))
                        continue
                    }
                    if let earlier = first[key] {
                        guard earlier.activity != a.id else { continue }
                        out.append(.error(.duplicatePhrase,
                                          "the phrase \"\(p.text)\" of activity '\(a.id)' also belongs to activity "
                                              + "'\(earlier.activity)'",
                                          at: p.source, length: p.text.count + 2,
                                          notes: [.init("the first is here", at: earlier.source)],
                                          hint: "keep the phrase under one activity, or make it more specific"))
                    } else {
                        first[key] = (a.id, p.source)
                    }
                }
            }
        }
        return out
    }
}
