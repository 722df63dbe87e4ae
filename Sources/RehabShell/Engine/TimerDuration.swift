/// A length of time typed by a patient for `timer`: `30`, `30 s`, `30s`, `1 min`, `1:30`, `2 min 30 s`.
///
/// Its own type so the words a patient types are read in one place, and `timer 1 min` no longer runs one second
/// (a bare number meant seconds, and the unit was taken for the label).
struct TimerDuration: Equatable, Sendable {
    let seconds: Int

    /// The longest timer: holds and rests are seconds to minutes; an hour is a safe upper bound.
    static let maximumSeconds = 3600

    /// The result of reading the words at the start of a `timer` line: the duration and the words left (the label).
    struct Reading: Equatable {
        let duration: TimerDuration
        let rest: [String]
    }

    private static let secondUnits: Set<String> = ["s", "sec", "secs", "second", "seconds"]
    private static let minuteUnits: Set<String> = ["m", "min", "mins", "minute", "minutes"]
    private static let hourUnits: Set<String> = ["h", "hr", "hrs", "hour", "hours"]

    /// Reads a duration from the first words; the words after it are returned as the label.
    static func read(_ words: [String]) throws(CommandError) -> Reading {
        // Split "30s" and "2min" into a number and a unit, so both spellings read the same.
        var tokens: [String] = []
        var consumed: [Int] = []
        for (i, w) in words.enumerated() {
            let lower = w.lowercased()
            let digits = lower.prefix { $0.isNumber || $0 == "-" || $0 == ":" || $0 == "." }
            if !digits.isEmpty, digits.count < lower.count {
                tokens += [String(digits), String(lower.dropFirst(digits.count))]
                consumed += [i, i]
            } else {
                tokens.append(lower); consumed.append(i)
            }
        }
        var total = 0
        var index = 0
        var read = false
        var afterMinutes = false
        while index < tokens.count {
            let token = tokens[index]
            if token.contains(":") {
                guard !read else { break }
                total = try clock(token)
                index += 1; read = true
                break
            }
            guard token.first?.isNumber == true || token.first == "-" || token.first == "." else { break }
            guard let n = Int(token) else { throw invalid(words[consumed[index]]) }
            if n < 0 { throw tooShort }
            let unit = index + 1 < tokens.count ? tokens[index + 1] : ""
            let sameWord = index + 1 < tokens.count && consumed[index + 1] == consumed[index]
            if hourUnits.contains(unit) {
                total += n * 3600; index += 2; read = true
                break
            }
            if minuteUnits.contains(unit), afterMinutes { break }
            if minuteUnits.contains(unit) {
                total += n * 60; index += 2; afterMinutes = true
            } else if secondUnits.contains(unit) {
                total += n; index += 2; read = true
                break
            } else if sameWord {
                throw invalid(words[consumed[index]])
            } else {
                // A bare number is seconds, alone ("30") or after minutes ("2 min 30").
                guard !read || afterMinutes else { break }
                total += n; index += 1; read = true
                break
            }
            read = true
        }
        guard read else { throw missing }
        if total <= 0 { throw tooShort }
        guard total <= maximumSeconds else {
            throw .usage("a timer can run for at most one hour; type a shorter time, for example 'timer 20 min'.")
        }
        let usedWords = index == 0 ? 0 : (consumed[index - 1] + 1)
        return Reading(duration: TimerDuration(seconds: total), rest: Array(words.dropFirst(usedWords)))
    }

    /// `1:30` (minutes and seconds) or `1:05:00` would be an hour or more: only M:SS is read.
    private static func clock(_ token: String) throws(CommandError) -> Int {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let m = Int(parts[0]), let s = Int(parts[1]), parts[1].count == 2 else {
            throw invalid(token)
        }
        guard m >= 0, s >= 0, s < 60 else { throw invalid(token) }
        return m * 60 + s
    }

    private static var missing: CommandError {
        .usage("timer needs a length of time; type for example 'timer 30', 'timer 1 min' or 'timer 1:30 hold'.")
    }

    private static var tooShort: CommandError {
        .usage("a timer needs a length of time above zero; type for example 'timer 30' for thirty seconds.")
    }

    private static func invalid(_ word: String) -> CommandError {
        .usage("'\(word)' is not a length of time; type for example 'timer 30', 'timer 1 min' or 'timer 1:30'.")
    }

    /// "1 min 30 s", "45 s", "2 min": how the timer announces itself.
    var text: String {
        let m = seconds / 60, s = seconds % 60
        switch (m, s) {
        case (0, _): return "\(s) s"
        case (_, 0): return "\(m) min"
        default: return "\(m) min \(s) s"
        }
    }
}
