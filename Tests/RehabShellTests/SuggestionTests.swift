import Testing
import RehabCore
@testable import RehabShell

@Suite("Suggestion")
struct SuggestionTests {
    @Test("distance", arguments: [
        ("", "", 0), ("abc", "abc", 0), ("", "abc", 3), ("abc", "", 3),
        ("timer", "timr", 1), ("timer", "timerr", 1), ("timer", "tiner", 1),
        ("timer", "tiemr", 1), ("help", "hlep", 1), ("ab", "ba", 1),   // a swapped pair counts once
        ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("abc", "xyz", 3),
    ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(Suggestion.distance(a, b) == expected)
        #expect(Suggestion.distance(b, a) == expected)
    }

    @Test("closest finds near words, ignoring case")
    func closestNear() {
        let words = ["help", "timer", "quit", "allowed", "status"]
        #expect(Suggestion.closest(to: "timr", in: words) == "timer")
        #expect(Suggestion.closest(to: "tiemr", in: words) == "timer")
        #expect(Suggestion.closest(to: "HLEP", in: words) == "help")
        #expect(Suggestion.closest(to: "alowed", in: words) == "allowed")
        #expect(Suggestion.closest(to: "stauts", in: words) == "status")
    }

    @Test("closest prefers the smallest distance")
    func closestBest() {
        #expect(Suggestion.closest(to: "cat", in: ["cast", "cat"]) == "cat")
        #expect(Suggestion.closest(to: "bat", in: ["cart", "bag"]) == "bag")
    }

    @Test("closest is nil for far words", arguments: ["xylophone", "zzz", "q1w2e3", "abcdefgh"])
    func closestFar(_ word: String) {
        #expect(Suggestion.closest(to: word, in: ["help", "timer", "quit", "allowed", "status"]) == nil)
    }

    @Test("closest is nil with no candidates")
    func closestEmpty() {
        #expect(Suggestion.closest(to: "help", in: []) == nil)
    }

    @Test("a typed prefix of 3+ letters finds the long word")
    func closestPrefix() {
        #expect(Suggestion.closest(to: "progr", in: ["help", "programs"]) == "programs")
    }
}
