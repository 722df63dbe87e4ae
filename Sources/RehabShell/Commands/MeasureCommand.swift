import RehabCore

extension Command {
    static let measure = Command(
        "measure", group: .today, usage: "measure odi|ndi|psfs [ANSWERS…]",
        summary: "Fill in an outcome questionnaire (ODI for the low back, NDI for the neck, PSFS for your own activities); "
            + "with no name, your scores so far.",
        example: "measure odi 2 1 3 - 0 1 2 0 1 1",
        arguments: .words(MeasureRecord.Instrument.allCases.map(\.rawValue)), options: [.value("note", "TEXT")]
    ) { shell, args throws(CommandError) in
        let v = try shell.patientView()
        guard let word = args.words.first?.lowercased() else {
            for line in MeasureText.history(v.record.measures) { shell.say(line) }
            return
        }
        guard let instrument = MeasureRecord.Instrument(rawValue: word) else {
            throw .usage("there is no questionnaire '\(word)'; type 'measure odi' (low back), 'measure ndi' (neck) "
                         + "or 'measure psfs' (activities you choose).")
        }
        if let advice = MeasureText.otherRegion(instrument, procedure: v.record.profile.procedure) { shell.say(advice) }
        let given = Array(args.words.dropFirst())
        let answers: MeasureAnswers
        if given.isEmpty {
            guard shell.ask != nil else {
                throw .usage("give the answers on the line, for example "
                             + (instrument == .psfs ? "'measure psfs \"putting on socks=4\" \"walking=6\"'."
                                                    : "'measure \(word) 2 1 3 - 0 1 2 0 1 1' (- for a question you skip)."))
            }
            guard let asked = try MeasureInterview(shell: shell, instrument: instrument).run() else {
                shell.say("Nothing was recorded."); return
            }
            answers = asked
        } else {
            answers = try MeasureAnswers.read(given, instrument: instrument)
        }
        let record = MeasureRecord(instrument: instrument, answers: answers.ratings, activities: answers.activities,
                                   on: shell.settings.today, note: args.option("note"))
        let score: MeasureScore
        do throws(MeasureError) { score = try record.score() } catch { throw .usage(error.message + " Nothing was recorded.") }
        let earlier = v.record.measures.last { $0.instrument == instrument }.flatMap { try? $0.score() }
        try shell.append(.measureRecorded(record), to: v.name)
        shell.say(MeasureText.summary(score, earlier: earlier))
    }
}

/// Answers read from the command line: `2 1 - 3 …` for the ODI and NDI, `"activity=rating" …` for the PSFS.
struct MeasureAnswers {
    var ratings: [Int?]
    var activities: [String] = []

    static func read(_ words: [String], instrument: MeasureRecord.Instrument) throws(CommandError) -> MeasureAnswers {
        if instrument == .psfs {
            var out = MeasureAnswers(ratings: [])
            for w in words {
                guard let eq = w.lastIndex(of: "="), let r = Int(String(w[w.index(after: eq)...]).trimmingSpaces),
                      !String(w[..<eq]).trimmingSpaces.isEmpty else {
                    throw .usage("'\(w)' is not an activity with a rating; write it as \"walking the dog=4\" (0 = unable, "
                                 + "10 = as before).")
                }
                out.activities.append(String(w[..<eq]).trimmingSpaces)
                out.ratings.append(r)
            }
            return out
        }
        let count = instrument == .odi ? OswestryIndex.sections.count : NeckDisabilityIndex.items.count
        guard words.count == count else {
            throw .usage("the \(instrument.rawValue.uppercased()) has \(count) questions and \(words.count) answers were "
                         + "given; give one number from 0 to 5 for each, or - for one you skip.")
        }
        var ratings: [Int?] = []
        for w in words {
            if w == "-" || w.lowercased() == "skip" { ratings.append(nil); continue }
            guard let n = Int(w) else {
                throw .usage("'\(w)' is not an answer; give a number from 0 to 5, or - for a question you skip.")
            }
            ratings.append(n)
        }
        return MeasureAnswers(ratings: ratings)
    }
}

/// Asks a questionnaire one item at a time at the terminal.
struct MeasureInterview {
    let shell: Shell
    let instrument: MeasureRecord.Instrument

    /// The answers, or nil when the patient stopped (Ctrl-C, Ctrl-D or `stop`).
    func run() throws(CommandError) -> MeasureAnswers? {
        guard let ask = shell.ask else { return nil }
        if instrument == .psfs {
            shell.say("Name up to \(PatientSpecificFunctionalScale.mostActivities) activities you find hard because of "
                      + "your back or neck, and rate each from 0 (unable) to 10 (as before). An empty line ends the list.")
            var out = MeasureAnswers(ratings: [])
            while out.activities.count < PatientSpecificFunctionalScale.mostActivities {
                guard case .line(let raw) = ask("Activity \(out.activities.count + 1): ") else { return nil }
                let name = raw.trimmingSpaces
                if name.isEmpty { break }
                if name.lowercased() == "stop" { return nil }
                guard let r = rating(ask, prompt: "How well can you do it now (0–10)? ", range: 0...10, skippable: false)
                else { return nil }
                out.activities.append(name); out.ratings.append(r ?? 0)
            }
            return out.activities.isEmpty ? nil : out
        }
        let items = instrument == .odi ? OswestryIndex.sections : NeckDisabilityIndex.items
        shell.say("For each question, choose 0 (no problem) to 5 (the worst); 'skip' leaves one out, 'stop' ends.")
        var ratings: [Int?] = []
        for (i, item) in items.enumerated() {
            guard let r = rating(ask, prompt: "\(i + 1)/\(items.count) \(item): ", range: 0...5, skippable: true)
            else { return nil }
            ratings.append(r)
        }
        return MeasureAnswers(ratings: ratings)
    }

    /// `.some(nil)` is a skipped item; nil means the patient stopped.
    private func rating(_ ask: (String) -> LineInput, prompt: String, range: ClosedRange<Int>,
                        skippable: Bool) -> Int?? {
        for _ in 0..<5 {
            guard case .line(let raw) = ask(prompt) else { return nil }
            let answer = raw.trimmingSpaces.lowercased()
            if answer == "stop" { return nil }
            if skippable, answer == "skip" || answer == "-" { return .some(nil) }
            if let n = Int(answer), range.contains(n) { return .some(n) }
            shell.console.report("Type a number from \(range.lowerBound) to \(range.upperBound)"
                                 + (skippable ? ", or 'skip'.\n" : ".\n"))
        }
        return nil
    }
}

/// How scores are shown: the score, the author's band, and the change against the minimal important change.
enum MeasureText {
    static func name(_ i: MeasureRecord.Instrument) -> String {
        switch i {
        case .odi: return "Oswestry Disability Index"
        case .ndi: return "Neck Disability Index"
        case .psfs: return "Patient-Specific Functional Scale"
        }
    }

    static func value(_ s: MeasureScore) -> String {
        switch s.instrument {
        case .odi: return "\(Int(s.value.rounded()))%"
        case .ndi: return "\(format(s.raw ?? s.value / 2)) of 50 (\(Int(s.value.rounded()))%)"
        case .psfs: return "\(format(s.value)) of 10"
        }
    }

    static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func summary(_ s: MeasureScore, earlier: MeasureScore?) -> String {
        var text = "\(name(s.instrument)): \(value(s)), \(s.band)."
        if let earlier { text += " " + change(s.change(from: earlier), instrument: s.instrument) }
        return text
    }

    static func change(_ c: MeasureChange, instrument: MeasureRecord.Instrument) -> String {
        let unit = instrument == .psfs ? "points" : "percentage points"
        let mic = "the smallest change that matters is \(format(c.minimalImportantChange)) \(unit)"
        if c.delta == 0 { return "No change since last time." }
        let direction = c.better ? "Better" : "Worse"
        let amount = "\(format(abs(c.delta))) \(unit)"
        return c.meaningful ? "\(direction) by \(amount) since last time: a real change (\(mic))."
                            : "\(direction) by \(amount) since last time: less than \(mic)."
    }

    static func history(_ measures: [MeasureRecord]) -> [String] {
        guard !measures.isEmpty else {
            return ["No questionnaire yet. Type 'measure odi' (low back), 'measure ndi' (neck) or 'measure psfs'."]
        }
        var lines: [String] = []
        var last: [MeasureRecord.Instrument: MeasureScore] = [:]
        for m in measures {
            guard let s = try? m.score() else { continue }
            var line = "\(m.on.iso)  \(m.instrument.rawValue.uppercased())  \(value(s)), \(s.band)"
            if let e = last[m.instrument] { line += ". " + change(s.change(from: e), instrument: m.instrument) }
            lines.append(line)
            last[m.instrument] = s
        }
        return lines
    }

    /// The ODI is written for the low back and the NDI for the neck: say so when the other one is asked.
    static func otherRegion(_ i: MeasureRecord.Instrument, procedure: Procedure?) -> String? {
        switch (i, procedure) {
        case (.odi, .cervicalFusion?):
            return "Note: the ODI is for the low back; after neck surgery the NDI ('measure ndi') is the usual one."
        case (.ndi, .lumbarFusion?), (.ndi, .lumbarDiscReplacement?):
            return "Note: the NDI is for the neck; after low back surgery the ODI ('measure odi') is the usual one."
        default: return nil
        }
    }
}
