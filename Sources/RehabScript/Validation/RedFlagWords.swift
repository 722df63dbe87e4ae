import RehabCore

/// Red flags patients must be able to find in their own words, and holds that keep only what is safe.
enum RedFlagWords {
    static func check(_ program: Program) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in program.redFlags {
            let at = Validator.here(f.source, program)
            if f.emergency, !f.continues.isEmpty {
                out.append(.error(.emergencyContinues, "red flag '\(f.id)' is an emergency, so nothing continues during it",
                                  at: at, length: f.id.count, hint: "remove the 'continues' line, or make the flag 'urgent' or 'soon'"))
            }
            for phrase in f.phrases where !SymptomMatcher.isTelling(phrase) {
                out.append(.warning(.redFlagPhraseTooCommon, "the phrase '\(phrase)' of red flag '\(f.id)' has only common words, so it never matches",
                                    at: at, length: f.id.count, hint: "name the part of the body or the sign, as in \"calf pain\""))
            }
            if f.phrases.isEmpty {
                out.append(.warning(.redFlagNoPhrases, "red flag '\(f.id)' lists no words patients use for it, so only its id finds it",
                                    at: at, length: f.id.count, hint: "add a line such as 'says \"chest pain\", \"short of breath\"'"))
            }
        }
        return out
    }
}
