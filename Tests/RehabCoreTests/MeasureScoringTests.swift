import RehabCore
import Testing

/// Scoring against the authors' published worked examples and their edge cases.
@Suite struct MeasureScoringTests {
    func odi(_ a: [Int?]) throws -> MeasureScore { try MeasureRecord(instrument: .odi, answers: a, on: Day.n(0)).score() }
    func ndi(_ a: [Int?]) throws -> MeasureScore { try MeasureRecord(instrument: .ndi, answers: a, on: Day.n(0)).score() }

    @Test func oswestryWorkedExampleAllSections() throws {
        // Fairbank & Pynsent: 16 of 50 → 32%.
        let s = try odi([2, 2, 2, 2, 2, 2, 1, 1, 1, 1])
        #expect(s.value == 32)
        #expect(s.band == "moderate disability")
        #expect(s.itemsAnswered == 10)
    }

    @Test func oswestryOneSectionSkippedLeavesItOut() throws {
        // 16 of 45 → 35.5% (the published example rounds 35.56 down).
        let s = try odi([2, 2, 2, 2, 2, 2, 2, 1, 1, nil])
        #expect(abs(s.value - 1600.0 / 45) < 1e-9)
        #expect(s.itemsAnswered == 9)
    }

    @Test func oswestryBandsAtTheirEdges() throws {
        #expect(try odi([2, 2, 2, 2, 2, 0, 0, 0, 0, 0]).band == "minimal disability") // 20%
        #expect(try odi([2, 2, 2, 2, 2, 1, 0, 0, 0, 0]).band == "moderate disability") // 22%
        #expect(try odi([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]).band == "bed-bound (or exaggerating)")
        #expect(try odi(Array(repeating: 0, count: 10)).value == 0)
    }

    @Test func oswestryRefusesAllSkippedAndOutOfRange() {
        #expect(throws: MeasureError.tooManySkipped(answered: 0, needed: 1)) { try odi(Array(repeating: nil, count: 10)) }
        #expect(throws: MeasureError.answerOutOfRange(item: 3, value: 6, range: 0...5)) {
            try odi([0, 0, 6, 0, 0, 0, 0, 0, 0, 0])
        }
        #expect(throws: MeasureError.wrongNumberOfAnswers(expected: 10, got: 9)) { try odi(Array(repeating: 1, count: 9)) }
    }

    @Test func neckIndexRawTotalAndPercentageWithVernonBands() throws {
        let s = try ndi([2, 2, 2, 2, 2, 2, 2, 2, 1, 1]) // 18 of 50
        #expect(s.raw == 18)
        #expect(s.value == 36)
        #expect(s.band == "moderate disability")
        #expect(try ndi([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]).band == "no disability")
        #expect(try ndi([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]).band == "mild disability")
        #expect(try ndi(Array(repeating: 4, count: 10)).band == "complete disability")
    }

    @Test func neckIndexReplacesASkippedItemByTheAverageOfTheOthers() throws {
        let s = try ndi([2, 2, 2, 2, 2, 2, 2, 2, 2, nil]) // 18 + 2
        #expect(s.raw == 20)
        #expect(throws: MeasureError.tooManySkipped(answered: 7, needed: 8)) { try ndi([1, 1, 1, 1, 1, 1, 1, nil, nil, nil]) }
    }

    @Test func functionalScaleIsTheMeanRating() throws {
        let r = MeasureRecord(instrument: .psfs, answers: [4, 6, 8], activities: ["dog", "socks", "stairs"], on: Day.n(0))
        #expect(try r.score().value == 6)
        #expect(throws: MeasureError.activitiesDoNotMatchRatings) {
            try MeasureRecord(instrument: .psfs, answers: [4], activities: [], on: Day.n(0)).score()
        }
        #expect(throws: MeasureError.answerOutOfRange(item: 1, value: 11, range: 0...10)) {
            try MeasureRecord(instrument: .psfs, answers: [11], activities: ["a"], on: Day.n(0)).score()
        }
    }

    @Test func changesAreJudgedAgainstTheMinimalImportantChange() throws {
        let before = try odi(Array(repeating: 3, count: 10)) // 60
        let after = try odi(Array(repeating: 2, count: 10)) // 40
        let c = after.change(from: before)
        #expect(c.delta == -20 && c.better && c.meaningful)
        let small = try odi([3, 3, 3, 3, 3, 3, 3, 3, 2, 2]).change(from: before) // 56
        #expect(small.better && !small.meaningful)
        let p1 = try MeasureRecord(instrument: .psfs, answers: [3], activities: ["a"], on: Day.n(0)).score()
        let p2 = try MeasureRecord(instrument: .psfs, answers: [6], activities: ["a"], on: Day.n(0)).score()
        #expect(p2.change(from: p1).better && p2.change(from: p1).meaningful)
    }
}
